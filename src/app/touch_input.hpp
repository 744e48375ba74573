#pragma once
// Fingers on a touch screen, as people expect from a phone: a tap presses what is under the finger
// (and puts a text caret where it landed), a drag anywhere scrolls what is under it, a flick glides
// on (unless the system asks for reduced motion). Dear ImGui knows only a mouse: SDL's own mouse
// events made from touches are dropped, and the app gives ImGui one click per tap instead, so a
// drag that starts on a button scrolls the page and presses nothing.
union SDL_Event;

namespace pairwise::app {

// Before SDL_Init: SDL stops turning touches into mouse events (this module does it instead).
void install_touch_input();
// Takes the touch events (and SDL's mouse events made from touches); true if the event was one.
bool handle_touch_event(const SDL_Event& event, double frame_ms);
// Once a frame, before ImGui::NewFrame: moves a gliding scroll on.
void update_touch_scrolling(double now_ms);
// True while a scroll still glides (frames must go on being drawn).
bool touch_scrolling_moves();

}  // namespace pairwise::app
