#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// The scheme's intake form: saved as it is typed, checked inline, exported as an application file.
void draw_applicant_screen(Session& session);

}  // namespace pairwise::app
