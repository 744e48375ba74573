#pragma once
// The built-in presets: each is a scheme document in assets/presets/, compiled into the program.
// make_preset() and all_presets() (declared in core/records/scheme.hpp) build on these.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records/scheme.hpp"
#include "core/result.hpp"

namespace pairwise {

inline constexpr SchemePreset kAllPresets[] = {SchemePreset::cochrane_kt, SchemePreset::ikt, SchemePreset::kind,
                                               SchemePreset::coproduction, SchemePreset::mrc_ctu_lmic};

// "cochrane-kt", "ikt", "kind", "coproduction", "mrc-ctu-lmic": the preset's file name without
// ".json" and its name on the command line.
std::string preset_key(SchemePreset preset);
std::optional<SchemePreset> preset_from_key(std::string_view key);

// The preset's embedded scheme file exactly as shipped (for export), and the scheme it holds,
// read and validated like any imported scheme file (errors name the file and JSON path).
std::string_view preset_file_text(SchemePreset preset);
Result<Scheme> read_preset_file(SchemePreset preset);

}  // namespace pairwise
