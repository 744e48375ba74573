#include "app/screens/pair_shared.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/widgets.hpp"

namespace pairwise::app {
namespace {
int g_records_replaced = 0;
}  // namespace

std::string person_label(const Session& session, const Pairing& pairing, Role side) {
  return name_on_side(session.workspace(), pairing, side) + " (" + enum_to_string(kRoleNames, side) + ")";
}

void note_records_replaced() { ++g_records_replaced; }

std::pair<int, int> pair_data_version(const Session& session) { return {session.data_generation(), g_records_replaced}; }

bool single_line_dialog(const char* title, const char* label, std::string& value, const char* confirm,
                        const std::string& problem) {
  bool confirmed = false;
  if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(label);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20.0f);
    const bool entered = ImGui::InputText((std::string("##") + label).c_str(), &value, ImGuiInputTextFlags_EnterReturnsTrue);
    // An empty field is not scolded before the person has typed anything; it only cannot be confirmed.
    if (!problem.empty() && !value.empty()) error_text(problem);
    if ((button(confirm, problem.empty()) || entered) && problem.empty()) {
      confirmed = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return confirmed;
}

}  // namespace pairwise::app
