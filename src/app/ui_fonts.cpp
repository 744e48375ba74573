#include "app/ui_fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

// Dear ImGui's own copy of stb_truetype, compiled privately here to draw shaped glyphs by glyph id
// (ImGui itself only rasterises characters).
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "app/script_fonts.hpp"
#include "core/text/complex_shaping.hpp"
#include "core/text/utf8.hpp"
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
  ExtraFont(const char* path, int face) : site_path(path), font_no(face) {}
  const char* site_path;
  int font_no = 0;  // the face inside a .ttc collection
  enum class State { idle, fetching, ready, failed } state = State::idle;
  std::string data;                 // the font file, kept while the atlas refers to it
  std::set<ImWchar> seen;           // characters met in the text so far
  std::vector<ImWchar> ranges;      // `seen` as ImGui glyph ranges, for the last build
  double line_height_per_em = 0;    // from the font's tables (0: unknown, drawn at the UI font's size)
  std::unique_ptr<Shaper> shaper;   // Devanagari and Thai: their runs are shaped with this font
  stbtt_fontinfo outlines{};        // the same font for drawing its glyphs by id
  bool has_outlines = false;
};

std::array<ExtraFont, static_cast<std::size_t>(ScriptFont::count)> g_extra = {{
    {"fonts/cjk.ttc", 0},
    {"fonts/devanagari.ttf", 0},
    {"fonts/thai.ttf", 0},
    {"fonts/arabic.ttf", 0},
    {"fonts/hebrew.ttf", 0},
}};
bool g_extra_changed = false;  // a fetched font or new characters since the last build
int g_shaping_fonts_ready = 0;  // counts fonts that shape: text painted before one arrived is shaped again

// A glyph of a shaped run as it is drawn: its font, its id there, how far it moves the pen and where
// it sits (font units). Each distinct one becomes a character of its own in the atlas, a code point
// of the private use area, so every Dear ImGui widget draws shaped text as it draws any text:
// "क्षमा" is painted as three such characters (the conjunct, ma, the vowel sign aa).
struct PositionedGlyph {
  ScriptFont font = ScriptFont::none;
  std::uint32_t glyph = 0;
  std::int32_t x_advance = 0, x_offset = 0, y_offset = 0;
  auto key() const { return std::tie(font, glyph, x_advance, x_offset, y_offset); }
  bool operator<(const PositionedGlyph& other) const { return key() < other.key(); }
};
constexpr char32_t kFirstShapedCodePoint = 0xE000;  // the Basic Multilingual Plane's private use area,
constexpr char32_t kLastShapedCodePoint = 0xF8FF;   // so Dear ImGui's per-character tables stay small
std::map<PositionedGlyph, char32_t> g_shaped_code_points;
std::vector<PositionedGlyph> g_shaped_glyphs;  // by code point - kFirstShapedCodePoint

bool is_shaped_code_point(char32_t c) { return c >= kFirstShapedCodePoint && c <= kLastShapedCodePoint; }

ScriptFont font_for(ComplexScript script) {
  return script == ComplexScript::thai ? ScriptFont::thai : ScriptFont::devanagari;
}

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
  if (tag == static_cast<int>(ScriptFont::devanagari) || tag == static_cast<int>(ScriptFont::thai)) {
    const auto* data = reinterpret_cast<const unsigned char*>(font.data.data());
    const int offset = stbtt_GetFontOffsetForIndex(data, font.font_no);
    font.has_outlines = offset >= 0 && stbtt_InitFont(&font.outlines, data, offset) != 0;
    if (font.has_outlines) font.shaper = Shaper::open(font.data, font.font_no);
    if (font.shaper) ++g_shaping_fonts_ready;
  }
  font.state = ExtraFont::State::ready;
  g_extra_changed = true;
}

// The size an extra font is drawn at beside the UI font drawn at `pixels`: the same em.
float merged_pixels(const ExtraFont& font, float pixels);

// The private-use character that draws `glyph`, given one the first time it is met (the atlas then
// gains it at the next build). None once the private use area is full: the run is drawn unshaped.
std::optional<char32_t> code_point_for(const PositionedGlyph& glyph) {
  if (auto it = g_shaped_code_points.find(glyph); it != g_shaped_code_points.end()) return it->second;
  const char32_t next = kFirstShapedCodePoint + static_cast<char32_t>(g_shaped_glyphs.size());
  if (next > kLastShapedCodePoint) return std::nullopt;
  g_shaped_code_points.emplace(glyph, next);
  g_shaped_glyphs.push_back(glyph);
  g_extra_changed = true;
  return next;
}

// A rectangle of the atlas that will hold one shaped glyph, drawn once the atlas is built.
struct ShapedGlyphRect {
  int rect = 0;
  const ExtraFont* font = nullptr;
  int glyph = 0;
  float scale = 0;
  int width = 0, height = 0;
};
std::vector<ShapedGlyphRect> g_shaped_rects;

