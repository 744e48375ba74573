#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/text/complex_shaping.hpp"
#include "core/text/utf8.hpp"

using namespace pairwise;

namespace {

// The fonts the app serves for these scripts (cmake/WebApp.cmake), from Debian's fonts-noto-core.
std::string font_file(const char* name) {
  std::ifstream in(std::string("/usr/share/fonts/truetype/noto/") + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct OpenedFont {
  std::string bytes;
  std::unique_ptr<Shaper> shaper;
  explicit OpenedFont(const char* name) : bytes(font_file(name)), shaper(Shaper::open(bytes)) {
    REQUIRE_MESSAGE(shaper != nullptr, name, " is missing or not a font: run scripts/setup.sh");
  }
  std::vector<ShapedGlyph> shape(const std::u32string& text, ComplexScript script) const {
    return shaper->shape(text, 0, text.size(), script);
  }
  std::uint32_t glyph_of(char32_t c, ComplexScript script) const {
    const auto glyphs = shape(std::u32string(1, c), script);
    REQUIRE(glyphs.size() == 1);
    return glyphs[0].glyph;
  }
};

std::vector<std::uint32_t> glyph_ids(const std::vector<ShapedGlyph>& glyphs) {
  std::vector<std::uint32_t> ids;
  for (const ShapedGlyph& g : glyphs) ids.push_back(g.glyph);
  return ids;
}

}  // namespace

TEST_CASE("only Devanagari and Thai text needs shaping") {
  for (const char* text : {"", "Ada Lovelace", "Zoë", "张伟", "محمد", "שלום", "Ελένη", "👋", "\xE0\xA4"})
    CHECK_FALSE(needs_shaping(text));
  for (const char* text : {"अनिल", "Anil (अनिल)", "สมชาย", "x ฿"}) CHECK(needs_shaping(text));
  CHECK(complex_script_of(U'क') == ComplexScript::devanagari);
  CHECK(complex_script_of(U'ก') == ComplexScript::thai);
  CHECK_FALSE(complex_script_of(U'\u200D'));  // a joiner belongs to the run it is in
}

TEST_CASE("text is cut into plain pieces and runs of one script, at spaces and other scripts") {
  const std::u32string text = U"Anil अनिल कुमार, สมชาย!";
  const auto pieces = pieces_for_shaping(text);
  struct Expected { std::u32string text; std::optional<ComplexScript> script; };
  const std::vector<Expected> expected = {
      {U"Anil ", std::nullopt}, {U"अनिल", ComplexScript::devanagari}, {U" ", std::nullopt},
      {U"कुमार", ComplexScript::devanagari}, {U", ", std::nullopt}, {U"สมชาย", ComplexScript::thai},
      {U"!", std::nullopt}};
  REQUIRE(pieces.size() == expected.size());
  std::size_t at = 0;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    CHECK(pieces[k].begin == at);
    CHECK(text.substr(pieces[k].begin, pieces[k].end - pieces[k].begin) == expected[k].text);
    CHECK(pieces[k].script == expected[k].script);
    at = pieces[k].end;
  }
  CHECK(at == text.size());
  // Two scripts side by side are two runs; a joiner inside a word stays in its run, as does one
  // that ends it (a half form written on purpose).
  CHECK(pieces_for_shaping(U"अनिलสมชาย").size() == 2);
  CHECK(pieces_for_shaping(U"क्\u200Dष").size() == 1);
  CHECK(pieces_for_shaping(U"क्\u200D").size() == 1);
  CHECK(pieces_for_shaping(U"क्\u200D x").size() == 2);
  CHECK(pieces_for_shaping(U"").empty());
}

TEST_CASE("Devanagari: conjuncts are one glyph, the vowel sign i comes before its consonant, reph after") {
  const OpenedFont font("NotoSansDevanagari-Regular.ttf");
  const auto ka = font.glyph_of(U'क', ComplexScript::devanagari);
  const auto ma = font.glyph_of(U'म', ComplexScript::devanagari);
  CHECK(font.shaper->units_per_em() > 0);

  // क + ् + ष is the conjunct क्ष, one glyph of its own.
  const auto ksha = font.shape(U"क्ष", ComplexScript::devanagari);
  REQUIRE(ksha.size() == 1);
  CHECK(ksha[0].glyph != ka);
  CHECK(ksha[0].x_advance > 0);

  // कि is typed ka, i-sign but written i-sign first.
  const auto ki = glyph_ids(font.shape(U"कि", ComplexScript::devanagari));
  REQUIRE(ki.size() == 2);
  CHECK(ki[1] == ka);
  CHECK(ki[0] != ka);

  // र् before a consonant is the reph, drawn above the end of the syllable: after म in glyph order.
  const auto rma = font.shape(U"र्म", ComplexScript::devanagari);
  REQUIRE(rma.size() == 2);
  CHECK(rma[0].glyph == ma);
  CHECK(rma[1].x_advance == 0);  // a mark: the pen does not move

  // A name: fewer glyphs than characters, every glyph found in the font (no .notdef, glyph 0).
  const auto name = font.shape(to_code_points("अनुष्का शर्मा"), ComplexScript::devanagari);
  CHECK(name.size() < to_code_points("अनुष्का शर्मा").size());
  for (const ShapedGlyph& g : name) CHECK(g.glyph != 0);
}

TEST_CASE("Thai: a tone mark over an upper vowel is raised, sara am is split") {
  const OpenedFont font("NotoSansThai-Regular.ttf");
  // ก่ and กิ่: the same tone mark sits on the consonant, or higher up over the vowel sign i.
  const auto low = font.shape(U"ก่", ComplexScript::thai);
  const auto high = font.shape(U"กิ่", ComplexScript::thai);
  REQUIRE(low.size() == 2);
  REQUIRE(high.size() == 3);
  const bool moved = low[1].glyph != high[2].glyph || low[1].y_offset != high[2].y_offset;
  CHECK(moved);
  // กำ: sara am is drawn as nikhahit (a mark over the consonant) and sara aa: three glyphs.
  CHECK(font.shape(U"กำ", ComplexScript::thai).size() == 3);
  for (const ShapedGlyph& g : font.shape(to_code_points("ปิ่นทอง ศรีสุข"), ComplexScript::thai)) CHECK(g.glyph != 0);
}

TEST_CASE("a run is shaped with the characters around it as context, and only that run is returned") {
  const OpenedFont font("NotoSansDevanagari-Regular.ttf");
  const std::u32string text = U"x कि y";
  const auto in_context = font.shaper->shape(text, 2, 4, ComplexScript::devanagari);
  const auto alone = font.shape(U"कि", ComplexScript::devanagari);
  REQUIRE(in_context.size() == alone.size());
  for (std::size_t k = 0; k < alone.size(); ++k) {
    CHECK(in_context[k].glyph == alone[k].glyph);
    CHECK(in_context[k].x_advance == alone[k].x_advance);
    // Clusters count from the start of the whole text: the syllable कि starts at its third character.
    CHECK(in_context[k].cluster == 2);
    CHECK(alone[k].cluster == 0);
  }
  CHECK(font.shaper->shape(text, 4, 4, ComplexScript::devanagari).empty());
  CHECK(font.shaper->shape(text, 2, 99, ComplexScript::devanagari).empty());
}

TEST_CASE("bytes that are not a font, or a face a file does not have, open no shaper") {
  CHECK(Shaper::open("") == nullptr);
  CHECK(Shaper::open("not a font at all, just some text") == nullptr);
  const std::string bytes = font_file("NotoSansThai-Regular.ttf");
  CHECK(Shaper::open(bytes, 1) == nullptr);
  CHECK(Shaper::open(bytes, -1) == nullptr);
  CHECK(Shaper::open(bytes, 0) != nullptr);
}

TEST_CASE("UTF-8 reads back as the code points it holds; damaged bytes read as U+FFFD") {
  CHECK(to_code_points("aé张👋") == U"aé张👋");
  CHECK(to_code_points(std::string("a\xC3", 2)) == U"a\uFFFD");
  CHECK(to_code_points("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // a surrogate is not a character
  std::string out;
  for (char32_t c : std::u32string(U"aé张👋")) append_utf8(out, c);
  CHECK(out == "aé张👋");
}

TEST_CASE("a shaped syllable is one cluster: both glyphs of कि and the three characters of क्ष each share one") {
  const OpenedFont font("NotoSansDevanagari-Regular.ttf");
  const auto ki = font.shape(U"कि", ComplexScript::devanagari);
  REQUIRE(ki.size() == 2);
  CHECK(ki[0].cluster == 0);
  CHECK(ki[1].cluster == 0);
  const auto name = font.shape(U"अनुष्का", ComplexScript::devanagari);
  // अ, नु, the half form ष्, का: the caret may stop after the half form, never inside नु or का.
  std::vector<std::size_t> clusters;
  for (const ShapedGlyph& g : name)
    if (clusters.empty() || clusters.back() != g.cluster) clusters.push_back(g.cluster);
  std::string seen;
  for (std::size_t c : clusters) seen += std::to_string(c) + " ";
  const std::vector<std::size_t> syllables = {0, 1, 3, 5};
  CHECK_MESSAGE(clusters == syllables, seen);
}
