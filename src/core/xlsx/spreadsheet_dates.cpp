#include "core/xlsx/spreadsheet_dates.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace pairwise {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

const std::int64_t kEpoch1900 = days_from_civil(1899, 12, 30);
const std::int64_t kEpoch1904 = days_from_civil(1904, 1, 1);

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::string> serial_to_iso(double serial, bool date1904, DateShown shown) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3e6) return std::nullopt;
  auto seconds = static_cast<std::int64_t>(std::llround(serial * 86400.0));
  std::int64_t day = seconds / 86400;
  const std::int64_t second_of_day = seconds % 86400;
  char time[16];
  std::snprintf(time, sizeof time, "%02d:%02d:%02d", static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60));
  if (shown == DateShown::time && day == 0) return std::string(time);
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  if (date1904) {
    civil_from_days(kEpoch1904 + day, y, m, d);
  } else if (day == 60) {
    y = 1900, m = 2, d = 29;  // the day that never was, shown as the workbook shows it
  } else {
    civil_from_days(kEpoch1900 + day + (day < 60 ? 1 : 0), y, m, d);
  }
  if (y < 1 || y > 9999) return std::nullopt;
  char date[32];
  std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(y), m, d);
  if (shown == DateShown::date && second_of_day == 0) return std::string(date);
  return std::string(date) + "T" + time;
}

std::optional<double> iso_to_serial(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  std::int64_t yy = 0;
  unsigned mm = 0, dd = 0;
  civil_from_days(days, yy, mm, dd);
  if (mm != static_cast<unsigned>(m)) return std::nullopt;  // 2023-02-30
  const std::int64_t serial_day = days - kEpoch1900;
  if (serial_day < 61) return std::nullopt;  // before 1900-03-01 the 1900 system is off by one
  double serial = static_cast<double>(serial_day);
  if (s.size() == 10) return serial;
  int h = 0, mi = 0, se = 0;
  if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, h) || s.size() < 19 || s[13] != ':' ||
      !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, se) || h > 23 || mi > 59 || se > 59)
    return std::nullopt;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return std::nullopt;
  }
  if (i < s.size() && s[i] == 'Z') ++i;
  if (i != s.size()) return std::nullopt;
  return serial + (h * 3600 + mi * 60 + se) / 86400.0;
}

}  // namespace pairwise
