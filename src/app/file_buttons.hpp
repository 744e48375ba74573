#pragma once
// "Open files…" buttons: the click opens the browser's file picker inside the click itself (which
// Safari requires), so each button's rectangle is handed to the platform layer every frame.
#include <string>
#include <vector>

#include "platform/files.hpp"

namespace pairwise::app {

void begin_file_buttons();
// Draws the button; the files arrive later through take_opened_files().
void open_files_button(const char* label);
void end_file_buttons();

// Files opened or dropped since the last call (the screen on display takes them).
void receive_opened_files(std::vector<platform::OpenedFile> files);
std::vector<platform::OpenedFile> take_opened_files();
bool has_opened_files();

}  // namespace pairwise::app
