// pairwise pairing
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kPairingHelp =
    "Usage: pairwise pairing --into BACKUP.json (--mentor EMAIL --mentee EMAIL | --pairing ID) --to STATUS\n"
    "                        --by WHO [--date YYYY-MM-DD] [--reason TEXT] [--after-first-meeting]\n"
    "Records a status change: STATUS requested | accepted | declined | no_response | active |\n"
    "completed | withdrawn; WHO coordinator | mentor | mentee. A decline needs no reason; a withdrawal\n"
    "by the mentor or mentee is without fault; --after-first-meeting ends it after the\n"
    "getting-to-know-you meeting (schemes that allow it). Refused moves say what is allowed next.\n";

int run_pairing(const Options& o) {
  if (!o.positional.empty()) return o.usage("pairing takes no FILE");
  if (!o.has("--into") || !(o.has("--pairing") || (o.has("--mentor") && o.has("--mentee"))) || !o.has("--to") ||
      !o.has("--by"))
    return o.usage("pairing needs --into, --mentor and --mentee (or --pairing), --to and --by");
  const auto to = enum_from_string(kPairingStatusNames, o.get("--to"));
  const auto by = enum_from_string(kActorNames, o.get("--by"));
  if (!to) return o.usage("--to must be one of " + enum_choices(kPairingStatusNames));
  if (!by) return o.usage("--by must be one of " + enum_choices(kActorNames));
  const std::string date = o.get("--date", system_clock().today());
  return change_backup(o.get("--into"), [&](Workspace& ws) -> Result<ChangeSet> {
    std::string id;
    if (pairing_from_options(ws, o, id) != kOk) return Result<ChangeSet>::failure("", "", "the pairing is not in the backup");
    if (o.has("--after-first-meeting")) {
      if (*to != PairingStatus::withdrawn)
        return Result<ChangeSet>::failure("", "", "--after-first-meeting goes with --to withdrawn");
      return stop_after_first_meeting(ws, id, *by, date);
    }
    if (*to == PairingStatus::withdrawn && (*by == Actor::mentor || *by == Actor::mentee))
      return withdraw_without_fault(ws, id, *by, date, o.get("--reason"));
    return ws.transition_pairing(id, {*to, date, *by, o.get("--reason"), 0});
  });
}

}  // namespace pairwise::cli
