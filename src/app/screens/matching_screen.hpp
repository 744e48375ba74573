#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// Weights and hard rules, a run in the matching worker, proposals with their score breakdown,
// reasons for anyone unmatched, lock / forbid and re-run, accept into pairings.
void draw_matching_screen(Session& session, const Scheme& scheme);

}  // namespace pairwise::app
