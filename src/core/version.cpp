#include "core/version.hpp"

namespace pairwise {
const char* app_version() { return "0.1.0"; }
}  // namespace pairwise
