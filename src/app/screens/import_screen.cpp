#include "app/screens/import_screen.hpp"

#include <imgui.h>

#include "app/file_buttons.hpp"
#include "app/widgets.hpp"
#include "core/import/batch_import.hpp"

namespace pairwise::app {
namespace {

struct ImportState {
  std::vector<InputFile> files;
  std::vector<std::string> unreadable;
  bool skip_bad_rows = false;
  bool has_preview = false;
  ImportPreview preview;
};

ImportState& state() {
  static ImportState s;
  return s;
}

void refresh_preview(Session& session, const Scheme& scheme) {
  ImportState& s = state();
  ImportOptions options;
  options.scheme_id = scheme.meta.id;
  options.skip_bad_csv_rows = s.skip_bad_rows;
  s.preview = preview_import(session.workspace(), s.files, options);
  for (const std::string& problem : s.unreadable) s.preview.errors.push_back({"", "", problem});
  s.has_preview = true;
}

}  // namespace

void draw_import_screen(Session& session, const Scheme& scheme) {
  ImportState& s = state();
  if (has_opened_files()) {
    s.files.clear();
    s.unreadable.clear();
    for (const platform::OpenedFile& f : take_opened_files()) {
      if (!f.error.empty()) s.unreadable.push_back(f.name + " " + f.error);
      else s.files.push_back({f.name, f.text});
    }
    refresh_preview(session, scheme);
  }

  paragraph("Open the files people sent you, several at once: applications, a CSV export of a survey, or the progress "
            "reports pairs send for Monitoring. "
            "Nothing changes until you apply the import, and an import with errors changes nothing at all.");
  open_files_button("Open application files…");
  help_text("You can also drop files anywhere on this page.");

  if (!s.has_preview) return;
  section_heading("Preview");
  ImGui::Text("%zu file(s): %d new record(s), %d updated, %d unchanged", s.files.size() + s.unreadable.size(),
              s.preview.new_records, s.preview.updated_records, s.preview.unchanged_records);
  if (!s.preview.merged_people.empty()) {
    ImGui::TextUnformatted("Merged by e-mail (the same person in several files):");
    for (const auto& email : s.preview.merged_people) ImGui::BulletText("%s", email.c_str());
  }
  if (!s.preview.conflicts.empty()) {
    ImGui::TextUnformatted("Two versions of the same record (the newer one is kept):");
    for (const auto& c : s.preview.conflicts)
      ImGui::BulletText("%s %s: kept %s, set aside %s (%s)", c.store.c_str(), c.key.c_str(), c.kept.c_str(),
                        c.discarded.c_str(), c.reason.c_str());
  }
  if (!s.preview.skipped_rows.empty()) {
    ImGui::TextUnformatted("Rows left out:");
    for (const auto& e : s.preview.skipped_rows) ImGui::BulletText("%s", e.to_string().c_str());
  }
  if (!s.preview.errors.empty()) {
    error_text("Nothing can be imported until these problems are fixed:");
    for (const auto& e : s.preview.errors) error_text("  • " + e.to_string());
    bool has_csv = false;
    for (const auto& f : s.files) has_csv |= f.name.size() > 4 && f.name.substr(f.name.size() - 4) == ".csv";
    if (has_csv && ImGui::Checkbox("Leave out the CSV rows with problems and import the rest", &s.skip_bad_rows))
      refresh_preview(session, scheme);
  }
  if (button("Apply import", s.preview.can_apply() && session.can_edit(), "Fix the problems listed above first.")) {
    auto result = apply_import(session.workspace(), s.preview);
    if (session.record(result, "Import")) {
      session.notify("Imported " + std::to_string(s.files.size()) + " file(s).");
      s = ImportState{};
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) s = ImportState{};
}

}  // namespace pairwise::app
