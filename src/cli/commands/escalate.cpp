// pairwise escalate
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kEscalateHelp =
    "Usage: pairwise escalate --into BACKUP.json [--today YYYY-MM-DD]\n"
    "Marks every request whose mentor has not answered within the scheme's days as \"no response\"\n"
    "and records its escalation to the scheme's contact (IKT: the mentoring supervisor).\n";

int run_escalate(const Options& o) {
  if (!o.positional.empty()) return o.usage("escalate takes no FILE");
  if (!o.has("--into")) return o.usage("escalate needs --into BACKUP.json");
  const std::string today = o.get("--today", system_clock().today());
  if (!is_valid_date(today)) return o.usage("--today must be a date like 2024-05-31");
  Loaded loaded;
  if (int rc = load_backup(o.get("--into"), loaded, false); rc != kOk) return rc;
  const ChangeSet changes = loaded.ws.mark_overdue_requests(today);
  for (const auto& r : changes.upserts) {
    const Pairing& p = *loaded.ws.find<Pairing>(r.id);
    std::cout << "no response from " << p.mentor_email << " to the request for " << p.mentee_email << " of "
              << p.requested_on() << ": escalated to " << p.escalations.back().to << "\n";
  }
  if (changes.empty()) return std::cout << "no request is overdue\n", kOk;
  return save_backup(o.get("--into"), loaded.ws);
}

}  // namespace pairwise::cli
