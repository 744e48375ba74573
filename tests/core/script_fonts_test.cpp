// Which extra font each character needs (src/app/script_fonts.hpp): the app fetches a script's font
// only when a character of it appears, so a wrong answer shows "?" or downloads megabytes for nothing.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/script_fonts.hpp"

using namespace pairwise::app;

namespace {
std::vector<std::pair<char32_t, ScriptFont>> scan(std::string_view utf8) {
  std::vector<std::pair<char32_t, ScriptFont>> out;
  for_each_script_character(utf8, [&](char32_t c, ScriptFont f) { out.emplace_back(c, f); });
  return out;
}
}  // namespace

TEST_CASE("characters the UI font covers need no extra font") {
  CHECK(scan("Ana María Ñúñez, Ελένη, Юлия, Nguyễn Thị Hương — “quoted” ≤ € ✓").empty());
}

TEST_CASE("each script finds its font, characters above U+FFFF included") {
  CHECK(scan("张伟") == std::vector<std::pair<char32_t, ScriptFont>>{{U'张', ScriptFont::cjk}, {U'伟', ScriptFont::cjk}});
  CHECK(scan("さ")[0].second == ScriptFont::cjk);
  CHECK(scan("カ")[0].second == ScriptFont::cjk);
  CHECK(scan("김")[0].second == ScriptFont::cjk);
  CHECK(scan("，")[0].second == ScriptFont::cjk);  // full-width comma in a Chinese list
  CHECK(scan("अ")[0].second == ScriptFont::devanagari);
  CHECK(scan("ส")[0].second == ScriptFont::thai);
  CHECK(scan("م")[0].second == ScriptFont::arabic);
  CHECK(scan("ש")[0].second == ScriptFont::hebrew);
  const auto ext_a = scan("㐀");  // CJK Extension A
  REQUIRE(ext_a.size() == 1);
  CHECK(ext_a[0].second == ScriptFont::cjk);
  CHECK(scan("😀 𠮷").empty());  // emoji and Extension B: no font of ours has them, none is fetched
}

TEST_CASE("broken or cut-off UTF-8 never reads past the text") {
  CHECK(scan(std::string("\xE5\xBC", 2)).empty());       // 张 cut after two of three bytes
  CHECK(scan(std::string("\xE5" "A" "\xBC", 3)).empty()); // a lead byte followed by ASCII
  CHECK(scan(std::string("\xBC\xA0" "张", 5)).size() == 1);  // stray continuation bytes are skipped
  CHECK(scan("").empty());
}

TEST_CASE("a font's line height per em is read from its tables, in a .ttc collection too") {
  auto read = [](const char* path) {
    std::FILE* f = std::fopen(path, "rb");
    REQUIRE(f != nullptr);
    std::string bytes;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.append(buffer, n);
    std::fclose(f);
    return bytes;
  };
  // The UI font (Noto Sans) and the extra fonts scripts/setup.sh installs.
  const auto ui = font_line_height_per_em(read("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"));
  const auto thai = font_line_height_per_em(read("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf"));
  const auto cjk = font_line_height_per_em(read("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0);
  REQUIRE(ui);
  REQUIRE(thai);
  REQUIRE(cjk);
  CHECK(*ui == doctest::Approx(1.362));  // ascender 1069, descender -293, 1000 units per em
  CHECK(*thai > *ui);                    // the reason Thai was drawn small
  CHECK(*cjk > 0.9);
  CHECK_FALSE(font_line_height_per_em("not a font at all"));
  CHECK_FALSE(font_line_height_per_em(""));
  CHECK_FALSE(font_line_height_per_em(std::string("ttcf\0\0\0\0\0\0\0\1", 12), 0));  // cut-off collection
}
