#include "core/records/time_zones.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "core/records/record_meta.hpp"

namespace pairwise {
namespace {

std::string folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c == '_') c = ' ';
  }
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '/' || c == ',' || c == '(' || c == ')') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::string city_of(const std::string& name) {
  const auto slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Names the IANA database replaced that ICU (and so every browser) still lists.
constexpr std::pair<const char*, const char*> kRenamedZones[] = {
    {"Asia/Calcutta", "Asia/Kolkata"},      {"Asia/Katmandu", "Asia/Kathmandu"},
    {"Asia/Saigon", "Asia/Ho_Chi_Minh"},    {"Asia/Rangoon", "Asia/Yangon"},
    {"Europe/Kiev", "Europe/Kyiv"},         {"America/Godthab", "America/Nuuk"},
    {"Atlantic/Faeroe", "Atlantic/Faroe"},  {"Pacific/Truk", "Pacific/Chuuk"},
    {"Pacific/Ponape", "Pacific/Pohnpei"},  {"Asia/Dacca", "Asia/Dhaka"},
    {"Asia/Thimbu", "Asia/Thimphu"},        {"Asia/Ulan_Bator", "Asia/Ulaanbaatar"},
    {"America/Buenos_Aires", "America/Argentina/Buenos_Aires"},
    {"Africa/Asmera", "Africa/Asmara"},
};

// Large cities people look for that no zone is named after, with the zone they are in.
constexpr std::pair<const char*, const char*> kCitiesInZones[] = {
    {"delhi", "Asia/Kolkata"},          {"new delhi", "Asia/Kolkata"},   {"mumbai", "Asia/Kolkata"},
    {"bangalore", "Asia/Kolkata"},      {"bengaluru", "Asia/Kolkata"},   {"chennai", "Asia/Kolkata"},
    {"beijing", "Asia/Shanghai"},       {"islamabad", "Asia/Karachi"},   {"lahore", "Asia/Karachi"},
    {"washington", "America/New_York"}, {"boston", "America/New_York"},  {"ottawa", "America/Toronto"},
    {"san francisco", "America/Los_Angeles"}, {"seattle", "America/Los_Angeles"},
    {"canberra", "Australia/Sydney"},   {"wellington", "Pacific/Auckland"}, {"brasilia", "America/Sao_Paulo"},
    {"rio de janeiro", "America/Sao_Paulo"}, {"pretoria", "Africa/Johannesburg"}, {"cape town", "Africa/Johannesburg"},
    {"abuja", "Africa/Lagos"},          {"geneva", "Europe/Zurich"},     {"edinburgh", "Europe/London"},
    {"manchester", "Europe/London"},    {"kampala", "Africa/Kampala"},   {"ankara", "Europe/Istanbul"},
};

}  // namespace

std::string current_time_zone_name(const std::string& name) {
  for (const auto& [old_name, new_name] : kRenamedZones)
    if (name == old_name) return new_name;
  return name;
}

std::vector<TimeZoneNow> search_time_zones(const std::vector<TimeZoneNow>& zones, std::string_view query,
                                           std::size_t limit) {
  const std::vector<std::string> words = words_of(folded(trim(query)));
  std::vector<std::pair<int, const TimeZoneNow*>> found;  // (rank, zone): 0 = the city starts with the query
  if (words.empty()) return {};
  const std::string whole = folded(trim(query));
  std::vector<std::string> zones_of_cities;  // zones of the large cities the query names
  for (const auto& [city, zone] : kCitiesInZones)
    if (std::string(city).rfind(whole, 0) == 0) zones_of_cities.push_back(zone);
  for (const TimeZoneNow& zone : zones) {
    const std::string name = folded(zone.name);
    if (std::find(zones_of_cities.begin(), zones_of_cities.end(), zone.name) != zones_of_cities.end()) {
      found.emplace_back(0, &zone);
      continue;
    }
    const bool every_word = std::all_of(words.begin(), words.end(),
                                        [&](const std::string& w) { return name.find(w) != std::string::npos; });
    if (!every_word) continue;
    const std::string city = folded(city_of(zone.name));
    found.emplace_back(city.rfind(whole, 0) == 0 ? 0 : 1, &zone);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
  });
  std::vector<TimeZoneNow> out;
  for (const auto& [rank, zone] : found) {
    if (out.size() >= limit) break;
    out.push_back(*zone);
  }
  return out;
}

std::optional<int> parse_utc_offset(const std::string& text) {
  std::string t = folded(trim(text));
  const bool named = t.rfind("utc", 0) == 0 || t.rfind("gmt", 0) == 0;
  if (named) t = trim(t.substr(3));
  if (t.empty()) return named ? std::optional<int>(0) : std::nullopt;  // "UTC" alone is UTC+0
  int sign = 1;
  if (t[0] == '+' || t[0] == '-') {
    sign = t[0] == '-' ? -1 : 1;
    t = trim(t.substr(1));
  }
  std::string hours_text = t, minutes_text;
  if (const auto colon = t.find(':'); colon != std::string::npos) {
    hours_text = t.substr(0, colon);
    minutes_text = t.substr(colon + 1);
    if (minutes_text.empty()) return std::nullopt;  // "+5:" is still being typed
  } else if (t.size() == 4 && all_digits(t)) {  // "+0530"
    hours_text = t.substr(0, 2);
    minutes_text = t.substr(2);
  }
  if (!all_digits(hours_text) || hours_text.size() > 2) return std::nullopt;
  if (!minutes_text.empty() && (!all_digits(minutes_text) || minutes_text.size() != 2)) return std::nullopt;
  const int hours = std::atoi(hours_text.c_str());
  const int minutes = minutes_text.empty() ? 0 : std::atoi(minutes_text.c_str());
  if (minutes > 59) return std::nullopt;
  const int total = sign * (hours * 60 + minutes);
  if (total < -12 * 60 || total > 14 * 60) return std::nullopt;
  return total;
}

std::string format_utc_offset(int minutes) {
  const int magnitude = std::abs(minutes);
  const int m = magnitude % 60;
  return std::string(minutes < 0 ? "-" : "+") + std::to_string(magnitude / 60) + ":" + (m < 10 ? "0" : "") +
         std::to_string(m);
}

std::string describe_time_zone(const TimeZoneNow& zone) {
  std::string city = city_of(zone.name);
  std::replace(city.begin(), city.end(), '_', ' ');
  const auto slash = zone.name.find('/');
  std::string region = slash == std::string::npos ? std::string() : zone.name.substr(0, slash);
  const auto last = zone.name.rfind('/');
  if (slash != last) region = zone.name.substr(0, last);  // "America/Argentina/Salta"
  std::replace(region.begin(), region.end(), '_', ' ');
  return city + (region.empty() ? "" : " (" + region + ")") + ", UTC" + format_utc_offset(zone.offset_minutes);
}

}  // namespace pairwise
