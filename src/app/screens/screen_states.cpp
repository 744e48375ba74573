#include "app/screens/screen_states.hpp"

#include "platform/matching_worker.hpp"

namespace pairwise::app {

void reset_screen_states(ScreenStates& states, const std::string& scheme_id) {
  if (states.matching.running) platform::cancel_matching_worker();
  states = ScreenStates{};
  states.scheme_id = scheme_id;
}

}  // namespace pairwise::app
