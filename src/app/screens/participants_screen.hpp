#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// Everyone who applied to the scheme: sort, filter and search, smooth with thousands of people.
void draw_participants_screen(Session& session, const Scheme& scheme);

}  // namespace pairwise::app
