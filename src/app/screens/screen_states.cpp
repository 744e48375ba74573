#include "app/screens/screen_states.hpp"

#include "platform/matching_worker.hpp"

namespace pairwise::app {

void reset_screen_states(ScreenStates& states, const std::string& scheme_id) {
  if (states.matching.running) platform::cancel_matching_worker();
  const std::uint64_t next = states.generation + 1;
  states = ScreenStates{};
  states.scheme_id = scheme_id;
  states.generation = next;
}

}  // namespace pairwise::app
