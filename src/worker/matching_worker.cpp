// The matching core compiled as a Web Worker (-sBUILD_AS_WORKER): the page posts a matching
// request and keeps drawing while thousands of people are matched here.
#include <emscripten/emscripten.h>

#include <string>

#include "core/matching/worker_messages.hpp"

extern "C" EMSCRIPTEN_KEEPALIVE void pairwise_match_in_worker(char* data, int size) {
  std::string reply = pairwise::matching::answer_matching_request(std::string(data, static_cast<std::size_t>(size)));
  emscripten_worker_respond(reply.data(), static_cast<int>(reply.size()));
}
