// pairwise introduce
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kIntroduceHelp =
    "Usage: pairwise introduce --into BACKUP.json --mentor EMAIL --mentee EMAIL [--date YYYY-MM-DD]\n"
    "The coordinator puts an interested mentor and the mentee in touch; other mentors' interest in\n"
    "that request is closed. Mentoring starts once both have signed the contract.\n";

int run_introduce(const Options& o) {
  if (!o.positional.empty()) return o.usage("introduce takes no FILE");
  if (!o.has("--into") || !o.has("--mentor") || !o.has("--mentee"))
    return o.usage("introduce needs --into, --mentor and --mentee");
  return change_backup(o.get("--into"), [&](Workspace& ws) -> Result<ChangeSet> {
    const std::string id = find_pairing_id(ws, o.get("--mentor"), o.get("--mentee"));
    if (id.empty())
      return Result<ChangeSet>::failure("", "", o.get("--mentor") + " has not expressed interest in " + o.get("--mentee"));
    return introduce(ws, id, o.get("--date", system_clock().today()));
  });
}

}  // namespace pairwise::cli
