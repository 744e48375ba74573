#include "app/file_buttons.hpp"

#include <imgui.h>

#include "core/locking/locked_file.hpp"
#include "app/semantics.hpp"

namespace pairwise::app {
namespace {
std::vector<platform::ScreenRect> g_rects;
std::vector<platform::OpenedFile> g_inbox;
std::string g_clicked_purpose;  // set by the button click, which always comes before its files
std::string g_inbox_purpose;
std::vector<LockedArrival> g_locked;
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
  for (auto& f : files) {
    if (f.error.empty() && is_locked_file(f.text)) g_locked.push_back({std::move(f), g_inbox_purpose});
    else g_inbox.push_back(std::move(f));
  }
}

std::vector<LockedArrival> take_locked_files() {
  std::vector<LockedArrival> out;
  out.swap(g_locked);
  return out;
}

void receive_unlocked_file(platform::OpenedFile file, const std::string& purpose) {
  if (g_inbox.empty()) g_inbox_purpose = purpose;
  g_inbox.push_back(std::move(file));
}

const std::string& opened_files_purpose() { return g_inbox_purpose; }

std::vector<platform::OpenedFile> take_opened_files() {
  std::vector<platform::OpenedFile> out;
  out.swap(g_inbox);
  return out;
}

bool has_opened_files() { return !g_inbox.empty(); }

}  // namespace pairwise::app
