// DIMACS min-cost-flow files for the assignment problem, so any solver can be compared.
//
// Layout written (and the layout read): node 1..n mentees with supply 1, n+1..n+m mentors,
// node n+m+1 the sink with supply -n. Arcs: mentee->mentor "a i j 0 1 -score",
// mentee->sink "a i t 0 1 0" (not matched), mentor->sink "a j t 0 capacity 0".
// The minimum cost is minus the maximum total score.
#pragma once

#include <cstdint>
#include <string>

#include "core/matching/assignment.hpp"

namespace pairwise::matching {

class Scorer;

// Writes every allowed pair of the dense instance (scores on the fly). Returns arcs written,
// or -1 on I/O error. capacity: per mentor (size mentor_count()).
long long write_dimacs(const std::string& path, const Scorer& scorer,
                       const std::vector<std::int32_t>& capacity);
long long write_dimacs(const std::string& path, const SparseAssignmentProblem& problem);

struct DimacsAssignment {
  bool ok = false;
  std::string error;
  SparseAssignmentProblem problem;
  std::vector<std::int64_t> null_cost;  // per left node: cost of its arc to the sink
  std::vector<bool> must_match;         // no arc to the sink: has to be matched
  std::int64_t offset_profit = 0;       // big-M added to profits of must_match nodes
};

// Reads a bipartite min-cost-flow instance of the layout above (any node numbering: left =
// supply 1, sink = the one node with negative supply, right = everything else; mentee->sink
// arcs may be absent, then the mentee must be matched; costs are turned into profits).
DimacsAssignment read_dimacs_assignment(const std::string& path);

struct DimacsResult {
  bool ok = false;
  std::string error;
  std::int64_t min_cost = 0;     // the DIMACS objective (what LEMON prints as "Min flow cost")
  std::int64_t total_score = 0;  // = -min_cost for files written by write_dimacs
  int matched = 0;
  double read_ms = 0, solve_ms = 0;
};
DimacsResult solve_dimacs_file(const std::string& path);

}  // namespace pairwise::matching
