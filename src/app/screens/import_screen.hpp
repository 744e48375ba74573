#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// Many application files (JSON) or survey exports (CSV) at once: a preview of merges, conflicts
// and errors, then all or nothing.
void draw_import_screen(Session& session, const Scheme& scheme);

}  // namespace pairwise::app
