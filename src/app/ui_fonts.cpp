#include "app/ui_fonts.hpp"

#include <imgui.h>

namespace pairwise::app {
namespace {

// Latin with its extensions (accented names), Greek, Cyrillic and common punctuation and symbols.
// CJK is left out on purpose: a CJK font would add over 10 MB to every download.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A and -B
    0x0300, 0x036F,  // combining diacritics
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic and supplement
    0x1E00, 0x1EFF,  // Latin Extended Additional (e.g. Vietnamese)
    0x2000, 0x206F,  // punctuation: dashes, quotes, ellipsis
    0x20A0, 0x20CF,  // currency
    0x2190, 0x21FF,  // arrows
    0x2200, 0x22FF,  // maths (≤ ≥)
    0x25A0, 0x25FF,  // geometric shapes (● ▲ ▼)
    0x2713, 0x2717,  // check marks
    0,
};

ImFont* g_heading = nullptr;
float g_built_ratio = 0.0f;
float g_built_size = 0.0f;

}  // namespace

bool update_ui_fonts(float pixel_ratio, float text_size) {
  if (pixel_ratio == g_built_ratio && text_size == g_built_size) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  // Rasterise at device pixels, then draw at 1/ratio in CSS pixels: the GPU maps it back 1:1.
  ImFont* font = io.Fonts->AddFontFromFileTTF(kUiFontPath, text_size * pixel_ratio, &config, kGlyphRanges);
  if (font == nullptr) {
    config.SizePixels = text_size * pixel_ratio;
    io.Fonts->AddFontDefault(&config);
  }
  g_heading = io.Fonts->AddFontFromFileTTF(kUiFontPath, text_size * 1.45f * pixel_ratio, &config, kGlyphRanges);
  if (g_heading == nullptr) g_heading = font;
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f / pixel_ratio;
  g_built_ratio = pixel_ratio;
  g_built_size = text_size;
  return true;
}

ImFont* heading_font() { return g_heading != nullptr ? g_heading : ImGui::GetFont(); }

}  // namespace pairwise::app
