#include "app/screens/import_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>

#include "app/file_buttons.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/import/survey_table_file.hpp"
#include "core/import/batch_import.hpp"
#include "platform/browser.hpp"

namespace pairwise::app {
namespace {

struct ImportState {
  std::vector<InputFile> files;
  std::vector<std::string> unreadable;
  bool skip_bad_rows = false;
  bool has_preview = false;
  ImportPreview preview;
  std::optional<ImportPreviewJob> job;  // reading the files, a few per frame
  // The survey export's columns and what each becomes (the first CSV's header; files from the
  // same survey share it).
  std::string csv_file;
  std::vector<std::string> csv_samples;  // first data row, to recognise a column by its answers
  std::optional<ColumnMapping> mapping;
  bool remember_mapping = true;
};

void read_csv_columns(ImportState& s, const Scheme& scheme) {
  for (const InputFile& f : s.files) {
    if (!is_survey_table_file_name(f.name)) continue;
    auto table = read_survey_table(f.content, f.name);
    if (!table) return;  // the preview reports what is wrong with it
    s.csv_file = f.name;
    s.mapping = mapping_for_headers(scheme.csv_mapping, table->header);
    s.csv_samples.assign(table->header.size(), "");
    if (!table->rows.empty())
      for (std::size_t k = 0; k < s.csv_samples.size() && k < table->rows[0].cells.size(); ++k)
        s.csv_samples[k] = table->rows[0].cells[k];
    return;
  }
}

ImportState& state() {
  static ImportState s;
  return s;
}

void refresh_preview(Session& session, const Scheme& scheme) {
  ImportState& s = state();
  ImportOptions options;
  options.scheme_id = scheme.meta.id;
  options.skip_bad_csv_rows = s.skip_bad_rows;
  options.csv_mapping = s.mapping;
  s.job.emplace(session.workspace(), s.files, options);
  s.has_preview = false;
}

// Reads files for about a frame's worth of time, then lets the page draw (and show progress).
void continue_reading() {
  ImportState& s = state();
  if (!s.job) return;
  const double until = platform::now_ms() + 12.0;
  while (!s.job->done() && platform::now_ms() < until) s.job->step(4);
  if (!s.job->done()) {
    platform::request_frame();
    return;
  }
  s.preview = s.job->preview();
  s.job.reset();
  for (const std::string& problem : s.unreadable) s.preview.errors.push_back({"", "", problem});
  s.has_preview = true;
}

void draw_column_mapping(Session& session, const Scheme& scheme) {
  ImportState& s = state();
  section_heading(("Columns of " + s.csv_file).c_str());
  help_text("Say what each column of the survey export holds. Columns left as \"not imported\" are ignored.");
  const auto& fields = application_field_keys();
  bool changed = false;
  std::vector<std::string> missing;
  for (const IntakeField& f : scheme.intake_fields) {
    if (!f.required) continue;
    bool mapped = false;
    for (const ColumnBinding& b : s.mapping->columns) mapped |= b.field == f.key;
    if (!mapped) missing.push_back(f.key);
  }
  if (ImGui::BeginTable("ColumnMapping", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Column", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("First answer", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Becomes", ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableHeadersRow();
    for (std::size_t k = 0; k < s.mapping->columns.size(); ++k) {
      ColumnBinding& b = s.mapping->columns[k];
      ImGui::PushID(static_cast<int>(k));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(b.header.c_str());
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      if (k < s.csv_samples.size()) capture_text("import-sample", b.header + ": " + s.csv_samples[k]);
      ImGui::TextDisabled("%s", k < s.csv_samples.size() ? s.csv_samples[k].c_str() : "");
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (begin_combo(b.header, b.field.empty() ? "not imported" : b.field.c_str())) {
        if (ImGui::Selectable("not imported", b.field.empty())) {
          b.field.clear();
          changed = true;
        }
        for (const std::string& field : fields) {
          if (ImGui::Selectable(field.c_str(), field == b.field)) {
            // One column per field: taking a field from another column frees that column.
            for (ColumnBinding& other : s.mapping->columns)
              if (other.field == field) other.field.clear();
            b.field = field;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    error_text("No column gives these required answers yet: " + list);
  }
  ImGui::Checkbox("Remember these choices for the next survey export", &s.remember_mapping);
  if (changed) refresh_preview(session, scheme);
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
    read_csv_columns(s, scheme);
    refresh_preview(session, scheme);
  }

  paragraph("Open the files people sent you, several at once: applications, a survey export (CSV or Excel .xlsx), "
            "or the progress reports pairs send for Monitoring. "
            "Nothing changes until you apply the import, and an import with errors changes nothing at all.");
  open_files_button("Open application files…");
  help_text("You can also drop files anywhere on this page.");

  continue_reading();
  if (s.job) {
    const float done = static_cast<float>(s.job->files_read()) / static_cast<float>(std::max<std::size_t>(1, s.job->file_count()));
    const std::string progress = "Reading " + std::to_string(s.job->files_read()) + " of " +
                                 std::to_string(s.job->file_count()) + " files…";
    ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * 20, 0), progress.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Stop reading")) s = ImportState{};
    return;
  }
  if (!s.has_preview) return;
  section_heading("Preview");
  const std::string counts = std::to_string(s.files.size() + s.unreadable.size()) + " file(s): " +
                             std::to_string(s.preview.new_records) + " new record(s), " +
                             std::to_string(s.preview.updated_records) + " updated, " +
                             std::to_string(s.preview.unchanged_records) + " unchanged";
  capture_text("import-preview", counts);
  ImGui::TextUnformatted(counts.c_str());
  // The decision sits right under the summary, in view however long the lists below get.
  if (button("Apply import", s.preview.can_apply() && session.can_edit(), "Fix the problems listed below first.")) {
    auto result = apply_import(session.workspace(), s.preview);
    if (session.record(result, "Import")) {
      if (s.mapping && s.remember_mapping && s.mapping != scheme.csv_mapping) {
        Scheme with_mapping = scheme;
        with_mapping.csv_mapping = *s.mapping;
        session.record(session.workspace().save(with_mapping), "Saving the column choices");
      }
      session.notify("Imported " + std::to_string(s.files.size()) + " file(s).");
      s = ImportState{};
      return;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    s = ImportState{};
    return;
  }
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
    for (const auto& f : s.files) has_csv |= is_survey_table_file_name(f.name);
    if (has_csv && ImGui::Checkbox("Leave out the CSV rows with problems and import the rest", &s.skip_bad_rows))
      refresh_preview(session, scheme);
  }
  if (s.mapping) draw_column_mapping(session, scheme);
}

}  // namespace pairwise::app
