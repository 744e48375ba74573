#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/bidi_editing.hpp"
#include "core/text/utf8.hpp"

using namespace pairwise;

namespace {

// Every painted character one unit wide (a ligature's gap none), the row starting at `left`.
PlacedRow placed(const BidiRow& row, float left = 0) {
  PlacedRow p{&row, left, {0}};
  for (char32_t c : row.visual) p.edges.push_back(p.edges.back() + (c == 0xFEFF ? 0.0f : 1.0f));
  return p;
}

SoftWrapped one_line(const std::string& text) { return SoftWrapped{text, {}}; }

}  // namespace

TEST_CASE("a Hebrew line: the caret of each position sits where the next letter appears, reading right to left") {
  const auto rows = lay_out_rows(one_line("שלום"));
  REQUIRE(rows.size() == 1);
  const BidiRow& row = rows[0];
  CHECK(row.right_to_left);
  CHECK(painted_row_text(row) == "םולש");
  const PlacedRow p = placed(row);
  // Before the first letter (ש, drawn rightmost) is the row's right end; after the last, its left end.
  CHECK(caret_x(p, 0) == 4);
  CHECK(caret_x(p, 1) == 3);
  CHECK(caret_x(p, 4) == 0);
  // A click at the left end is the end of the text (Dear ImGui's own order made it the start).
  CHECK(position_at(p, -5) == 4);
  CHECK(position_at(p, 0.2f) == 4);
  CHECK(position_at(p, 3.9f) == 0);
  CHECK(position_at(p, 2.6f) == 1);
  // Selecting the first two letters covers the row's right half.
  const auto pieces = selection_pieces(p, 0, 2);
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0].first == 2);
  CHECK(pieces[0].second == 4);
}

TEST_CASE("English inside Hebrew: one selection can be two pieces of the row, and the caret follows each run") {
  // שלום Ada: the Hebrew word on the right, "Ada" on the left, read left to right inside.
  const auto rows = lay_out_rows(one_line("שלום Ada"));
  REQUIRE(rows.size() == 1);
  CHECK(painted_row_text(rows[0]) == "Ada םולש");
  const PlacedRow p = placed(rows[0], 10);
  CHECK(caret_x(p, 0) == 18);  // before ש: the right end
  CHECK(caret_x(p, 5) == 10);  // before "A": the left end of "Ada"
  CHECK(caret_x(p, 6) == 11);  // between "A" and "d"
  CHECK(position_at(p, 11.1f) == 6);
  // "ם Ad" (positions 3..7) is "Ad" on the left and "ם " to its right: two pieces.
  const auto pieces = selection_pieces(p, 3, 7);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == std::pair<float, float>(10, 12));
  CHECK(pieces[1] == std::pair<float, float>(13, 15));
}

TEST_CASE("a left-to-right line lays out as it is typed") {
  const auto rows = lay_out_rows(one_line("Ada שרה"));
  REQUIRE(rows.size() == 1);
  CHECK_FALSE(rows[0].right_to_left);
  CHECK(painted_row_text(rows[0]) == "Ada הרש");
  const PlacedRow p = placed(rows[0]);
  CHECK(caret_x(p, 0) == 0);
  CHECK(caret_x(p, 3) == 3);
  CHECK(caret_x(p, 4) == 7);  // before ש, the rightmost letter of the Hebrew word
  CHECK(caret_x(p, 7) == 4);  // after ה, at the word's left end
  const auto latin = lay_out_rows(one_line("Zoë"));
  CHECK(painted_row_text(latin[0]) == "Zoë");
  CHECK(caret_x(placed(latin[0]), 2) == 2);
}

TEST_CASE("a wrapped field: each row is laid out with its paragraph's direction and knows where it starts") {
  // "אחת two " | "three ארבע" (soft break) then the person's own break and "hi".
  const SoftWrapped display = soft_wrap("אחת two three ארבע\nhi", 10, [](std::string_view s) {
    return static_cast<float>(to_code_points(s).size());
  });
  const auto rows = lay_out_rows(display);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].first == 0);
  CHECK(rows[0].length == 8);
  CHECK(rows[1].first == 9);
  CHECK(rows[1].length == 10);
  CHECK(rows[2].first == 20);
  CHECK(rows[2].length == 2);
  CHECK(rows[0].right_to_left);
  CHECK(rows[1].right_to_left);  // starts with an English word, but its paragraph is Hebrew
  CHECK_FALSE(rows[2].right_to_left);
  CHECK(painted_row_text(rows[1]) == "עברא three");
}

TEST_CASE("Arabic joined in the field: a lam-alef ligature's second letter takes no room, and an empty row has its caret at its start") {
  const auto rows = lay_out_rows(one_line("سلام"));
  REQUIRE(rows.size() == 1);
  const PlacedRow p = placed(rows[0]);
  CHECK(p.edges.back() == 3);  // four letters, three glyphs: lam and alef are one
  CHECK(caret_x(p, 0) == 3);
  CHECK(caret_x(p, 4) == 0);
  const auto empty = lay_out_rows(one_line(""));
  REQUIRE(empty.size() == 1);
  CHECK(caret_x(placed(empty[0], 7), 0) == 7);
  CHECK(position_at(placed(empty[0], 7), 100) == 0);
  CHECK(selection_pieces(placed(empty[0]), 0, 3).empty());
}

TEST_CASE("a shaped row: the caret stops only between syllables, and selecting part of one selects all of it") {
  // कि drawn as the vowel sign first, then ka: one cluster of two characters; then a plain "x".
  const BidiRow row = shaped_row(5, 3, U"\uE001\uE002x", {0, 0, 2});
  const PlacedRow p = placed(row, 10);
  CHECK(row.first == 5);
  CHECK(caret_x(p, 0) == 10);
  CHECK(caret_x(p, 1) == 12);  // inside कि: drawn after it
  CHECK(caret_x(p, 2) == 12);
  CHECK(caret_x(p, 3) == 13);
  CHECK(position_at(p, 10.9f) == 0);
  CHECK(position_at(p, 11.2f) == 2);  // the middle of the syllable is no place to stop
  CHECK(position_at(p, 99) == 3);
  const auto pieces = selection_pieces(p, 1, 2);
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0] == std::pair<float, float>(10, 12));
  CHECK(painted_row_text(row) == "\uE001\uE002x");
}
