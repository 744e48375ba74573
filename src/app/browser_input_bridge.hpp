#pragma once
union SDL_Event;

namespace pairwise::app {

// Connects Dear ImGui's text input, IME position and clipboard to the browser (platform layer).
void install_browser_input_bridge();
// Delivers text typed, composed or pasted in the page to ImGui; true if the event was such text.
bool handle_browser_text_event(const SDL_Event& event);

}  // namespace pairwise::app
