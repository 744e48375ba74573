#include "app/screens/participants_screen.hpp"

#include <imgui.h>

#include "app/locked_files.hpp"
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "app/screens/conflict_choices.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "core/operations/participant_correction.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/reports/csv_exports.hpp"
#include "core/reports/participant_list.hpp"
#include "core/sync/field_merge.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

void combo_of(const char* label, std::string& value, const std::vector<std::string>& options) {
  ImGui::AlignTextToFramePadding();
  text_line(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (begin_combo(label, value.empty() ? "any" : value.c_str())) {
    if (ImGui::Selectable("any", value.empty())) value.clear();
    for (const auto& o : options)
      if (ImGui::Selectable(o.c_str(), o == value)) value = o;
    ImGui::EndCombo();
  }
}


void rebuild(ParticipantsView& view, const Session& session, const Scheme& scheme, const ParticipantFilter& filter,
             const ParticipantSort& sort) {
  view.list = list_participants(session.workspace(), scheme, filter, sort);
  view.scheme_id = scheme.meta.id;
  view.version = session.workspace_version();
  view.filter = filter;
  view.sort = sort;
}


// The person's status with its history, and a change with a reason, through the core's rules
// (set_person_status: a removal needs a reason and withdraws the person's live pairings).
void draw_status_change(ParticipantEditor& editor, Session& session, const Person& p) {
  section_heading("Status");
  const std::string now = "Now " + enum_to_string(kPersonStatusNames, p.status) +
                          (p.status_history.empty() ? std::string() : " since " + p.status_history.back().date);
  capture_text("person-status", now);
  text_line(now.c_str());
  for (const PersonStatusChange& change : p.status_history) {
    std::string line = change.date + ": " + enum_to_string(kPersonStatusNames, change.status);
    if (!change.reason.empty()) line += " (" + change.reason + ")";
    capture_text("person-status-history", line);
    bullet_format("%s", line.c_str());
  }
  ImGui::AlignTextToFramePadding();
  text_line("New status");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  const char* preview = kPersonStatusNames[static_cast<std::size_t>(editor.new_status)].second.data();
  if (begin_combo("New status", preview)) {
    for (std::size_t i = 0; i < kPersonStatusNames.size(); ++i)
      if (ImGui::Selectable(kPersonStatusNames[i].second.data(), static_cast<int>(i) == editor.new_status))
        editor.new_status = static_cast<int>(i);
    ImGui::EndCombo();
  }
  const PersonStatus chosen = kPersonStatusNames[static_cast<std::size_t>(editor.new_status)].first;
  text_field(chosen == PersonStatus::removed ? "Reason (required for a removal)" : "Reason (optional)",
             editor.status_reason, "e.g. asked for a break until May");
  if (chosen == PersonStatus::removed)
    help_text("Removing someone withdraws each of their live pairings; the reason stays with the coordinator.");
  else if (chosen == PersonStatus::left && p.is_mentor())
    help_text("A mentor who leaves keeps their ongoing pairings; their unanswered requests are withdrawn.");
  if (!editor.status_error.empty()) error_text(editor.status_error);
  if (button("Change status", session.can_edit() && chosen != p.status,
             chosen == p.status ? "That is the status already." : nullptr)) {
    // Copied first: a change replaces the workspace's records, and `p` with them.
    const std::string who = p.name.empty() ? p.email : p.name;
    const std::string email = p.email;
    auto changed = set_person_status(session.workspace(), email, chosen, session.workspace().clock().today(),
                                     trim(editor.status_reason));
    if (changed) {
      session.record(changed, "Changing a participant's status");
      session.notify(who + " is now " + enum_to_string(kPersonStatusNames, chosen) + ".");
      editor.status_reason.clear();
      editor.status_error.clear();
    } else {
      editor.status_error = changed.error_text();
    }
  }
}

constexpr const char* kTwoDevicesHelp =
    "This participant was changed on two devices (or by two coordinators) before a backup was exchanged, in "
    "different ways. Both versions are kept until you choose one; a status is kept with its own history.";

void draw_editor(ParticipantEditor& editor, Session& session, const Scheme& scheme) {
  const Person* p = session.workspace().find<Person>(editor.person_id);
  if (!p) {
    editor = ParticipantEditor{};
    return;
  }
  section_heading(("Correct " + (p->name.empty() ? p->email : p->name)).c_str());
  ImGui::PushID("participant-editor");
  std::string path;
  Json value;
  if (draw_conflict_choices(encode(*p), session.can_edit(), path, value, kTwoDevicesHelp)) {
    session.flush_now();
    if (session.record(session.workspace().resolve_conflict<Person>(editor.person_id, path, value),
                       "Keeping the chosen version")) {
      p = session.workspace().find<Person>(editor.person_id);
      editor.draft = correction_of(*p);
    }
  }
  text_field("Name", editor.draft.name);
  text_field("E-mail address", editor.draft.email);
  ImGui::Checkbox("Mentor", &editor.draft.mentor);
  ImGui::SameLine();
  ImGui::Checkbox("Mentee", &editor.draft.mentee);
  list_field("Topics", editor.draft.topics, scheme.topics.empty() ? "" : joined_values(scheme.topics).c_str());
  int_field("How many mentees", editor.draft.capacity, 0, 1000);
  if (!editor.error.empty()) error_text(editor.error);
  const bool save_pressed = button("Save correction", session.can_edit());
  if (save_pressed) {
    auto saved = correct_participant(session.workspace(), editor.person_id, editor.draft);
    if (saved) {
      session.record(saved, "Correcting a participant");
      session.notify("Saved the correction of " + (editor.draft.name.empty() ? editor.draft.email : editor.draft.name) + ".");
      editor = ParticipantEditor{};
    } else {
      editor.error = saved.error_text();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Close")) {
    editor = ParticipantEditor{};
    ImGui::PopID();
    return;
  }
  if (const Person* current = session.workspace().find<Person>(editor.person_id)) draw_status_change(editor, session, *current);
  ImGui::PopID();
}


void refresh(ConflictedPeople& conflicted, const Session& session) {
  if (conflicted.version == session.workspace_version()) return;
  conflicted.version = session.workspace_version();
  conflicted.ids.clear();
  for (const auto& [id, p] : session.workspace().people())
    if (may_hold_conflicts(p.meta.sync) && !conflicts_in(encode(p)).empty()) conflicted.ids.push_back(id);
}

void draw_conflicted_people(const ConflictedPeople& conflicted, ParticipantEditor& editor, const Session& session) {
  if (conflicted.ids.empty()) return;
  const std::string heading = std::to_string(conflicted.ids.size()) +
                              " participant(s) changed differently on two devices: open one to choose which version to keep";
  capture_text("two-versions", heading);
  error_text(heading);
  constexpr std::size_t kListed = 8;
  for (std::size_t i = 0; i < conflicted.ids.size() && i < kListed; ++i) {
    const Person* p = session.workspace().find<Person>(conflicted.ids[i]);
    if (!p) continue;
    ImGui::PushID(p->meta.id.c_str());
    const std::string label = "Choose for " + (p->name.empty() ? p->email : p->name);
    if (ImGui::SmallButton(label.c_str())) {
      editor.person_id = p->meta.id;
      editor.draft = correction_of(*p);
      editor.error.clear();
    }
    ImGui::PopID();
    if (i + 1 < conflicted.ids.size() && i + 1 < kListed) ImGui::SameLine();
  }
}

}  // namespace

void draw_participants_screen(Session& session, const Scheme& scheme) {
  ParticipantsState& state = session.screens().participants;
  ParticipantFilter& filters = state.filter;
  ParticipantSort& sort = state.sort;
  ParticipantsView& view = state.view;
  ParticipantEditor& editor = state.editor;
  ConflictedPeople& conflicted = state.conflicted;
  refresh(conflicted, session);
  const bool stale = view.scheme_id != scheme.meta.id || view.version != session.workspace_version() ||
                     !(view.filter == filters) || !(view.sort == sort);
  if (stale) rebuild(view, session, scheme, filters, sort);

  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("##search", "Search name, e-mail, topic…", &filters.search);
  describe_text_input("Search participants", filters.search);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  static const char* const kRoleFilters[] = {"everyone", "mentors", "mentees"};
  const int role = std::clamp(static_cast<int>(filters.role), 0, 2);
  if (labelled_combo("Role", kRoleFilters[role])) {
    for (int i = 0; i < 3; ++i)
      if (ImGui::Selectable(kRoleFilters[i], role == i)) filters.role = static_cast<RoleFilter>(i);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  combo_of("Language", filters.language, view.list.languages);
  ImGui::SameLine();
  combo_of("Topic", filters.topic, view.list.topics);
  combo_of("Time zone", filters.time_zone, view.list.time_zones);
  ImGui::SameLine();
  std::vector<std::string> statuses;
  for (const auto& [status, name] : kPersonStatusNames) statuses.emplace_back(name);
  std::string status = filters.status ? enum_to_string(kPersonStatusNames, *filters.status) : "";
  combo_of("Status", status, statuses);
  filters.status.reset();
  for (const auto& [value, name] : kPersonStatusNames)
    if (status == name) filters.status = value;
  ImGui::SameLine();
  if (ImGui::Button("Export participants CSV")) {
    deliver_export(session, export_file_name({"participants", session.workspace().clock().today()}, "csv"), "text/csv",
                   participants_csv(session.workspace(), scheme.meta.id));
  }
  ImGui::SameLine();
  if (ImGui::Button("Export participants XLSX")) {
    deliver_export(session, export_file_name({"participants", session.workspace().clock().today()}, "xlsx"),
                            kXlsxMimeType, participants_xlsx(session.workspace(), scheme.meta.id));
  }
  draw_export_lock_choice(session, false);

  draw_conflicted_people(conflicted, editor, session);
  if (!editor.person_id.empty()) draw_editor(editor, session, scheme);

  const std::string count = std::to_string(view.list.ids.size()) + " of " + std::to_string(view.list.total) + " people";
  capture_text("participants", count);
  text_line(count.c_str());

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("Participants", 7, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_DefaultSort);
  ImGui::TableSetupColumn("E-mail");
  ImGui::TableSetupColumn("Role");
  ImGui::TableSetupColumn("Country");
  ImGui::TableSetupColumn("Languages");
  ImGui::TableSetupColumn("Topics");
  ImGui::TableSetupColumn("Experience");
  ImGui::TableHeadersRow();

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      sort.column = static_cast<ParticipantColumn>(std::clamp<int>(specs->Specs[0].ColumnIndex, 0, 6));
      sort.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    specs->SpecsDirty = false;
    platform::request_frame();  // re-sorted on the next frame
  }

  const auto& people = session.workspace().people();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.list.ids.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      auto found = people.find(view.list.ids[static_cast<std::size_t>(i)]);
      if (found == people.end()) continue;
      const Person& p = found->second;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(p.meta.id.c_str());
      // The name opens the participant for correction.
      const std::string shown = p.name.empty() ? p.email : p.name;
      if (ImGui::Selectable(painted_label(shown.c_str()).c_str(), editor.person_id == p.meta.id)) {
        editor.person_id = p.meta.id;
        editor.draft = correction_of(p);
        editor.error.clear();
      }
      ImGui::PopID();
      ImGui::TableNextColumn(); text_line(p.email.c_str());
      ImGui::TableNextColumn(); text_line(roles_text(p).c_str());
      ImGui::TableNextColumn(); text_line(p.country.c_str());
      ImGui::TableNextColumn(); text_line(joined_values(p.languages).c_str());
      ImGui::TableNextColumn(); text_line(joined_values(p.topics).c_str());
      ImGui::TableNextColumn();
      if (p.experience_years) text_format("%d years", *p.experience_years);
    }
  }
  ImGui::EndTable();
}

}  // namespace pairwise::app
