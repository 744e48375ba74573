#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// Every pair of the scheme and where it stands: send introductions, record the mentor's answer,
// see who has not answered in time, withdraw or close with a reason.
void draw_pairings_screen(Session& session, const Scheme& scheme);

}  // namespace pairwise::app
