#pragma once
// Everything the app needs from the browser, in one place. Implemented in browser_emscripten.cpp
// on top of web/platform_library.js.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records/time_zones.hpp"

namespace pairwise::platform {

using FrameFunction = void (*)();

// Registers the function that draws one frame. Frames run only after request_frame().
void set_frame_function(FrameFunction frame);
// Asks for one more frame at the next display refresh; repeated calls before it runs coalesce.
void request_frame();
// Asks for a frame after a delay (replaces an earlier delayed request).
void request_frame_after(int milliseconds);
// A monotonic clock in milliseconds.
double now_ms();
// CSS pixels to device pixels (2 on most phones and high-density laptop screens).
float device_pixel_ratio();
// The system's colour preference (prefers-color-scheme: dark).
bool prefers_dark_colours();
// The browser's text size setting over its usual 16 px (the page's root font size / 16).
float browser_text_scale();
// prefers-reduced-motion: reduce (no gliding scroll after a flick).
bool prefers_reduced_motion();
// The main pointer is a finger (pointer: coarse): controls get touch-sized (44 CSS px) targets.
bool coarse_pointer();
// Text typed, composed (IME) or pasted in the page, as UTF-8.
using TextInputHandler = void (*)(const char* utf8);
void set_text_input_handler(TextInputHandler handler);
// Shows the text caret to the browser at (x, y) in CSS pixels so typing goes to the app; false hands
// the keyboard back to the canvas.
void show_text_input(bool active, float x, float y, float line_height);
// Puts text on the system clipboard (needs a recent user gesture; silently ignored otherwise).
void write_clipboard(const char* utf8);

// Fetches a file that sits next to the app on its own site (e.g. "fonts/cjk.ttc"); `done` gets the
// bytes, or an error text, with the caller's tag.
using SiteFileHandler = void (*)(int tag, std::string_view bytes, const std::string& error);
void fetch_site_file(const std::string& path, int tag, SiteFileHandler done);

// Every IANA time zone the browser knows (Intl.supportedValuesOf), with its offset from UTC today.
std::vector<TimeZoneNow> time_zones_now();

// The zone's offset from UTC (minutes east) at `minutes_of_day` on `date` (YYYY-MM-DD) there, by
// the browser's own zone rules, daylight saving included; empty when the zone or date is unknown.
std::optional<int> utc_offset_on(const std::string& zone, const std::string& date, int minutes_of_day);

// Hands a mailto: link to the person's mail program (nothing is sent by the app itself).
void open_mail(const std::string& mailto_url);

// Opens a complete HTML page (a printable agreement or meeting notes, made by the core) in a new
// window, where the browser's own Print prints it. False when the browser blocked the window.
bool open_printable_page(const std::string& html);

// Asks the browser to confirm before the page is left (closed, reloaded, navigated away) while
// `warn` is true.
void set_leave_guard(bool warn);

// Names an internal error (an exception that reached an entry point) in the browser's console.
void report_internal_error(const std::string& text);

// Hides the loading screen once the first frame is on screen.
void signal_ready();

}  // namespace pairwise::platform
