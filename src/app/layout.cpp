#include "app/layout.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace pairwise::app {
namespace {
bool g_touch = false;
}  // namespace

bool narrow_layout() { return ImGui::GetIO().DisplaySize.x < kNarrowWidth; }
bool touch_layout() { return g_touch; }
void set_touch_layout(bool touch) { g_touch = touch; }

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void same_line_if_fits(float next_width) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  // Where the next item would start on this line, and the last x it may reach.
  const float line_end = window->DC.CursorPosPrevLine.x + spacing;
  const float right = window->WorkRect.Max.x;
  if (line_end + next_width <= right) ImGui::SameLine();
}

float list_row_height() { return g_touch ? kTouchTarget - ImGui::GetStyle().ItemSpacing.y : 0.0f; }

}  // namespace pairwise::app
