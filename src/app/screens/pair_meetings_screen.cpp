// Meetings noted with "Review and ToGROW" (Co-production Network): the list by date on the left,
// the chosen meeting's notes on the right.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/layout.hpp"
#include "app/screens/pair_screen_states.hpp"
#include "app/widgets.hpp"
#include "platform/browser.hpp"
#include "core/calendar/ics.hpp"
#include "core/documents/file_names.hpp"
#include "core/print/printable.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kNewMeetingPopup = "New meeting";
constexpr const char* kDeleteMeetingPopup = "Delete this meeting?";

const char* mode_title(MeetingMode mode) {
  switch (mode) {
    case MeetingMode::in_person: return "in person";
    case MeetingMode::video: return "video";
    case MeetingMode::phone: return "phone";
  }
  return "";
}

std::string owner_title(const Session& session, const PairView& view, const std::string& who) {
  if (who == "mentor") return name_on_side(session.workspace(), *view.pairing, Role::mentor);
  if (who == "mentee") return name_on_side(session.workspace(), *view.pairing, Role::mentee);
  return who.empty() ? "nobody yet" : who;
}

std::string time_problem(const std::string& time) {
  if (time.empty() || parse_time_of_day(time)) return std::string();
  return "not a time like 14:30 (24-hour HH:MM)";
}

// The time zone a time typed on this device is in, on the meeting's day: with the person's named
// zone (Europe/London), its offset on that date by the browser's zone rules, so a July meeting
// typed in December is at UTC+01:00; else the UTC offset their record stores; empty when neither
// is known.
std::string my_time_zone(const Session& session, const PairView& view, const Meeting& meeting) {
  const Person* me = session.workspace().person_by_email(view.my_email);
  if (!me) return std::string();
  if (!me->timezone_name.empty() && is_valid_date(meeting.date)) {
    const int at = parse_time_of_day(meeting.start_time).value_or(12 * 60);
    if (auto offset = platform::utc_offset_on(me->timezone_name, meeting.date, at)) return fixed_zone_name(*offset);
  }
  return me->utc_offset_minutes ? fixed_zone_name(*me->utc_offset_minutes) : std::string();
}

// "14:30 UTC+05:30, which is 10:00 for you (UTC+01:00)" when the time was set in another zone.
std::string time_in_my_zone(const Meeting& m, const std::string& mine) {
  const auto start = parse_time_of_day(m.start_time);
  const auto from = parse_fixed_zone(m.time_zone), to = parse_fixed_zone(mine);
  if (!start || !from || !to || *from == *to) return std::string();
  int local = *start - *from + *to;
  const char* day = "";
  if (local < 0) {
    local += 1440;
    day = " the day before";
  } else if (local >= 1440) {
    local -= 1440;
    day = " the next day";
  }
  return "That is " + std::string(local / 60 < 10 ? "0" : "") + std::to_string(local / 60) + ":" +
         (local % 60 < 10 ? "0" : "") + std::to_string(local % 60) + day + " for you (" + mine + ").";
}

std::string date_problem(const std::string& date, bool required) {
  if (date.empty()) return required ? "enter a date like 2024-05-31" : std::string();
  return is_valid_date(date) ? std::string() : "not a date like 2024-05-31";
}

