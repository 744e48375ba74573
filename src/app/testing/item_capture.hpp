#pragma once
// Test flavour only: records every ImGui item's label and rectangle each frame (fed by Dear
// ImGui's test-engine hooks, which the semantics layer owns) and publishes the table to the page as Module.pairwiseItems, so
// browser tests can point the real mouse and keyboard at widgets. The production build links
// item_capture_off.cpp, where both calls do nothing.
#include <string>

struct ImGuiContext;
struct ImRect;
typedef unsigned int ImGuiID;
typedef int ImGuiItemStatusFlags;

namespace pairwise::app {

// True in the test flavour, whose item table is fed by Dear ImGui's item hooks.
extern const bool kItemCaptureNeedsHooks;
void begin_item_capture();
// Fed by the semantics layer's Dear ImGui item hooks (src/app/semantics.cpp).
void capture_item_added(ImGuiContext* ctx, ImGuiID id, const ImRect& bb);
void capture_item_info(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags);
void publish_item_capture();
// Records a message shown as plain text (errors, banners, notices), which has no widget id.
void capture_text(const char* kind, const std::string& text);
// Records text painted differently from how it reads (right-to-left lines, joined Arabic).
void capture_painted(const std::string& text, const std::string& painted);
// Records a field not being edited whose text is painted over it (widgets.cpp: end_field_text).
void capture_painted_field(const std::string& text, const std::string& painted);
// Records a widget the hooks miss (Dear ImGui 1.90's combo boxes report no label) at the given
// screen rectangle, in the current window.
void capture_widget(const std::string& label, float min_x, float min_y, float max_x, float max_y);

}  // namespace pairwise::app
