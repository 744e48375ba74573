#include "app/ui_fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <array>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "app/script_fonts.hpp"
#include "platform/browser.hpp"

namespace pairwise::app {
namespace {

// Latin with its extensions (accented names), Greek, Cyrillic and common punctuation and symbols,
// from the UI font that ships with the app. Other scripts come from fonts fetched on demand.
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

// A font for one more script, fetched from the site (fonts/...) the first time a character of that
// script is seen, and merged into the atlas with only the characters seen so far: a whole CJK font
// rasterised at every size would be a texture of tens of megabytes.
struct ExtraFont {
  const char* site_path;
  int font_no = 0;  // the face inside a .ttc collection
  enum class State { idle, fetching, ready, failed } state = State::idle;
  std::string data;                 // the font file, kept while the atlas refers to it
  std::set<ImWchar> seen;           // characters met in the text so far
  std::vector<ImWchar> ranges;      // `seen` as ImGui glyph ranges, for the last build
  double line_height_per_em = 0;    // from the font's tables (0: unknown, drawn at the UI font's size)
};

std::array<ExtraFont, static_cast<std::size_t>(ScriptFont::count)> g_extra = {{
    {"fonts/cjk.ttc", 0},
    {"fonts/devanagari.ttf", 0},
    {"fonts/thai.ttf", 0},
    {"fonts/arabic.ttf", 0},
    {"fonts/hebrew.ttf", 0},
}};
bool g_extra_changed = false;  // a fetched font or new characters since the last build

ImFont* g_heading = nullptr;
float g_built_ratio = 0.0f;
float g_built_size = 0.0f;

void on_font_fetched(int tag, std::string_view bytes, const std::string& error) {
  if (tag < 0 || tag >= static_cast<int>(g_extra.size())) return;
  ExtraFont& font = g_extra[static_cast<std::size_t>(tag)];
  if (!error.empty() || bytes.empty()) {
    font.state = ExtraFont::State::failed;  // the characters stay as "?" rather than the app stopping
    return;
  }
  font.data.assign(bytes.data(), bytes.size());
  font.line_height_per_em = font_line_height_per_em(font.data, font.font_no).value_or(0.0);
  font.state = ExtraFont::State::ready;
  g_extra_changed = true;
}

// The characters seen so far as glyph ranges; the atlas keeps pointers to them until it is built,
// so they are made once per build, before any font is added.
void prepare_extra_ranges() {
  for (ExtraFont& font : g_extra) {
    font.ranges.clear();
    for (ImWchar c : font.seen) {
      font.ranges.push_back(c);
      font.ranges.push_back(c);
    }
    font.ranges.push_back(0);
  }
}

// The UI font's line height per em, read once from the file the app ships with.
double ui_line_height_per_em() {
  static const double value = [] {
    std::string bytes;
    if (std::FILE* f = std::fopen(kUiFontPath, "rb")) {
      char buffer[65536];
      std::size_t n = 0;
      while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.append(buffer, n);
      std::fclose(f);
    }
    return font_line_height_per_em(bytes).value_or(0.0);
  }();
  return value;
}

// Merges every fetched font into the font just added (drawn at `pixels` line height), with the
// characters seen so far, each at the same em size as the UI font.
void merge_extra_fonts(float pixels) {
  const double ui = ui_line_height_per_em();
  for (ExtraFont& font : g_extra) {
    if (font.state != ExtraFont::State::ready || font.seen.empty()) continue;
    const float scaled = ui > 0 && font.line_height_per_em > 0
                             ? static_cast<float>(pixels * font.line_height_per_em / ui)
                             : pixels;
    ImFontConfig config;
    config.MergeMode = true;
    config.FontDataOwnedByAtlas = false;  // the atlas is rebuilt from the same bytes later
    config.FontNo = font.font_no;
    config.OversampleH = 2;
    config.OversampleV = 1;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(font.data.data(), static_cast<int>(font.data.size()), scaled, &config,
                                               font.ranges.data());
  }
}

}  // namespace

void note_text_seen(std::string_view utf8) {
  for_each_script_character(utf8, [](char32_t c, ScriptFont script) {
    ExtraFont& font = g_extra[static_cast<std::size_t>(script)];
    if (!font.seen.insert(static_cast<ImWchar>(c)).second) return;
    if (font.state == ExtraFont::State::idle) {
      font.state = ExtraFont::State::fetching;
      platform::fetch_site_file(font.site_path, static_cast<int>(script), on_font_fetched);
    } else if (font.state == ExtraFont::State::ready) {
      g_extra_changed = true;
    }
  });
}

std::u32string characters_without_glyph(std::string_view utf8) {
  std::u32string missing;
  ImFont* font = ImGui::GetFont();
  if (font == nullptr) return missing;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    unsigned int c = 0;
    const int used = ImTextCharFromUtf8(&c, p, end);
    if (used <= 0) break;
    p += used;
    if (c > ' ' && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) missing.push_back(c);
  }
  return missing;
}

bool update_ui_fonts(float pixel_ratio, float text_size) {
  if (pixel_ratio == g_built_ratio && text_size == g_built_size && !g_extra_changed) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  prepare_extra_ranges();
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  // Rasterise at device pixels, then draw at 1/ratio in CSS pixels: the GPU maps it back 1:1.
  const float body_pixels = text_size * pixel_ratio;
  ImFont* font = io.Fonts->AddFontFromFileTTF(kUiFontPath, body_pixels, &config, kGlyphRanges);
  if (font == nullptr) {
    config.SizePixels = body_pixels;
    io.Fonts->AddFontDefault(&config);
  }
  merge_extra_fonts(body_pixels);
  const float heading_pixels = text_size * 1.45f * pixel_ratio;
  g_heading = io.Fonts->AddFontFromFileTTF(kUiFontPath, heading_pixels, &config, kGlyphRanges);
  if (g_heading == nullptr) g_heading = font;
  else merge_extra_fonts(heading_pixels);
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f / pixel_ratio;
  g_built_ratio = pixel_ratio;
  g_built_size = text_size;
  g_extra_changed = false;
  return true;
}

ImFont* heading_font() { return g_heading != nullptr ? g_heading : ImGui::GetFont(); }

}  // namespace pairwise::app
