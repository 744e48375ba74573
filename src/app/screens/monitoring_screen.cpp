#include "app/screens/monitoring_screen.hpp"

#include <imgui.h>

#include "app/locked_files.hpp"

#include <algorithm>
#include <numeric>

#include "app/charts.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/records/timestamps.hpp"
#include "core/documents/file_names.hpp"
#include "core/reports/csv_exports.hpp"
#include "core/reports/monitoring.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

ImU32 contact_color(int days) {
  if (days < 0 || days > 60) return problem_color();
  return days > 35 ? attention_color() : good_color();
}

const char* expectation_text(ExpectationStatus status) {
  switch (status) {
    case ExpectationStatus::on_track: return "on track";
    case ExpectationStatus::behind: return "behind";
    case ExpectationStatus::not_started: return "not started";
    case ExpectationStatus::not_applicable: return "none set by the scheme";
  }
  return "";
}

int day_number(const std::string& date, const std::string& origin) {
  return static_cast<int>(days_between(origin, date).value_or(0));
}

}  // namespace

void draw_monitoring_screen(Session& session, const Scheme& scheme) {
  const std::string today = session.workspace().clock().today();
  // Summarised again only when a record changed (it reads every progress report).
  MonitoringState& state = session.screens().monitoring;
  const std::string key = scheme.meta.id + "/" + today + "/" + std::to_string(session.workspace_version());
  if (key != state.summarized_key) {
    state.summarized_key = key;
    state.summary = summarize_progress(session.workspace(), scheme.meta.id, today);
  }
  const MonitoringSummary& s = state.summary;
  const std::string stages = describe_stages(s.stages);
  capture_text("monitoring", stages);
  text_line(stages.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Export monitoring CSV")) {
    deliver_export(session, export_file_name({"monitoring", today}, "csv"), "text/csv",
                   monitoring_csv(session.workspace(), scheme.meta.id, today));
  }
  ImGui::SameLine();
  if (ImGui::Button("Export monitoring XLSX")) {
    deliver_export(session, export_file_name({"monitoring", today}, "xlsx"), kXlsxMimeType,
                   monitoring_xlsx(session.workspace(), scheme.meta.id, today));
  }
  draw_export_lock_choice(session, false);
  if (s.pairs.empty()) {
    paragraph("No progress reports yet. Pairs export a progress report from their workspace and send it to you; "
              "open the files in the Import tab. Reports hold dates, counts and ratings only, never the pair's notes.");
    if (const std::string missing = describe_missing_reports(s); !missing.empty()) {
      capture_text("monitoring", missing);
      paragraph(missing.c_str());
    }
    return;
  }
  const std::string summary = std::to_string(s.pairs.size()) + " pair(s) reported: " + std::to_string(s.on_track) +
                              " on track, " + std::to_string(s.behind) + " behind, " + std::to_string(s.not_started) +
                              " not started.";
  capture_text("monitoring", summary);
  text_line(summary.c_str());
  const std::string missing = describe_missing_reports(s);
  if (!missing.empty()) {
    capture_text("monitoring", missing);
    muted_format("%s", missing.c_str());
  }

  section_heading("Meetings per month, all pairs");
  column_chart("per-month", s.months, s.meetings_per_month);

  section_heading("Each pair");
  std::string origin = today;
  for (const PairProgress& p : s.pairs)
    if (!p.meetings.empty()) origin = std::min(origin, p.meetings.front().date);
  const int last = std::max(1, day_number(today, origin));
  int longest_silence = 60;
  for (const PairProgress& p : s.pairs) longest_silence = std::max(longest_silence, p.days_since_contact);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX;
  if (ImGui::BeginTable("PairProgress", 5, flags)) {
    ImGui::TableSetupColumn("Pair");
    ImGui::TableSetupColumn("Meetings since the first one");
    ImGui::TableSetupColumn("Days since last contact");
    ImGui::TableSetupColumn("Objectives");
    ImGui::TableSetupColumn("Expectations");
    ImGui::TableHeadersRow();
    for (const PairProgress& p : s.pairs) {
      ImGui::PushID(p.pairing_id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      // An ended pair says so: its expectations stopped counting when it ended.
      const std::string pair =
          p.mentee + " with " + p.mentor + (is_final(p.status) ? " (" + to_string(p.status) + ")" : std::string());
      capture_text("monitoring", pair + ": " + std::to_string(p.meetings.size()) + " meeting(s)");
      text_line(pair.c_str());
      ImGui::TableNextColumn();
      std::vector<int> days, minutes;
      for (const MeetingSummary& m : p.meetings) {
        days.push_back(day_number(m.date, origin));
        minutes.push_back(m.length_minutes);
      }
      timeline("meetings", days, minutes, 0, last);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%zu meeting(s), %d minutes in all (report of %s)", p.meetings.size(), p.total_minutes,
                          p.report_date.c_str());
      ImGui::TableNextColumn();
      bar(static_cast<float>(p.days_since_contact < 0 ? longest_silence : p.days_since_contact),
          static_cast<float>(longest_silence), contact_color(p.days_since_contact),
          p.days_since_contact < 0 ? "not met yet" : std::to_string(p.days_since_contact) + " days", 10.0f);
      ImGui::TableNextColumn();
      if (p.objective_progress.empty()) {
        muted_format("none set");
      } else {
        const int average = std::accumulate(p.objective_progress.begin(), p.objective_progress.end(), 0) /
                            static_cast<int>(p.objective_progress.size());
        bar(static_cast<float>(average), 100.0f, good_color(),
            std::to_string(average) + "% of " + std::to_string(p.objective_progress.size()), 8.0f);
      }
      ImGui::TableNextColumn();
      const char* expectation = expectation_text(p.expectation);
      if (p.expectation == ExpectationStatus::behind) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(problem_color()), "%s", expectation);
      else text_line(expectation);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  if (!s.feedback.empty()) {
    section_heading("Feedback (average of 1 to 5)");
    for (const RatingAverage& r : s.feedback) {
      ImGui::AlignTextToFramePadding();
      text_format("%-14s", r.key.c_str());
      ImGui::SameLine(ImGui::GetFontSize() * 9);
      char text[48];
      std::snprintf(text, sizeof text, "%.1f from %d answer(s)", r.average, r.count);
      bar(static_cast<float>(r.average), 5.0f, r.average >= 3.5 ? good_color() : (r.average >= 2.5 ? attention_color() : problem_color()), text);
    }
  }
}

}  // namespace pairwise::app
