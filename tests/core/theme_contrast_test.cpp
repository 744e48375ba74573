// WCAG 2.2 AA: every text colour of both themes against every background it is drawn on.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "app/theme_palette.hpp"

using namespace pairwise::app;

namespace {

void check_theme(const char* name, const ThemePalette& p) {
  const std::vector<std::pair<const char*, Rgba>> text_on_anything = {{"text", p.text}};
  const std::vector<std::pair<const char*, Rgba>> coloured_text = {
      {"muted text (help, placeholders)", p.text_muted}, {"error text", p.error},
      {"warning text", p.warning}, {"success text", p.success}};
  // Body text is drawn on every surface, buttons and selected rows included; coloured text on the
  // surfaces that hold paragraphs and fields.
  const std::vector<std::pair<const char*, Rgba>> every_surface = {
      {"window", p.window_bg}, {"panel", p.child_bg}, {"field", p.frame_bg}, {"hovered field", p.frame_hovered},
      {"popup", p.popup_bg}, {"button", p.button}, {"hovered button", p.button_hovered},
      {"pressed button", p.button_active}, {"selected row", p.header}, {"hovered row", p.header_hovered},
      {"pressed row", p.header_active}, {"tab", p.tab}, {"active tab", p.tab_active},
      {"private notes panel", p.private_note_bg}};
  const std::vector<std::pair<const char*, Rgba>> paragraph_surfaces = {
      {"window", p.window_bg}, {"panel", p.child_bg}, {"field", p.frame_bg}, {"hovered field", p.frame_hovered},
      {"popup", p.popup_bg}, {"selected row", p.header}, {"private notes panel", p.private_note_bg}};
  for (const auto& [fg_name, fg] : text_on_anything)
    for (const auto& [bg_name, bg] : every_surface) {
      // A plain string: clang 14 (em++) cannot capture structured bindings in INFO's lambda.
      const std::string what = std::string(name) + ": " + fg_name + " on " + bg_name + " = " +
                               std::to_string(contrast_ratio(fg, bg));
      const double ratio = contrast_ratio(fg, bg);
      INFO(what);
      CHECK(ratio >= 4.5);
    }
  for (const auto& [fg_name, fg] : coloured_text)
    for (const auto& [bg_name, bg] : paragraph_surfaces) {
      // A plain string: clang 14 (em++) cannot capture structured bindings in INFO's lambda.
      const std::string what = std::string(name) + ": " + fg_name + " on " + bg_name + " = " +
                               std::to_string(contrast_ratio(fg, bg));
      const double ratio = contrast_ratio(fg, bg);
      INFO(what);
      CHECK(ratio >= 4.5);
    }
}

}  // namespace

TEST_CASE("the contrast ratio follows WCAG's definition") {
  CHECK(contrast_ratio({0, 0, 0}, {1, 1, 1}) == doctest::Approx(21.0));
  CHECK(contrast_ratio({1, 1, 1}, {1, 1, 1}) == doctest::Approx(1.0));
  // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
  const float grey = 0x76 / 255.0f;
  CHECK(contrast_ratio({grey, grey, grey}, {1, 1, 1}) == doctest::Approx(4.54).epsilon(0.01));
  // The help text of the first dark theme (ImGui's TextDisabled grey on the window) was 3.8:1.
  CHECK(contrast_ratio({0.5f, 0.5f, 0.5f}, {0.12f, 0.13f, 0.15f}) < 4.5);
}

TEST_CASE("both themes meet WCAG AA contrast for every text on every background") {
  check_theme("light", kLightPalette);
  check_theme("dark", kDarkPalette);
}

// WCAG 2.2 AA 1.4.11: a field's (and check box's, button's) edge is what shows where it is. Seen:
// an empty field in the light theme was white on a white panel, with no edge at all.
TEST_CASE("both themes show the edge of every field at 3:1 against what is around it and inside it") {
  for (const auto* p : {&kLightPalette, &kDarkPalette}) {
    const std::pair<const char*, Rgba> around[] = {{"window", p->window_bg}, {"panel", p->child_bg},
                                                   {"popup", p->popup_bg}, {"field", p->frame_bg},
                                                   {"private notes panel", p->private_note_bg}};
    for (const auto& entry : around) {
      const std::string what = std::string(p == &kLightPalette ? "light" : "dark") + ": field edge on " +
                               entry.first + " = " + std::to_string(contrast_ratio(p->frame_border, entry.second));
      INFO(what);
      CHECK(contrast_ratio(p->frame_border, entry.second) >= 3.0);
    }
  }
}
