#include "core/records/timestamps.hpp"

#include <chrono>

namespace pairwise {

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return (month >= 1 && month <= 12) ? kDays[month - 1] : 0;
}

namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  out = v;
  return true;
}

std::string two(unsigned v) {
  std::string s(2, '0');
  s[0] = static_cast<char>('0' + v / 10 % 10);
  s[1] = static_cast<char>('0' + v % 10);
  return s;
}

}  // namespace

std::optional<std::int64_t> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
    return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_date(std::int64_t days) {
  const CivilDate c = civil_from_days(days);
  std::string y = std::to_string(c.year);
  while (y.size() < 4) y.insert(y.begin(), '0');
  return y + "-" + two(c.month) + "-" + two(c.day);
}

bool is_valid_date(std::string_view text) { return parse_date(text).has_value(); }

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return std::nullopt;
  auto days = parse_date(text.substr(0, 10));
  int h = 0, mi = 0, s = 0;
  if (!days || !read_digits(text, 11, 2, h) || !read_digits(text, 14, 2, mi) ||
      !read_digits(text, 17, 2, s) || h > 23 || mi > 59 || s > 60)
    return std::nullopt;
  return *days * 86400 + h * 3600 + mi * 60 + s;
}

std::string format_timestamp(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const auto r = static_cast<unsigned>(rem);
  return format_date(days) + "T" + two(r / 3600) + ":" + two(r / 60 % 60) + ":" + two(r % 60) + "Z";
}

bool is_valid_timestamp(std::string_view text) { return parse_timestamp(text).has_value(); }

std::optional<std::int64_t> days_between(std::string_view from, std::string_view to) {
  auto a = parse_date(from), b = parse_date(to);
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

std::string add_days(std::string_view date, std::int64_t days) {
  auto d = parse_date(date);
  return d ? format_date(*d + days) : std::string();
}

std::string date_of(std::string_view timestamp) { return std::string(timestamp.substr(0, 10)); }

std::string SystemClock::now() const {
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  return format_timestamp(static_cast<std::int64_t>(secs));
}

void FixedClock::advance_seconds(std::int64_t seconds) {
  auto t = parse_timestamp(now_);
  if (t) now_ = format_timestamp(*t + seconds);
}

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace pairwise
