#pragma once
// Everything the app needs from the browser, in one place. Implemented in browser_emscripten.cpp
// on top of web/platform_library.js.
namespace pairwise::platform {

using FrameFunction = void (*)();

// Registers the function that draws one frame. Frames run only after request_frame().
void set_frame_function(FrameFunction frame);
// Asks for one more frame at the next display refresh; repeated calls before it runs coalesce.
void request_frame();
// CSS pixels to device pixels (2 on most phones and high-density laptop screens).
float device_pixel_ratio();
// Hides the loading screen once the first frame is on screen.
void signal_ready();

}  // namespace pairwise::platform
