#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/version.hpp"

TEST_CASE("the app version is a dotted triple") {
  std::string v = pairwise::app_version();
  CHECK(std::count(v.begin(), v.end(), '.') == 2);
}
