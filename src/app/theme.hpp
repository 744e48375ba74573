#pragma once

namespace pairwise::app {

// Light or dark colours and the spacing used everywhere; called when the setting changes.
void apply_theme(bool dark);

}  // namespace pairwise::app
