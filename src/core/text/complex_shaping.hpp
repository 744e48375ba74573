#pragma once
// Scripts whose letters change shape and place with their neighbours: Devanagari (क + ् + ष is the
// one conjunct glyph क्ष; the vowel sign ि is written before the consonant it follows; र् before a
// consonant is a reph mark above it) and Thai (a tone mark sits higher over an upper vowel, as in
// ปิ่น). Drawn one glyph per character, as Dear ImGui draws text, such names are misspelt on screen.
// A full shaper, HarfBuzz (Debian's libharfbuzz-dev natively, its bookworm source built for WASM
// through scripts/setup.sh), turns a run of such text into the font's own glyphs with their
// advances and offsets; the app draws those glyphs (app/ui_fonts.cpp). Stored, exported and spoken
// text stay as typed: only what is painted changes.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pairwise {

enum class ComplexScript { devanagari, thai };

// The complex script a character belongs to, if any. The joiners (ZWNJ, ZWJ) and the dotted circle
// have none of their own: they belong to the run they are in.
std::optional<ComplexScript> complex_script_of(char32_t c);

// True when the text holds a Devanagari or Thai character: only such text needs shaping.
bool needs_shaping(std::string_view utf8);

// A piece of text: either plain (drawn character by character) or a run of one complex script
// (shaped as a whole). Offsets are indexes into the code points of the text.
struct TextPiece {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<ComplexScript> script;
};

// The text cut into plain pieces and complex runs, in order, covering it all. A run ends at a
// character of another script, a space or punctuation (so Dear ImGui can still wrap between
// words); joiners between letters of a run stay in it.
std::vector<TextPiece> pieces_for_shaping(std::u32string_view text);

// One glyph of a shaped run, in font units: the glyph id in the font, how far the pen moves after
// it, and where it is drawn relative to the pen (y upwards, as in the font).
struct ShapedGlyph {
  std::uint32_t glyph = 0;
  std::int32_t x_advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
  std::size_t cluster = 0;  // the first character (code point index into the text) of the syllable it draws
  bool operator==(const ShapedGlyph&) const = default;
};

// A font file opened for shaping. The bytes are not copied: they must outlive the shaper (the app
// keeps each fetched font for as long as its atlas uses it).
class Shaper {
 public:
  // Empty when the bytes are not a font (or `face` is not one of a collection's faces).
  static std::unique_ptr<Shaper> open(std::string_view font_file, int face = 0);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  int units_per_em() const;
  // The glyphs of text[begin, end) in the given script, left to right as drawn; the characters
  // around the run are its context (a run after a joiner shapes as it would inside a word).
  std::vector<ShapedGlyph> shape(std::u32string_view text, std::size_t begin, std::size_t end,
                                 ComplexScript script) const;

 private:
  struct Handles;
  explicit Shaper(std::unique_ptr<Handles> handles);
  std::unique_ptr<Handles> handles_;
};

}  // namespace pairwise
