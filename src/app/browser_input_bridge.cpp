#include "app/browser_input_bridge.hpp"

#include <SDL.h>
#include <imgui.h>

#include <string>

#include "platform/browser.hpp"

namespace pairwise::app {
namespace {

// The browser clipboard cannot be read synchronously; pasting arrives as text input instead, so
// the app's own copy serves ImGui's rare synchronous reads (e.g. its context menus).
std::string g_clipboard;

void on_text_input(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

void on_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  platform::show_text_input(data->WantVisible, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

void set_clipboard(void*, const char* text) {
  g_clipboard = text;
  platform::write_clipboard(text);
}

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

}  // namespace

void install_browser_input_bridge() {
  ImGuiIO& io = ImGui::GetIO();
  io.SetPlatformImeDataFn = on_ime_data;
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  platform::set_text_input_handler(on_text_input);
}

bool is_replaced_by_browser_input(const SDL_Event& event) { return event.type == SDL_TEXTINPUT; }

}  // namespace pairwise::app
