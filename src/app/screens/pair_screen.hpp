#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// The Pair workspace of a mentor or mentee: joining from an introduction pack, then the open
// pairing's agreement, meetings, objectives, private notes, and the files shared with the
// partner and the coordinator.
void draw_pair_screen(Session& session);

}  // namespace pairwise::app
