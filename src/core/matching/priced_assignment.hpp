// Exact capacitated assignment on a large explicit edge set (a dense cost matrix read from DIMACS,
// or any SparseAssignmentProblem with many edges per mentee), solved on a small core of edges and
// certified on all of them.
//
// Why: successive shortest paths on the whole edge set scans every edge of every mentee it
// reaches, so on 5,000 x 2,000 dense instances whose costs are dominated by noise it spends seconds
// in Dijkstra. The optimum uses only a few edges per mentee, and which ones is told by the duals:
//   1. core = each mentee's best `per_mentee` edges by profit - price and each mentor's best
//      `per_mentor_place` x capacity mentees by profit (the prices start at those of a solved
//      sample of the mentees, so popular mentors are already expensive: skewed costs do not put
//      every mentee's list on the same few mentors);
//   2. solve the core exactly (AssignmentSolver, warm from the last prices);
//   3. pricing: every edge outside the core with profit > u_i + p_j (reduced cost < 0) is a
//      violation; each mentee's best `add_per_round` violations join the core; back to 2;
//   4. no violation left: the core optimum's duals are feasible for every edge, so it is optimal
//      for the whole problem. certifies_optimal(P, solution) then checks that on all edges,
//      independently of the pricing code, and only then is `certified` set.
#pragma once

#include <cstdint>

#include "core/matching/assignment.hpp"

namespace pairwise::matching {

struct PricedOptions {
  int per_mentee = 4;        // best edges per mentee by reduced profit in the first core
  int per_mentor_place = 2;  // best mentees per mentor place in the first core
  int add_per_round = 16;    // violations per mentee added by the first pricing round; doubles
                             // each round (ties can leave many equally good pairs to bring in)
  int max_add_per_round = 128;
  int max_rounds = 500;      // then the whole edge set is solved directly (still exact)
  int sample = 0;            // price estimate from every k-th mentee (0 = automatic, 1 = none)
  // Below this many edges per mentee the whole problem is solved directly (no core).
  int direct_below_edges_per_mentee = 24;
};

struct PricedStats {
  int rounds = 0;              // core solves
  long long core_edges = 0;    // edges in the final core
  long long total_edges = 0;
  long long violations = 0;    // edges added by pricing
  double sample_ms = 0, core_ms = 0, solve_ms = 0, pricing_ms = 0, certify_ms = 0;
  bool direct = false;         // solved on all edges (small or too many rounds)
  bool certified = false;      // certifies_optimal on every edge of the problem
};

AssignmentSolution solve_priced(const SparseAssignmentProblem& problem, PricedStats* stats = nullptr,
                                const PricedOptions& options = {});

}  // namespace pairwise::matching
