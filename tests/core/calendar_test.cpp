// Calendar files (.ics, RFC 5545) for the pair's meetings: folding, escaping, time zones, UIDs and
// what an event may say. tests/calendar/check_ics.py parses the CLI's output with Python's icalendar.
#include <doctest/doctest.h>

#include "core/calendar/ics.hpp"
#include "core/documents/documents.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find("\r\n", at);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    out.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return out;
}

std::string unfold(const std::string& text) {
  std::string out;
  for (const std::string& line : physical_lines(text)) {
    if (!line.empty() && line[0] == ' ') out += line.substr(1);
    else out += (out.empty() ? "" : "\n") + line;
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The fixture's pairing with one more meeting, planned with a time.
Meeting plan(test::Fixture& f, const std::string& date, const std::string& time, const std::string& zone, int length = 45) {
  Meeting m;
  m.pairing_id = f.pairing_id;
  m.date = date;
  m.start_time = time;
  m.time_zone = zone;
  m.length_minutes = length;
  auto saved = f.ws.save(m);
  REQUIRE(saved);
  return *f.ws.find<Meeting>(saved->upserts.front().id);
}

}  // namespace

TEST_CASE("calendar lines fold at 75 octets without splitting a UTF-8 character, and unfold to the original") {
  const std::string ascii = "DESCRIPTION:" + std::string(200, 'x');
  const std::string folded = ics_fold_line(ascii);
  for (const auto& line : physical_lines(folded)) CHECK(line.size() <= 75);
  CHECK(physical_lines(folded).size() == 3);
  CHECK(unfold(folded) == ascii);

  // Two-, three- and four-byte characters at every possible position of the cut.
  for (std::size_t pad = 0; pad < 4; ++pad) {
    const std::string text = "SUMMARY:" + std::string(pad, 'a') +
                             "Ωμέγα 张伟 and Zoë Ó Briain 👩🏽‍🔬 Ана Петрова, Ωμέγα 张伟 and Zoë Ó Briain 👩🏽‍🔬 Ана Петрова, 张伟张伟张伟";
    const std::string f = ics_fold_line(text);
    INFO("pad ", pad);
    for (const auto& line : physical_lines(f)) {
      CHECK(line.size() <= 75);
      CHECK(valid_utf8(line));  // no line starts or ends inside a character
    }
    CHECK(physical_lines(f).size() > 1);
    CHECK(unfold(f) == text);
  }
  CHECK(ics_fold_line("VERSION:2.0") == "VERSION:2.0\r\n");
  CHECK(ics_fold_line(std::string(75, 'y')) == std::string(75, 'y') + "\r\n");  // exactly 75 stays one line
}

TEST_CASE("calendar text escapes backslash, semicolon, comma and line breaks") {
  CHECK(ics_escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(ics_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ics_escape_text(std::string("bell\x07tab\t")) == "bell tab\t");
  CHECK(ics_escape_text("Ωμέγα: 张伟") == "Ωμέγα: 张伟");  // ':' needs no escape in TEXT
}

TEST_CASE("a planned meeting is placed in its planner's fixed UTC offset, +5:30 and negative ones included") {
  test::Fixture f;
  const Meeting india = plan(f, "2024-03-15", "14:30", "UTC+05:30");
  const std::string ics = meetings_calendar(f.ws, {india});
  const std::string u = unfold(ics);
  CHECK(contains(u, "\nDTSTART;TZID=UTC+0530:20240315T143000\n"));
  CHECK(contains(u, "\nDTEND;TZID=UTC+0530:20240315T151500\n"));  // 45 minutes
  CHECK(contains(u, "BEGIN:VTIMEZONE\nTZID:UTC+0530\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0530\n"
                    "TZOFFSETTO:+0530\nTZNAME:UTC+05:30\nEND:STANDARD\nEND:VTIMEZONE\n"));
  CHECK(contains(u, "BEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Mentoring: Mina Mentor and Teo Mentee\nTRIGGER:-PT30M\nEND:VALARM"));
  CHECK(u.rfind("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Pairwise//Pairwise ", 0) == 0);
  CHECK(contains(u, "\nDTSTAMP:20240301T090000Z\n"));  // the fixture's clock, in UTC

  // Newfoundland (-3:30), a late meeting that ends the next day, and two zones in one calendar.
  const Meeting late = plan(f, "2024-12-31", "23:30", "UTC-03:30", 60);
  const Meeting utc = plan(f, "2024-04-01", "09:00", "UTC", 0);
  const std::string both = unfold(meetings_calendar(f.ws, {late, utc, india}));
  CHECK(contains(both, "\nDTSTART;TZID=UTC-0330:20241231T233000\n"));
  CHECK(contains(both, "\nDTEND;TZID=UTC-0330:20250101T003000\n"));
  CHECK(contains(both, "TZOFFSETTO:-0330"));
  CHECK(contains(both, "\nDTSTART;TZID=UTC+0000:20240401T090000\n"));
  CHECK(contains(both, "\nDTEND;TZID=UTC+0000:20240401T100000\n"));  // no length: an hour
  std::size_t zones = 0;
  for (std::size_t at = both.find("BEGIN:VTIMEZONE"); at != std::string::npos; at = both.find("BEGIN:VTIMEZONE", at + 1)) ++zones;
  CHECK(zones == 3);  // one each, not one per event
}

TEST_CASE("a meeting with a date only is a whole-day event; a time without a zone is local wherever it is read") {
  test::Fixture f;
  const Meeting day = plan(f, "2024-02-29", "", "");
  const std::string u = unfold(meetings_calendar(f.ws, {day}));
  CHECK(contains(u, "\nDTSTART;VALUE=DATE:20240229\nDTEND;VALUE=DATE:20240301\n"));
  CHECK(contains(u, "TRIGGER:-PT15H"));
  CHECK_FALSE(contains(u, "VTIMEZONE"));

  const Meeting floating = plan(f, "2024-05-02", "08:05", "");
  const std::string v = unfold(meetings_calendar(f.ws, {floating}));
  CHECK(contains(v, "\nDTSTART:20240502T080500\nDTEND:20240502T085000\n"));
  CHECK(contains(v, "in no particular time zone"));
  CHECK_FALSE(contains(v, "VTIMEZONE"));
}

TEST_CASE("a meeting's event keeps its UID when the meeting changes, so the calendar updates it") {
  test::Fixture f;
  Meeting m = plan(f, "2024-03-15", "10:00", "UTC+01:00");
  const std::string first = unfold(meetings_calendar(f.ws, {m}));
  CHECK(contains(first, "\nUID:" + meeting_uid(m) + "\n"));
  CHECK(contains(first, "\nSEQUENCE:0\n"));
  m.start_time = "11:00";
  REQUIRE(f.ws.save(m));
  const Meeting changed = *f.ws.find<Meeting>(m.meta.id);
  const std::string second = unfold(meetings_calendar(f.ws, {changed}));
  CHECK(contains(second, "\nUID:" + meeting_uid(m) + "\n"));
  CHECK(contains(second, "\nSEQUENCE:1\n"));
  CHECK(contains(second, "T110000\n"));
  CHECK(meeting_uid(m) == "meeting-" + m.meta.id + "@pairwise");
  const Meeting other = plan(f, "2024-03-22", "10:00", "UTC+01:00");
  CHECK(meeting_uid(other) != meeting_uid(m));
}

TEST_CASE("an event says who meets and how, never the meeting's notes or anyone's private notes") {
  test::Fixture f;  // every note in the fixture holds a SECRET- marker
  Meeting noted = *f.ws.find<Meeting>(f.ws.meetings_of(f.pairing_id).front().meta.id);
  noted.date = "2024-02-21";  // the day of the mentee's private note
  noted.start_time = "16:00";
  noted.time_zone = "UTC-05:00";
  noted.topic = "SECRET-topic, with; commas\nand lines";
  REQUIRE(f.ws.save(noted));
  const std::string ics = meetings_calendar(f.ws, f.ws.meetings_of(f.pairing_id));
  CHECK_FALSE(contains(ics, "SECRET"));
  const std::string u = unfold(ics);
  CHECK(contains(u, "\nDESCRIPTION:Mentoring meeting of Mina Mentor (mentor) and Teo Mentee (mentee)\\, "
                    "Co-production Network mentoring.\\nMeeting by video for 45 minutes.\\nThe notes of this meeting are "
                    "kept in Pairwise.\n"));
  CHECK(contains(u, "\nSUMMARY:Mentoring: Mina Mentor and Teo Mentee\n"));
  // Every physical line is CRLF-terminated and at most 75 octets.
  for (const auto& line : physical_lines(ics)) CHECK(line.size() <= 75);
  CHECK_FALSE(contains(ics, "\n\n"));
}

TEST_CASE("the planned meetings of a pairing are those from today on, earliest first") {
  test::Fixture f;  // its meeting of 2024-01-15 is past on 2024-03-01
  plan(f, "2024-04-10", "", "");
  plan(f, "2024-03-20", "15:00", "UTC");
  plan(f, "2024-03-20", "09:30", "UTC");
  plan(f, "2024-03-01", "18:00", "UTC");  // today, later in the day: still planned
  const auto planned = planned_meetings(f.ws, f.pairing_id, "2024-03-01");
  REQUIRE(planned.size() == 4);
  CHECK(planned[0].date == "2024-03-01");
  CHECK(planned[1].start_time == "09:30");
  CHECK(planned[2].start_time == "15:00");
  CHECK(planned[3].date == "2024-04-10");
  CHECK(planned_meetings(f.ws, f.pairing_id, "2024-05-01").empty());
  CHECK(planned_meetings(f.ws, "no-such-pairing", "2024-01-01").empty());
}

TEST_CASE("a meeting's start time and time zone are checked when a file is read") {
  CHECK(parse_time_of_day("00:00") == 0);
  CHECK(parse_time_of_day("23:59") == 23 * 60 + 59);
  for (const char* bad : {"24:00", "9:30", "09:60", "0930", "09:30 ", "ab:cd", ""}) CHECK_FALSE(parse_time_of_day(bad));
  CHECK(parse_fixed_zone("UTC+05:30") == 330);
  CHECK(parse_fixed_zone("UTC-03:30") == -210);
  CHECK(parse_fixed_zone("UTC+14:00") == 840);
  CHECK(parse_fixed_zone("UTC") == 0);
  for (const char* bad : {"UTC+00:00", "UTC+15:00", "UTC+5:30", "Asia/Kolkata", "GMT+01:00", "utc", ""})
    CHECK_FALSE(parse_fixed_zone(bad));
  for (int minutes : {330, -210, 0, 840, -720, 345, 60}) CHECK(parse_fixed_zone(fixed_zone_name(minutes)) == minutes);
  CHECK(fixed_zone_name(-180) == "UTC-03:00");

  test::Fixture f;
  Json notebook = document_to_json(make_pair_notebook(f.ws, f.pairing_id, NotebookAudience::partner).value(),
                                   "2024-03-01T09:00:00Z");
  notebook["meetings"][0]["start_time"] = "25:00";
  notebook["meetings"][0]["time_zone"] = "Asia/Kolkata";
  const auto r = read_document(notebook.dump(2), "notebook.json");
  REQUIRE_FALSE(r.ok());
  CHECK(contains(r.error_text(), "$.meetings[0].start_time: expected a time like 14:30 (24-hour HH:MM), got \"25:00\""));
  CHECK(contains(r.error_text(), "$.meetings[0].time_zone: expected a time zone like UTC+05:30, UTC-03:00 or UTC, got "
                                 "\"Asia/Kolkata\""));
}

TEST_CASE("v4 pair notebooks and backups (meetings with a date only) open and are written as the current version") {
  for (const char* name : {"tests/fixtures/pair-notebook.v4.json", "tests/fixtures/backup.v4.json"}) {
    const std::string text = test::read_source_file(name);
    REQUIRE(Json::parse(text)["format_version"] == 4);
    REQUIRE_FALSE(contains(text, "start_time"));
    auto r = read_document(text, name);
    INFO(name, " ", r.error_text());
    REQUIRE(r.ok());
    CHECK(r->source_format_version == 4);
    const Json again = document_to_json(r->document, "2024-01-01T00:00:00Z");
    CHECK(again["format_version"] == kCurrentFormatVersion);
    REQUIRE(again["meetings"].size() == 1);
    CHECK(again["meetings"][0]["start_time"] == "");
    CHECK(again["meetings"][0]["time_zone"] == "");
  }
}
