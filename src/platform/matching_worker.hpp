#pragma once
// Runs matching requests (core/matching/worker_messages.hpp) in a Web Worker that holds the same
// core, so the page stays responsive while a large cohort is matched.
#include <functional>
#include <string>

namespace pairwise::platform {

// Sends one request; `done` runs on the main thread with the worker's reply. A request sent while
// another runs cancels the older one (its reply never arrives).
void run_in_matching_worker(const std::string& request, std::function<void(const std::string& reply)> done);
// Stops the running request by ending the worker (a new one starts with the next request).
void cancel_matching_worker();
bool matching_worker_busy();

}  // namespace pairwise::platform
