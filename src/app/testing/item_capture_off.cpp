#include "app/testing/item_capture.hpp"

namespace pairwise::app {
extern const bool kItemCaptureNeedsHooks = false;
void begin_item_capture() {}
void capture_item_added(ImGuiContext*, ImGuiID, const ImRect&) {}
void capture_item_info(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void publish_item_capture() {}
void capture_text(const char*, const std::string&) {}
void capture_painted(const std::string&, const std::string&) {}
void capture_painted_field(const std::string&, const std::string&) {}
void capture_widget(const std::string&, float, float, float, float) {}
}  // namespace pairwise::app
