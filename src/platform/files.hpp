#pragma once
// Files in and out: the browser's file picker and drag and drop (several files at once), and
// downloads. Implemented in files_emscripten.cpp on top of web/files_library.js.
#include <string>
#include <vector>

namespace pairwise::platform {

struct OpenedFile {
  std::string name;
  std::string text;   // UTF-8 content, or a spreadsheet workbook's bytes (.xlsx, .xls) as they are
  std::string error;  // set instead of text when the file could not be read
  bool dropped = false;  // dragged onto the page rather than chosen in the file picker
};

struct ScreenRect {
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
};

// Receives every batch of files the person opened or dropped onto the page.
void install_file_handling(void (*opened)(std::vector<OpenedFile> files));
// The rectangles of the "Open files" buttons drawn in this frame: a click there opens the picker
// inside the click itself, which Safari requires.
void set_file_picker_buttons(const std::vector<ScreenRect>& rects);
// Offers content to the person as a download named file_name.
void download_file(const std::string& file_name, const std::string& mime_type, const std::string& content);

}  // namespace pairwise::platform
