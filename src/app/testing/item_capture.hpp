#pragma once
// Test flavour only: records every ImGui item's label and rectangle each frame (through Dear
// ImGui's test-engine hooks) and publishes the table to the page as Module.pairwiseItems, so
// browser tests can point the real mouse and keyboard at widgets. The production build links
// item_capture_off.cpp, where both calls do nothing.
#include <string>

namespace pairwise::app {

void begin_item_capture();
void publish_item_capture();
// Records a message shown as plain text (errors, banners, notices), which has no widget id.
void capture_text(const char* kind, const std::string& text);
// Records a widget the hooks miss (Dear ImGui 1.90's combo boxes report no label) at the given
// screen rectangle, in the current window.
void capture_widget(const std::string& label, float min_x, float min_y, float max_x, float max_y);

}  // namespace pairwise::app
