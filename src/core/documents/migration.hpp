#pragma once
// Format versions and migration of older documents to the current one.
//   v1: a person had "language" (one string) and "role" ("mentor" | "mentee" | "both");
//       a meeting had "minutes".
//   v2: "languages" (list), "roles" (list), "length_minutes".
#include <string>

#include "core/validation/json_reader.hpp"

namespace pairwise {

inline constexpr int kCurrentFormatVersion = 2;
inline constexpr int kOldestFormatVersion = 1;

// Refuses a newer version than this app knows and upgrades older ones step by step.
// `doc` must already have a valid "kind".
Result<Json> migrate_to_current(Json doc, const std::string& file);

}  // namespace pairwise
