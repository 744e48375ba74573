#pragma once
// UTF-8 read a code point at a time and written back, for the text passes that work on characters
// (bidi_display, complex_shaping). A byte that does not start valid UTF-8 (a stray continuation
// byte, an overlong form, a surrogate) reads as U+FFFD and the reader moves on by one byte, so a
// damaged string is drawn with a replacement mark instead of being dropped.
#include <string>
#include <string_view>

namespace pairwise {

// The code point at s[i], with i moved past it.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t c);
std::u32string to_code_points(std::string_view utf8);

}  // namespace pairwise
