#pragma once

#include <imgui.h>

namespace pairwise::app {

// Text colours with a meaning, in the current theme (see theme_palette.hpp for the values and the
// contrast they are tested for).
enum class TextTone { muted, error, warning, success };
ImVec4 theme_colour(TextTone tone);
ImVec4 private_note_background();

// Light or dark colours and the spacing used everywhere; called when the setting changes. With
// `touch_target` (CSS px), buttons, fields and boxes are at least that tall for a finger.
void apply_theme(bool dark, float font_size = 17.0f, float touch_target = 0.0f);

}  // namespace pairwise::app
