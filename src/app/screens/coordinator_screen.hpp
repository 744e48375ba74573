#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// The coordinator's workspace: a tab per task (import, participants, ...).
void draw_coordinator_screen(Session& session);

}  // namespace pairwise::app
