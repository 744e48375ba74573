#pragma once
// Builds the matcher's compact input from a scheme's records: topics, languages, countries,
// regions and organisations become small integer codes; the scheme's weighted criteria and hard
// rules become MatchingCriteria; existing pairings count against mentor capacity.
#include <string>
#include <vector>

#include "core/matching/matcher.hpp"
#include "core/workspace.hpp"

namespace pairwise::matching {

struct RecordsMatchingInput {
  MatchingInput input;
  // Problems worth telling the coordinator (e.g. more than 64 topics, unknown criteria).
  std::vector<std::string> warnings;
};

// Mentees still to be matched (active, not in a live pairing) and active mentors of the scheme.
// Person ids are the records' ids.
RecordsMatchingInput matching_input_from_records(const Workspace& workspace, const Scheme& scheme);

// The scheme's criteria as the matcher's rules (weights scaled to integers: weight 1.0 = 10).
MatchingCriteria criteria_from_scheme(const Scheme& scheme, std::vector<std::string>* warnings = nullptr);

}  // namespace pairwise::matching
