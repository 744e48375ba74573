#pragma once
// Files compiled into the program (see cmake/EmbedFiles.cmake), so no platform needs file access
// to reach them: the preset scheme documents of assets/presets/.
#include <string_view>
#include <vector>

namespace pairwise {

struct EmbeddedFile {
  std::string_view name;  // file name without folder, e.g. "kind.json"
  std::string_view text;  // the file's exact contents
};

// Every assets/presets/*.json file, sorted by name.
const std::vector<EmbeddedFile>& embedded_preset_files();

}  // namespace pairwise
