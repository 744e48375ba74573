#pragma once
// Calendar files (RFC 5545 iCalendar, .ics) for a pair's meetings: one meeting, the next planned
// one, or every planned meeting of a pairing, to open in any calendar program.
//
// Each meeting is one VEVENT whose UID is derived from the meeting's id, so downloading it again
// after a change updates the event instead of adding a second one (SEQUENCE is the revision). A
// meeting with a start time is placed in its `time_zone` (a VTIMEZONE with that fixed offset), so
// the mentor's and the mentee's calendars show the same moment; without a time zone the time is
// local wherever it is opened, and without a start time the event lasts the whole day. Every
// event reminds 30 minutes before (the day before at 09:00 for a whole-day event).
//
// What the event says is what a calendar may show to anyone who can see the person's calendar:
// the two names, the scheme, how and how long they meet. Never the meeting's notes, actions or
// anyone's private notes: those stay in Pairwise.
#include <string>
#include <string_view>
#include <vector>

#include "core/workspace.hpp"

namespace pairwise {

// TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash, every
// line break becomes "\n"; other control characters become spaces.
std::string ics_escape_text(std::string_view text);

// One content line folded to lines of at most 75 octets (RFC 5545 3.1), each continuation starting
// with a space, never inside a UTF-8 character; every line ends in CRLF.
std::string ics_fold_line(std::string_view line);

// The event's UID: the same for a meeting whatever changes and wherever it is exported.
std::string meeting_uid(const Meeting& meeting);

// Meetings of a pairing dated today or later, earliest first (by date, then start time).
std::vector<Meeting> planned_meetings(const Workspace& workspace, const std::string& pairing_id,
                                      const std::string& today);

// The whole calendar file for `meetings` of one pairing: VCALENDAR with a VTIMEZONE for each zone
// used and one VEVENT each. DTSTAMP is the workspace clock's now.
std::string meetings_calendar(const Workspace& workspace, const std::vector<Meeting>& meetings);

}  // namespace pairwise
