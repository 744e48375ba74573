#pragma once
// Which extra font a character needs, beyond the UI font's Latin, Greek and Cyrillic: Chinese,
// Japanese and Korean, Devanagari, Thai, Arabic, Hebrew. Plain functions (no ImGui), so the
// decision is unit-tested; ui_fonts.cpp fetches each font from the site only when its script first
// appears, so the first load stays small.
#include <cstdint>
#include <optional>
#include <string_view>

namespace pairwise::app {

enum class ScriptFont { none = -1, cjk = 0, devanagari, thai, arabic, hebrew, count };

inline bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

inline ScriptFont script_font_for(char32_t c) {
  if (c < 0x0590) return ScriptFont::none;
  if (in(c, 0x0590, 0x05FF) || in(c, 0xFB1D, 0xFB4F)) return ScriptFont::hebrew;
  if (in(c, 0x0600, 0x06FF) || in(c, 0x0750, 0x077F) || in(c, 0x08A0, 0x08FF) || in(c, 0xFB50, 0xFDFF) ||
      in(c, 0xFE70, 0xFEFF))
    return ScriptFont::arabic;
  if (in(c, 0x0900, 0x097F) || in(c, 0xA8E0, 0xA8FF)) return ScriptFont::devanagari;
  if (in(c, 0x0E00, 0x0E7F)) return ScriptFont::thai;
  if (in(c, 0x1100, 0x11FF) || in(c, 0x2E80, 0x2FDF) || in(c, 0x3000, 0x303F) || in(c, 0x3040, 0x30FF) ||
      in(c, 0x3100, 0x318F) || in(c, 0x31F0, 0x31FF) || in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) ||
      in(c, 0xAC00, 0xD7AF) || in(c, 0xF900, 0xFAFF) || in(c, 0xFF00, 0xFFEF))
    return ScriptFont::cjk;
  return ScriptFont::none;
}

// Calls `seen(code_point, font)` for every character of `utf8` that needs an extra font. Invalid
// UTF-8 is skipped a byte at a time (stored text is checked elsewhere; this only picks fonts).
template <typename Seen>
void for_each_script_character(std::string_view utf8, Seen&& seen) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = s[i];
    if (b < 0xC0) { ++i; continue; }  // ASCII (all covered) or a stray continuation byte
    int extra = b >= 0xF0 ? 3 : (b >= 0xE0 ? 2 : 1);
    if (i + static_cast<std::size_t>(extra) >= n) { ++i; continue; }  // cut off at the end
    char32_t c = b & (0x3F >> extra);
    bool valid = true;
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cont = s[i + static_cast<std::size_t>(k)];
      if ((cont & 0xC0) != 0x80) { valid = false; break; }
      c = (c << 6) | (cont & 0x3F);
    }
    if (!valid) { ++i; continue; }
    i += static_cast<std::size_t>(extra) + 1;
    const ScriptFont font = script_font_for(c);
    if (font != ScriptFont::none) seen(c, font);
  }
}

// A font's line height (hhea ascender - descender) per em, from its tables. Dear ImGui sizes a font
// by that line height, and fonts for other scripts have taller lines than the UI font (Thai and
// Arabic came out at about two thirds of the size), so each extra font is scaled to the UI font's
// em. `font_no` picks the face of a .ttc collection. Empty when the file is not a font.
inline std::optional<double> font_line_height_per_em(std::string_view file, int font_no = 0) {
  auto u16 = [&](std::size_t at) -> std::optional<unsigned> {
    if (at + 2 > file.size()) return std::nullopt;
    return (static_cast<unsigned>(static_cast<unsigned char>(file[at])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(file[at + 1]));
  };
  auto u32 = [&](std::size_t at) -> std::optional<std::uint32_t> {
    auto hi = u16(at), lo = u16(at + 2);
    if (!hi || !lo) return std::nullopt;
    return (static_cast<std::uint32_t>(*hi) << 16) | *lo;
  };
  std::size_t face = 0;
  if (file.substr(0, 4) == "ttcf") {
    auto count = u32(8);
    if (!count || font_no < 0 || static_cast<std::uint32_t>(font_no) >= *count) return std::nullopt;
    auto offset = u32(12 + 4 * static_cast<std::size_t>(font_no));
    if (!offset) return std::nullopt;
    face = *offset;
  }
  auto tables = u16(face + 4);
  if (!tables) return std::nullopt;
  std::optional<std::size_t> head, hhea;
  for (unsigned i = 0; i < *tables; ++i) {
    const std::size_t record = face + 12 + 16 * static_cast<std::size_t>(i);
    if (record + 16 > file.size()) return std::nullopt;
    const std::string_view tag = file.substr(record, 4);
    auto offset = u32(record + 8);
    if (!offset) return std::nullopt;
    if (tag == "head") head = *offset;
    if (tag == "hhea") hhea = *offset;
  }
  if (!head || !hhea) return std::nullopt;
  auto units_per_em = u16(*head + 18);
  auto ascender = u16(*hhea + 4), descender = u16(*hhea + 6);
  if (!units_per_em || !ascender || !descender || *units_per_em == 0) return std::nullopt;
  const int ascent = static_cast<std::int16_t>(*ascender), descent = static_cast<std::int16_t>(*descender);
  return static_cast<double>(ascent - descent) / *units_per_em;
}

}  // namespace pairwise::app
