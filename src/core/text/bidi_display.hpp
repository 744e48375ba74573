#pragma once
// Right-to-left scripts as they are drawn. Dear ImGui places characters left to right, one glyph
// per character, so Hebrew and Arabic came out backwards and Arabic letters unjoined (محمد as
// four separate isolated letters). display_text gives the string to draw instead: each line in
// visual order by the Unicode bidirectional algorithm, and Arabic letters in their joined
// presentation forms (initial, medial, final; lam-alef ligatures), both from GNU FriBidi. The
// fonts the app fetches for Arabic hold those forms. Stored, exported and spoken text (the
// screen reader's names) stay in logical order: only what is painted changes.
#include <string>
#include <string_view>
#include <vector>

#include "core/text/soft_wrap.hpp"

namespace pairwise {

// True when the text holds a character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
// N'Ko and their presentation forms): only such text needs display_text.
bool has_right_to_left(std::string_view utf8);

// The text to draw: unchanged without right-to-left characters; otherwise each line (split at
// '\n', kept) reordered for display, its direction taken from its first strong character (a
// label in English with an Arabic name in it stays left to right, the name reads right to left
// inside it). Bytes that are not UTF-8 are drawn as U+FFFD.
std::string display_text(std::string_view utf8);

// True when the text's first line reads right to left (its first strong character is Hebrew,
// Arabic, …): such a line is aligned to the right.
bool reads_right_to_left(std::string_view utf8);

// A row as drawn: its characters in display order, and whether its paragraph reads right to left
// (then it is aligned to the right).
struct DisplayRow {
  std::string text;
  bool right_to_left = false;
  bool operator==(const DisplayRow&) const = default;
};

// Rows already cut (a multi-line field's soft_wrap display and its soft breaks), each put in
// display order with the direction of the paragraph it was cut from. Spaces where a row was cut
// are not drawn.
std::vector<DisplayRow> display_row_list(const SoftWrapped& rows);
// The same rows joined with '\n'; the display itself when it has no right-to-left character.
std::string display_rows(const SoftWrapped& rows);

// A paragraph wrapped at `width` as it reads, then each row put in display order: wrapping the
// display string instead cut its lines from the visual left, so a right-to-left paragraph's first
// words came out on its last line. `measure` gives a piece's width as drawn.
std::vector<DisplayRow> display_text_wrapped(std::string_view utf8, float width, const MeasureText& measure);

}  // namespace pairwise