// Reserves a rectangle in the atlas for every shaped glyph met so far, at the size `target` is drawn
// (the UI font at `pixels`). A pixel of empty border keeps neighbours from bleeding into each other.
void add_shaped_glyphs(ImFont* target, float pixels) {
  for (std::size_t k = 0; k < g_shaped_glyphs.size(); ++k) {
    const PositionedGlyph& shaped = g_shaped_glyphs[k];
    const ExtraFont& font = g_extra[static_cast<std::size_t>(shaped.font)];
    if (!font.has_outlines) continue;
    const float scale = stbtt_ScaleForPixelHeight(&font.outlines, merged_pixels(font, pixels));
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(&font.outlines, static_cast<int>(shaped.glyph), scale, scale, &x0, &y0, &x1, &y1);
    const int width = x1 - x0, height = y1 - y0;
    // Placed as HarfBuzz placed it (its y grows upwards, the screen's downwards); the glyph's top is
    // measured from the baseline until the atlas knows the line's ascent (finish_shaped_glyphs).
    const ImVec2 offset(static_cast<float>(x0) + static_cast<float>(shaped.x_offset) * scale - 1.0f,
                        static_cast<float>(y0) - static_cast<float>(shaped.y_offset) * scale - 1.0f);
    const int rect = ImGui::GetIO().Fonts->AddCustomRectFontGlyph(
        target, static_cast<ImWchar>(kFirstShapedCodePoint + k), width + 2, height + 2,
        static_cast<float>(shaped.x_advance) * scale, offset);
    g_shaped_rects.push_back({rect, &font, static_cast<int>(shaped.glyph), scale, width, height});
  }
}

// Once the atlas is built: each shaped glyph drawn into its rectangle, and moved down from the
// baseline to the line's top, as Dear ImGui places the glyphs it draws itself.
void finish_shaped_glyphs(ImFont* body, ImFont* heading) {
  if (g_shaped_rects.empty()) return;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
  for (const ShapedGlyphRect& shaped : g_shaped_rects) {
    const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(shaped.rect);
    if (!rect->IsPacked() || shaped.width <= 0 || shaped.height <= 0) continue;
    unsigned char* into = pixels + static_cast<std::ptrdiff_t>(rect->Y + 1) * width + rect->X + 1;
    stbtt_MakeGlyphBitmap(&shaped.font->outlines, into, shaped.width, shaped.height, width, shaped.scale,
                          shaped.scale, shaped.glyph);
  }
  for (ImFont* font : {body, heading}) {
    if (font == nullptr) continue;
    const float ascent = std::round(font->Ascent);
    for (ImFontGlyph& glyph : font->Glyphs) {
      if (!is_shaped_code_point(glyph.Codepoint)) continue;
      glyph.Y0 += ascent;
      glyph.Y1 += ascent;
    }
    if (font == heading && heading == body) break;
  }
  g_shaped_rects.clear();
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
float merged_pixels(const ExtraFont& font, float pixels) {
  const double ui = ui_line_height_per_em();
  return ui > 0 && font.line_height_per_em > 0 ? static_cast<float>(pixels * font.line_height_per_em / ui) : pixels;
}

void merge_extra_fonts(float pixels) {
  for (ExtraFont& font : g_extra) {
    if (font.state != ExtraFont::State::ready || font.seen.empty()) continue;
    const float scaled = merged_pixels(font, pixels);
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

int shaping_generation() { return g_shaping_fonts_ready; }

// The text with its Devanagari and Thai runs shaped: each drawn character with the text's first
// character of its cluster.
ShapedEditingRow shape_pieces(std::u32string_view text) {
  ShapedEditingRow out;
  out.drawn.reserve(text.size());
  for (const TextPiece& piece : pieces_for_shaping(text)) {
    std::vector<char32_t> drawn;
    std::vector<std::size_t> clusters;
    if (piece.script) {
      const ScriptFont script = font_for(*piece.script);
      const ExtraFont& font = g_extra[static_cast<std::size_t>(script)];
      if (font.shaper) {
        for (const ShapedGlyph& g : font.shaper->shape(text, piece.begin, piece.end, *piece.script)) {
          const auto c = code_point_for({script, g.glyph, g.x_advance, g.x_offset, g.y_offset});
          if (!c) {
            drawn.clear();
            break;
          }
          drawn.push_back(*c);
          clusters.push_back(g.cluster);
        }
      }
    }
    if (!drawn.empty()) {
      out.drawn.append(drawn.begin(), drawn.end());
      out.cluster_of.insert(out.cluster_of.end(), clusters.begin(), clusters.end());
      continue;
    }
    // Plain text, or a run whose font has not arrived yet: character by character. A private-use
    // character typed by someone would draw one of the shaped glyphs, so it is drawn as U+FFFD.
    for (std::size_t k = piece.begin; k < piece.end; ++k) {
      out.drawn.push_back(is_shaped_code_point(text[k]) ? U'\uFFFD' : text[k]);
      out.cluster_of.push_back(k);
    }
  }
  return out;
}

std::string shaped_text(std::string_view utf8) {
  const ShapedEditingRow shaped = shape_pieces(to_code_points(utf8));
  std::string out;
  out.reserve(utf8.size() + shaped.drawn.size());
  for (char32_t c : shaped.drawn) append_utf8(out, c);
  return out;
}

ShapedEditingRow shaped_for_editing(std::u32string_view row) { return shape_pieces(row); }

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
  if (font == nullptr) font = io.Fonts->Fonts.back();
  g_shaped_rects.clear();
  add_shaped_glyphs(font, body_pixels);
  const float heading_pixels = text_size * 1.45f * pixel_ratio;
  g_heading = io.Fonts->AddFontFromFileTTF(kUiFontPath, heading_pixels, &config, kGlyphRanges);
  if (g_heading == nullptr) {
    g_heading = font;
  } else {
    merge_extra_fonts(heading_pixels);
    add_shaped_glyphs(g_heading, heading_pixels);
  }
  io.Fonts->Build();
  finish_shaped_glyphs(font, g_heading);
  io.FontGlobalScale = 1.0f / pixel_ratio;
  g_built_ratio = pixel_ratio;
  g_built_size = text_size;
  g_extra_changed = false;
  return true;
}

ImFont* heading_font() { return g_heading != nullptr ? g_heading : ImGui::GetFont(); }

}  // namespace pairwise::app
