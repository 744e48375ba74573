#include "app/app_shell.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImGui::ClearActiveID

#include "app/backup_panel.hpp"
#include "app/file_buttons.hpp"
#include "app/layout.hpp"
#include "app/screens/applicant_screen.hpp"
#include "app/screens/coordinator_screen.hpp"
#include "app/screens/pair_screen.hpp"
#include "app/screens/start_screen.hpp"
#include "app/semantics.hpp"
#include "app/shortcuts.hpp"
#include "platform/browser.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/documents.hpp"
#include "platform/files.hpp"
#include "platform/storage.hpp"

namespace pairwise::app {
namespace {

void draw_save_status(Session& session) {
  using platform::StorageState;
  // "All changes saved" only once every edit's transaction has completed (Session::unsaved_count
  // counts writes still under way and drafts waiting for the typing pause).
  std::string status;
  const std::size_t unsaved = session.unsaved_count();
  switch (platform::storage_state()) {
    case StorageState::Loading: status = "Loading your data…"; break;
    case StorageState::Writer: status = unsaved > 0 ? "Saving…" : "All changes saved on this device"; break;
    case StorageState::Follower: status = "Read-only in this tab"; break;
    case StorageState::Memory:
      status = unsaved > 0 ? "Not saved: " + std::to_string(unsaved) + " change(s) only in this tab"
                           : "Not saved: storage unavailable";
      break;
  }
  capture_text("save-status", status);
  ImGui::TextDisabled("%s", status.c_str());
  semantic_text(SemanticRole::status, status);
}

// Listed where people look for settings, and read out by screen readers like any other text.
void draw_keyboard_shortcuts() {
  section_heading("Keyboard shortcuts");
  const std::string save = "Ctrl+S (Cmd+S on a Mac): " + export_shortcut_description() + " (on this screen)";
  const char* lines[] = {
      "Tab / Shift+Tab: next / previous control, across the top bar and the screen",
      "Enter or Space: press the focused button, tick the box, open the file chooser",
      "Arrow keys: move between controls nearby; in a list, the next option",
      "Esc: close the dialog or menu on top, or stop editing a field",
      "Ctrl+A, Ctrl+C, Ctrl+V, Ctrl+Z: select all, copy, paste, undo in a text field",
  };
  for (const char* line : lines) {
    ImGui::BulletText("%s", line);
    semantic_text(SemanticRole::text, line);
  }
  ImGui::BulletText("%s", save.c_str());
  semantic_text(SemanticRole::text, save);
}

void draw_settings_popup(Session& session) {
  if (ImGui::BeginPopup("Settings")) {
    DisplaySettings display = session.display();
    bool changed = false;
    ImGui::TextUnformatted("Theme");
    if (radio_button("As the system", !display.chosen_dark)) { display.chosen_dark.reset(); changed = true; }
    ImGui::SameLine();
    if (radio_button("Dark", display.chosen_dark == true)) { display.chosen_dark = true; changed = true; }
    ImGui::SameLine();
    if (radio_button("Light", display.chosen_dark == false)) { display.chosen_dark = false; changed = true; }
    ImGui::TextUnformatted("Text size");
    const float browser_size = display.text_size(platform::browser_text_scale());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    float size = browser_size;
    if (ImGui::SliderFloat("##Text size", &size, kSmallestTextSize, kLargestTextSize, "%.0f px")) {
      display.chosen_text_size = static_cast<float>(static_cast<int>(size + 0.5f));
    }
    ItemDescription slider;
    slider.role = SemanticRole::slider;
    slider.name = "Text size";
    slider.value = std::to_string(static_cast<int>(browser_size));
    slider.min_value = kSmallestTextSize;
    slider.max_value = kLargestTextSize;
    describe_last_item(slider);
    if (ImGui::IsItemDeactivatedAfterEdit()) changed = true;
    if (ImGui::Button("Smaller")) {
      display.chosen_text_size = std::max(kSmallestTextSize, browser_size - 1);
      changed = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Larger")) {
      display.chosen_text_size = std::min(kLargestTextSize, browser_size + 1);
      changed = true;
    }
    // Back to the browser's own text size (its setting, e.g. "Very large"), which it follows again.
    if (display.chosen_text_size) {
      ImGui::SameLine();
      if (ImGui::Button("As the browser")) {
        display.chosen_text_size.reset();
        changed = true;
      }
    }
    if (changed) session.set_display(display);
    draw_backup_controls(session);
    draw_keyboard_shortcuts();
    ImGui::EndPopup();
  }
}

void draw_settings_button() {
  if (ImGui::Button("Settings")) ImGui::OpenPopup("Settings");
  ItemDescription settings;
  settings.has_expanded = true;
  settings.expanded = ImGui::IsPopupOpen("Settings");
  describe_last_item(settings);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+S: %s", export_shortcut_description().c_str());
}

constexpr UserRole kTopBarRoles[] = {UserRole::none, UserRole::applicant, UserRole::coordinator, UserRole::pair};

// A phone or a narrow window: the title and one Menu button on the first line (the places and
// Settings in the menu, each a full-width row a finger hits), the save status on its own line.
void draw_narrow_top_bar(Session& session, TopBarState& bar) {
  ImGui::TextUnformatted("Pairwise");
  ImGui::SameLine(ImGui::GetContentRegionMax().x - button_width("Menu"));
  if (ImGui::Button("Menu")) ImGui::OpenPopup("Menu");
  ItemDescription menu;
  menu.has_expanded = true;
  menu.expanded = ImGui::IsPopupOpen("Menu");
  describe_last_item(menu);
  draw_save_status(session);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, ImGui::GetCursorScreenPos().y));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, 0));
  if (ImGui::BeginPopup("Menu")) {
    const float width = ImGui::GetContentRegionAvail().x;
    for (UserRole role : kTopBarRoles) {
      const bool current = session.role() == role;
      if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (ImGui::Button(role_title(role), ImVec2(width, 0))) {
        session.set_role(role);
        ImGui::CloseCurrentPopup();
      }
      if (current) ImGui::PopStyleColor();
    }
    if (ImGui::Button("Settings", ImVec2(width, 0))) {
      bar.open_settings = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  if (bar.open_settings) {
    bar.open_settings = false;
    ImGui::OpenPopup("Settings");
  }
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, ImGui::GetCursorScreenPos().y));
  ImGui::SetNextWindowSizeConstraints(ImVec2(viewport->WorkSize.x, 0), ImVec2(viewport->WorkSize.x, viewport->WorkSize.y));
}

