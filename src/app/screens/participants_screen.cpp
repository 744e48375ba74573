#include "app/screens/participants_screen.hpp"

#include <imgui.h>

#include "app/locked_files.hpp"
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/screens/conflict_choices.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "core/operations/participant_correction.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/reports/csv_exports.hpp"
#include "core/sync/field_merge.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : "; ") + v;
  return out;
}

std::string roles_text(const Person& p) {
  if (p.is_mentor() && p.is_mentee()) return "mentor & mentee";
  return p.is_mentor() ? "mentor" : (p.is_mentee() ? "mentee" : "");
}

struct Filters {
  std::string search;
  int role = 0;  // 0 all, 1 mentors, 2 mentees
  std::string language;
  std::string topic;
  std::string time_zone;  // "UTC+01:00"
  std::string status;     // "active", "paused", …
};

std::string utc_offset_text(const Person& p) {
  if (!p.utc_offset_minutes) return "";
  const int m = *p.utc_offset_minutes;
  char text[16];
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", m < 0 ? '-' : '+', std::abs(m) / 60, std::abs(m) % 60);
  return text;
}

bool matches(const Person& p, const Filters& f, const std::string& search_lower) {
  if (f.role == 1 && !p.is_mentor()) return false;
  if (f.role == 2 && !p.is_mentee()) return false;
  if (!f.language.empty() && std::find(p.languages.begin(), p.languages.end(), f.language) == p.languages.end()) return false;
  if (!f.topic.empty() && std::find(p.topics.begin(), p.topics.end(), f.topic) == p.topics.end()) return false;
  if (!f.time_zone.empty() && utc_offset_text(p) != f.time_zone) return false;
  if (!f.status.empty() && enum_to_string(kPersonStatusNames, p.status) != f.status) return false;
  if (search_lower.empty()) return true;
  const std::string haystack = lower(p.name + " " + p.email + " " + p.country + " " + p.region + " " +
                                     joined(p.languages) + " " + joined(p.topics) + " " + p.organisation);
  return haystack.find(search_lower) != std::string::npos;
}

void combo_of(const char* label, std::string& value, const std::vector<std::string>& options) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (begin_combo(label, value.empty() ? "any" : value.c_str())) {
    if (ImGui::Selectable("any", value.empty())) value.clear();
    for (const auto& o : options)
      if (ImGui::Selectable(o.c_str(), o == value)) value = o;
    ImGui::EndCombo();
  }
}

// What the table shows, rebuilt only when the people, the filters or the sort order change: with
// 10,000 people, filtering and sorting every frame would make scrolling stutter.
struct ParticipantsView {
  std::string key;
  int sort_column = 0;
  bool ascending = true;
  std::size_t total = 0;
  std::vector<std::string> row_ids;  // ids, not pointers: an import replaces the workspace's tables
  std::vector<std::string> languages, topics, time_zones;
};

std::string view_key(const Session& session, const Scheme& scheme, const Filters& f) {
  return scheme.meta.id + "\n" + std::to_string(session.workspace_version()) + "\n" + f.search + "\n" +
         std::to_string(f.role) + "\n" + f.language + "\n" + f.topic + "\n" + f.time_zone + "\n" + f.status;
}

void rebuild(ParticipantsView& view, const Session& session, const Scheme& scheme, const Filters& filters) {
  std::vector<const Person*> people;
  view.languages.clear();
  view.topics = scheme.topics;
  view.time_zones.clear();
  for (const auto& [id, p] : session.workspace().people()) {
    if (p.scheme_id != scheme.meta.id) continue;
    people.push_back(&p);
    for (const auto& l : p.languages)
      if (std::find(view.languages.begin(), view.languages.end(), l) == view.languages.end()) view.languages.push_back(l);
    for (const auto& t : p.topics)
      if (std::find(view.topics.begin(), view.topics.end(), t) == view.topics.end()) view.topics.push_back(t);
    const std::string zone = utc_offset_text(p);
    if (!zone.empty() && std::find(view.time_zones.begin(), view.time_zones.end(), zone) == view.time_zones.end())
      view.time_zones.push_back(zone);
  }
  std::sort(view.time_zones.begin(), view.time_zones.end(), [](const std::string& a, const std::string& b) {
    auto minutes = [](const std::string& z) { return (z[3] == '-' ? -1 : 1) * (std::stoi(z.substr(4, 2)) * 60 + std::stoi(z.substr(7, 2))); };
    return minutes(a) < minutes(b);
  });
  std::sort(view.languages.begin(), view.languages.end());
  view.total = people.size();

  const std::string search_lower = lower(filters.search);
  std::vector<const Person*> rows;
  rows.reserve(people.size());
  for (const Person* p : people)
    if (matches(*p, filters, search_lower)) rows.push_back(p);
  const int column = view.sort_column;
  const bool ascending = view.ascending;
  if (column == 6) {
    std::stable_sort(rows.begin(), rows.end(), [ascending](const Person* a, const Person* b) {
      const int x = a->experience_years.value_or(-1), y = b->experience_years.value_or(-1);
      return ascending ? x < y : x > y;
    });
  } else {
    // Sort keys computed once per person, not once per comparison.
    auto key = [column](const Person* p) -> std::string {
      switch (column) {
        case 1: return lower(p->email);
        case 2: return roles_text(*p);
        case 3: return lower(p->country);
        case 4: return lower(joined(p->languages));
        case 5: return lower(joined(p->topics));
        default: return lower(p->name.empty() ? p->email : p->name);
      }
    };
    std::vector<std::pair<std::string, const Person*>> keyed;
    keyed.reserve(rows.size());
    for (const Person* p : rows) keyed.emplace_back(key(p), p);
    std::stable_sort(keyed.begin(), keyed.end(), [ascending](const auto& a, const auto& b) {
      return ascending ? a.first < b.first : b.first < a.first;
    });
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = keyed[k].second;
  }
  view.row_ids.clear();
  view.row_ids.reserve(rows.size());
  for (const Person* p : rows) view.row_ids.push_back(p->meta.id);
}

