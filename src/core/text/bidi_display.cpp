#include "core/text/bidi_display.hpp"

#include <fribidi.h>

#include <vector>

namespace pairwise {
namespace {

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

bool is_right_to_left_character(char32_t c) {
  return in(c, 0x0590, 0x08FF)     // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic Ext.
         || in(c, 0xFB1D, 0xFDFF)  // Hebrew and Arabic presentation forms A
         || in(c, 0xFE70, 0xFEFE)  // Arabic presentation forms B
         || in(c, 0x10800, 0x10FFF) || in(c, 0x1E800, 0x1EFFF);  // historic RTL scripts, Adlam, Arabic maths
}

// One code point from `s` at `i` (advanced); U+FFFD for a byte that does not start valid UTF-8.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1) >= 0) {
    const char32_t c = static_cast<char32_t>((b0 & 0x1F) << 6 | cont(1));
    i += 2;
    return c;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) >= 0 && cont(2) >= 0) {
    const char32_t c = static_cast<char32_t>((b0 & 0x0F) << 12 | cont(1) << 6 | cont(2));
    if (c >= 0x800 && !in(c, 0xD800, 0xDFFF)) {
      i += 3;
      return c;
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) >= 0 && cont(2) >= 0 && cont(3) >= 0) {
    const char32_t c = static_cast<char32_t>((b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3));
    if (c >= 0x10000 && c <= 0x10FFFF) {
      i += 4;
      return c;
    }
  }
  ++i;
  return 0xFFFD;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | c >> 6);
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | c >> 12);
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | c >> 18);
    out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void append_display_line(std::string& out, std::string_view line) {
  std::vector<FriBidiChar> logical;
  logical.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) logical.push_back(next_code_point(line, i));
  if (logical.empty()) return;
  std::vector<FriBidiChar> visual(logical.size() + 1);
  FriBidiParType direction = FRIBIDI_PAR_ON;  // from the first strong character; left to right without one
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
    if (has_right_to_left(line)) append_display_line(out, line);
    else out.append(line);
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace pairwise
