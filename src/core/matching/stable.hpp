// Stable matching: mentee-proposing deferred acceptance with mentor capacities, and the
// blocking pairs of any matching (e.g. of the score-optimal one, for comparison).
// Preferences: a side's explicit ranking where given (only ranked, allowed partners are
// acceptable), otherwise all allowed partners by descending pair score (ties by list order).
// Locked pairs are fixed and use capacity; they are never displaced.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/matching/profile.hpp"

namespace pairwise::matching {

struct StableResult {
  std::vector<int> mentor_of;  // per mentee: mentor index or -1 (locked pairs included)
  std::int64_t total_score = 0;
};

StableResult stable_match(const MatchingInput& input);

// Pairs (mentee, mentor) that both prefer each other to what `mentor_of` gives them.
std::vector<std::pair<int, int>> blocking_pairs(const MatchingInput& input, const std::vector<int>& mentor_of);

}  // namespace pairwise::matching