// The participant the coordinator is correcting, and the answers as edited so far.
struct ParticipantEditor {
  std::string person_id;  // "" = closed
  ParticipantCorrection draft;
  std::string error;
  // A status change being prepared (IKT: a mentor pauses or leaves, a person is removed).
  int new_status = 1;  // index into kPersonStatusNames; "paused" first offered
  std::string status_reason;
  std::string status_error;
};

// The person's status with its history, and a change with a reason, through the core's rules
// (set_person_status: a removal needs a reason and withdraws the person's live pairings).
void draw_status_change(ParticipantEditor& editor, Session& session, const Person& p) {
  section_heading("Status");
  const std::string now = "Now " + enum_to_string(kPersonStatusNames, p.status) +
                          (p.status_history.empty() ? std::string() : " since " + p.status_history.back().date);
  capture_text("person-status", now);
  ImGui::TextUnformatted(now.c_str());
  for (const PersonStatusChange& change : p.status_history) {
    std::string line = change.date + ": " + enum_to_string(kPersonStatusNames, change.status);
    if (!change.reason.empty()) line += " (" + change.reason + ")";
    capture_text("person-status-history", line);
    ImGui::BulletText("%s", line.c_str());
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("New status");
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
  list_field("Topics", editor.draft.topics, scheme.topics.empty() ? "" : joined(scheme.topics).c_str());
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

// The participants changed differently on two devices, found again whenever the workspace changes.
struct ConflictedPeople {
  long long version = -1;
  std::vector<std::string> ids;
};

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
  static Filters filters;
  static ParticipantsView view;
  static ParticipantEditor editor;
  static ConflictedPeople conflicted;
  refresh(conflicted, session);
  const std::vector<std::string> statuses = {"active", "paused", "left", "removed"};
  const std::string key = view_key(session, scheme, filters);
  if (key != view.key) {
    rebuild(view, session, scheme, filters);
    view.key = key;
  }

  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("##search", "Search name, e-mail, topic…", &filters.search);
  describe_text_input("Search participants", filters.search);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  static const char* const kRoleFilters[] = {"everyone", "mentors", "mentees"};
  if (labelled_combo("Role", kRoleFilters[std::clamp(filters.role, 0, 2)])) {
    for (int i = 0; i < 3; ++i)
      if (ImGui::Selectable(kRoleFilters[i], filters.role == i)) filters.role = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  combo_of("Language", filters.language, view.languages);
  ImGui::SameLine();
  combo_of("Topic", filters.topic, view.topics);
  combo_of("Time zone", filters.time_zone, view.time_zones);
  ImGui::SameLine();
  combo_of("Status", filters.status, statuses);
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

  const std::string count = std::to_string(view.row_ids.size()) + " of " + std::to_string(view.total) + " people";
  capture_text("participants", count);
  ImGui::TextUnformatted(count.c_str());

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

  if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort != nullptr && sort->SpecsDirty) {
    if (sort->SpecsCount > 0) {
      view.sort_column = sort->Specs[0].ColumnIndex;
      view.ascending = sort->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    sort->SpecsDirty = false;
    view.key.clear();  // re-sorted on the next frame
    platform::request_frame();
  }

  const auto& people = session.workspace().people();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.row_ids.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      auto found = people.find(view.row_ids[static_cast<std::size_t>(i)]);
      if (found == people.end()) continue;
      const Person& p = found->second;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(p.meta.id.c_str());
      // The name opens the participant for correction.
      const std::string shown = p.name.empty() ? p.email : p.name;
      if (ImGui::Selectable(shown.c_str(), editor.person_id == p.meta.id)) {
        editor.person_id = p.meta.id;
        editor.draft = correction_of(p);
        editor.error.clear();
      }
      ImGui::PopID();
      ImGui::TableNextColumn(); ImGui::TextUnformatted(p.email.c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(roles_text(p).c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(p.country.c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(joined(p.languages).c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(joined(p.topics).c_str());
      ImGui::TableNextColumn();
      if (p.experience_years) ImGui::Text("%d years", *p.experience_years);
    }
  }
  ImGui::EndTable();
}

}  // namespace pairwise::app
