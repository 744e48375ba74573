#pragma once
// Long answers and notes wrap at the width of their field. Dear ImGui's multi-line field does not
// wrap, so the field is given its text with a line break inserted where each line must end (a
// "soft" break) and the edits typed into that display are turned back into the text itself. The
// stored text never holds a soft break; only breaks the person typed.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pairwise {

// The width of a run of UTF-8 text, in the caller's units (the app: pixels in the field's font).
using MeasureText = std::function<float(std::string_view)>;

struct SoftWrapped {
  std::string display;               // the text with a '\n' at each soft break
  std::vector<std::size_t> breaks;   // offsets in `display` of the inserted '\n's, ascending
};

// Lines no wider than `width`: a line ends after the last space that fits; a word longer than the
// line (or text in a script written without spaces) breaks between characters. Spaces at a line's
// end may overhang it, as in any word processor. The person's own line breaks are kept.
SoftWrapped soft_wrap(std::string_view text, float width, const MeasureText& measure);

// The text itself: `display` without its soft breaks.
std::string without_soft_breaks(std::string_view display, const std::vector<std::size_t>& breaks);

// A position in the display as a position in the text, and back. A text position at a soft break
// is shown at the start of the next line (where typing there continues).
std::size_t to_text_offset(const SoftWrapped& wrapped, std::size_t display_offset);
std::size_t to_display_offset(const SoftWrapped& wrapped, std::size_t text_offset);

struct SoftWrapEdit {
  std::string text;
  std::size_t caret = 0;  // in `text`
};

// An edit the field made to `before.display`, giving `after_display` with the caret at
// `caret_in_after`: the edited text and its caret. Soft breaks outside the edit stay soft and are
// dropped; characters typed are the person's. A key that removed nothing but a soft break (Backspace
// at the start of a wrapped line, Delete at its end) removes the character before it (`backspace`)
// or after it, as it would in any editor, instead of doing nothing.
SoftWrapEdit apply_display_edit(const SoftWrapped& before, std::string_view after_display, std::size_t caret_in_after,
                                bool backspace);

}  // namespace pairwise
