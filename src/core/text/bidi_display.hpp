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

namespace pairwise {

// True when the text holds a character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
// N'Ko and their presentation forms): only such text needs display_text.
bool has_right_to_left(std::string_view utf8);

// The text to draw: unchanged without right-to-left characters; otherwise each line (split at
// '\n', kept) reordered for display, its direction taken from its first strong character (a
// label in English with an Arabic name in it stays left to right, the name reads right to left
// inside it). Bytes that are not UTF-8 are drawn as U+FFFD.
std::string display_text(std::string_view utf8);

}  // namespace pairwise
