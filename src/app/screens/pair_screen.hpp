#pragma once
#include "app/screens/pair_screen_states.hpp"
#include "app/session.hpp"

namespace pairwise::app {

// The Pair workspace of a mentor or mentee: joining from an introduction pack, then the open
// pairing's agreement, meetings, objectives, private notes, and the files shared with the
// partner and the coordinator.
// What the screens remember is in `screens`, which the app holds.
void draw_pair_screen(Session& session, PairScreens& screens);

}  // namespace pairwise::app
