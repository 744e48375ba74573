#include <nlohmann/json.hpp>

#include "platform/files.hpp"

extern "C" {
void pw_files_install();
void pw_files_set_hotspots(const char* json);
void pw_files_download(const char* name, const char* mime, const char* data, int length);
}

namespace {

// The bytes of a workbook, which web/files_library.js sends as base64 (JSON carries text only).
std::string from_base64(const std::string& text) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    const auto v = alphabet.find(c);
    if (v == std::string::npos) continue;  // the "=" padding
    bits = bits << 6 | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>(bits >> count & 0xff);
    }
  }
  return out;
}

void (*g_opened)(std::vector<pairwise::platform::OpenedFile>) = nullptr;
std::string g_last_hotspots;
}  // namespace

extern "C" __attribute__((used)) void pairwise_on_files_opened(const char* json) {
  if (g_opened == nullptr) return;
  const nlohmann::json list = nlohmann::json::parse(json, nullptr, false);
  if (!list.is_array()) return;
  std::vector<pairwise::platform::OpenedFile> files;
  for (const auto& entry : list) {
    pairwise::platform::OpenedFile file;
    file.name = entry.value("name", std::string("(unnamed)"));
    file.text = entry.contains("bytes64") ? from_base64(entry.value("bytes64", std::string()))
                                          : entry.value("text", std::string());
    file.error = entry.value("error", std::string());
    file.dropped = entry.value("dropped", false);
    files.push_back(std::move(file));
  }
  g_opened(std::move(files));
}

namespace pairwise::platform {

void install_file_handling(void (*opened)(std::vector<OpenedFile> files)) {
  g_opened = opened;
  pw_files_install();
}

void set_file_picker_buttons(const std::vector<ScreenRect>& rects) {
  nlohmann::json list = nlohmann::json::array();
  for (const ScreenRect& r : rects) list.push_back({{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}});
  std::string text = list.dump();
  if (text == g_last_hotspots) return;
  g_last_hotspots = text;
  pw_files_set_hotspots(text.c_str());
}

void download_file(const std::string& file_name, const std::string& mime_type, const std::string& content) {
  pw_files_download(file_name.c_str(), mime_type.c_str(), content.data(), static_cast<int>(content.size()));
}

}  // namespace pairwise::platform
