#include "app/screens/import_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>

#include "app/file_buttons.hpp"
#include "app/testing/item_capture.hpp"
#include "app/locked_files.hpp"
#include "app/semantics.hpp"
#include "app/widgets.hpp"
#include "core/import/survey_table_file.hpp"
#include "core/import/batch_import.hpp"
#include "core/intake/survey_table.hpp"
#include "core/reports/csv_exports.hpp"
#include "core/documents/file_names.hpp"
#include "app/testing/item_capture.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {


void read_csv_columns(ImportState& s, const Scheme& scheme) {
  for (const InputFile& f : s.files) {
    if (!is_survey_table_file_name(f.name)) continue;
    auto table = read_survey_table(f.content, f.name);
    if (!table) return;  // the preview reports what is wrong with it
    const SurveyTable survey = recognise_survey(table.value());
    s.csv_file = f.name;
    s.csv_tool = survey.tool;
    s.csv_columns = survey.columns;
    s.mapping = mapping_for_survey(scheme.csv_mapping, survey);
    s.csv_samples.assign(survey.table.header.size(), "");
    for (std::size_t k = 0; k < s.csv_samples.size(); ++k) {
      std::vector<std::string> seen;
      for (const auto& row : survey.table.rows) {
        if (k >= row.cells.size() || trim(row.cells[k]).empty()) continue;
        std::string answer = trim(row.cells[k]);
        if (std::find(seen.begin(), seen.end(), answer) != seen.end()) continue;
        seen.push_back(answer);
        if (answer.size() > 40) {
          // Cut at a character boundary: half a UTF-8 character is not text (the page's JSON
          // refused it and the whole frame failed on SurveyMonkey's Greek answers).
          std::size_t cut = 40;
          while (cut > 0 && (static_cast<unsigned char>(answer[cut]) & 0xC0) == 0x80) --cut;
          answer = answer.substr(0, cut) + "…";
        }
        for (char& c : answer)
          if (c == '\n' || c == '\r') c = ' ';
        s.csv_samples[k] += (s.csv_samples[k].empty() ? "" : " · ") + answer;
        if (seen.size() == 3) break;
      }
    }
    return;
  }
}

ImportState& state(Session& session) { return session.screens().import; }

void refresh_preview(Session& session, const Scheme& scheme) {
  ImportState& s = state(session);
  ImportOptions options;
  options.scheme_id = scheme.meta.id;
  options.skip_bad_csv_rows = s.skip_bad_rows;
  options.csv_mapping = s.mapping;
  options.keep_rows = s.keep_rows;
  s.job.emplace(session.workspace(), s.files, options);
  s.has_preview = false;
}

