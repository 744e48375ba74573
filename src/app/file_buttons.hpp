#pragma once
// "Open files…" buttons: the click opens the browser's file picker inside the click itself (which
// Safari requires), so each button's rectangle is handed to the platform layer every frame.
#include <string>
#include <vector>

#include "platform/files.hpp"

namespace pairwise::app {

void begin_file_buttons();
// Draws the button; the files arrive later through take_opened_files(). `purpose` tells which
// part of the app asked (files dropped on the page have none and go to the screen on display).
void open_files_button(const char* label, const char* purpose = "");
// The purpose of the button that opened the waiting files ("" for dropped files).
const std::string& opened_files_purpose();
void end_file_buttons();

// Files opened or dropped since the last call (the screen on display takes them).
void receive_opened_files(std::vector<platform::OpenedFile> files, bool dropped);
std::vector<platform::OpenedFile> take_opened_files();
bool has_opened_files();

// Locked files are held back until their passphrase opens them (app/locked_files.cpp).
struct LockedArrival {
  platform::OpenedFile file;
  std::string purpose;
};
std::vector<LockedArrival> take_locked_files();
// A locked file once opened: it reaches the screen as if it had just been opened unlocked.
void receive_unlocked_file(platform::OpenedFile file, const std::string& purpose);

}  // namespace pairwise::app
