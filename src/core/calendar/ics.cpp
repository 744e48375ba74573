#include "core/calendar/ics.hpp"

#include <algorithm>
#include <set>

#include "core/pair/pair_member.hpp"
#include "core/version.hpp"

namespace pairwise {

namespace {

// A meeting without a length still needs an end: an hour is what most schemes suggest.
constexpr int kDefaultLengthMinutes = 60;
constexpr int kReminderMinutesBefore = 30;

std::string two(int n) { return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10); }

// "YYYYMMDD" for days since 1970-01-01.
std::string ics_date(std::int64_t days) {
  const CivilDate d = civil_from_days(days);
  return std::to_string(d.year) + two(static_cast<int>(d.month)) + two(static_cast<int>(d.day));
}

// "YYYYMMDDTHHMMSS" for minutes since 1970-01-01 00:00 (local to whatever zone the caller says).
std::string ics_local_time(std::int64_t minutes) {
  const std::int64_t days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  const int in_day = static_cast<int>(minutes - days * 1440);
  return ics_date(days) + "T" + two(in_day / 60) + two(in_day % 60) + "00";
}

// "YYYYMMDDTHHMMSSZ" from a stored timestamp "YYYY-MM-DDTHH:MM:SSZ".
std::string ics_utc_timestamp(const std::string& timestamp) {
  const auto seconds = parse_timestamp(timestamp);
  const std::int64_t s = seconds ? *seconds : 0;
  return ics_local_time(s / 60).substr(0, 13) + two(static_cast<int>(s % 60)) + "Z";
}

// "+0530" / "-0300" / "+0000" as TZOFFSETFROM/TZOFFSETTO want it.
std::string utc_offset_value(int minutes) {
  const int a = minutes < 0 ? -minutes : minutes;
  return std::string(minutes < 0 ? "-" : "+") + two(a / 60) + two(a % 60);
}

// TZID of a fixed-offset zone: "UTC+0530" (no ':' so the parameter needs no quoting).
std::string zone_id(int offset_minutes) { return "UTC" + utc_offset_value(offset_minutes); }

void add(std::string& out, std::string_view line) { out += ics_fold_line(line); }

void add_fixed_zone(std::string& out, int offset_minutes) {
  add(out, "BEGIN:VTIMEZONE");
  add(out, "TZID:" + zone_id(offset_minutes));
  add(out, "BEGIN:STANDARD");
  add(out, "DTSTART:19700101T000000");
  add(out, "TZOFFSETFROM:" + utc_offset_value(offset_minutes));
  add(out, "TZOFFSETTO:" + utc_offset_value(offset_minutes));
  add(out, "TZNAME:" + fixed_zone_name(offset_minutes));
  add(out, "END:STANDARD");
  add(out, "END:VTIMEZONE");
}

const char* mode_words(MeetingMode mode) {
  switch (mode) {
    case MeetingMode::in_person: return "in person";
    case MeetingMode::video: return "by video";
    case MeetingMode::phone: return "by phone";
  }
  return "";
}

void add_event(std::string& out, const Workspace& ws, const Meeting& m, const std::string& stamp) {
  const Pairing* pairing = ws.find<Pairing>(m.pairing_id);
  const Scheme* scheme = pairing ? ws.find<Scheme>(pairing->scheme_id) : nullptr;
  const std::string mentor = pairing ? name_on_side(ws, *pairing, Role::mentor) : std::string();
  const std::string mentee = pairing ? name_on_side(ws, *pairing, Role::mentee) : std::string();
  const std::string scheme_name = scheme ? scheme->name : std::string();
  const int length = m.length_minutes > 0 ? m.length_minutes : kDefaultLengthMinutes;
  const std::int64_t day = parse_date(m.date).value_or(0);
  const auto start = parse_time_of_day(m.start_time);
  const auto zone = parse_fixed_zone(m.time_zone);

  add(out, "BEGIN:VEVENT");
  add(out, "UID:" + meeting_uid(m));
  add(out, "DTSTAMP:" + stamp);
  add(out, "SEQUENCE:" + std::to_string(m.meta.revision > 0 ? m.meta.revision - 1 : 0));
  if (start) {
    const std::int64_t begin = day * 1440 + *start;
    const std::string tz = zone ? ";TZID=" + zone_id(*zone) : std::string();
    add(out, "DTSTART" + tz + ":" + ics_local_time(begin));
    add(out, "DTEND" + tz + ":" + ics_local_time(begin + length));
  } else {
    add(out, "DTSTART;VALUE=DATE:" + ics_date(day));
    add(out, "DTEND;VALUE=DATE:" + ics_date(day + 1));
  }
  const std::string summary = "Mentoring: " + mentor + " and " + mentee;
  add(out, "SUMMARY:" + ics_escape_text(summary));
  std::string description = "Mentoring meeting of " + mentor + " (mentor) and " + mentee + " (mentee)";
  if (!scheme_name.empty()) description += ", " + scheme_name;
  description += ".\nMeeting " + std::string(mode_words(m.mode)) + " for " + std::to_string(length) + " minutes";
  if (start && !zone) description += " (the time is as typed, in no particular time zone)";
  description += ".\nThe notes of this meeting are kept in Pairwise.";
  add(out, "DESCRIPTION:" + ics_escape_text(description));
  add(out, "TRANSP:OPAQUE");
  add(out, "BEGIN:VALARM");
  add(out, "ACTION:DISPLAY");
  add(out, "DESCRIPTION:" + ics_escape_text(summary));
  // A whole-day event starts at midnight: remind at 09:00 the day before.
  add(out, start ? "TRIGGER:-PT" + std::to_string(kReminderMinutesBefore) + "M" : std::string("TRIGGER:-PT15H"));
  add(out, "END:VALARM");
  add(out, "END:VEVENT");
}

}  // namespace

