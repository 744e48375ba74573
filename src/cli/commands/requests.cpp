// pairwise requests
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kRequestsHelp =
    "Usage: pairwise requests --from BACKUP.json [--scheme ID]\n"
    "Lists each open project request (mentees not yet placed with a mentor): whether it is short and\n"
    "precise under the scheme's rules, what to change if not, and which mentors are interested.\n";

int run_requests(const Options& o) {
  if (!o.positional.empty()) return o.usage("requests takes no FILE");
  if (!o.has("--from")) return o.usage("requests needs --from BACKUP.json");
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  const Scheme* scheme = nullptr;
  if (int rc = choose_scheme(loaded.ws, o.get("--scheme"), scheme); rc != kOk) return rc;
  for (const auto& r : open_project_requests(loaded.ws, scheme->meta.id)) {
    std::cout << r.mentee.email << ": " << (r.issues.empty() ? "ready" : "not ready") << "; "
              << r.interested_mentors.size() << " interested mentor(s)";
    for (const auto& m : r.interested_mentors) std::cout << " " << m;
    std::cout << "\n  what: " << r.mentee.project.what << "\n";
    for (const auto& i : r.issues) std::cout << "  " << i.field << ": " << i.message << "\n";
  }
  return kOk;
}

}  // namespace pairwise::cli
