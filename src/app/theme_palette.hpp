#pragma once
// The colours of the light and dark themes, as plain numbers (no ImGui), so a unit test can check
// every text colour against every background it is drawn on for WCAG 2.2 AA contrast (4.5:1 for
// text). theme.cpp hands them to ImGui; widgets use them for help, error, warning and success text.
#include <algorithm>
#include <cmath>

namespace pairwise::app {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
};

struct ThemePalette {
  // Text colours.
  Rgba text, text_muted /* help text, placeholders, disabled */, error, warning, success;
  // Backgrounds text is drawn on.
  Rgba window_bg, child_bg, frame_bg, frame_hovered, popup_bg, button, button_hovered, button_active, header, header_hovered,
      header_active, tab, tab_active, private_note_bg /* the tinted panel of notes only their writer sees */;
  // The edge of every field, box and button (WCAG 1.4.11: 3:1 against what is around it). Without
  // it an empty light field was white on a white panel, and could not be seen at all.
  Rgba frame_border;
};

inline constexpr ThemePalette kLightPalette{
    .text = {0.0f, 0.0f, 0.0f},
    .text_muted = {0.36f, 0.37f, 0.38f},
    .error = {0.70f, 0.11f, 0.09f},
    .warning = {0.48f, 0.30f, 0.0f},
    .success = {0.08f, 0.40f, 0.17f},
    .window_bg = {0.97f, 0.97f, 0.96f},
    .child_bg = {1.0f, 1.0f, 1.0f},
    .frame_bg = {1.0f, 1.0f, 1.0f},
    .frame_hovered = {0.93f, 0.95f, 0.98f},
    .popup_bg = {1.0f, 1.0f, 1.0f},
    .button = {0.78f, 0.87f, 0.93f},
    .button_hovered = {0.66f, 0.80f, 0.90f},
    .button_active = {0.55f, 0.73f, 0.86f},
    .header = {0.77f, 0.87f, 0.99f},
    .header_hovered = {0.62f, 0.78f, 0.98f},
    .header_active = {0.52f, 0.72f, 0.97f},
    .tab = {0.85f, 0.88f, 0.92f},
    .tab_active = {0.70f, 0.82f, 0.95f},
    .private_note_bg = {0.93f, 0.90f, 0.97f},
    .frame_border = {0.45f, 0.47f, 0.50f},
};

inline constexpr ThemePalette kDarkPalette{
    .text = {1.0f, 1.0f, 1.0f},
    .text_muted = {0.68f, 0.69f, 0.72f},
    .error = {1.0f, 0.58f, 0.52f},
    .warning = {0.95f, 0.70f, 0.25f},
    .success = {0.40f, 0.80f, 0.50f},
    .window_bg = {0.12f, 0.13f, 0.15f},
    .child_bg = {0.14f, 0.15f, 0.18f},
    .frame_bg = {0.17f, 0.23f, 0.32f},
    .frame_hovered = {0.19f, 0.25f, 0.34f},
    .popup_bg = {0.10f, 0.11f, 0.13f},
    .button = {0.20f, 0.38f, 0.50f},
    .button_hovered = {0.24f, 0.44f, 0.58f},
    .button_active = {0.16f, 0.46f, 0.62f},
    .header = {0.15f, 0.24f, 0.36f},
    .header_hovered = {0.22f, 0.42f, 0.64f},
    .header_active = {0.24f, 0.46f, 0.70f},
    .tab = {0.17f, 0.25f, 0.36f},
    .tab_active = {0.22f, 0.40f, 0.60f},
    .private_note_bg = {0.20f, 0.18f, 0.26f},
    .frame_border = {0.52f, 0.58f, 0.66f},
};

inline const ThemePalette& theme_palette(bool dark) { return dark ? kDarkPalette : kLightPalette; }

// WCAG 2.x relative luminance of an sRGB colour (alpha ignored: see over()).
inline double relative_luminance(Rgba c) {
  auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

// A translucent colour drawn over an opaque one.
inline Rgba over(Rgba top, Rgba below) {
  return {top.r * top.a + below.r * (1 - top.a), top.g * top.a + below.g * (1 - top.a),
          top.b * top.a + below.b * (1 - top.a), 1.0f};
}

inline double contrast_ratio(Rgba a, Rgba b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace pairwise::app
