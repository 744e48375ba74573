#pragma once
// Names for downloaded files: "pairwise-<kind>-<scheme>-<who>-<date>.<ext>", lower case, so a
// folder of downloads sorts by kind and a coordinator can tell at a glance whose file is whose.
#include <string>
#include <vector>

namespace pairwise {

// Letters and digits kept (lower-cased), anything else becomes one "-"; never empty.
std::string file_name_part(const std::string& text);
std::string export_file_name(const std::vector<std::string>& parts, const std::string& extension);

}  // namespace pairwise
