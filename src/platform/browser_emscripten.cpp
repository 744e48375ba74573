#include "platform/browser.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string_view>

extern "C" {
void pw_set_frame_callback(void (*callback)());
void pw_request_frame();
double pw_device_pixel_ratio();
int pw_prefers_dark();
int pw_media_matches(const char* query);
double pw_browser_text_scale();
void pw_watch_pixel_ratio();
void pw_signal_ready();
void pw_report_internal_error(const char* text);
void pw_request_frame_after(int milliseconds);
double pw_now_ms();
void pw_text_input_install();
void pw_text_input_show(int active, double x, double y, double line_height);
void pw_clipboard_write(const char* text);
void pw_set_leave_guard(int warn);
void pw_open_mail(const char* url);
void pw_fetch_site_file(const char* path, int tag);
char* pw_time_zones_now();
int pw_utc_offset_on(const char* zone, int year, int month, int day, int minutes);
int pw_open_printable(const char* html, int length);
}

namespace {
pairwise::platform::TextInputHandler g_text_input_handler = nullptr;
struct SiteFileRequest {
  pairwise::platform::SiteFileHandler done;
  int tag;
};
std::map<int, SiteFileRequest> g_site_file_requests;  // by request number
int g_next_site_file_request = 1;
}

extern "C" __attribute__((used)) void pairwise_on_site_file(int request, const char* bytes, int size, const char* error) {
  auto it = g_site_file_requests.find(request);
  if (it == g_site_file_requests.end()) return;
  const SiteFileRequest r = it->second;
  g_site_file_requests.erase(it);
  r.done(r.tag, bytes != nullptr && size > 0 ? std::string_view(bytes, static_cast<std::size_t>(size)) : std::string_view(),
       error != nullptr ? std::string(error) : std::string());
  pw_request_frame();
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
void report_internal_error(const std::string& text) { pw_report_internal_error(text.c_str()); }
void set_leave_guard(bool warn) {
  static int current = -1;
  if (current == static_cast<int>(warn)) return;
  current = warn;
  pw_set_leave_guard(warn ? 1 : 0);
}
void request_frame_after(int milliseconds) { pw_request_frame_after(milliseconds); }
double now_ms() { return pw_now_ms(); }
float device_pixel_ratio() { return static_cast<float>(pw_device_pixel_ratio()); }
bool prefers_dark_colours() { return pw_prefers_dark() != 0; }
bool prefers_reduced_motion() { return pw_media_matches("(prefers-reduced-motion: reduce)") != 0; }
float browser_text_scale() { return static_cast<float>(pw_browser_text_scale()); }
bool coarse_pointer() { return pw_media_matches("(pointer: coarse)") != 0; }
void signal_ready() { pw_signal_ready(); }
void set_text_input_handler(TextInputHandler handler) {
  g_text_input_handler = handler;
  pw_text_input_install();
}
void show_text_input(bool active, float x, float y, float line_height) {
  pw_text_input_show(active ? 1 : 0, x, y, line_height);
}
void write_clipboard(const char* utf8) { pw_clipboard_write(utf8); }
std::optional<int> utc_offset_on(const std::string& zone, const std::string& date, int minutes_of_day) {
  int year = 0, month = 0, day = 0;
  if (zone.empty() || std::sscanf(date.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) return std::nullopt;
  const int offset = pw_utc_offset_on(zone.c_str(), year, month, day, minutes_of_day);
  if (offset < -14 * 60 || offset > 14 * 60) return std::nullopt;
  return offset;
}

void open_mail(const std::string& mailto_url) { pw_open_mail(mailto_url.c_str()); }
bool open_printable_page(const std::string& html) {
  return pw_open_printable(html.data(), static_cast<int>(html.size())) != 0;
}

std::vector<TimeZoneNow> time_zones_now() {
  // One "name<TAB>minutes" line per zone, made once: the list and today's offsets do not change
  // while the page is open (a daylight-saving change mid-session is ignored).
  static const std::vector<TimeZoneNow> zones = [] {
    std::vector<TimeZoneNow> out;
    char* text = pw_time_zones_now();
    if (text == nullptr) return out;
    std::string_view rest(text);
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      if (const auto tab = line.find('\t'); tab != std::string_view::npos)
        out.push_back({current_time_zone_name(std::string(line.substr(0, tab))),
                       std::atoi(std::string(line.substr(tab + 1)).c_str())});
      if (end == std::string_view::npos) break;
      rest = rest.substr(end + 1);
    }
    std::free(text);
    return out;
  }();
  return zones;
}

void fetch_site_file(const std::string& path, int tag, SiteFileHandler done) {
  const int request = g_next_site_file_request++;
  g_site_file_requests[request] = {done, tag};
  pw_fetch_site_file(path.c_str(), request);
}

}  // namespace pairwise::platform
