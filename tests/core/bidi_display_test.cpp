#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/bidi_display.hpp"

using namespace pairwise;

TEST_CASE("text without right-to-left characters is drawn as it is, bytes and all") {
  const std::vector<std::string> texts = {"", "Ada Lovelace", "Zoë Martínez", "张伟 and 李娜", "Ελένη", "Ольга", "नमस्ते", "สมชาย",
                                 "a\nb", std::string("bad \xC3 byte", 10), "👋 — “quotes”"};
  for (const std::string& text : texts) {
    CHECK_FALSE(has_right_to_left(text));
    CHECK(display_text(text) == text);
  }
}

TEST_CASE("a Hebrew name is drawn right to left, numbers and brackets the right way round") {
  CHECK(has_right_to_left("שרה לוי"));
  CHECK(display_text("שרה לוי") == "יול הרש");
  // A number keeps its own order inside right-to-left text; a bracket is mirrored.
  CHECK(display_text("שרה 2024") == "2024 הרש");
  CHECK(display_text("(שרה)") == "(הרש)");
}

TEST_CASE("Arabic letters are joined (initial, medial, final forms) and drawn right to left") {
  // محمد علي: meem initial, hah medial, meem medial, dal final; ain initial, lam medial, yeh final.
  CHECK(display_text("محمد علي") == "\uFEF2\uFEE0\uFECB \uFEAA\uFEE4\uFEA4\uFEE3");
  // Lam then alef is one ligature, not a lam and a gap.
  CHECK(display_text("لا") == "\uFEFB");
  // Isolated letters stay isolated forms.
  CHECK(display_text("د") == "\uFEA9");
}

TEST_CASE("a left-to-right label with a right-to-left name in it keeps its own order") {
  CHECK(display_text("Mentor: שרה לוי (s@example.org)") == "Mentor: יול הרש (s@example.org)");
  CHECK(display_text("You are the mentee; your mentor is محمد.") ==
        "You are the mentee; your mentor is \uFEAA\uFEE4\uFEA4\uFEE3.");
}

TEST_CASE("each line is ordered on its own, and its line break stays where it was") {
  CHECK(display_text("שרה\nAda\nלוי") == "הרש\nAda\nיול");
  CHECK(display_text("\nשרה\n") == "\nהרש\n");
}

TEST_CASE("bad bytes in right-to-left text are drawn as replacement characters, never dropped silently") {
  const std::string text = std::string("ש\xFFר");
  CHECK(has_right_to_left(text));
  const std::string shown = display_text(text);
  CHECK(shown == "ר\uFFFDש");
}

namespace {
// Every character one unit wide: wrapping then depends only on the text.
float characters(std::string_view s) {
  float n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1.0f : 0.0f;
  return n;
}
}  // namespace

// The rows as one string, '\n' between them, each marked ">" when aligned right.
std::string drawn(const std::vector<DisplayRow>& rows) {
  std::string out;
  for (const DisplayRow& row : rows) out += (out.empty() ? "" : "\n") + std::string(row.right_to_left ? ">" : "") + row.text;
  return out;
}

TEST_CASE("a right-to-left paragraph is wrapped as it reads: its first words are on its first row") {
  // Wrapping the painted string (the old way) put "ארבע שלוש" on the first row.
  CHECK(drawn(display_text_wrapped("אחת שתיים שלוש ארבע", 10, characters)) == ">םייתש תחא\n>עברא שולש");
  // A row wrapped out of a right-to-left paragraph keeps its direction even when it starts with an
  // English word (on its own, "three ארבע" would be read left to right).
  CHECK(drawn(display_text_wrapped("אחת two three ארבע", 10, characters)) == ">two תחא\n>עברא three");
  CHECK(display_text("three ארבע") == "three עברא");
  // The person's own line breaks stay, each paragraph with its own direction: an English one with
  // a Hebrew word in it stays left to right and aligned left.
  CHECK(drawn(display_text_wrapped("שלום\nhello שלום", 40, characters)) == ">םולש\nhello םולש");
  // Arabic is joined within each row.
  CHECK(drawn(display_text_wrapped("محمد علي", 4, characters)) == ">\uFEAA\uFEE4\uFEA4\uFEE3\n>\uFEF2\uFEE0\uFECB");
  // Text without right-to-left characters is wrapped the same way, left to right.
  CHECK(drawn(display_text_wrapped("one two three four", 8, characters)) == "one two\nthree\nfour");
}

TEST_CASE("a line reads right to left when its first strong character is Hebrew or Arabic") {
  CHECK(reads_right_to_left("שרה לוי"));
  CHECK(reads_right_to_left("2024 שרה"));  // a number is not strong: the Hebrew decides
  CHECK(reads_right_to_left("محمد Ali"));
  CHECK_FALSE(reads_right_to_left("Sarah שרה"));
  CHECK_FALSE(reads_right_to_left("Ada"));
  CHECK_FALSE(reads_right_to_left(""));
  CHECK_FALSE(reads_right_to_left("hello\nשלום"));  // the first line decides
}

TEST_CASE("a field's wrapped rows are drawn each in order, with the direction of the paragraph they were cut from") {
  // As the notes field wraps it: a soft break after "two ", then the person's own line break.
  const SoftWrapped rows = soft_wrap("אחת two three ארבע\nhello שלום", 10, characters);
  REQUIRE(rows.breaks.size() == 1);
  CHECK(display_rows(rows) == "two תחא\nעברא three\nhello םולש");
  CHECK(drawn(display_row_list(rows)) == ">two תחא\n>עברא three\nhello םולש");
  // Rows without right-to-left text come back as they are, soft breaks and all.
  const SoftWrapped latin = soft_wrap("one two three four", 8, characters);
  CHECK(display_rows(latin) == latin.display);
  CHECK(display_rows(soft_wrap("", 8, characters)).empty());
}
