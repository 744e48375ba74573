#pragma once
#include <vector>

#include "app/session.hpp"

namespace pairwise::app {

// The first screen: where data lives, which scheme, and which role to work in.
struct StartScreenState {
  std::vector<Scheme> presets;  // the built-in schemes, made once
};
void draw_start_screen(Session& session, StartScreenState& state);

}  // namespace pairwise::app
