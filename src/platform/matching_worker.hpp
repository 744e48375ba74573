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
// Starts the worker ahead of the first request, so its WebAssembly is compiled and optimised
// while the coordinator looks at the Matching screen, not after "Run matching": when it starts a
// worker it sends it `warm_up()`'s request (core/matching/worker_messages.hpp, warm_up_input),
// whose answer is ignored. Cold, the first run took about 0.35 s longer and its scoring 1.6 times
// as long (bench/browser_matching_worker.mjs).
void prepare_matching_worker(const std::function<std::string()>& warm_up);

}  // namespace pairwise::platform
