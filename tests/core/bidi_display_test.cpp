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
