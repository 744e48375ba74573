#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// The frame around every screen: the top bar (roles, save status, settings), the storage banner,
// notices, and the current screen.
void draw_app_shell(Session& session);

}  // namespace pairwise::app
