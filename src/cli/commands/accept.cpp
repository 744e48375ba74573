// pairwise accept --into BACKUP.json [--scheme ID] [--today YYYY-MM-DD]
#include "cli/commands/commands.hpp"
#include "core/matching/accept_proposals.hpp"
#include "core/matching/from_records.hpp"
#include "core/matching/matcher.hpp"

namespace pairwise::cli {

const char* const kAcceptHelp =
    "Usage: pairwise accept --into BACKUP.json [--scheme ID] [--today YYYY-MM-DD]\n"
    "Matches the scheme's cohort as 'match' does and stores every proposal as a proposed pairing,\n"
    "as \"Accept all proposals\" does in the app (their locks move from the scheme to the pairings).\n"
    "All or nothing: a mentee with a live pairing or a mentor without a free place refuses the set.\n"
    "Then 'pairwise export --kind introduction-pack --mentor EMAIL --mentee EMAIL' makes each pack.\n";

int run_accept(const Options& o) {
  if (!o.positional.empty()) return o.usage("accept takes no FILE");
  if (!o.has("--into")) return o.usage("accept needs --into BACKUP.json");
  std::size_t accepted = 0;
  const int rc = change_backup(o.get("--into"), [&](Workspace& ws) -> Result<ChangeSet> {
    const Scheme* scheme = nullptr;
    if (int chosen = choose_scheme(ws, o.get("--scheme"), scheme); chosen != kOk)
      return Result<ChangeSet>::failure("", "", "nothing was accepted (the scheme to match is not clear, see above)");
    auto built = matching::matching_input_from_records(ws, *scheme);
    for (const auto& w : built.warnings) std::cerr << "pairwise: warning: " << w << "\n";
    matching::Matcher matcher(built.input);
    const matching::MatchResult& result = matcher.run();
    const std::vector<matching::AcceptedProposal> proposals = matching::proposals_of(built.input, result);
    accepted = proposals.size();
    if (proposals.empty()) return Result<ChangeSet>::failure("", "", "no proposals to accept: matching proposed no pair");
    return matching::accept_proposals(ws, scheme->meta.id, proposals, o.get("--today", system_clock().today()));
  });
  if (rc == kOk) std::cout << "accepted " << accepted << " proposal(s) as pairings in " << o.get("--into") << "\n";
  return rc;
}

}  // namespace pairwise::cli
