#pragma once
struct ImFont;

// The UI font, rasterised at the screen's pixel density so text stays crisp at any pixel ratio.
namespace pairwise::app {

inline constexpr const char* kUiFontPath = "/fonts/ui.ttf";

// Rebuilds the font atlas when the pixel ratio or text size changed. Returns true when the GPU
// texture must be recreated. Call between frames only.
bool update_ui_fonts(float pixel_ratio, float text_size);
// The larger font for screen titles and section headings (the body font is the default).
ImFont* heading_font();

}  // namespace pairwise::app
