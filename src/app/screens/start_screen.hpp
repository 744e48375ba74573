#pragma once

namespace pairwise::app {

// The first screen: what Pairwise is, where data lives, and which role to work in.
void draw_start_screen();

}  // namespace pairwise::app
