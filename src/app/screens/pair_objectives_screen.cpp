// SMART objectives (MRC CTU LMIC), each with what keeps it from being SMART shown as it is typed.
#include <imgui.h>

#include <algorithm>

#include "app/layout.hpp"
#include "app/screens/pair_screen_states.hpp"
#include "app/testing/item_capture.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include "core/checks/smart.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kNewObjectivePopup = "New objective";
constexpr const char* kDeleteObjectivePopup = "Delete this objective?";

const char* status_title(ObjectiveStatus status) {
  switch (status) {
    case ObjectiveStatus::not_started: return "not started";
    case ObjectiveStatus::in_progress: return "in progress";
    case ObjectiveStatus::achieved: return "achieved";
    case ObjectiveStatus::dropped: return "dropped";
  }
  return "";
}

std::string short_statement(const std::string& text) {
  const std::string t = trim(text);
  if (t.empty()) return "(no statement yet)";
  if (t.size() <= 40) return t;
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return t.substr(0, cut) + "…";
}

void draw_smart_check(const Objective& o, const std::string& today) {
  const auto issues = check_smart(o, today);
  if (issues.empty()) {
    capture_text("smart", "This objective is SMART.");
    ImGui::TextColored(theme_colour(TextTone::success), "This objective is SMART.");
    return;
  }
  text_line("Not SMART yet:");
  for (const SmartIssue& issue : issues) {
    capture_text("smart", issue.message);
    ImGui::PushStyleColor(ImGuiCol_Text, theme_colour(TextTone::warning));
    bullet_wrapped(issue.message);
    ImGui::PopStyleColor();
  }
}

void draw_objective_list(Session& session, const PairView& view, ObjectivesState& s,
                         const std::vector<Objective>& objectives) {
  if (button("New objective", session.can_edit())) {
    s.new_statement.clear();
    ImGui::OpenPopup(kNewObjectivePopup);
  }
  if (single_line_dialog(kNewObjectivePopup, "What do you want to achieve?", s.new_statement, "Add the objective",
                         trim(s.new_statement).empty() ? "say what you want to achieve" : "")) {
    session.flush_now();
    Objective o;
    o.pairing_id = view.pairing->meta.id;
    o.statement = trim(s.new_statement);
    auto saved = session.workspace().save(o);
    if (session.record(saved, "Adding the objective") && !saved->upserts.empty()) {
      s.selected_id = saved->upserts.front().id;
      s.panes.detail_open = true;
    }
  }
  ImGui::Spacing();
  if (objectives.empty()) help_text("No objectives yet.");
  for (const Objective& o : objectives) {
    const bool smart = is_smart(o, view.today);
    const std::string label = short_statement(o.statement) + " · " + std::to_string(o.progress_percent) + "%" +
                              (smart ? "" : " · not SMART") + "##" + o.meta.id;
    if (ImGui::Selectable(painted_label(label.c_str()).c_str(), s.selected_id == o.meta.id, 0, ImVec2(0, list_row_height()))) {
      s.selected_id = o.meta.id;
      s.panes.detail_open = true;
    }
  }
}

void draw_objective_editor(Session& session, const PairView& view, ObjectivesState& s) {
  if (!s.draft.sync(session, s.selected_id)) {
    help_text("Choose an objective on the left, or add a new one.");
    return;
  }
  if (const Objective* stored = session.workspace().find<Objective>(s.selected_id)) draw_conflicts(session, *stored, s.draft);
  Objective& o = s.draft.value;
  bool edited = false;
  ImGui::BeginDisabled(!session.can_edit());
  edited |= text_area("Specific: what exactly will be achieved?", o.statement, 2);
  edited |= text_field("Measurable: how will you both know it is achieved?", o.measure, "e.g. 1 grant application submitted");
  edited |= text_field("Achievable: why it is within reach", o.achievable);
  edited |= text_field("Relevant: why it matters", o.relevant);
  const bool shown_date_ok = o.due_date.empty() || is_valid_date(o.due_date);
  edited |= text_field("Time-bound: due date", o.due_date, "YYYY-MM-DD",
                       shown_date_ok ? "" : "not a date like 2024-05-31 (kept as typed; counts as no due date)");
  ImGui::Spacing();
  draw_smart_check(o, view.today);

  section_heading("Progress");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  if (labelled_combo("Status", status_title(o.status))) {
    for (ObjectiveStatus st : {ObjectiveStatus::not_started, ObjectiveStatus::in_progress, ObjectiveStatus::achieved,
                               ObjectiveStatus::dropped}) {
      if (ImGui::Selectable(status_title(st), o.status == st)) {
        o.status = st;
        if (st == ObjectiveStatus::achieved) o.progress_percent = 100;
        edited = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
  if (slider_int("Progress", o.progress_percent, 0, 100, "%d%%")) {
    // Moving the slider says work has begun; "achieved" and "dropped" stay the person's own call.
    if (o.status == ObjectiveStatus::not_started && o.progress_percent > 0) o.status = ObjectiveStatus::in_progress;
    edited = true;
  }
  ImGui::EndDisabled();
  // Everything typed is stored, a due date that is not (yet) a date too: kept as typed and
  // flagged, and the SMART check counts it as missing.
  if (edited) s.draft.save_soon(session, "the objective");

  section_heading("Remove");
  if (button("Delete this objective", session.can_edit())) ImGui::OpenPopup(kDeleteObjectivePopup);
  if (confirm_dialog(kDeleteObjectivePopup, "Delete \"" + short_statement(o.statement) + "\" from this device?", "Delete",
                     {.cancel_label = "Keep it", .enter_confirms = false})) {
    session.flush_now();
    session.record(session.workspace().remove<Objective>(s.selected_id));
    s.selected_id.clear();
  }
}

}  // namespace

void draw_pair_objectives_screen(Session& session, const PairView& view, PairScreens& screens) {
  ObjectivesState& s = screens.objectives;
  const std::vector<Objective> objectives = session.workspace().objectives_of(view.pairing->meta.id);
  const bool selected_here =
      std::any_of(objectives.begin(), objectives.end(), [&](const Objective& o) { return o.meta.id == s.selected_id; });
  if (!selected_here) s.selected_id = objectives.empty() ? std::string() : objectives.front().meta.id;

  const ListDetailPane pane = list_detail_pane(s.panes, !s.selected_id.empty());
  begin_list_pane("ObjectiveList", pane, ImGui::GetFontSize() * 17.0f);
  if (pane != ListDetailPane::detail) draw_objective_list(session, view, s, objectives);
  end_list_pane(pane);
  if (pane != ListDetailPane::list) {
    begin_detail_pane("ObjectiveDetail", pane, s.panes, "‹ All objectives");
    draw_objective_editor(session, view, s);
    end_detail_pane(pane);
  }
}

}  // namespace pairwise::app
