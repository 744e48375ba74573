#include "platform/semantics.hpp"

extern "C" {
void pw_semantics_install();
void pw_semantics_update(const char* json);
void pw_request_frame();
int pw_semantics_paused();
void pw_report_frame_cost(double frame_ms, double semantics_ms);
}

namespace {
pairwise::platform::SemanticsRequestHandler g_handler = nullptr;
}

extern "C" __attribute__((used)) void pairwise_on_semantics_request(unsigned item_id, int kind) {
  if (g_handler != nullptr) g_handler(item_id, kind);
  pw_request_frame();
}

namespace pairwise::platform {

void install_semantics(SemanticsRequestHandler handler) {
  g_handler = handler;
  pw_semantics_install();
}

void publish_semantics(const std::string& update_json) { pw_semantics_update(update_json.c_str()); }

bool semantics_paused() { return pw_semantics_paused() != 0; }
void report_frame_cost(double frame_ms, double semantics_ms) { pw_report_frame_cost(frame_ms, semantics_ms); }

}  // namespace pairwise::platform
