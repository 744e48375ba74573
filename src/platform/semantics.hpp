#pragma once
// The page side of the semantics layer (web/semantics_library.js): DOM elements with ARIA roles
// kept over the canvas, and the requests a screen reader or the keyboard make through them.
#include <string>

namespace pairwise::platform {

// kind: 0 focus the item, 1 activate it (click, Enter, Space), 2 focus it and start editing text.
using SemanticsRequestHandler = void (*)(unsigned item_id, int kind);
void install_semantics(SemanticsRequestHandler handler);
// Hands one frame's changes (JSON, see src/app/semantics.cpp) to the page.
void publish_semantics(const std::string& update_json);

// Measuring the layer's cost: true while the page asks for the layer to pause
// (Module.pairwiseSemanticsPaused), so the same build can be timed with and without it.
bool semantics_paused();
// Reports one drawn frame's time and the part of it the layer took (Module.pairwiseFrameStats).
void report_frame_cost(double frame_ms, double semantics_ms);

}  // namespace pairwise::platform
