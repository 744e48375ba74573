#include "app/backup_panel.hpp"

#include <imgui.h>

#include "app/locked_files.hpp"

#include <optional>

#include "app/file_buttons.hpp"
#include "app/layout.hpp"
#include "app/opened_documents.hpp"
#include "app/semantics.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/restore.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kRestorePurpose = "restore";
constexpr int kRemindAfterDays = 14;

}  // namespace

void draw_backup_controls(Session& session) {
  ImGui::SeparatorText("Backup");
  if (ImGui::Button("Back up everything")) session.back_up_now();
  ImGui::SameLine();
  open_files_button("Restore from a backup…", kRestorePurpose);
  draw_export_lock_choice(session, false);
  const int days = session.days_since_backup();
  if (days > 0) ImGui::TextDisabled("Last backup %d day(s) ago", days);
  else if (days < 0) ImGui::TextDisabled("No backup made on this device yet");
}

std::string backup_reminder_text(const Session& session) {
  const int days = session.days_since_backup();
  if (days >= 0 && days < kRemindAfterDays) return std::string();
  return days < 0 ? "Your work is only in this browser and has never been backed up."
                  : "Your last backup was " + std::to_string(days) + " days ago.";
}

float backup_reminder_height(const std::string& text) {
  if (text.empty()) return 0.0f;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  const float button = button_width("Back up now");
  const bool one_line = ImGui::CalcTextSize(text.c_str()).x + style.ItemSpacing.x + button <= width;
  if (one_line) return ImGui::GetFrameHeight() + style.ItemSpacing.y;
  return ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y + ImGui::GetFrameHeight() + style.ItemSpacing.y * 2;
}

void draw_backup_reminder(Session& session, const std::string& text) {
  if (text.empty()) return;
  capture_text("reminder", text);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  semantic_text(SemanticRole::notice, text);
  same_line_if_fits(button_width("Back up now"));
  if (ImGui::Button("Back up now")) session.back_up_now();
}

void handle_restore(Session& session, RestoreDialogState& state) {
  std::optional<RestoreDialogState::Pending>& pending = state.pending;
  if (has_opened_files() && opened_files_purpose() == kRestorePurpose) {
    for (const platform::OpenedFile& file : take_opened_files()) {
      auto parsed = read_opened_document(session, file, DocumentKind::backup, "Choose a file made with \"Back up everything\".");
      if (!parsed) continue;
      pending = RestoreDialogState::Pending{std::get<Backup>(parsed->document), file.name};
      ImGui::OpenPopup("Restore from a backup?");
    }
  }
  if (pending && !ImGui::IsPopupOpen("Restore from a backup?")) ImGui::OpenPopup("Restore from a backup?");
  if (ImGui::BeginPopupModal("Restore from a backup?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    if (!pending) {  // the workspace was replaced while it was open: nothing is left to confirm
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
      return;
    }
    const BackupSummary s = summarise_backup(pending->backup);
    ImGui::Text("%s holds %d scheme(s), %d people, %d pairing(s), %d meeting(s) and %d objective(s).",
                pending->file_name.c_str(), s.schemes, s.people, s.pairings, s.meetings, s.objectives);
    paragraph("Restoring replaces everything on this device with the backup. Anything not in the backup is removed.");
    if (ImGui::Button("Back up the current data first")) session.back_up_now();
    if (ImGui::Button("Replace everything with the backup")) {
      session.restore(pending->backup, pending->file_name);
      pending.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      pending.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace pairwise::app
