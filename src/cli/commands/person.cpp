// pairwise person
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kPersonHelp =
    "Usage: pairwise person --into BACKUP.json --email EMAIL [--status active|paused|left|removed]\n"
    "                       [--decision pending|selected|not_selected] [--date YYYY-MM-DD] [--reason TEXT]\n"
    "Pauses a mentor, lets them leave the list (their unanswered requests are withdrawn), removes\n"
    "someone (a reason is required; their live pairings are withdrawn), or records a decision.\n";

int run_person(const Options& o) {
  if (!o.positional.empty()) return o.usage("person takes no FILE");
  if (!o.has("--into") || !o.has("--email") || (o.has("--status") == o.has("--decision")))
    return o.usage("person needs --into, --email and one of --status or --decision");
  const std::string date = o.get("--date", system_clock().today());
  if (o.has("--status")) {
    const auto status = enum_from_string(kPersonStatusNames, o.get("--status"));
    if (!status) return o.usage("--status must be one of " + enum_choices(kPersonStatusNames));
    return change_backup(o.get("--into"), [&](Workspace& ws) {
      return set_person_status(ws, o.get("--email"), *status, date, o.get("--reason"));
    });
  }
  const auto decision = enum_from_string(kDecisionNames, o.get("--decision"));
  if (!decision) return o.usage("--decision must be one of " + enum_choices(kDecisionNames));
  return change_backup(o.get("--into"), [&](Workspace& ws) { return record_decision(ws, o.get("--email"), *decision, date); });
}

}  // namespace pairwise::cli
