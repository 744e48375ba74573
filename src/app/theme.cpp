#include "app/theme.hpp"

#include <imgui.h>

namespace pairwise::app {

void apply_theme(bool dark) {
  ImGuiStyle style;
  if (dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.12f, 0.13f, 0.15f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.14f, 0.15f, 0.18f, 1.0f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.20f, 0.38f, 0.50f, 1.0f);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.48f, 0.62f, 1.0f);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.18f, 0.55f, 0.72f, 1.0f);
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.78f, 0.87f, 0.93f, 1.0f);
    style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.66f, 0.80f, 0.90f, 1.0f);
    style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.73f, 0.86f, 1.0f);
  }
  style.WindowRounding = 0.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.PopupRounding = 6.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.FramePadding = ImVec2(8.0f, 5.0f);
  style.ItemSpacing = ImVec2(10.0f, 8.0f);
  style.WindowPadding = ImVec2(16.0f, 14.0f);
  style.CellPadding = ImVec2(8.0f, 4.0f);
  style.ScrollbarSize = 16.0f;
  ImGui::GetStyle() = style;
}

}  // namespace pairwise::app
