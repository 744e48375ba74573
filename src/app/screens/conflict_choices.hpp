#pragma once
// A record's fields edited on two devices (core/sync/field_merge.hpp), each kept value side by side
// with a button to keep it: the pair's notes, and the coordinator's people and pairings.
#include <string>

#include "core/validation/json_reader.hpp"

namespace pairwise::app {

// Draws the choices; true on the frame the person picks one (`path` and `value` then say which).
// `explanation`: who changed what where, in words for the screen (default: the two partners).
bool draw_conflict_choices(const Json& record, bool can_edit, std::string& path, Json& value,
                           const char* explanation = nullptr);

}  // namespace pairwise::app
