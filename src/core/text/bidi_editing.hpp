#pragma once
// A field being edited, drawn as it reads. Dear ImGui edits text as a row of characters in typing
// order and places the caret, the selection and a click by that order; Hebrew or Arabic typed into
// it read backwards while the field had focus. Here each row of the field is laid out as painted
// (the Unicode bidirectional algorithm, Arabic joined, a right-to-left paragraph's rows aligned
// right), and the positions Dear ImGui works in (a caret between two characters of the text) are
// mapped to places on the painted row and back: the caret is drawn where the next character will
// appear, a selection as the pieces of the row it covers, and a click or a tap on the painted row
// becomes the position in the text under the finger.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/soft_wrap.hpp"

namespace pairwise {

// One row of a field as painted.
struct BidiRow {
  std::size_t first = 0;  // the row's first character, as a code point index into the field's text
  std::size_t length = 0;  // its characters (the line break after it not counted)
  bool right_to_left = false;  // its paragraph reads right to left: the row is aligned right
  std::u32string visual;  // what is drawn, in display order: joined forms (U+FEFF where a ligature took a
                          // letter), or a shaped run's glyphs
  // A character of the row (0..length-1) -> the drawn characters of the cluster it is part of,
  // [visual_of, visual_end): itself alone, or a whole syllable shaped as one (कि, क्ष).
  std::vector<std::size_t> visual_of;
  std::vector<std::size_t> visual_end;
  std::vector<bool> cluster_start;  // the caret stops before this character (not inside a syllable)
  std::vector<bool> reads_right_to_left;  // a character of the row -> it sits in right-to-left text
};

// A left-to-right row drawn as shaped glyphs: `drawn` in order, `cluster_of[j]` the row's first
// character of the cluster drawn glyph j belongs to (HarfBuzz's clusters; a plain character is a
// cluster of its own).
BidiRow shaped_row(std::size_t first, std::size_t length, std::u32string drawn, const std::vector<std::size_t>& cluster_of);

// The rows of a field's display (soft_wrap's, or one line of a single-line field), each laid out
// with the direction of the paragraph it was cut from.
std::vector<BidiRow> lay_out_rows(const SoftWrapped& display);

// A row placed on screen: `left` is where its painted text starts, `edges[v]` where its v-th
// painted character starts (relative to `left`), edges.back() its width. The caller measures each
// character of `visual` in the font (a ligature's U+FEFF is zero wide).
struct PlacedRow {
  const BidiRow* row = nullptr;
  float left = 0;
  std::vector<float> edges;
};

// Where the caret goes for the position `at` (0..length) of a row: before the character at `at`,
// on that character's reading side (its left in left-to-right text, its right in right-to-left); a
// position inside a syllable is drawn after it.
float caret_x(const PlacedRow& placed, std::size_t at);
// The position of the row whose caret is nearest `x` (a click at the painted row's left end of a
// Hebrew row is the end of its text); never inside a syllable.
std::size_t position_at(const PlacedRow& placed, float x);
// The pieces of the row [from, to) covers, as x ranges from left to right; bidirectional text can
// make one selection several pieces.
std::vector<std::pair<float, float>> selection_pieces(const PlacedRow& placed, std::size_t from, std::size_t to);

// The row's painted text as UTF-8 (ligature gaps left out).
std::string painted_row_text(const BidiRow& row);

}  // namespace pairwise
