#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// Charts of how the scheme's pairs are doing, from the progress reports they sent.
void draw_monitoring_screen(Session& session, const Scheme& scheme);

}  // namespace pairwise::app
