#include "core/text/utf8.hpp"

namespace pairwise {
namespace {

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

}  // namespace

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

std::u32string to_code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) out.push_back(next_code_point(utf8, i));
  return out;
}

}  // namespace pairwise
