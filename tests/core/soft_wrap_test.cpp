// Long answers wrap at their field's width (issue 15 part 2): the display the field edits carries a
// line break at each row's end, and every edit typed into it comes back as the text itself, with
// no break the person did not type.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/text/soft_wrap.hpp"

using namespace pairwise;

namespace {

// One unit per character, two for a CJK character (wide in every font).
float units(std::string_view c) {
  const unsigned char lead = static_cast<unsigned char>(c.empty() ? 0 : c[0]);
  return lead >= 0xE3 && lead <= 0xE9 ? 2.0f : 1.0f;
}
const MeasureText kMeasure = units;

float row_width(std::string_view row) {
  float w = 0;
  for (std::size_t i = 0; i < row.size();) {
    std::size_t n = 1;
    while (i + n < row.size() && (static_cast<unsigned char>(row[i + n]) & 0xC0) == 0x80) ++n;
    w += units(row.substr(i, n));
    i += n;
  }
  return w;
}

bool valid_utf8_rows(const std::string& display) {
  std::size_t start = 0;
  while (start <= display.size()) {
    const std::size_t end = std::min(display.find('\n', start), display.size());
    if (end < display.size() && end > start && (static_cast<unsigned char>(display[end - 1]) & 0xC0) == 0xC0) return false;
    if (end < display.size() && (static_cast<unsigned char>(display[end + 1 < display.size() ? end + 1 : end]) & 0xC0) == 0x80)
      return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

TEST_CASE("a short answer is shown as it is") {
  const SoftWrapped w = soft_wrap("a short answer", 40, kMeasure);
  CHECK(w.display == "a short answer");
  CHECK(w.breaks.empty());
}

TEST_CASE("a line ends after the last space that fits, the space overhanging") {
  const SoftWrapped w = soft_wrap("the quick brown fox", 10, kMeasure);
  CHECK(w.display == "the quick \nbrown fox");
  REQUIRE(w.breaks.size() == 1);
  CHECK(w.breaks[0] == 10);
  CHECK(without_soft_breaks(w.display, w.breaks) == "the quick brown fox");
}

TEST_CASE("a word longer than the line, and text without spaces, break between characters") {
  CHECK(soft_wrap("abcdefghijkl", 5, kMeasure).display == "abcde\nfghij\nkl");
  // 张伟 is 4 units: a third character would not fit in 5. No character is ever cut in two.
  const SoftWrapped cjk = soft_wrap("张伟张伟张伟", 5, kMeasure);
  CHECK(cjk.display == "张伟\n张伟\n张伟");
  CHECK(without_soft_breaks(cjk.display, cjk.breaks) == "张伟张伟张伟");
}

TEST_CASE("the person's own line breaks stay theirs") {
  const SoftWrapped w = soft_wrap("first line\nsecond one is longer", 10, kMeasure);
  CHECK(w.display == "first line\nsecond one \nis longer");
  REQUIRE(w.breaks.size() == 1);
  CHECK(w.breaks[0] == 22);
  CHECK(without_soft_breaks(w.display, w.breaks) == "first line\nsecond one is longer");
}

TEST_CASE("wrapping any text gives it back unchanged, rows within the width, characters whole") {
  const std::string pieces[] = {"a", "bb", " ", "  ", "\n", "é", "Ана", "张伟", "محمد", "ह", "ก", "word", "x"};
  std::mt19937 random(20261203);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 60);
    for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
    const float width = static_cast<float>(2 + random() % 20);
    const SoftWrapped w = soft_wrap(text, width, kMeasure);
    INFO("text: ", text, " width: ", width);
    CHECK(without_soft_breaks(w.display, w.breaks) == text);
    CHECK(valid_utf8_rows(w.display));
    for (std::size_t b : w.breaks) CHECK(w.display[b] == '\n');
    // Every row fits, but for spaces overhanging its end (or one character wider than the line).
    std::size_t start = 0;
    while (start <= w.display.size()) {
      const std::size_t end = std::min(w.display.find('\n', start), w.display.size());
      std::string row = w.display.substr(start, end - start);
      while (!row.empty() && row.back() == ' ') row.pop_back();
      if (row_width(row) > width) CHECK(row_width(row) <= 2.0f);
      start = end + 1;
    }
    // Positions map both ways.
    for (std::size_t t = 0; t <= text.size(); ++t) CHECK(to_text_offset(w, to_display_offset(w, t)) == t);
  }
}

TEST_CASE("typing at the end of a wrapped line continues the text") {
  const SoftWrapped before = soft_wrap("aaaa bbbb", 5, kMeasure);
  REQUIRE(before.display == "aaaa \nbbbb");
  const SoftWrapEdit edit = apply_display_edit(before, "aaaa \nbbbbX", 11, false);
  CHECK(edit.text == "aaaa bbbbX");
  CHECK(edit.caret == 10);
}

TEST_CASE("typing in the first row pushes words to the next, the caret stays after the letter") {
  const SoftWrapped before = soft_wrap("aaaa bbbb", 5, kMeasure);
  const SoftWrapEdit edit = apply_display_edit(before, "aaZaa \nbbbb", 3, false);
  CHECK(edit.text == "aaZaa bbbb");
  CHECK(edit.caret == 3);
  const SoftWrapped after = soft_wrap(edit.text, 5, kMeasure);
  CHECK(after.display == "aaZaa \nbbbb");
  CHECK(to_display_offset(after, edit.caret) == 3);
}

TEST_CASE("Backspace at the start of a wrapped row deletes the character before, not nothing") {
  const SoftWrapped before = soft_wrap("aaaa bbbb", 5, kMeasure);
  // The field removed only the soft break (caret was after it).
  const SoftWrapEdit edit = apply_display_edit(before, "aaaa bbbb", 5, true);
  CHECK(edit.text == "aaaabbbb");
  CHECK(edit.caret == 4);
}

TEST_CASE("Delete at the end of a wrapped row deletes the character after") {
  const SoftWrapped before = soft_wrap("aaaa bbbb", 5, kMeasure);
  const SoftWrapEdit edit = apply_display_edit(before, "aaaa bbbb", 5, false);
  CHECK(edit.text == "aaaa bbb");
  CHECK(edit.caret == 5);
}

TEST_CASE("Backspace before a multi-byte character at a row's start removes the whole character") {
  const SoftWrapped before = soft_wrap("张伟张伟", 5, kMeasure);
  REQUIRE(before.display == "张伟\n张伟");
  const SoftWrapEdit edit = apply_display_edit(before, "张伟张伟", 6, true);
  CHECK(edit.text == "张张伟");
  CHECK(edit.caret == 3);
}

TEST_CASE("Enter typed beside a soft break is the person's own line break") {
  const SoftWrapped before = soft_wrap("aaaa bbbb", 5, kMeasure);
  const SoftWrapEdit edit = apply_display_edit(before, "aaaa \n\nbbbb", 7, false);
  CHECK(edit.text == "aaaa \nbbbb");
  CHECK(edit.caret == 6);
}

TEST_CASE("pasting over a selection across rows drops the soft break inside it") {
  const SoftWrapped before = soft_wrap("aaaa bbbb", 5, kMeasure);
  const SoftWrapEdit edit = apply_display_edit(before, "aaaXYbb", 5, false);
  CHECK(edit.text == "aaaXYbb");
  CHECK(edit.caret == 5);
}