// Reads files for about a frame's worth of time, then lets the page draw (and show progress).
void continue_reading(Session& session) {
  ImportState& s = state(session);
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
  ImportState& s = state(session);
  section_heading(("Columns of " + s.csv_file).c_str());
  const std::string recognised = std::string("Recognised as ") +
                                 (s.csv_tool == SurveyTool::plain_table ? "a table with one header row"
                                                                       : std::string("a ") + survey_tool_name(s.csv_tool) + " export") +
                                 ". Several columns can give one list (the options of a \"select all that apply\" "
                                 "question all give topics).";
  capture_text("info", recognised);
  help_text(recognised.c_str());
  help_text("Say what each column of the survey export holds. Columns left as \"not imported\" are ignored.");
  const auto& fields = application_field_keys();
  bool changed = false;
  std::vector<std::string> missing;
  for (const IntakeField& f : scheme.intake_fields) {
    if (!f.required) continue;
    bool mapped = false;
    for (const ColumnBinding& b : s.mapping->columns) mapped |= b.field == f.key;
    if (!mapped) missing.push_back(field_label(f.key));
  }
  if (ImGui::BeginTable("ColumnMapping", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Question", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Answers", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Becomes", ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableHeadersRow();
    for (std::size_t k = 0; k < s.mapping->columns.size(); ++k) {
      ColumnBinding& b = s.mapping->columns[k];
      ImGui::PushID(static_cast<int>(k));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      const SurveyColumn* column = k < s.csv_columns.size() ? &s.csv_columns[k] : nullptr;
      text_line(column && !column->option.empty() ? column->question.c_str() : b.header.c_str());
      if (column && !column->option.empty()) muted_format("option: %s", column->option.c_str());
      if (column && column->identifying) muted_format("identifies the device, not the person");
      if (column && column->submitted_at) muted_format("when the answer was submitted");
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      if (k < s.csv_samples.size()) capture_text("import-sample", b.header + ": " + s.csv_samples[k]);
      muted_format("%s", k < s.csv_samples.size() ? s.csv_samples[k].c_str() : "");
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      const std::string shown = b.field.empty() ? "not imported" : field_label(b.field);
      if (begin_combo(b.header, shown.c_str())) {
        if (ImGui::Selectable("not imported", b.field.empty())) {
          b.field.clear();
          changed = true;
        }
        for (const std::string& field : fields) {
          if (ImGui::Selectable(field_label(field).c_str(), field == b.field)) {
            // A list (topics, languages, roles) gathers every column given to it; any other field
            // takes one column, so giving it here frees the column that had it.
            const std::string header = b.header;
            s.mapping->bind(header, field);
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
  // Only a column whose dates read both ways (every part 12 or less) is asked about.
  for (const auto& reading : s.preview.surveys) {
    for (const auto& header : reading.ambiguous_date_columns) {
      for (ColumnBinding& b : s.mapping->columns) {
        if (b.header != header) continue;
        ImGui::PushID(header.c_str());
        const std::string question = "The dates in \"" + header + "\" can be read two ways. Which comes first?";
        capture_text("info", question);
        text_line(question.c_str());
        if (radio_button("Month first (05/01/2024 is May 1)", b.date_order == DateOrder::month_first)) {
          b.date_order = DateOrder::month_first;
          changed = true;
        }
        ImGui::SameLine();
        if (radio_button("Day first (05/01/2024 is 5 January)", b.date_order == DateOrder::day_first)) {
          b.date_order = DateOrder::day_first;
          changed = true;
        }
        ImGui::PopID();
      }
    }
  }
  ImGui::Checkbox("Remember these choices for the next survey export", &s.remember_mapping);
  if (changed) refresh_preview(session, scheme);
}

// What the survey exports hold beyond new people: who is left out, who answered twice, answers
// read with a guess, and required answers that came in empty. Each line is named by row and name.
void draw_survey_findings(Session& session, const Scheme& scheme) {
  ImportState& s = state(session);
  const ImportPreview& p = s.preview;
  for (const auto& reading : p.surveys) {
    const std::string line = reading.file + ": " + survey_tool_name(reading.tool) + " export, " +
                             std::to_string(reading.answers) + " answer(s)";
    capture_text("info", line);
    text_line(line.c_str());
  }
  if (!p.left_out.empty()) {
    text_line(("Answers left out (" + std::to_string(p.left_out.size()) + "):").c_str());
    for (const auto& l : p.left_out) {
      capture_text("left-out", l.describe());
      bullet_wrapped(l.describe());
    }
  }
  if (!p.resubmissions.empty()) {
    text_line("People who answered twice (the later submission is kept unless you choose):");
    for (std::size_t k = 0; k < p.resubmissions.size(); ++k) {
      const Resubmission& r = p.resubmissions[k];
      ImGui::PushID(static_cast<int>(k));
      capture_text("resubmission", r.describe());
      bullet_format("%s", r.email.c_str());
      ImGui::Indent();
      wrapped_format("kept: row %d%s%s  %s", r.kept_row, r.kept_at.empty() ? "" : ", submitted ", date_of(r.kept_at).c_str(),
                  r.kept_summary.c_str());
      wrapped_format("set aside: row %d%s%s  %s", r.set_aside_row, r.set_aside_at.empty() ? "" : ", submitted ",
                  date_of(r.set_aside_at).c_str(), r.set_aside_summary.c_str());
      const std::string keep = "Keep row " + std::to_string(r.set_aside_row) + " instead";
      if (ImGui::Button(keep.c_str())) {
        const std::string kept_key = row_choice_key(r.file, r.kept_row);
        std::erase(s.keep_rows, kept_key);
        s.keep_rows.push_back(row_choice_key(r.file, r.set_aside_row));
        refresh_preview(session, scheme);
      }
      ImGui::Unindent();
      ImGui::PopID();
    }
  }
  if (!p.notes.empty()) {
    text_line("Answers read with a guess:");
    for (const auto& n : p.notes) {
      bullet_wrapped(n);
    }
  }
  if (!p.status_changes.empty()) {
    text_line("Pairings the progress reports move:");
    for (const auto& c : p.status_changes) {
      capture_text("import", c);
      bullet_format("%s", c.c_str());
    }
  }
  if (!p.interests.empty()) {
    text_line("Mentors' interest in posted requests:");
    for (const auto& c : p.interests) {
      capture_text("import", c);
      ImGui::Bullet();
      wrapped_format("%s", c.c_str());
    }
  }
  if (!p.missing.empty()) {
    text_line("Required answers that came in empty:");
    for (const auto& m : p.missing) {
      capture_text("missing", m.describe());
      bullet_wrapped(m.describe());
    }
  }
}

// Every earlier import, newest first, with who it left out: nobody is lost quietly.
void draw_import_history(Session& session) {
  const auto history = session.workspace().import_history();
  if (history.empty()) return;
  section_heading("Import history");
  if (ImGui::Button("Export import history (CSV)"))
    deliver_export(session, export_file_name({"import-history", session.workspace().clock().today()}, "csv"), "text/csv",
                            import_history_csv(session.workspace()));
  for (const ImportRecord& r : history) {
    std::string title = r.imported_at.substr(0, 16);
    for (char& c : title)
      if (c == 'T') c = ' ';
    for (const auto& f : r.files) title += "  " + f.name + " (" + f.layout + ")";
    title += ": " + std::to_string(r.new_records) + " new, " + std::to_string(r.updated_records) + " updated, " +
             std::to_string(r.left_out.size()) + " left out";
    capture_text("history", title);
    ImGui::PushID(r.meta.id.c_str());
    if (ImGui::TreeNode(title.c_str())) {
      const auto lines = describe_import(r);
      if (lines.empty()) muted_format("Everyone was imported.");
      for (const auto& line : lines) {
        capture_text("history", line);
        bullet_format("%s", line.c_str());
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

}  // namespace

void draw_import_screen(Session& session, const Scheme& scheme) {
  ImportState& s = state(session);
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

  continue_reading(session);
  if (s.job) {
    const float done = static_cast<float>(s.job->files_read()) / static_cast<float>(std::max<std::size_t>(1, s.job->file_count()));
    const std::string progress = "Reading " + std::to_string(s.job->files_read()) + " of " +
                                 std::to_string(s.job->file_count()) + " files…";
    ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * 20, 0), progress.c_str());
    ImGui::SameLine();
    if (ImGui::Button("Stop reading")) s = ImportState{};
    return;
  }
  if (!s.has_preview) {
    draw_import_history(session);
    return;
  }
  section_heading("Preview");
  const std::string counts = std::to_string(s.files.size() + s.unreadable.size()) + " file(s): " +
                             std::to_string(s.preview.new_records) + " new record(s), " +
                             std::to_string(s.preview.updated_records) + " updated, " +
                             std::to_string(s.preview.unchanged_records) + " unchanged";
  capture_text("import-preview", counts);
  text_line(counts.c_str());
  // The decision sits right under the summary, in view however long the lists below get.
  if (button("Apply import", s.preview.can_apply() && session.can_edit(), "Fix the problems listed below first.")) {
    auto result = apply_import(session.workspace(), s.preview);
    if (session.record(result, "Import")) {
      if (s.mapping && s.remember_mapping && s.mapping != scheme.csv_mapping) {
        Scheme with_mapping = scheme;
        with_mapping.csv_mapping = *s.mapping;
        session.record(session.workspace().save(with_mapping), "Saving the column choices");
      }
      std::string notice = "Imported " + std::to_string(s.files.size()) + " file(s).";
      if (!s.preview.left_out.empty())
        notice += " " + std::to_string(s.preview.left_out.size()) +
                  " answer(s) left out, named in the import history below.";
      session.notify(notice);
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
    text_line("Merged by e-mail (the same person in several files):");
    for (const auto& email : s.preview.merged_people) {
      bullet_wrapped(email);
    }
  }
  if (!s.preview.conflicts.empty()) {
    // Whole records keep the newer copy; records merged field by field keep both texts of a field
    // edited on both sides: each line says which.
    text_line("Two versions of the same record:");
    for (const auto& c : s.preview.conflicts) {
      bullet_wrapped(c.store + " " + c.key + ": kept " + c.kept + ", set aside " + c.discarded + " (" + c.reason + ")");
    }
  }
  draw_survey_findings(session, scheme);
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
