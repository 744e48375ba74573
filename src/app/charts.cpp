#include "app/charts.hpp"

#include <algorithm>

namespace pairwise::app {

ImU32 good_color() { return IM_COL32(76, 175, 110, 255); }
ImU32 attention_color() { return IM_COL32(230, 170, 60, 255); }
ImU32 problem_color() { return IM_COL32(220, 90, 70, 255); }

void column_chart(const char* id, const std::vector<std::string>& labels, const std::vector<int>& values,
                  float height_in_lines) {
  ImGui::PushID(id);
  const float line = ImGui::GetTextLineHeight();
  const float height = line * height_in_lines;
  const float column = std::max(ImGui::CalcTextSize("2024-00").x + line * 0.5f, line * 2.5f);
  const float width = std::min(ImGui::GetContentRegionAvail().x, column * static_cast<float>(values.size()));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int max_value = std::max(1, values.empty() ? 1 : *std::max_element(values.begin(), values.end()));
  const ImU32 bar_color = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->AddLine(ImVec2(origin.x, origin.y + height), ImVec2(origin.x + width, origin.y + height), faint);
  // Show at most as many columns as fit, the most recent ones.
  const std::size_t fit = static_cast<std::size_t>(std::max(1.0f, width / column));
  const std::size_t first = values.size() > fit ? values.size() - fit : 0;
  for (std::size_t k = first; k < values.size(); ++k) {
    const float x = origin.x + column * static_cast<float>(k - first);
    const float h = (height - line) * static_cast<float>(values[k]) / static_cast<float>(max_value);
    const ImVec2 top(x + column * 0.2f, origin.y + height - h), bottom(x + column * 0.8f, origin.y + height);
    draw->AddRectFilled(top, bottom, bar_color, 2.0f);
    const std::string count = std::to_string(values[k]);
    if (values[k] > 0)
      draw->AddText(ImVec2(x + (column - ImGui::CalcTextSize(count.c_str()).x) * 0.5f, top.y - line), text_color,
                    count.c_str());
    const std::string& label = labels[k];
    draw->AddText(ImVec2(x + (column - ImGui::CalcTextSize(label.c_str()).x) * 0.5f, origin.y + height + 2), faint,
                  label.c_str());
  }
  ImGui::Dummy(ImVec2(width, height + line + 4));
  ImGui::PopID();
}

void bar(float value, float max_value, ImU32 color, const std::string& text, float width_in_chars) {
  const float line = ImGui::GetTextLineHeight();
  const float width = ImGui::CalcTextSize("0").x * width_in_chars;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float filled = max_value > 0 ? width * std::clamp(value / max_value, 0.0f, 1.0f) : 0.0f;
  draw->AddRectFilled(ImVec2(origin.x, origin.y + line * 0.2f), ImVec2(origin.x + width, origin.y + line * 0.8f),
                      ImGui::GetColorU32(ImGuiCol_FrameBg), 2.0f);
  if (filled > 0)
    draw->AddRectFilled(ImVec2(origin.x, origin.y + line * 0.2f), ImVec2(origin.x + filled, origin.y + line * 0.8f),
                        color, 2.0f);
  ImGui::Dummy(ImVec2(width, line));
  if (!text.empty()) {
    ImGui::SameLine();
    ImGui::TextUnformatted(text.c_str());
  }
}

void timeline(const char* id, const std::vector<int>& days, const std::vector<int>& weights, int first_day, int last_day,
              float width_in_chars) {
  ImGui::PushID(id);
  const float line = ImGui::GetTextLineHeight();
  const float width = ImGui::CalcTextSize("0").x * width_in_chars;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float mid = origin.y + line * 0.5f;
  draw->AddLine(ImVec2(origin.x, mid), ImVec2(origin.x + width, mid), ImGui::GetColorU32(ImGuiCol_TextDisabled));
  const float span = static_cast<float>(std::max(1, last_day - first_day));
  const int heaviest = weights.empty() ? 1 : std::max(1, *std::max_element(weights.begin(), weights.end()));
  for (std::size_t k = 0; k < days.size(); ++k) {
    const float x = origin.x + width * static_cast<float>(days[k] - first_day) / span;
    const float radius = line * (0.15f + 0.25f * static_cast<float>(k < weights.size() ? weights[k] : heaviest) /
                                             static_cast<float>(heaviest));
    draw->AddCircleFilled(ImVec2(x, mid), radius, ImGui::GetColorU32(ImGuiCol_PlotHistogram));
  }
  ImGui::Dummy(ImVec2(width, line));
  ImGui::PopID();
}

}  // namespace pairwise::app