void draw_wide_top_bar(Session& session) {
  ImGui::TextUnformatted("Pairwise");
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  for (UserRole role : kTopBarRoles) {
    const bool current = session.role() == role;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(role_title(role))) session.set_role(role);
    if (current) ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  // Settings keeps the right end; the save status sits between when it fits and goes under the
  // places when it does not (drawn over them, a tap would open the wrong place).
  const float right = ImGui::GetContentRegionMax().x;
  const float settings_x = right - button_width("Settings");
  const float status_width = ImGui::GetFontSize() * 18;
  const bool status_fits = ImGui::GetCursorPosX() + status_width + ImGui::GetStyle().ItemSpacing.x <= settings_x;
  if (status_fits) {
    ImGui::SameLine(settings_x - status_width);
    draw_save_status(session);
  }
  ImGui::SameLine(settings_x);
  draw_settings_button();
  if (!status_fits) draw_save_status(session);
}

void draw_top_bar(Session& session, TopBarState& bar) {
  ImGui::PushFont(nullptr);
  if (narrow_layout()) draw_narrow_top_bar(session, bar);
  else draw_wide_top_bar(session);
  draw_settings_popup(session);
  ImGui::PopFont();
  ImGui::Separator();
}

void draw_storage_banner(Session& session) {
  using platform::StorageState;
  const StorageState state = platform::storage_state();
  const std::string& message = platform::storage_message();
  if (message.empty()) return;
  capture_text("banner", message);
  const bool alarming = state == StorageState::Memory;
  const ImVec4 colour = state == StorageState::Memory ? ImVec4(0.55f, 0.16f, 0.12f, 1.0f) : ImVec4(0.45f, 0.36f, 0.08f, 1.0f);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::BeginChild("StorageBanner", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NavFlattened);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(message.c_str());
  semantic_text(alarming ? SemanticRole::alert : SemanticRole::notice, message);
  ImGui::PopTextWrapPos();
  if (state == StorageState::Follower && ImGui::Button("Edit here")) platform::request_edit_here();
  if (state == StorageState::Memory && ImGui::Button("Export a backup now")) session.back_up_now();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
}

