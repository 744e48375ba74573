#include "platform/browser.hpp"

extern "C" {
void pw_set_frame_callback(void (*callback)());
void pw_request_frame();
double pw_device_pixel_ratio();
void pw_watch_pixel_ratio();
void pw_signal_ready();
void pw_request_frame_after(int milliseconds);
double pw_now_ms();
void pw_text_input_install();
void pw_text_input_show(int active, double x, double y, double line_height);
void pw_clipboard_write(const char* text);
void pw_set_leave_guard(int warn);
void pw_open_mail(const char* url);
int pw_open_printable(const char* html, int length);
}

namespace {
pairwise::platform::TextInputHandler g_text_input_handler = nullptr;
}

extern "C" __attribute__((used)) void pairwise_on_text_input(const char* utf8) {
  if (g_text_input_handler != nullptr) g_text_input_handler(utf8);
  pw_request_frame();
}

namespace pairwise::platform {

void set_frame_function(FrameFunction frame) {
  pw_set_frame_callback(frame);
  pw_watch_pixel_ratio();
}
void request_frame() { pw_request_frame(); }
void set_leave_guard(bool warn) {
  static int current = -1;
  if (current == static_cast<int>(warn)) return;
  current = warn;
  pw_set_leave_guard(warn ? 1 : 0);
}
void request_frame_after(int milliseconds) { pw_request_frame_after(milliseconds); }
double now_ms() { return pw_now_ms(); }
float device_pixel_ratio() { return static_cast<float>(pw_device_pixel_ratio()); }
void signal_ready() { pw_signal_ready(); }
void set_text_input_handler(TextInputHandler handler) {
  g_text_input_handler = handler;
  pw_text_input_install();
}
void show_text_input(bool active, float x, float y, float line_height) {
  pw_text_input_show(active ? 1 : 0, x, y, line_height);
}
void write_clipboard(const char* utf8) { pw_clipboard_write(utf8); }
void open_mail(const std::string& mailto_url) { pw_open_mail(mailto_url.c_str()); }
bool open_printable_page(const std::string& html) {
  return pw_open_printable(html.data(), static_cast<int>(html.size())) != 0;
}

}  // namespace pairwise::platform
