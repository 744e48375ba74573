#include "app/backup_panel.hpp"

#include <imgui.h>

#include "app/locked_files.hpp"

#include <optional>

#include "app/file_buttons.hpp"
#include "app/opened_documents.hpp"
#include "app/semantics.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/restore.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kRestorePurpose = "restore";
constexpr int kRemindAfterDays = 14;

struct PendingRestore {
  Backup backup;
  std::string file_name;
  std::string exported_at;
};
std::optional<PendingRestore> g_pending;

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

void draw_backup_reminder(Session& session) {
  const int days = session.days_since_backup();
  const bool never = days < 0;
  if (!never && days < kRemindAfterDays) return;
  const std::string text = never ? "Your work is only in this browser and has never been backed up."
                                 : "Your last backup was " + std::to_string(days) + " days ago.";
  capture_text("reminder", text);
  ImGui::TextDisabled("%s", text.c_str());
  semantic_text(SemanticRole::notice, text);
  ImGui::SameLine();
  if (ImGui::SmallButton("Back up now")) session.back_up_now();
}

void handle_restore(Session& session) {
  if (has_opened_files() && opened_files_purpose() == kRestorePurpose) {
    for (const platform::OpenedFile& file : take_opened_files()) {
      auto parsed = read_opened_document(session, file, DocumentKind::backup, "Choose a file made with \"Back up everything\".");
      if (!parsed) continue;
      g_pending = PendingRestore{std::get<Backup>(parsed->document), file.name, ""};
      ImGui::OpenPopup("Restore from a backup?");
    }
  }
  if (g_pending && !ImGui::IsPopupOpen("Restore from a backup?")) ImGui::OpenPopup("Restore from a backup?");
  if (ImGui::BeginPopupModal("Restore from a backup?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    const BackupSummary s = summarise_backup(g_pending->backup);
    ImGui::Text("%s holds %d scheme(s), %d people, %d pairing(s), %d meeting(s) and %d objective(s).",
                g_pending->file_name.c_str(), s.schemes, s.people, s.pairings, s.meetings, s.objectives);
    paragraph("Restoring replaces everything on this device with the backup. Anything not in the backup is removed.");
    if (ImGui::Button("Back up the current data first")) session.back_up_now();
    if (ImGui::Button("Replace everything with the backup")) {
      session.restore(g_pending->backup, g_pending->file_name);
      g_pending.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      g_pending.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace pairwise::app
