#pragma once
// Small charts drawn with ImGui's draw lists, sized to the text so they scale with the text-size
// setting and stay sharp at any device pixel ratio.
#include <imgui.h>

#include <string>
#include <vector>

namespace pairwise::app {

// Vertical bars with a label under each (e.g. meetings per month); hovering a bar shows its value.
void column_chart(const char* id, const std::vector<std::string>& labels, const std::vector<int>& values,
                  float height_in_lines = 6.0f);
// One horizontal bar from 0 to `value` of `max_value`, in `color`, with `text` after it.
void bar(float value, float max_value, ImU32 color, const std::string& text, float width_in_chars = 14.0f);
// Dots along a line from `first_day` to `last_day` (days since any fixed origin), one per event;
// a dot's size follows `weights` (e.g. meeting length).
void timeline(const char* id, const std::vector<int>& days, const std::vector<int>& weights, int first_day, int last_day,
              float width_in_chars = 30.0f);

// Colours people read without a legend: good, attention, problem.
ImU32 good_color();
ImU32 attention_color();
ImU32 problem_color();

}  // namespace pairwise::app
