#pragma once
union SDL_Event;

namespace pairwise::app {

// Connects Dear ImGui's text input, IME position and clipboard to the browser (platform layer).
void install_browser_input_bridge();
// True for SDL events the bridge replaces: text comes from the page, not from SDL's keypress.
bool is_replaced_by_browser_input(const SDL_Event& event);

}  // namespace pairwise::app
