#include "app/theme.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/theme_palette.hpp"

namespace pairwise::app {

namespace {
ImVec4 to_imgui(Rgba c) { return ImVec4(c.r, c.g, c.b, c.a); }
bool g_dark = true;
}  // namespace

ImVec4 private_note_background() { return to_imgui(theme_palette(g_dark).private_note_bg); }

ImVec4 theme_colour(TextTone tone) {
  const ThemePalette& p = theme_palette(g_dark);
  switch (tone) {
    case TextTone::muted: return to_imgui(p.text_muted);
    case TextTone::error: return to_imgui(p.error);
    case TextTone::warning: return to_imgui(p.warning);
    case TextTone::success: return to_imgui(p.success);
  }
  return to_imgui(p.text);
}

void apply_theme(bool dark, float font_size, float touch_target) {
  g_dark = dark;
  ImGuiStyle style;
  if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  // Every colour text is drawn in or on comes from the palette the contrast test checks.
  const ThemePalette& p = theme_palette(dark);
  style.Colors[ImGuiCol_Text] = to_imgui(p.text);
  style.Colors[ImGuiCol_TextDisabled] = to_imgui(p.text_muted);
  style.Colors[ImGuiCol_WindowBg] = to_imgui(p.window_bg);
  style.Colors[ImGuiCol_ChildBg] = to_imgui(p.child_bg);
  style.Colors[ImGuiCol_FrameBg] = to_imgui(p.frame_bg);
  style.Colors[ImGuiCol_Border] = to_imgui(p.frame_border);
  style.Colors[ImGuiCol_PopupBg] = to_imgui(p.popup_bg);
  style.Colors[ImGuiCol_Button] = to_imgui(p.button);
  style.Colors[ImGuiCol_ButtonHovered] = to_imgui(p.button_hovered);
  style.Colors[ImGuiCol_ButtonActive] = to_imgui(p.button_active);
  style.Colors[ImGuiCol_Header] = to_imgui(p.header);
  style.Colors[ImGuiCol_HeaderHovered] = to_imgui(p.header_hovered);
  style.Colors[ImGuiCol_HeaderActive] = to_imgui(p.header_active);
  style.Colors[ImGuiCol_Tab] = to_imgui(p.tab);
  style.Colors[ImGuiCol_TabHovered] = to_imgui(p.tab_active);
  style.Colors[ImGuiCol_TabActive] = to_imgui(p.tab_active);
  style.Colors[ImGuiCol_TabUnfocused] = to_imgui(p.tab);
  style.Colors[ImGuiCol_TabUnfocusedActive] = to_imgui(p.tab_active);
  style.Colors[ImGuiCol_FrameBgHovered] = to_imgui(p.frame_hovered);
  style.Colors[ImGuiCol_FrameBgActive] = to_imgui(p.frame_hovered);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.PopupRounding = 6.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.FramePadding = ImVec2(8.0f, 5.0f);
  style.FrameBorderSize = 1.0f;
  // A frame is the font's height plus its padding: a finger needs the whole target.
  if (touch_target > 0.0f) style.FramePadding.y = std::max(5.0f, std::ceil((touch_target - font_size) / 2.0f));
  style.ItemSpacing = ImVec2(10.0f, 8.0f);
  style.WindowPadding = ImVec2(16.0f, 14.0f);
  style.CellPadding = ImVec2(8.0f, 4.0f);
  style.ScrollbarSize = 16.0f;
  ImGui::GetStyle() = style;
}

}  // namespace pairwise::app