std::string ics_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\\n";
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_fold_line(std::string_view line) {
  constexpr std::size_t kMaxOctets = 75;
  std::string out;
  std::size_t at = 0;
  bool first = true;
  while (true) {
    // A continuation line's leading space counts toward its 75 octets.
    const std::size_t room = first ? kMaxOctets : kMaxOctets - 1;
    if (line.size() - at <= room) {
      if (!first) out += ' ';
      out.append(line.substr(at));
      out += "\r\n";
      return out;
    }
    std::size_t cut = at + room;
    // Back up to the first byte of a UTF-8 character (continuation bytes are 10xxxxxx).
    while (cut > at && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == at) cut = at + room;  // not UTF-8 at all: cut anywhere rather than loop
    if (!first) out += ' ';
    out.append(line.substr(at, cut - at));
    out += "\r\n";
    at = cut;
    first = false;
  }
}

std::string meeting_uid(const Meeting& meeting) { return "meeting-" + meeting.meta.id + "@pairwise"; }

std::vector<Meeting> planned_meetings(const Workspace& workspace, const std::string& pairing_id,
                                      const std::string& today) {
  std::vector<Meeting> out;
  for (Meeting& m : workspace.meetings_of(pairing_id))
    if (m.date >= today) out.push_back(std::move(m));
  std::stable_sort(out.begin(), out.end(), [](const Meeting& a, const Meeting& b) {
    // A meeting without a time sorts first on its day (it could be at any hour).
    return a.date != b.date ? a.date < b.date : a.start_time < b.start_time;
  });
  return out;
}

std::string meetings_calendar(const Workspace& workspace, const std::vector<Meeting>& meetings) {
  std::string out;
  add(out, "BEGIN:VCALENDAR");
  add(out, "VERSION:2.0");
  add(out, std::string("PRODID:-//Pairwise//Pairwise ") + app_version() + "//EN");
  add(out, "CALSCALE:GREGORIAN");
  add(out, "METHOD:PUBLISH");
  std::set<int> zones;
  for (const Meeting& m : meetings)
    if (!m.start_time.empty())
      if (auto z = parse_fixed_zone(m.time_zone)) zones.insert(*z);
  for (int z : zones) add_fixed_zone(out, z);
  const std::string stamp = ics_utc_timestamp(workspace.clock().now());
  for (const Meeting& m : meetings) add_event(out, workspace, m, stamp);
  add(out, "END:VCALENDAR");
  return out;
}

}  // namespace pairwise
