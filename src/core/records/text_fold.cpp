#include "core/records/text_fold.hpp"

#include <algorithm>
#include <vector>

#include "core/text/utf8.hpp"

namespace pairwise {

namespace {

#include "core/records/text_fold_tables.inc"

bool decode_utf8(std::string_view s, std::vector<char32_t>& out) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return false;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out.push_back(cp);
    i += 1 + extra;
  }
  return true;
}

char32_t lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  const auto* end = kLowerCase + sizeof(kLowerCase) / sizeof(kLowerCase[0]);
  const auto* it = std::lower_bound(kLowerCase, end, cp, [](const char32_t(&e)[2], char32_t v) { return e[0] < v; });
  return it != end && (*it)[0] == cp ? (*it)[1] : cp;
}

bool is_mark(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

const char32_t* decomposition_of(char32_t cp) {
  for (const auto& d : kDecompositions)
    if (d[0] == cp) return d + 1;
  return nullptr;
}

std::size_t length_of(const char32_t* seq) {
  std::size_t n = 0;
  while (n < 4 && seq[n] != 0) ++n;
  return n;
}

// The precomposed letter for `seq` (a base and its marks), or 0.
char32_t composed_of(const std::vector<char32_t>& seq, std::size_t from, std::size_t count) {
  for (const auto& d : kDecompositions) {
    if (length_of(d + 1) != count) continue;
    bool same = true;
    for (std::size_t k = 0; k < count && same; ++k) same = d[1 + k] == seq[from + k];
    if (same) return d[0];
  }
  return 0;
}

}  // namespace

std::string fold_text(std::string_view text) {
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::vector<char32_t> cps;
  if (ascii || !decode_utf8(text, cps)) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  // Decompose, lower-case each part, then compose again (longest known sequence first).
  std::vector<char32_t> parts;
  for (char32_t cp : cps) {
    if (const char32_t* d = decomposition_of(cp)) {
      for (std::size_t k = 0; k < length_of(d); ++k) parts.push_back(lower(d[k]));
    } else {
      parts.push_back(lower(cp));
    }
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size();) {
    std::size_t marks = 0;
    while (i + 1 + marks < parts.size() && is_mark(parts[i + 1 + marks]) && marks < 3) ++marks;
    std::size_t used = 1;
    char32_t cp = parts[i];
    for (std::size_t n = marks; n > 0; --n) {
      if (char32_t c = composed_of(parts, i, n + 1)) {
        cp = c;
        used = n + 1;
        break;
      }
    }
    append_utf8(out, cp);
    i += used;
  }
  return out;
}

}  // namespace pairwise
