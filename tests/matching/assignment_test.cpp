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
