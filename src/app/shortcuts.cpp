#include "app/shortcuts.hpp"

#include <imgui.h>

namespace pairwise::app {
namespace {

struct ExportOffer {
  std::string description;
  std::function<void()> action;
};

ExportOffer& offer() {
  static ExportOffer o;
  return o;
}

std::string g_last_description;  // the previous frame's offer, for hints drawn before the screen

}  // namespace

void offer_export_shortcut(const std::string& description, std::function<void()> action) {
  offer() = ExportOffer{description, std::move(action)};
}

std::string export_shortcut_description() {
  return g_last_description.empty() ? "Back up everything" : g_last_description;
}

void handle_shortcuts(Session& session) {
  ExportOffer current = std::move(offer());
  offer() = ExportOffer{};
  g_last_description = current.description;
  // A dialog or menu has the keyboard: Ctrl+S must not act behind it.
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  if (!ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_S) && !ImGui::IsKeyChordPressed(ImGuiMod_Super | ImGuiKey_S)) return;
  if (current.action) current.action();
  else if (session.loaded()) session.back_up_now();
}

}  // namespace pairwise::app
