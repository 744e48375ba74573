#include <doctest/doctest.h>

#include "core/records/time_zones.hpp"

using namespace pairwise;

namespace {
const std::vector<TimeZoneNow> kZones = {
    {"Africa/Nairobi", 180},      {"America/New_York", -300}, {"America/Argentina/Salta", -180},
    {"Asia/Kolkata", 330},        {"Asia/Kathmandu", 345},    {"Australia/Adelaide", 630},
    {"Europe/London", 0},         {"Europe/Paris", 60},       {"Pacific/Chatham", 825},
    {"America/Los_Angeles", -480}, {"Asia/Karachi", 300},     {"UTC", 0},
};
std::vector<std::string> names(const std::vector<TimeZoneNow>& zones) {
  std::vector<std::string> out;
  for (const auto& z : zones) out.push_back(z.name);
  return out;
}
}  // namespace

TEST_CASE("a time zone is found by its city, as people type it") {
  CHECK(names(search_time_zones(kZones, "nairobi")) == std::vector<std::string>{"Africa/Nairobi"});
  CHECK(names(search_time_zones(kZones, "New York")) == std::vector<std::string>{"America/New_York"});
  CHECK(names(search_time_zones(kZones, "  LOS ang ")) == std::vector<std::string>{"America/Los_Angeles"});
  CHECK(names(search_time_zones(kZones, "salta")) == std::vector<std::string>{"America/Argentina/Salta"});
  // Cities that start with the query come before names that merely contain it.
  CHECK(names(search_time_zones(kZones, "ka")) == std::vector<std::string>{"Asia/Karachi", "Asia/Kathmandu", "Asia/Kolkata"});
  CHECK(names(search_time_zones(kZones, "asia")).size() == 3);
  CHECK(search_time_zones(kZones, "asia", 2).size() == 2);
  CHECK(search_time_zones(kZones, "").empty());
  // Large cities no zone is named after.
  CHECK(names(search_time_zones(kZones, "Delhi")) == std::vector<std::string>{"Asia/Kolkata"});
  CHECK(names(search_time_zones(kZones, "washington")) == std::vector<std::string>{"America/New_York"});
  CHECK(search_time_zones(kZones, "Atlantis").empty());
}

TEST_CASE("zones the browser lists under replaced names are shown under their current ones") {
  CHECK(current_time_zone_name("Asia/Calcutta") == "Asia/Kolkata");
  CHECK(current_time_zone_name("Europe/Kiev") == "Europe/Kyiv");
  CHECK(current_time_zone_name("Asia/Saigon") == "Asia/Ho_Chi_Minh");
  CHECK(current_time_zone_name("Europe/London") == "Europe/London");
}

TEST_CASE("offsets are read and written as people write them, half and quarter hours included") {
  CHECK(parse_utc_offset("+5:30") == 330);
  CHECK(parse_utc_offset("UTC+5:30") == 330);
  CHECK(parse_utc_offset("GMT-5") == -300);
  CHECK(parse_utc_offset("-03:00") == -180);
  CHECK(parse_utc_offset("+0545") == 345);
  CHECK(parse_utc_offset("0") == 0);
  CHECK(parse_utc_offset("14") == 840);
  CHECK(parse_utc_offset("+13:45") == 825);
  CHECK_FALSE(parse_utc_offset(""));
  CHECK_FALSE(parse_utc_offset("+5:"));  // half typed
  CHECK_FALSE(parse_utc_offset("+5:75"));
  CHECK_FALSE(parse_utc_offset("+15"));
  CHECK_FALSE(parse_utc_offset("-13"));
  CHECK_FALSE(parse_utc_offset("London"));
  CHECK(format_utc_offset(330) == "+5:30");
  CHECK(format_utc_offset(-300) == "-5:00");
  CHECK(format_utc_offset(0) == "+0:00");
  CHECK(format_utc_offset(-570) == "-9:30");
  for (int m = -12 * 60; m <= 14 * 60; m += 15) CHECK(parse_utc_offset(format_utc_offset(m)) == m);
  CHECK(describe_time_zone({"Asia/Kolkata", 330}) == "Kolkata (Asia), UTC+5:30");
  CHECK(describe_time_zone({"America/Argentina/Salta", -180}) == "Salta (America/Argentina), UTC-3:00");
  CHECK(describe_time_zone({"UTC", 0}) == "UTC, UTC+0:00");
}
