// DIMACS min-cost-flow files for the assignment problem, so any solver can be compared.
//
// Layout written: node 1..n mentees with supply 1, n+1..n+m mentors, node n+m+1 the sink with
// supply -n. Arcs: mentee->mentor "a i j 0 1 -score", mentee->sink "a i t 0 1 0" (not matched),
// mentor->sink "a j t 0 capacity 0". The minimum cost is minus the maximum total score.
//
// Layouts read: every usual encoding of a capacitated assignment as a min-cost flow --
//   mentees: each node with a supply (which must be 1), or, with a super source (the one node
//     with a supply, N), the N nodes it sends one unit each (capacity-1 arcs);
//   mentors: where mentees' arcs lead; each sends to one sink with its capacity (arcs add up),
//     or has a negative supply whose size is its capacity (then there is no sink);
//   not matched: a mentee->sink arc, or a source->sink arc of capacity >= N; otherwise the
//     mentee must be matched;
//   costs on every arc (source->mentee and mentor->sink costs add to each pair through them);
//   arcs in any order, comment lines anywhere, blank lines ignored.
// Supplies are met exactly. Demands are met exactly when they add up to the supplies; when they
// add up to more, each is the most its node takes (LEMON's dimacs-solver reads such a file with
// ">= supply" constraints, which is the same flow unless a mentee gains from a second mentor).
// Anything else (lower bounds, a mentee supplying 2, an arc leaving the sink, a malformed line,
// an arc count that differs from the problem line) is refused with its line number.
#pragma once

#include <cstdint>
#include <string>

#include "core/matching/assignment.hpp"
#include "core/matching/priced_assignment.hpp"

namespace pairwise::matching {

class Scorer;

// Writes every allowed pair of the dense instance (scores on the fly). Returns arcs written,
// or -1 on I/O error. capacity: per mentor (size mentor_count()).
long long write_dimacs(const std::string& path, const Scorer& scorer,
                       const std::vector<std::int32_t>& capacity);
long long write_dimacs(const std::string& path, const SparseAssignmentProblem& problem);

class Matcher;

// The min-cost-flow instance Matcher::run() solves for its input before any cohort goal, as
// DIMACS text in the layout written above: the mentees not locked to a mentor (input order), every
// mentor with its free places (Matcher::free_places), every allowed pair at cost -score, and `c`
// lines that say so, how locked pairs count and which cohort goal is left out. Any solver's
// minimum cost C on it gives the matcher's total score without the goal: locked_score - C.
struct MatcherInstance {
  std::string text;
  int mentees = 0, mentors = 0;  // in the instance (locked mentees left out)
  long long arcs = 0;
  int locked_pairs = 0;
  std::int64_t locked_score = 0;
};
MatcherInstance matcher_instance_dimacs(const Matcher& matcher);

// The instance Matcher::run() solves WITH the scheme's cohort goal: the same mentees and pairs,
// plus one "not matched" mentor per group that can still earn the bonus B (n_g - 1 places at
// cost -B), and every pair of such a group's mentees at cost -(score + B). Any solver's minimum
// cost C on it gives the matcher's objective (total score + cohort bonus) as score_offset - C.
// Without a goal it is matcher_instance_dimacs.
struct GoalInstance {
  MatcherInstance instance;
  std::int64_t score_offset = 0;  // objective = score_offset - min cost
};
GoalInstance matcher_goal_instance_dimacs(const Matcher& matcher);

struct DimacsAssignment {
  bool ok = false;
  std::string error;
  SparseAssignmentProblem problem;
  std::vector<std::int64_t> null_cost;  // per left node: cost of staying unmatched (if allowed)
  std::vector<bool> must_match;         // no arc to the sink: has to be matched
  std::int64_t offset_profit = 0;       // big-M added to profits of must_match nodes
};

// Reads any of the layouts above; on failure `error` says what is wrong and on which line.
// Mentees and mentors are numbered in node order; costs are turned into profits.
DimacsAssignment read_dimacs_assignment(const std::string& path);

struct DimacsResult {
  bool ok = false;
  std::string error;
  std::int64_t min_cost = 0;     // the DIMACS objective (what LEMON prints as "Min flow cost")
  std::int64_t total_score = 0;  // = -min_cost for files written by write_dimacs
  int matched = 0;
  double read_ms = 0, solve_ms = 0;
  // certifies_optimal held on every arc of the file (reduced costs >= 0 on all of them, also the
  // arcs the solver's core left out): only then is min_cost the optimum.
  bool certified = false;
  PricedStats stats;
};
DimacsResult solve_dimacs_file(const std::string& path, const PricedOptions& options = {});

}  // namespace pairwise::matching
