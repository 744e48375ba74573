// pairwise interest
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kInterestHelp =
    "Usage: pairwise interest --into BACKUP.json --mentor EMAIL --mentee EMAIL [--scheme ID]\n"
    "                         [--date YYYY-MM-DD] [--note TEXT]\n"
    "Records a mentor's interest in a mentee's project request (schemes where mentors pick requests).\n"
    "Refused, with the reason, for a request that is not short and precise, a paused mentor or one\n"
    "without room.\n";

int run_interest(const Options& o) {
  if (!o.positional.empty()) return o.usage("interest takes no FILE");
  if (!o.has("--into") || !o.has("--mentor") || !o.has("--mentee"))
    return o.usage("interest needs --into, --mentor and --mentee");
  return change_backup(o.get("--into"), [&](Workspace& ws) -> Result<ChangeSet> {
    const Scheme* scheme = nullptr;
    if (choose_scheme(ws, o.get("--scheme"), scheme) != kOk) return Result<ChangeSet>::failure("", "", "choose a scheme");
    return express_interest(ws, scheme->meta.id, o.get("--mentor"), o.get("--mentee"),
                            o.get("--date", system_clock().today()), o.get("--note"));
  });
}

}  // namespace pairwise::cli
