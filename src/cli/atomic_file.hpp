#pragma once
// Writing a file so that it is either wholly the old or wholly the new version (issue 11: the
// CLI truncated backup.json in place, so a crash, a full disk or a killed process mid-write left
// half a backup). The text goes to a temporary file beside the target, is flushed to the disk,
// and only then renamed over the target, which POSIX does in one step.
#include <string>

namespace pairwise::cli {

// Writes `text` to `path` through a temporary file and a rename. On failure the target is left
// as it was, the temporary file is removed, and `why` says what went wrong.
bool write_file_atomically(const std::string& path, const std::string& text, std::string* why = nullptr);

}  // namespace pairwise::cli
