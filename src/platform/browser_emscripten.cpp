#include "platform/browser.hpp"

extern "C" {
void pw_set_frame_callback(void (*callback)());
void pw_request_frame();
double pw_device_pixel_ratio();
void pw_watch_pixel_ratio();
void pw_signal_ready();
}

namespace pairwise::platform {

void set_frame_function(FrameFunction frame) {
  pw_set_frame_callback(frame);
  pw_watch_pixel_ratio();
}
void request_frame() { pw_request_frame(); }
float device_pixel_ratio() { return static_cast<float>(pw_device_pixel_ratio()); }
void signal_ready() { pw_signal_ready(); }

}  // namespace pairwise::platform
