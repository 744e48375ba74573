#pragma once
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

// The UI font, rasterised at the screen's pixel density so text stays crisp at any pixel ratio.
namespace pairwise::app {

inline constexpr const char* kUiFontPath = "/fonts/ui.ttf";

// Rebuilds the font atlas when the pixel ratio or text size changed. Returns true when the GPU
// texture must be recreated. Call between frames only.
bool update_ui_fonts(float pixel_ratio, float text_size);
// The larger font for screen titles and section headings (the body font is the default).
ImFont* heading_font();

// Text that has entered the app (loaded, opened, typed, pasted): the first character of a script
// the UI font lacks (Chinese, Japanese, Korean, Devanagari, Thai, Arabic, Hebrew) fetches that
// script's font from the site; new characters are added to the atlas at the next update_ui_fonts().
void note_text_seen(std::string_view utf8);
// Devanagari and Thai runs of `utf8` (core/text/complex_shaping) as the glyphs their font shapes
// them into, each drawn as a private-use character the atlas gains at the next update_ui_fonts();
// a run whose font has not arrived yet is left as typed. The rest of the text is unchanged.
std::string shaped_text(std::string_view utf8);
// A row of a field being edited, shaped as shaped_text() shapes it: what is drawn and, for each
// drawn character, the row's first character of the cluster (syllable) it belongs to; a plain
// character is a cluster of its own.
struct ShapedEditingRow {
  std::u32string drawn;
  std::vector<std::size_t> cluster_of;
};
ShapedEditingRow shaped_for_editing(std::u32string_view row);
// Goes up each time a font that shapes arrives: text shaped before then is shaped again.
int shaping_generation();
// The characters of `utf8` the current fonts cannot draw (for tests: none once the fonts arrived).
std::u32string characters_without_glyph(std::string_view utf8);

}  // namespace pairwise::app
