#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "core/matching/assignment.hpp"

using namespace pairwise::matching;

namespace {
std::int64_t brute_force(const SparseAssignmentProblem& P) {
  std::vector<std::int32_t> load(static_cast<std::size_t>(P.right), 0);
  std::int64_t best = 0;
  std::function<void(int, std::int64_t)> rec = [&](int i, std::int64_t acc) {
    if (i == P.left) {
      best = std::max(best, acc);
      return;
    }
    rec(i + 1, acc);
    for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e) {
      const auto j = static_cast<std::size_t>(P.target[e]);
      if (load[j] >= P.capacity[j]) continue;
      ++load[j];
      rec(i + 1, acc + P.profit[e]);
      --load[j];
    }
  };
  rec(0, 0);
  return best;
}
}  // namespace

TEST_CASE("sparse assignment equals brute force on small random instances") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 600; ++round) {
    SparseAssignmentProblem P;
    const int n = 1 + static_cast<int>(rng() % 7);
    const int m = 1 + static_cast<int>(rng() % 4);
    P.right = m;
    for (int j = 0; j < m; ++j) P.capacity.push_back(static_cast<std::int32_t>(rng() % 3));
    const int maxp = round % 3 == 0 ? 3 : 50;  // many ties in some rounds
    for (int i = 0; i < n; ++i) {
      std::vector<std::pair<std::int32_t, std::int64_t>> edges;
      for (int j = 0; j < m; ++j)
        if (rng() % 3 != 0) edges.push_back({j, 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(maxp))});
      P.add_left(edges);
    }
    const auto s = solve_assignment(P);
    CHECK(s.total == brute_force(P));
    CHECK(certifies_optimal(P, s));
  }
}

TEST_CASE("warm-started sparse assignment (any start prices) equals brute force without falling back") {
  std::mt19937 rng(777);
  AssignmentSolver solver;
  for (int round = 0; round < 800; ++round) {
    SparseAssignmentProblem P;
    const int n = 1 + static_cast<int>(rng() % 7);
    const int m = 1 + static_cast<int>(rng() % 4);
    P.right = m;
    for (int j = 0; j < m; ++j) P.capacity.push_back(static_cast<std::int32_t>(rng() % 3));
    const int maxp = round % 3 == 0 ? 3 : 50;
    for (int i = 0; i < n; ++i) {
      std::vector<std::pair<std::int32_t, std::int64_t>> edges;
      for (int j = 0; j < m; ++j)
        if (rng() % 3 != 0) edges.push_back({j, 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(maxp))});
      P.add_left(edges);
    }
    std::vector<std::int64_t> start(static_cast<std::size_t>(m));
    for (auto& p : start) p = static_cast<std::int64_t>(rng() % static_cast<unsigned>(maxp + 10));
    const int before = solver.warm_fallbacks;
    const auto s = solver.solve_warm(P, start);
    CHECK(s.total == brute_force(P));
    CHECK(certifies_optimal(P, s));
    CHECK(solver.warm_fallbacks == before);
  }
}

TEST_CASE("re-solving with the previous matching after edges are added equals brute force without falling back") {
  // The matcher's rounds: a core is solved, pricing adds edges, the bigger problem is solved warm
  // from the last prices AND the last matching (kept where it is still best).
  std::mt19937 rng(4242);
  AssignmentSolver solver;
  for (int round = 0; round < 800; ++round) {
    const int n = 1 + static_cast<int>(rng() % 7);
    const int m = 1 + static_cast<int>(rng() % 4);
    const int maxp = round % 3 == 0 ? 3 : 50;  // many ties in some rounds
    std::vector<std::int32_t> capacity;
    for (int j = 0; j < m; ++j) capacity.push_back(static_cast<std::int32_t>(rng() % 3));
    std::vector<std::vector<std::pair<std::int32_t, std::int64_t>>> all(static_cast<std::size_t>(n)), core(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < m; ++j) {
        if (rng() % 4 == 0) continue;
        all[static_cast<std::size_t>(i)].push_back({j, 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(maxp))});
        if (rng() % 2 == 0) core[static_cast<std::size_t>(i)].push_back(all[static_cast<std::size_t>(i)].back());
      }
    SparseAssignmentProblem small, big;
    small.right = big.right = m;
    small.capacity = big.capacity = capacity;
    for (int i = 0; i < n; ++i) {
      small.add_left(core[static_cast<std::size_t>(i)]);
      big.add_left(all[static_cast<std::size_t>(i)]);
    }
    const auto first = solve_assignment(small);
    REQUIRE(certifies_optimal(small, first));
    const int before = solver.warm_fallbacks;
    const auto s = solver.solve_warm(big, first.price, &first.match);
    CHECK(s.total == brute_force(big));
    CHECK(certifies_optimal(big, s));
    CHECK(solver.warm_fallbacks == before);
  }
}

TEST_CASE("a warm re-solve keeps the previous matching where it is still best: no search, no repair") {
  // Ties everywhere: four mentees, two mentors of two places, every pair worth 10. Re-inserting
  // every mentee from the prices alone pairs them in index order ({0, 0, 1, 1}: all four move;
  // in a big cohort such moves leave places free at a positive price, each needing a repair
  // search). With the previous matching, which is still optimal, nothing moves.
  SparseAssignmentProblem P;
  P.right = 2;
  P.capacity = {2, 2};
  for (int i = 0; i < 4; ++i) P.add_left({{0, 10}, {1, 10}});
  AssignmentSolution previous;
  previous.match = {1, 0, 1, 0};  // not what a greedy insertion in index order gives
  const std::vector<std::int64_t> prices = {4, 4};
  AssignmentSolver solver;
  const auto s = solver.solve_warm(P, prices, &previous.match);
  CHECK(s.match == previous.match);
  CHECK(s.settled_mentors == 0);
  CHECK(solver.warm_repairs == 0);
  CHECK(solver.warm_fallbacks == 0);
  CHECK(certifies_optimal(P, s));
  CHECK(s.total == 40);
  CHECK(s.price == prices);
}

TEST_CASE("a place freed by mentees that move is cheapened before they are inserted, so it needs no repair search") {
  // Mentor A (one place) is fought over by two mentees in the last round's problem, so its place
  // is worth 9. This round both find something much better (C and D). Nobody staying wants A at
  // any price above 0; before, A was left free at 9 and repaired by a reverse search.
  SparseAssignmentProblem core, all;
  core.right = all.right = 3;  // A, C, D
  core.capacity = all.capacity = {1, 1, 1};
  core.add_left({{0, 10}});
  core.add_left({{0, 9}});
  all.add_left({{0, 10}, {1, 20}});
  all.add_left({{0, 9}, {2, 30}});
  const auto last = solve_assignment(core);
  REQUIRE(last.price[0] == 9);
  AssignmentSolver solver;
  const auto s = solver.solve_warm(all, last.price, &last.match);
  CHECK(s.total == 50);
  CHECK(certifies_optimal(all, s));
  CHECK(s.price[0] == 0);
  CHECK(solver.warm_repairs == 0);
  CHECK(solver.warm_fallbacks == 0);
}
