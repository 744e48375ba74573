// Exact capacitated assignment ("transportation with an opt-out") on a sparse edge set:
// maximise the total profit, each left node (mentee) matched at most once, each right node
// (mentor) at most `capacity` times. Successive shortest augmenting paths (Dijkstra with
// dual prices, early exit), the optimal duals certify optimality and drive pricing.
#pragma once

#include <cstdint>
#include <vector>

namespace pairwise::matching {

struct SparseAssignmentProblem {
  int left = 0;
  int right = 0;
  std::vector<std::int32_t> capacity;  // size right
  // Edges in CSR form per left node: targets[offset[i] .. offset[i+1]), profit > 0.
  std::vector<std::uint32_t> offset{0};
  std::vector<std::int32_t> target;
  std::vector<std::int64_t> profit;

  void add_left(const std::vector<std::pair<std::int32_t, std::int64_t>>& edges);
};

struct AssignmentSolution {
  std::vector<std::int32_t> match;  // per left: right index or -1 (not matched)
  std::vector<std::int64_t> u;      // dual per left (>= 0): its surplus
  std::vector<std::int64_t> price;  // dual per right (>= 0): value of one of its places
  std::int64_t total = 0;           // sum of matched profits
  std::int64_t dual_objective() const;  // sum u + sum capacity*price: equals total iff optimal
  std::vector<std::int64_t> capacity;   // copy used by dual_objective
  long long settled_mentors = 0;        // work counter (Dijkstra pops)
};

class AssignmentSolver {
 public:
  // Cold solve.
  AssignmentSolution solve(const SparseAssignmentProblem& problem);
  // Warm solve: starts from the given mentor prices (e.g. the optimal duals of a previous, similar
  // problem). With good prices almost every mentee takes its best reduced-profit mentor without
  // any search. The result is certified (certifies_optimal); if the start prices leave a mentor
  // with free places and a positive price, those prices are repaired (lowered and the affected
  // mentees re-inserted) a bounded number of times, and as a last resort the problem is solved
  // cold, so the answer is always exact. `warm_fallbacks` counts cold fallbacks.
  // With `start_match` (the solution of the same problem with fewer edges, e.g. the previous
  // pricing round's), every mentee whose matched pair is still its best at the start prices keeps
  // it, and only the others are inserted again.
  AssignmentSolution solve_warm(const SparseAssignmentProblem& problem, const std::vector<std::int64_t>& start_prices,
                                const std::vector<std::int32_t>* start_match = nullptr);
  int warm_fallbacks = 0;
  int warm_repairs = 0;
};

AssignmentSolution solve_assignment(const SparseAssignmentProblem& problem);

// Checks complementary slackness and dual feasibility on the problem's edges (for tests).
bool certifies_optimal(const SparseAssignmentProblem& problem, const AssignmentSolution& s);

}  // namespace pairwise::matching
