#include <emscripten/emscripten.h>

#include "platform/browser.hpp"
#include "platform/matching_worker.hpp"

namespace pairwise::platform {
namespace {

worker_handle g_worker = 0;
int g_request = 0;  // identifies the live request; replies to cancelled ones are ignored
std::function<void(const std::string&)> g_done;

void on_reply(char* data, int size, void* arg) {
  if (static_cast<int>(reinterpret_cast<std::intptr_t>(arg)) != g_request || !g_done) return;
  auto done = std::move(g_done);
  g_done = nullptr;
  done(std::string(data, static_cast<std::size_t>(size)));
  request_frame();
}

void ignore_reply(char*, int, void*) {}

void start_worker() {
  if (g_worker == 0) g_worker = emscripten_create_worker("matching_worker.js");
}

}  // namespace

void prepare_matching_worker(const std::function<std::string()>& warm_up) {
  if (g_worker != 0) return;
  start_worker();
  std::string request = warm_up ? warm_up() : std::string();
  if (request.empty()) return;
  // The bytes are copied into the message when the call is made.
  emscripten_call_worker(g_worker, "pairwise_match_in_worker", request.data(), static_cast<int>(request.size()),
                         ignore_reply, nullptr);
}

void run_in_matching_worker(const std::string& request, std::function<void(const std::string&)> done) {
  if (g_done) cancel_matching_worker();
  start_worker();
  g_done = std::move(done);
  ++g_request;
  emscripten_call_worker(g_worker, "pairwise_match_in_worker", const_cast<char*>(request.data()),
                         static_cast<int>(request.size()), on_reply, reinterpret_cast<void*>(static_cast<std::intptr_t>(g_request)));
}

void cancel_matching_worker() {
  if (g_worker != 0) emscripten_destroy_worker(g_worker);
  g_worker = 0;
  g_done = nullptr;
  ++g_request;
}

bool matching_worker_busy() { return static_cast<bool>(g_done); }

}  // namespace pairwise::platform
