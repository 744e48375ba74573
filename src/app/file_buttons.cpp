#include "app/file_buttons.hpp"

#include <imgui.h>

#include "app/semantics.hpp"

namespace pairwise::app {
namespace {
std::vector<platform::ScreenRect> g_rects;
std::vector<platform::OpenedFile> g_inbox;
std::string g_clicked_purpose;  // set by the button click, which always comes before its files
std::string g_inbox_purpose;
}  // namespace

void begin_file_buttons() { g_rects.clear(); }

void open_files_button(const char* label, const char* purpose) {
  if (ImGui::Button(label)) g_clicked_purpose = purpose;
  ItemDescription opens;
  opens.opens_files = true;
  describe_last_item(opens);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  if (ImGui::IsItemVisible()) g_rects.push_back({min.x, min.y, max.x - min.x, max.y - min.y});
}

void end_file_buttons() { platform::set_file_picker_buttons(g_rects); }

void receive_opened_files(std::vector<platform::OpenedFile> files, bool dropped) {
  g_inbox_purpose = dropped ? std::string() : g_clicked_purpose;
  g_clicked_purpose.clear();
  for (auto& f : files) g_inbox.push_back(std::move(f));
}

const std::string& opened_files_purpose() { return g_inbox_purpose; }

std::vector<platform::OpenedFile> take_opened_files() {
  std::vector<platform::OpenedFile> out;
  out.swap(g_inbox);
  return out;
}

bool has_opened_files() { return !g_inbox.empty(); }

}  // namespace pairwise::app
