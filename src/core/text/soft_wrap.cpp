#include "core/text/soft_wrap.hpp"

#include <algorithm>

namespace pairwise {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Bytes in the UTF-8 code point starting at `i` (1 for a stray byte, so bad input still advances).
std::size_t code_point_length(std::string_view s, std::size_t i) {
  std::size_t n = 1;
  while (i + n < s.size() && is_continuation(static_cast<unsigned char>(s[i + n]))) ++n;
  return n;
}

void wrap_line(std::string_view line, float width, const MeasureText& measure, SoftWrapped& out) {
  std::vector<std::size_t> row_ends;  // in `line`: where each row but the last ends
  std::size_t row_start = 0;
  std::size_t after_space = std::string_view::npos;  // a row may end here (just after a space)
  float row_width = 0;
  float width_to_space = 0;  // the row's width up to and including that space
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = code_point_length(line, i);
    const std::string_view c = line.substr(i, n);
    const float w = measure(c);
    const bool space = c == " " || c == "\t";
    if (!space && row_width + w > width && i > row_start) {
      // End the row after its last space if it has one, else here, between two characters.
      const std::size_t at = after_space != std::string_view::npos ? after_space : i;
      row_ends.push_back(at);
      row_width = at == i ? 0 : row_width - width_to_space;
      row_start = at;
      after_space = std::string_view::npos;
      width_to_space = 0;
    }
    row_width += w;
    if (space) {
      after_space = i + n;
      width_to_space = row_width;
    }
    i += n;
  }
  std::size_t from = 0;
  for (std::size_t at : row_ends) {
    out.display.append(line.substr(from, at - from));
    out.breaks.push_back(out.display.size());
    out.display.push_back('\n');
    from = at;
  }
  out.display.append(line.substr(from));
}

}  // namespace

SoftWrapped soft_wrap(std::string_view text, float width, const MeasureText& measure) {
  SoftWrapped out;
  out.display.reserve(text.size() + text.size() / 16);
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    wrap_line(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), width, measure, out);
    if (end == std::string_view::npos) break;
    out.display.push_back('\n');  // the person's own
    start = end + 1;
  }
  return out;
}

std::string without_soft_breaks(std::string_view display, const std::vector<std::size_t>& breaks) {
  std::string text;
  text.reserve(display.size());
  std::size_t from = 0;
  for (std::size_t b : breaks) {
    if (b < from || b >= display.size()) continue;
    text.append(display.substr(from, b - from));
    from = b + 1;
  }
  text.append(display.substr(std::min(from, display.size())));
  return text;
}

std::size_t to_text_offset(const SoftWrapped& wrapped, std::size_t display_offset) {
  const auto before = std::lower_bound(wrapped.breaks.begin(), wrapped.breaks.end(), display_offset);
  return display_offset - static_cast<std::size_t>(before - wrapped.breaks.begin());
}

std::size_t to_display_offset(const SoftWrapped& wrapped, std::size_t text_offset) {
  std::size_t display = text_offset;
  for (std::size_t i = 0; i < wrapped.breaks.size(); ++i) {
    // The i-th break sits at text offset breaks[i] - i.
    if (wrapped.breaks[i] - i <= text_offset) display = text_offset + i + 1;
    else break;
  }
  return display;
}

SoftWrapEdit apply_display_edit(const SoftWrapped& before, std::string_view after, std::size_t caret_in_after,
                                bool backspace) {
  const std::string_view old = before.display;
  std::size_t prefix = 0;
  const std::size_t shorter = std::min(old.size(), after.size());
  while (prefix < shorter && old[prefix] == after[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  const std::size_t removed_end = old.size() - suffix;  // old [prefix, removed_end) became
  const std::size_t inserted_end = after.size() - suffix;  // after [prefix, inserted_end)

  std::vector<std::size_t> kept;
  bool removed_only_soft = removed_end > prefix && inserted_end == prefix;
  for (std::size_t b : before.breaks) {
    if (b < prefix) kept.push_back(b);
    else if (b >= removed_end) kept.push_back(b - old.size() + after.size());
  }
  for (std::size_t i = prefix; i < removed_end && removed_only_soft; ++i)
    removed_only_soft = std::binary_search(before.breaks.begin(), before.breaks.end(), i);

  if (removed_only_soft) {
    std::string text = without_soft_breaks(old, before.breaks);
    const std::size_t at = to_text_offset(before, prefix);
    if (backspace) {
      if (at == 0) return {text, 0};
      std::size_t from = at - 1;
      while (from > 0 && is_continuation(static_cast<unsigned char>(text[from]))) --from;
      text.erase(from, at - from);
      return {text, from};
    }
    if (at < text.size()) text.erase(at, code_point_length(text, at));
    return {text, at};
  }
  SoftWrapEdit edit;
  edit.text = without_soft_breaks(after, kept);
  const auto soft_before_caret = std::lower_bound(kept.begin(), kept.end(), caret_in_after) - kept.begin();
  edit.caret = std::min(caret_in_after - static_cast<std::size_t>(soft_before_caret), edit.text.size());
  return edit;
}

}  // namespace pairwise
