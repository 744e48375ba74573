#pragma once
// Time zones as an applicant chooses one: from the real zone list (the browser's Intl list of IANA
// zones, each with its offset from UTC today), found by the city in its name, and offsets written
// the way people write them, "+5:30" or "-3".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pairwise {

struct TimeZoneNow {
  std::string name;        // IANA name, e.g. "Asia/Kolkata"
  int offset_minutes = 0;  // east of UTC, today (daylight saving included)
  bool operator==(const TimeZoneNow&) const = default;
};

// The zones whose name matches every word of `query` (case-insensitive; a space matches the "_" of
// "New_York"; any part of the name counts, region or city; a few large cities that no zone is
// named after count for their zone, "Delhi" for Asia/Kolkata), cities that start with the query
// first, then by name; at most `limit`. An empty query matches nothing.
std::vector<TimeZoneNow> search_time_zones(const std::vector<TimeZoneNow>& zones, std::string_view query,
                                           std::size_t limit = 8);

// The zone's current IANA name: browsers list some zones under names the database has since
// replaced ("Asia/Calcutta" for "Asia/Kolkata", "Europe/Kiev" for "Europe/Kyiv").
std::string current_time_zone_name(const std::string& name);

// "UTC+5:30", "GMT-5", "+01:00", "+0530", "-3", "0", "UTC" -> minutes east of UTC; empty when it is
// not an offset or lies outside UTC-12 ... UTC+14.
std::optional<int> parse_utc_offset(const std::string& text);
// 330 -> "+5:30", -300 -> "-5:00", 0 -> "+0:00".
std::string format_utc_offset(int minutes);
// "Asia/Kolkata" -> "Kolkata (Asia), UTC+5:30": how a zone is shown in the list.
std::string describe_time_zone(const TimeZoneNow& zone);

}  // namespace pairwise
