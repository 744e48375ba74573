#include "core/checks/expectations.hpp"

namespace pairwise {

namespace {

const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

std::string month_label(int year, unsigned month) { return std::string(kMonthNames[month - 1]) + " " + std::to_string(year); }

}  // namespace

ExpectationResult check_expectations(const Scheme& scheme, const Pairing& pairing,
                                     const std::vector<Meeting>& meetings, const std::string& today) {
  ExpectationResult result;
  const auto& e = scheme.expectations;
  if (e.meetings_total == 0 && e.monthly_minutes_min == 0 && e.meetings_per_year == 0) return result;
  const std::string start = pairing.active_since();
  if (start.empty()) {
    result.status = ExpectationStatus::not_started;
    result.reasons.push_back("the pairing is not active yet");
    return result;
  }
  // A finished pairing is judged on the period it ran, not on time since.
  std::string end = today;
  if (is_final(pairing.status()) && pairing.status_since() < end) end = pairing.status_since();
  const auto elapsed_opt = days_between(start, end);
  const std::int64_t elapsed = elapsed_opt ? (*elapsed_opt < 0 ? 0 : *elapsed_opt) : 0;

  std::vector<const Meeting*> in_period;
  for (const auto& m : meetings)
    if (m.pairing_id == pairing.meta.id && m.date >= start && m.date <= end) in_period.push_back(&m);

  bool behind = false;
  if (e.meetings_total > 0) {
    int long_enough = 0, too_short = 0;
    for (const Meeting* m : in_period) {
      if (m->length_minutes >= e.min_meeting_minutes) ++long_enough;
      else ++too_short;
    }
    // Expected so far: spread evenly over the scheme's shortest duration (all of them by its end).
    std::int64_t expected = e.meetings_total;
    if (scheme.duration_weeks_min > 0) {
      const std::int64_t duration_days = scheme.duration_weeks_min * 7;
      expected = elapsed >= duration_days ? e.meetings_total : e.meetings_total * elapsed / duration_days;
    } else if (!is_final(pairing.status())) {
      expected = 0;
    }
    std::string what = std::to_string(long_enough) + " of " + std::to_string(e.meetings_total) + " meetings";
    if (e.min_meeting_minutes > 0) what += " of at least " + std::to_string(e.min_meeting_minutes) + " minutes";
    if (too_short > 0) what += " (" + std::to_string(too_short) + " shorter meeting(s) not counted)";
    if (long_enough < expected) {
      behind = true;
      result.reasons.push_back(what + "; " + std::to_string(expected) + " expected by " + end);
    } else {
      result.reasons.push_back(what);
    }
  }
  if (e.monthly_minutes_min > 0) {
    // Every complete calendar month since the start must reach the minimum.
    const auto start_days = parse_date(start);
    const auto end_days = parse_date(end);
    if (start_days && end_days) {
      CivilDate c = civil_from_days(*start_days);
      const CivilDate last = civil_from_days(*end_days);
      int checked = 0;
      while (true) {
        const std::int64_t month_first = days_from_civil(c.year, c.month, 1);
        const std::int64_t month_last = days_from_civil(c.year, c.month, days_in_month(c.year, c.month));
        if (month_last >= *end_days && !(is_final(pairing.status()) && month_last == *end_days)) break;
        if (c.year > last.year) break;
        const std::string from = format_date(month_first > *start_days ? month_first : *start_days);
        const std::string to = format_date(month_last);
        int minutes = 0;
        for (const Meeting* m : in_period)
          if (m->date >= from && m->date <= to) minutes += m->length_minutes;
        // A month the pairing only partly covered is expected pro rata.
        const std::int64_t covered = month_last - (month_first > *start_days ? month_first : *start_days) + 1;
        const std::int64_t needed = e.monthly_minutes_min * covered / (month_last - month_first + 1);
        ++checked;
        if (minutes < needed) {
          behind = true;
          result.reasons.push_back(month_label(c.year, c.month) + ": " + std::to_string(minutes) +
                                   " minutes, expected at least " + std::to_string(needed));
        } else if (e.monthly_minutes_max > 0 && minutes > e.monthly_minutes_max) {
          result.reasons.push_back(month_label(c.year, c.month) + ": " + std::to_string(minutes) +
                                   " minutes, more than the " + std::to_string(e.monthly_minutes_max) + " planned");
        }
        if (c.month == 12) {
          c.month = 1;
          ++c.year;
        } else {
          ++c.month;
        }
      }
      if (checked == 0) result.reasons.push_back("no complete month yet");
    }
  }
  if (e.meetings_per_year > 0) {
    // Judge the latest 12 months, or pro rata for a pairing younger than a year.
    const std::int64_t window = elapsed < 365 ? elapsed : 365;
    const std::string from = add_days(end, -window);
    int count = 0, in_person = 0;
    for (const Meeting* m : in_period) {
      if (m->date < from) continue;
      // MRC CTU LMIC asks for online meetings: in-person ones are welcome but do not count.
      if (e.online && m->mode == MeetingMode::in_person) ++in_person;
      else ++count;
    }
    const std::int64_t expected = e.meetings_per_year * window / 365;
    const std::string what = std::to_string(count) + (e.online ? " online" : "") + " meeting(s) in the last " +
                             (window >= 365 ? std::string("12 months") : std::to_string(window) + " days") +
                             "; at least " + std::to_string(e.meetings_per_year) + " a year expected";
    const std::string not_counted =
        in_person > 0 ? " (" + std::to_string(in_person) + " in-person meeting(s) not counted)" : std::string();
    if (count < expected) {
      behind = true;
      result.reasons.push_back(what + " (" + std::to_string(expected) + " by now)" + not_counted);
    } else {
      result.reasons.push_back(what + not_counted);
    }
  }
  result.status = behind ? ExpectationStatus::behind : ExpectationStatus::on_track;
  return result;
}

}  // namespace pairwise
