#pragma once
// Layout that fits the window it is in: one column below about 700 CSS px (phones, a narrow
// browser window), rows of buttons that wrap instead of running past the right edge, and
// touch-sized controls when the main pointer is a finger.
namespace pairwise::app {

// Below this width (CSS px) screens show one column and the header a menu.
constexpr float kNarrowWidth = 700.0f;
// The smallest control a finger hits reliably (CSS px; WCAG 2.5.5's 44).
constexpr float kTouchTarget = 44.0f;

bool narrow_layout();
// The main pointer is a finger (set once a frame by the app from the browser's pointer: coarse).
bool touch_layout();
void set_touch_layout(bool touch);

// Width of a button with this label (text after "##" is an id, not drawn).
float button_width(const char* label);
// Puts the next item on this line when `next_width` still fits before the right edge, else on the
// next line: a row of buttons wraps like words.
void same_line_if_fits(float next_width);
// The height a list row (a Selectable) needs to be tapped: a finger's on touch screens.
float list_row_height();

}  // namespace pairwise::app