// Stored records that could not be read stay in storage untouched; saying which lets a person
// export a backup and ask for help instead of wondering where a meeting went.
void draw_damaged_records(const Session& session) {
  const auto& damaged = session.damaged_records();
  if (damaged.empty()) return;
  std::string text = std::to_string(damaged.size()) +
                     " stored record(s) could not be read and are shown nowhere; they are kept untouched in this "
                     "browser's storage:";
  for (const DamagedRecord& d : damaged) {
    text += "\n  " + d.key.store + "/" + d.key.id;
    if (!d.problems.empty()) text += ": " + d.problems.front().path + ": " + d.problems.front().message;
  }
  error_text(text);
}

void draw_notices(Session& session) {
  const auto& notices = session.notices();
  for (std::size_t i = 0; i < notices.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (notices[i].error) {
      error_text(notices[i].text);
    } else {
      capture_text("notice", notices[i].text);
      ImGui::TextWrapped("%s", notices[i].text.c_str());
      semantic_text(SemanticRole::notice, notices[i].text);
    }
    same_line_if_fits(button_width("Dismiss"));
    const bool dismiss = ImGui::SmallButton("Dismiss");
    ItemDescription dismiss_name;
    dismiss_name.name = "Dismiss: " + notices[i].text.substr(0, 60);
    describe_last_item(dismiss_name);
    ImGui::PopID();
    if (dismiss) {
      session.dismiss_notice(i);
      break;
    }
  }
}

}  // namespace

void draw_app_shell(Session& session, AppScreens& screens) {
  if (screens.generation != session.screens().generation) {
    // Another scheme or a replaced workspace: nothing typed or chosen for the old one shows, and
    // a field being edited lets go, or it would keep showing the old scheme's value.
    screens.applicant = {};
    screens.pair = {};
    screens.restore = {};
    screens.generation = session.screens().generation;
    ImGui::ClearActiveID();
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("Pairwise", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  begin_file_buttons();
  draw_top_bar(session, screens.top_bar);
  draw_storage_banner(session);
  draw_damaged_records(session);
  draw_notices(session);
  draw_locked_file_dialog(session);
  if (session.loaded()) handle_restore(session, screens.restore);
  // Flattened: Tab walks from the top bar straight into the screen's controls and back, instead of
  // stopping once at the whole panel (Enter to get inside, which nobody guesses).
  const std::string reminder = session.loaded() ? backup_reminder_text(session) : std::string();
  ImGui::BeginChild("Screen", ImVec2(0, -backup_reminder_height(reminder)), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NavFlattened);
  if (!session.loaded()) {
    ImGui::TextDisabled("Loading your data…");
  } else {
    switch (session.role()) {
      case UserRole::none: draw_start_screen(session, screens.start); break;
      case UserRole::applicant: draw_applicant_screen(session, screens.applicant); break;
      case UserRole::coordinator: draw_coordinator_screen(session); break;
      case UserRole::pair: draw_pair_screen(session, screens.pair); break;
      case UserRole::request_board: draw_request_board_screen(session, screens.request_board); break;
    }
  }
  ImGui::EndChild();
  draw_backup_reminder(session, reminder);
  end_file_buttons();
  handle_shortcuts(session);
  platform::set_leave_guard(session.has_work_at_risk());
  ImGui::End();
}

}  // namespace pairwise::app
