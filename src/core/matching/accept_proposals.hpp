#pragma once
// What a coordinator does with matching results, as record changes: lock or forbid a pair for the
// next run (kept in the scheme, by e-mail) and accept proposals as pairings.
#include <string>
#include <vector>

#include "core/matching/matcher.hpp"
#include "core/matching/scoring.hpp"
#include "core/workspace.hpp"

namespace pairwise::matching {

// What each criterion gave a pair, in criterion order; criteria that gave nothing are left out.
struct ScorePart {
  std::string criterion;  // "time zone"
  std::int64_t points = 0;
  bool operator==(const ScorePart&) const = default;
};
std::vector<ScorePart> score_parts(const ScoreBreakdown& breakdown);
// "topics 30 · language 20 · time zone 7": the parts alone (the Proposals table's "Why" column);
// empty when no criterion gave anything.
std::string score_reasons(const ScoreBreakdown& breakdown);
// "57 points: topics 30 · language 20 · time zone 7" (stored with an accepted pairing).
std::string explain_score(std::int64_t score, const ScoreBreakdown& breakdown);

enum class PairRuleChoice { none, locked, forbidden };

// The scheme with this pair locked, forbidden or neither. A mentee has at most one lock (a new
// one replaces the old), and a pair is never both locked and forbidden.
Scheme with_pair_rule(Scheme scheme, const EmailPair& pair, PairRuleChoice choice);
PairRuleChoice pair_rule_of(const Scheme& scheme, const EmailPair& pair);

// The order to show a new run's rows in so that none moves under the coordinator's pointer after
// Lock or Never: rows whose key (the mentee) was shown before keep the old order among
// themselves, new keys follow in the run's own order. Returns indices into `now`.
std::vector<std::size_t> steady_order(const std::vector<std::string>& shown_before, const std::vector<std::string>& now);

struct AcceptedProposal {
  std::string mentor_email;
  std::string mentee_email;
  std::string explanation;  // explain_score(), shown to the coordinator on the pairing
};

// Every pair a matching run proposed, by e-mail with its explanation: what "Accept all
// proposals" (the app) and `pairwise accept` (the CLI) store.
std::vector<AcceptedProposal> proposals_of(const MatchingInput& input, const MatchResult& result);

// Creates one "proposed" pairing per proposal and drops their locks from the scheme (the pairings
// now hold those places). Checked first, applied all together: a mentee who already has a live
// pairing, a mentor without a free place, someone unknown or inactive refuses the whole set.
Result<ChangeSet> accept_proposals(Workspace& workspace, const std::string& scheme_id,
                                   const std::vector<AcceptedProposal>& proposals, const std::string& today);

}  // namespace pairwise::matching
