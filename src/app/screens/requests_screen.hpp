#pragma once
#include "app/session.hpp"
#include "core/records/scheme.hpp"

namespace pairwise::app {

// KIND, for the coordinator: the open project requests, whether each is short and precise and on
// the board, who has expressed interest, and the board to publish for mentors.
void draw_requests_screen(Session& session, const Scheme& scheme);

}  // namespace pairwise::app
