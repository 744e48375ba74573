#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// The first screen: where data lives, which scheme, and which role to work in.
void draw_start_screen(Session& session);

}  // namespace pairwise::app
