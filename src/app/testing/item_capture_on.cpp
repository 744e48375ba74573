#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "app/item_label.hpp"
#include "app/testing/item_capture.hpp"
#include "app/ui_fonts.hpp"

extern "C" void pw_publish_test_items(const char* json);

namespace {

struct CapturedItem {
  ImGuiID id = 0;
  ImRect rect;
  bool visible = false;
  std::string window;
  std::string label;
  ImGuiItemStatusFlags flags = 0;
  bool has_label = false;
};

std::vector<CapturedItem> g_items;
std::vector<std::pair<std::string, std::string>> g_texts;
std::vector<std::pair<std::string, std::string>> g_painted;  // (as it reads, as it is painted)
std::vector<std::pair<std::string, std::string>> g_painted_fields;  // fields' text painted over them
std::unordered_map<ImGuiID, size_t> g_index;

CapturedItem& item_for(ImGuiID id) {
  auto found = g_index.find(id);
  if (found != g_index.end()) return g_items[found->second];
  g_index.emplace(id, g_items.size());
  g_items.push_back({});
  g_items.back().id = id;
  return g_items.back();
}

}  // namespace

namespace pairwise::app {
extern const bool kItemCaptureNeedsHooks = true;

void capture_item_added(ImGuiContext* ctx, ImGuiID id, const ImRect& bb) {
  CapturedItem& item = item_for(id);
  item.rect = bb;
  ImGuiWindow* window = ctx->CurrentWindow;
  item.window = window != nullptr ? window->Name : "";
  item.visible = window != nullptr && window->ClipRect.Overlaps(bb) && !window->SkipItems;
}

void capture_item_info(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  CapturedItem& item = item_for(id);
  item.label = label;
  item.flags = flags;
  item.has_label = true;
}

void begin_item_capture() {
  g_items.clear();
  g_index.clear();
  g_texts.clear();
  g_painted.clear();
  g_painted_fields.clear();
}

void capture_text(const char* kind, const std::string& text) { g_texts.emplace_back(kind, text); }

void capture_painted(const std::string& text, const std::string& painted) {
  if (g_painted.size() < 2000) g_painted.emplace_back(text, painted);
}

void capture_painted_field(const std::string& text, const std::string& painted) {
  if (g_painted_fields.size() < 2000) g_painted_fields.emplace_back(text, painted);
}

void capture_widget(const std::string& label, float min_x, float min_y, float max_x, float max_y) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  CapturedItem& item = item_for(ImGui::GetID(("capture:" + label).c_str()));
  item.rect = ImRect(min_x, min_y, max_x, max_y);
  item.window = window->Name;
  item.visible = window->ClipRect.Overlaps(item.rect) && !window->SkipItems;
  item.label = label;
  item.has_label = true;
}

void publish_item_capture() {
  nlohmann::json items = nlohmann::json::array();
  for (const CapturedItem& item : g_items) {
    if (!item.has_label) continue;
    const std::string& label = item.label;
    const std::string shown = item_name(label);
    items.push_back({{"id", item.id},
                     {"label", shown},
                     {"fullLabel", label},
                     {"window", item.window},
                     {"x", item.rect.Min.x},
                     {"y", item.rect.Min.y},
                     {"w", item.rect.GetWidth()},
                     {"h", item.rect.GetHeight()},
                     {"visible", item.visible},
                     {"checked", (item.flags & ImGuiItemStatusFlags_Checked) != 0},
                     {"focused", ImGui::GetActiveID() == item.id}});
  }
  for (const auto& [kind, text] : g_texts) items.push_back({{"kind", kind}, {"text", text}, {"label", ""}, {"visible", false}});
  for (const auto& [text, painted] : g_painted)
    items.push_back({{"kind", "painted"}, {"text", text}, {"painted", painted}, {"label", ""}, {"visible", false}});
  for (const auto& [text, painted] : g_painted_fields)
    items.push_back({{"kind", "field-painted"}, {"text", text}, {"painted", painted}, {"label", ""}, {"visible", false}});
  // Text that is not valid UTF-8 is shown with replacement characters rather than stopping the frame.
  pw_publish_test_items(items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace pairwise::app

// For the script test: the characters of a text the current fonts cannot draw, as UTF-8 ("" when
// every glyph is there). Called from the page with Module.ccall.
extern "C" __attribute__((used)) const char* pairwise_test_missing_glyphs(const char* utf8) {
  static std::string out;
  out.clear();
  for (char32_t c : pairwise::app::characters_without_glyph(utf8)) {
    char buffer[5] = {};
    ImTextCharToUtf8(buffer, static_cast<unsigned int>(c));
    out += buffer;
  }
  return out.c_str();
}
