#include "core/text/bidi_display.hpp"

#include <fribidi.h>

#include <vector>

#include "core/text/utf8.hpp"

namespace pairwise {
namespace {

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

bool is_right_to_left_character(char32_t c) {
  return in(c, 0x0590, 0x08FF)     // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic Ext.
         || in(c, 0xFB1D, 0xFDFF)  // Hebrew and Arabic presentation forms A
         || in(c, 0xFE70, 0xFEFE)  // Arabic presentation forms B
         || in(c, 0x10800, 0x10FFF) || in(c, 0x1E800, 0x1EFFF);  // historic RTL scripts, Adlam, Arabic maths
}

// `direction` is FRIBIDI_PAR_ON to take the line's own (from its first strong character), or the
// paragraph's, for a line wrapped out of it; it comes back as the direction used.
void append_display_line(std::string& out, std::string_view line, FriBidiParType& direction) {
  std::vector<FriBidiChar> logical;
  logical.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) logical.push_back(next_code_point(line, i));
  if (logical.empty()) return;
  std::vector<FriBidiChar> visual(logical.size() + 1);
  if (!fribidi_log2vis(logical.data(), static_cast<FriBidiStrIndex>(logical.size()), &direction, visual.data(), nullptr,
                       nullptr, nullptr)) {
    out.append(line);  // FriBidi could not allocate: the text as it is rather than nothing
    return;
  }
  for (std::size_t k = 0; k < logical.size(); ++k) {
    // A ligature (lam-alef) leaves its second letter's place as FRIBIDI_CHAR_FILL, not a glyph.
    if (visual[k] == FRIBIDI_CHAR_FILL) continue;
    append_utf8(out, visual[k]);
  }
}

}  // namespace

bool has_right_to_left(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    // Every right-to-left character is at U+0590 or above: its lead byte is 0xD6 or more.
    if (static_cast<unsigned char>(utf8[i]) < 0xD6) {
      ++i;
      continue;
    }
    if (is_right_to_left_character(next_code_point(utf8, i))) return true;
  }
  return false;
}

std::string display_text(std::string_view utf8) {
  if (!has_right_to_left(utf8)) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() + 8);
  std::size_t start = 0;
  while (true) {
    const std::size_t end = utf8.find('\n', start);
    const std::string_view line = utf8.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    FriBidiParType direction = FRIBIDI_PAR_ON;  // from the first strong character; left to right without one
    if (has_right_to_left(line)) append_display_line(out, line, direction);
    else out.append(line);
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::vector<DisplayRow> display_row_list(const SoftWrapped& rows) {
  const std::string_view display = rows.display;
  std::vector<DisplayRow> out;
  std::size_t next_break = 0;  // index into rows.breaks
  std::size_t at = 0;
  while (true) {
    // One paragraph: rows up to a line break the person typed (or the end).
    std::vector<std::string_view> paragraph_rows;
    std::string paragraph;
    bool more = false;
    while (true) {
      const std::size_t end = display.find('\n', at);
      const std::string_view row = display.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
      paragraph_rows.push_back(row);
      paragraph.append(row);
      if (end == std::string_view::npos) break;
      while (next_break < rows.breaks.size() && rows.breaks[next_break] < end) ++next_break;
      const bool soft = next_break < rows.breaks.size() && rows.breaks[next_break] == end;
      at = end + 1;
      if (!soft) {
        more = true;
        break;
      }
    }
    // Every row of a paragraph keeps the paragraph's direction: a Hebrew paragraph's row that
    // happens to start with an English word still reads right to left.
    FriBidiParType direction = FRIBIDI_PAR_ON;
    const bool has_right_to_left_text = has_right_to_left(paragraph);
    if (has_right_to_left_text) {
      std::string ignored;
      append_display_line(ignored, paragraph, direction);
    }
    const bool right_to_left = has_right_to_left_text && direction == FRIBIDI_PAR_RTL;
    for (std::size_t k = 0; k < paragraph_rows.size(); ++k) {
      std::string_view row = paragraph_rows[k];
      // Spaces where a row was cut hang past its end: drawn, they would stand at a right-to-left
      // row's left edge.
      if (k + 1 < paragraph_rows.size())
        while (!row.empty() && row.back() == ' ') row.remove_suffix(1);
      DisplayRow shown;
      shown.right_to_left = right_to_left;
      if (has_right_to_left_text) {
        FriBidiParType row_direction = direction;
        append_display_line(shown.text, row, row_direction);
      } else {
        shown.text.assign(row);
      }
      out.push_back(std::move(shown));
    }
    if (!more) break;
  }
  return out;
}

std::string display_rows(const SoftWrapped& rows) {
  if (!has_right_to_left(rows.display)) return rows.display;
  std::string out;
  out.reserve(rows.display.size() + 16);
  bool first = true;
  for (const DisplayRow& row : display_row_list(rows)) {
    if (!first) out += '\n';
    out += row.text;
    first = false;
  }
  return out;
}

bool reads_right_to_left(std::string_view utf8) {
  if (!has_right_to_left(utf8)) return false;
  const std::string_view line = utf8.substr(0, utf8.find('\n'));
  FriBidiParType direction = FRIBIDI_PAR_ON;
  std::string ignored;
  if (has_right_to_left(line)) append_display_line(ignored, line, direction);
  return direction == FRIBIDI_PAR_RTL;
}

std::vector<DisplayRow> display_text_wrapped(std::string_view utf8, float width, const MeasureText& measure) {
  // Each character measured as it is drawn on its own (an Arabic letter's isolated form is about
  // as wide as its joined ones), so the lines break where the painted line would.
  return display_row_list(soft_wrap(utf8, width, [&](std::string_view c) { return measure(display_text(c)); }));
}

}  // namespace pairwise
