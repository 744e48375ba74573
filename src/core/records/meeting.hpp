#pragma once
// A meeting noted with "Review and ToGROW" (Co-production Network): review of the last actions,
// then Topic, Goal, Reality, Options and Way forward, which yields new actions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records/record_meta.hpp"

namespace pairwise {

enum class MeetingMode { in_person, video, phone };
inline constexpr EnumNames<MeetingMode, 3> kMeetingModeNames{
    {{MeetingMode::in_person, "in_person"}, {MeetingMode::video, "video"}, {MeetingMode::phone, "phone"}}};

struct Action {
  std::string id;  // stable across carry-over, so a review can say which action it refers to
  std::string who;
  std::string what;
  std::string by_when;  // date, optional
  bool done = false;
  bool operator==(const Action&) const = default;
};

struct Review {
  std::vector<Action> previous_actions;  // carried over from the last meeting, ticked here
  std::string went_well;
  std::string went_badly;
  std::string learned;
  bool operator==(const Review&) const = default;
};

struct Meeting {
  static constexpr const char* kStore = "meetings";
  RecordMeta meta;
  std::string pairing_id;
  std::string date;
  // Planned start, "HH:MM" on `date` in `time_zone` (format v5); empty for a meeting noted
  // without a time, which a calendar shows as an all-day event.
  std::string start_time;
  // The time zone of whoever set the time, so both partners' calendars show the same moment:
  // "UTC+05:30", "UTC-03:00" or "UTC" (a fixed offset, as people's records store it); empty when
  // that person's offset is unknown (the time is then local wherever it is read).
  std::string time_zone;
  int length_minutes = 0;
  MeetingMode mode = MeetingMode::video;
  Review review;
  std::string topic;
  std::string goal;
  std::string reality;
  std::string options;
  std::string way_forward;
  std::vector<Action> actions;  // "who, what, by when"

  bool operator==(const Meeting&) const = default;
};

// Actions still open after `previous`: its own new actions and any carried ones not ticked.
std::vector<Action> open_actions(const Meeting& previous);

// Starts the next meeting of a pairing with the open actions of its latest meeting (by date)
// already in the Review, so nothing agreed is forgotten.
Meeting start_next_meeting(const std::vector<Meeting>& pairing_meetings, RecordMeta meta, std::string pairing_id,
                           std::string date);

// "14:30" -> minutes after midnight; nullopt unless two-digit hours 00-23 and minutes 00-59.
std::optional<int> parse_time_of_day(std::string_view text);
// "UTC+05:30" / "UTC-03:00" / "UTC" -> minutes east of UTC; nullopt for anything else.
std::optional<int> parse_fixed_zone(std::string_view text);
// 330 -> "UTC+05:30", -180 -> "UTC-03:00", 0 -> "UTC".
std::string fixed_zone_name(int offset_minutes);

Json encode(const Meeting& meeting);
void decode(const JsonReader& in, Meeting& meeting);

}  // namespace pairwise
