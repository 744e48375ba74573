#include "app/browser_input_bridge.hpp"

#include <SDL.h>
#include <imgui.h>

#include <string>

#include "app/ui_fonts.hpp"
#include "app/widgets.hpp"
#include "platform/browser.hpp"

namespace pairwise::app {
namespace {

// The browser clipboard cannot be read synchronously; pasting arrives as text input instead, so
// the app's own copy serves ImGui's rare synchronous reads (e.g. its context menus).
std::string g_clipboard;
Uint32 g_text_event_type = 0;

// Text goes through SDL's queue so it stays in order with the key presses around it (typing
// right after Ctrl+A, Backspace must not land before them).
void on_text_input(const char* utf8) {
  note_text_seen(utf8);  // typed or pasted in a script whose font is not loaded yet
  SDL_Event event{};
  event.type = g_text_event_type;
  event.user.data1 = new std::string(utf8);
  if (SDL_PushEvent(&event) != 1) delete static_cast<std::string*>(event.user.data1);
}

void on_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  platform::show_text_input(data->WantVisible, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

void set_clipboard(void*, const char* text) {
  g_clipboard = copied_without_soft_breaks(text);
  platform::write_clipboard(g_clipboard.c_str());
}

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

}  // namespace

void install_browser_input_bridge() {
  ImGuiIO& io = ImGui::GetIO();
  io.SetPlatformImeDataFn = on_ime_data;
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  g_text_event_type = SDL_RegisterEvents(1);
  platform::set_text_input_handler(on_text_input);
}

bool handle_browser_text_event(const SDL_Event& event) {
  if (g_text_event_type == 0 || event.type != g_text_event_type) return false;
  auto* text = static_cast<std::string*>(event.user.data1);
  ImGui::GetIO().AddInputCharactersUTF8(text->c_str());
  delete text;
  return true;
}

}  // namespace pairwise::app
