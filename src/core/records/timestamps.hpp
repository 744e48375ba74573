#pragma once
// Dates ("YYYY-MM-DD") and timestamps ("YYYY-MM-DDTHH:MM:SSZ") as strings, with our own civil
// calendar arithmetic: libc time functions (gmtime_r & co.) abort under Emscripten 3.1.6.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pairwise {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

// Howard Hinnant's algorithms: days since 1970-01-01 in the proleptic Gregorian calendar.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
CivilDate civil_from_days(std::int64_t days);
unsigned days_in_month(int year, unsigned month);

std::optional<std::int64_t> parse_date(std::string_view text);  // days since epoch
std::string format_date(std::int64_t days);
bool is_valid_date(std::string_view text);
std::optional<std::int64_t> parse_timestamp(std::string_view text);  // seconds since epoch
std::string format_timestamp(std::int64_t seconds);
bool is_valid_timestamp(std::string_view text);

// Whole days from `from` to `to` (negative when `to` is earlier); nullopt if either is invalid.
std::optional<std::int64_t> days_between(std::string_view from, std::string_view to);
std::string add_days(std::string_view date, std::int64_t days);
std::string date_of(std::string_view timestamp);  // the "YYYY-MM-DD" part

// Injectable time source so tests are deterministic.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::string now() const = 0;  // timestamp
  std::string today() const { return date_of(now()); }
};

class SystemClock final : public Clock {
 public:
  std::string now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::string timestamp) : now_(std::move(timestamp)) {}
  std::string now() const override { return now_; }
  void set(std::string timestamp) { now_ = std::move(timestamp); }
  void advance_seconds(std::int64_t seconds);

 private:
  std::string now_;
};

const Clock& system_clock();

}  // namespace pairwise