void draw_meeting_list(Session& session, const PairView& view, MeetingsState& s, const std::vector<Meeting>& meetings) {
  if (button("New meeting", session.can_edit())) {
    s.new_date = view.today;
    ImGui::OpenPopup(kNewMeetingPopup);
  }
  if (single_line_dialog(kNewMeetingPopup, "Date of the meeting (YYYY-MM-DD)", s.new_date, "Start the meeting",
                         date_problem(s.new_date, true))) {
    session.flush_now();
    auto started = session.workspace().start_meeting(view.pairing->meta.id, s.new_date);
    if (session.record(started, "Starting the meeting") && !started->upserts.empty()) {
      s.selected_id = started->upserts.front().id;
      s.panes.detail_open = true;
    }
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  wrapped_format("A new meeting starts with the actions still open from the last one, to review.");
  ImGui::PopStyleColor();
  ImGui::Spacing();
  if (meetings.empty()) help_text("No meetings yet.");
  for (const Meeting& m : meetings) {
    std::string label = m.date + (m.start_time.empty() ? "" : " " + m.start_time) + " · " + mode_title(m.mode);
    if (m.length_minutes > 0) label += " · " + std::to_string(m.length_minutes) + " min";
    if (ImGui::Selectable(painted_label((label + "##" + m.meta.id).c_str()).c_str(), s.selected_id == m.meta.id, 0, ImVec2(0, list_row_height()))) {
      s.selected_id = m.meta.id;
      s.panes.detail_open = true;
    }
  }

  section_heading("Calendar");
  const std::vector<Meeting> planned = planned_meetings(session.workspace(), view.pairing->meta.id, view.today);
  const char* none = "No meeting is dated today or later: start one with its date first.";
  if (button("Next meeting to calendar", !planned.empty(), none))
    download_meetings_calendar(session, view, {planned.front()}, "next-meeting-" + planned.front().date);
  if (button("All planned meetings", !planned.empty(), none))
    download_meetings_calendar(session, view, planned, "planned-meetings");
  // Short lines: this list is narrow.
  help_text(planned.empty() ? "Calendar files (.ics) open in any calendar program."
                            : (std::to_string(planned.size()) + " planned from today on.").c_str());
}

// One action row: owner, what, by when, done. Labels carry the row number so each field can be
// told apart (and found by the browser tests).
bool draw_action_row(Session& session, const PairView& view, Action& a, int number, bool* remove) {
  bool edited = false;
  const std::string n = std::to_string(number);
  ImGui::PushID(a.id.c_str());
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  // Two people only: both names stay on screen, so whose action it is reads at a glance.
  for (const char* who : {"mentor", "mentee"}) {
    const std::string label = owner_title(session, view, who) + "##action-" + who + "-" + n;
    if (radio_button(label.c_str(), a.who == who) && a.who != who) {
      a.who = who;
      edited = true;
    }
  }
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  edited |= ImGui::InputTextWithHint(("##action-what-" + n).c_str(), "what will be done", &a.what);
  describe_text_input("Action " + n + ": what will be done", a.what);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  edited |= ImGui::InputTextWithHint(("##action-by-" + n).c_str(), "YYYY-MM-DD", &a.by_when);
  describe_text_input("Action " + n + ": by when", a.by_when);
  if (!date_problem(a.by_when, false).empty())
    error_text("action " + n + ": by when: " + date_problem(a.by_when, false) + " (kept as typed)");
  ImGui::TableNextColumn();
  edited |= ImGui::Checkbox(("done##action-done-" + n).c_str(), &a.done);
  ImGui::SameLine();
  if (ImGui::SmallButton(("Remove##action-remove-" + n).c_str())) *remove = true;
  ImGui::PopID();
  return edited;
}

bool draw_actions_table(Session& session, const PairView& view, std::vector<Action>& actions, const char* id) {
  if (actions.empty()) return false;
  bool edited = false;
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 44.0f);
  if (!ImGui::BeginTable(id, 4, flags, ImVec2(width, 0))) return false;
  ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("By when", ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableHeadersRow();
  int remove_at = -1;
  for (std::size_t i = 0; i < actions.size(); ++i) {
    bool remove = false;
    edited |= draw_action_row(session, view, actions[i], static_cast<int>(i) + 1, &remove);
    if (remove) remove_at = static_cast<int>(i);
  }
  ImGui::EndTable();
  if (remove_at >= 0) {
    actions.erase(actions.begin() + remove_at);
    edited = true;
  }
  return edited;
}

bool draw_review(Session& session, const PairView& view, Meeting& m) {
  bool edited = false;
  section_heading("Review progress");
  help_text("How have you got on with your previous actions? What has gone well or badly, and what have you learned?");
  if (m.review.previous_actions.empty()) help_text("No actions were open from the previous meeting.");
  else edited |= draw_actions_table(session, view, m.review.previous_actions, "PreviousActions");
  edited |= text_area("What went well", m.review.went_well, 2);
  edited |= text_area("What went badly", m.review.went_badly, 2);
  edited |= text_area("What we learned", m.review.learned, 2);
  return edited;
}

bool draw_togrow(Session& session, const PairView& view, Meeting& m) {
  bool edited = false;
  struct Part {
    const char* label;
    std::string* text;
    const char* prompt;
  };
  const Part parts[] = {
      {"Topic", &m.topic, "What do you want to discuss? What do you need to discuss?"},
      {"Goal", &m.goal, "What do you want to achieve from this discussion? What would make it a good use of time?"},
      {"Reality", &m.reality, "Where are you now? What have you tried, what is in the way?"},
      {"Options", &m.options, "What could you do? What else? What has worked for others?"},
      {"Way forward", &m.way_forward, "What will you do, and when? Write each step as an action below."},
  };
  for (const Part& p : parts) {
    section_heading(p.label);
    help_text(p.prompt);
    edited |= text_area(p.label, *p.text, 3);
  }
  ImGui::Spacing();
  text_line("Actions (who, what, by when)");
  edited |= draw_actions_table(session, view, m.actions, "Actions");
  if (button("Add action", session.can_edit())) {
    Action a;
    a.id = session.workspace().ids().next_id();
    a.who = enum_to_string(kRoleNames, view.side);
    m.actions.push_back(a);
    edited = true;
  }
  return edited;
}

void draw_meeting_editor(Session& session, const PairView& view, MeetingsState& s) {
  if (!s.draft.sync(session, s.selected_id)) {
    help_text("Choose a meeting on the left, or start a new one.");
    return;
  }
  if (const Meeting* stored = session.workspace().find<Meeting>(s.selected_id)) draw_conflicts(session, *stored, s.draft);
  Meeting& m = s.draft.value;
  bool edited = false;
  ImGui::BeginDisabled(!session.can_edit());
  // The zone of a time typed here depends on the day (daylight saving): a new date moves a time
  // this device set into that day's offset.
  const std::string zone_before = my_time_zone(session, view, m);
  if (text_field("Date", m.date, "YYYY-MM-DD", date_problem(m.date, true))) {
    edited = true;
    if (!m.start_time.empty() && m.time_zone == zone_before) m.time_zone = my_time_zone(session, view, m);
  }
  // Beside the date where there is room (lined up), under it on a phone.
  if (ImGui::GetContentRegionMax().x >= ImGui::GetFontSize() * 42.0f) ImGui::SameLine(ImGui::GetFontSize() * 30.0f);
  ImGui::BeginGroup();
  edited |= int_field("Length (minutes)", m.length_minutes, 0, 1440);
  ImGui::EndGroup();
  const std::string typed_time = m.start_time;
  if (text_field("Start time", m.start_time, "HH:MM, e.g. 14:30", time_problem(m.start_time))) {
    edited = true;
    // The time is in the zone of whoever types it, so the partner's calendar shows the same moment.
    if (m.start_time != typed_time) m.time_zone = m.start_time.empty() ? std::string() : my_time_zone(session, view, m);
  }
  const std::string mine = my_time_zone(session, view, m);
  if (!m.start_time.empty() && time_problem(m.start_time).empty()) {
    if (!m.time_zone.empty()) {
      help_text(("In " + m.time_zone + ", the time zone of whoever set the time. " + time_in_my_zone(m, mine)).c_str());
    } else {
      help_text("No time zone is known for this time: calendars show it at this hour wherever they are. Your "
                "profile's UTC offset sets it when you type the time.");
    }
  } else if (m.start_time.empty()) {
    help_text("Without a start time, the calendar shows the meeting all day.");
  }
  text_line("How you met:");
  for (MeetingMode mode : {MeetingMode::in_person, MeetingMode::video, MeetingMode::phone}) {
    ImGui::SameLine();
    if (radio_button(mode_title(mode), m.mode == mode)) {
      m.mode = mode;
      edited = true;
    }
  }
  edited |= draw_review(session, view, m);
  edited |= draw_togrow(session, view, m);
  ImGui::EndDisabled();
  // Everything typed is stored: an action's "by when" that is not a date is kept as typed and
  // flagged. The meeting's own date orders and counts meetings everywhere, so while it is not a
  // date the rest of the meeting is stored with the last date that was one.
  if (edited) {
    Meeting copy = m;
    const Meeting* stored = session.workspace().find<Meeting>(s.selected_id);
    if (!date_problem(copy.date, true).empty() && stored) copy.date = stored->date;
    if (!time_problem(copy.start_time).empty() && stored) {  // kept on screen, stored once it is a time
      copy.start_time = stored->start_time;
      copy.time_zone = stored->time_zone;
    }
    s.draft.save_soon(session, "the meeting", std::move(copy));
  }

  section_heading("Calendar and print");
  if (button("Add to calendar")) download_meetings_calendar(session, view, {m}, "meeting-" + m.date);
  same_line_if_fits(button_width("Print meeting notes"));
  if (button("Print meeting notes")) {
    session.flush_now();
    if (auto page = printable_meeting_notes(session.workspace(), s.selected_id, view.my_email))
      open_printable(session, *page,
                     export_file_name({"meeting-notes", name_on_side(session.workspace(), *view.pairing, Role::mentor),
                                       name_on_side(session.workspace(), *view.pairing, Role::mentee), m.date},
                                      "html"));
  }
  help_text("The calendar event says who meets and when, never your notes. The printed notes add your own private "
            "notes of that day, which only your own printout holds.");

  section_heading("Remove");
  if (button("Delete this meeting", session.can_edit())) ImGui::OpenPopup(kDeleteMeetingPopup);
  if (confirm_dialog(kDeleteMeetingPopup,
                     "Delete the meeting of " + m.date + " and its notes from this device? Your partner keeps their "
                     "copy until they delete it too.",
                     "Delete", {.cancel_label = "Keep it", .enter_confirms = false})) {
    session.flush_now();
    session.record(session.workspace().remove<Meeting>(s.selected_id));
    s.selected_id.clear();
  }
}

}  // namespace

void draw_pair_meetings_screen(Session& session, const PairView& view, PairScreens& screens) {
  MeetingsState& s = screens.meetings;
  const std::vector<Meeting> meetings = session.workspace().meetings_of(view.pairing->meta.id);
  const bool selected_here = std::any_of(meetings.begin(), meetings.end(), [&](const Meeting& m) { return m.meta.id == s.selected_id; });
  if (!selected_here) s.selected_id = meetings.empty() ? std::string() : meetings.back().meta.id;

  const ListDetailPane pane = list_detail_pane(s.panes, !s.selected_id.empty());
  begin_list_pane("MeetingList", pane, ImGui::GetFontSize() * 15.0f);
  if (pane != ListDetailPane::detail) draw_meeting_list(session, view, s, meetings);
  end_list_pane(pane);
  if (pane != ListDetailPane::list) {
    begin_detail_pane("MeetingNotes", pane, s.panes, "‹ All meetings");
    draw_meeting_editor(session, view, s);
    end_detail_pane(pane);
  }
}

}  // namespace pairwise::app
