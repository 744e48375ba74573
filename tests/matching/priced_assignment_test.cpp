// solve_priced (core of edges + pricing + certificate on every edge) against independent answers:
// brute force on tiny problems and plain successive shortest paths on every edge, on skewed, tied,
// forbidden, capacitated and partial inputs; and the DIMACS path end to end (super source, opt-out
// arcs, infeasible instances). PAIRWISE_PROPERTY_CASES sets the number of random problems (a long
// run: PAIRWISE_PROPERTY_CASES=20000 build/native/pairwise_tests -tc='solve_priced*').
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "bench/dimacs_families.hpp"
#include "core/matching/dimacs.hpp"
#include "core/matching/priced_assignment.hpp"

using namespace pairwise::matching;

namespace {

int property_cases() {
  const char* env = std::getenv("PAIRWISE_PROPERTY_CASES");
  return env ? std::max(1, std::atoi(env)) : 400;
}

// A random dense problem of one of four shapes: uniform, popularity-skewed with noise, heavy
// ties, or sparse lists; ~10 % of pairs forbidden, capacities 0..3, some mentees without pairs.
SparseAssignmentProblem random_problem(std::mt19937& rng, int n, int m, int shape) {
  SparseAssignmentProblem P;
  P.right = m;
  for (int j = 0; j < m; ++j) P.capacity.push_back(static_cast<std::int32_t>(rng() % 4));
  std::vector<std::int64_t> popularity(static_cast<std::size_t>(m));
  for (auto& x : popularity) x = 1 + static_cast<std::int64_t>(1000.0 / (1.0 + static_cast<double>(rng() % 50)));
  std::vector<std::pair<std::int32_t, std::int64_t>> edges;
  for (int i = 0; i < n; ++i) {
    edges.clear();
    const bool lonely = rng() % 17 == 0;
    for (int j = 0; j < m && !lonely; ++j) {
      if (rng() % 10 == 0) continue;                 // forbidden
      if (shape == 3 && rng() % 4 != 0) continue;    // sparse lists
      std::int64_t s = 0;
      switch (shape) {
        case 0: s = 1 + static_cast<std::int64_t>(rng() % 1000); break;
        case 1: s = popularity[static_cast<std::size_t>(j)] + static_cast<std::int64_t>(rng() % 50); break;
        case 2: s = 100 * (1 + static_cast<std::int64_t>(rng() % 3)); break;  // three values: ties everywhere
        default: s = 10 * (1 + static_cast<std::int64_t>(rng() % 5)); break;
      }
      edges.push_back({j, s});
      if (rng() % 40 == 0) edges.push_back({j, s / 2 + 1});  // a parallel, worse edge
    }
    P.add_left(edges);
  }
  return P;
}

std::int64_t brute_force(const SparseAssignmentProblem& P) {
  std::vector<std::int32_t> cap = P.capacity;
  std::int64_t best = 0;
  std::function<void(int, std::int64_t)> rec = [&](int i, std::int64_t acc) {
    if (i == P.left) {
      best = std::max(best, acc);
      return;
    }
    rec(i + 1, acc);
    for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e) {
      auto& c = cap[static_cast<std::size_t>(P.target[e])];
      if (c <= 0) continue;
      --c;
      rec(i + 1, acc + P.profit[e]);
      ++c;
    }
  };
  rec(0, 0);
  return best;
}

// Options that force the core to be tiny, so pricing rounds (and the sample) do the work.
PricedOptions tiny(std::mt19937& rng) {
  PricedOptions o;
  o.per_mentee = 1 + static_cast<int>(rng() % 2);
  o.per_mentor_place = static_cast<int>(rng() % 2);
  o.add_per_round = 1 + static_cast<int>(rng() % 2);
  o.sample = 1 + static_cast<int>(rng() % 3);
  o.direct_below_edges_per_mentee = 0;
  return o;
}

}  // namespace

TEST_CASE("solve_priced equals brute force and a plain solve on every edge (skewed, ties, forbidden, capacities)") {
  std::mt19937 rng(1717);
  const int cases = property_cases();
  for (int c = 0; c < cases; ++c) {
    const bool small = c % 2 == 0;
    const int n = small ? 1 + static_cast<int>(rng() % 7) : 1 + static_cast<int>(rng() % 60);
    const int m = small ? 1 + static_cast<int>(rng() % 4) : 1 + static_cast<int>(rng() % 15);
    const int shape = c % 4;
    const SparseAssignmentProblem P = random_problem(rng, n, m, shape);
    const PricedOptions o = tiny(rng);
    PricedStats st;
    const AssignmentSolution s = solve_priced(P, &st, o);
    CAPTURE(c);
    CAPTURE(shape);
    REQUIRE(st.certified);
    CHECK(certifies_optimal(P, s));
    const std::int64_t plain = solve_assignment(P).total;
    CHECK(s.total == plain);
    if (small) CHECK(s.total == brute_force(P));
    CHECK(s.dual_objective() == s.total);
  }
}

TEST_CASE("solve_priced prices a dense skewed problem on a small core and certifies every edge") {
  // 600 x 200, capacity 3, popularity-skewed: before issue 17 part 3 the DIMACS path solved all
  // 108,000 edges by successive shortest paths; the core must stay a small share of them.
  std::mt19937 rng(7);
  SparseAssignmentProblem P;
  P.right = 200;
  P.capacity.assign(200, 3);
  std::vector<std::int64_t> popularity(200);
  for (int j = 0; j < 200; ++j) popularity[static_cast<std::size_t>(j)] = 1000 / (1 + j % 37);
  std::vector<std::pair<std::int32_t, std::int64_t>> edges;
  for (int i = 0; i < 600; ++i) {
    edges.clear();
    for (int j = 0; j < 200; ++j)
      if (rng() % 10 != 0) edges.push_back({j, popularity[static_cast<std::size_t>(j)] + static_cast<std::int64_t>(rng() % 200)});
    P.add_left(edges);
  }
  PricedStats st;
  const AssignmentSolution s = solve_priced(P, &st);
  CHECK(st.certified);
  CHECK_FALSE(st.direct);
  CHECK(st.core_edges * 5 < st.total_edges);
  CHECK(s.total == solve_assignment(P).total);
}

TEST_CASE("a mentor without places does not break the certificate") {
  SparseAssignmentProblem P;
  P.right = 2;
  P.capacity = {0, 1};
  P.add_left({{0, 500}, {1, 10}});
  P.add_left({{0, 400}});
  PricedOptions o;
  o.direct_below_edges_per_mentee = 0;
  PricedStats st;
  const AssignmentSolution s = solve_priced(P, &st, o);
  CHECK(st.certified);
  CHECK(s.total == 10);
  CHECK(s.match[0] == 1);
  CHECK(s.match[1] == -1);
}

namespace {
std::string temp_file(const std::string& name) {
  // One file per test run: test suites of two checkouts may run on the same machine at once.
  static const std::string run = std::to_string(std::random_device{}()) + std::to_string(std::random_device{}());
  return (std::filesystem::temp_directory_path() / ("pairwise-priced-" + run + "-" + name)).string();
}
}  // namespace

TEST_CASE("DIMACS families through solve_dimacs_file equal brute force over the written costs") {
  // Small instances of the benchmark's writer (super source, must-match or opt-out arcs), with a
  // tiny core; the brute force reads the same costs straight from the generator.
  std::mt19937 rng(23);
  const int cases = std::max(20, property_cases() / 10);
  for (int c = 0; c < cases; ++c) {
    const int n = 1 + static_cast<int>(rng() % 6);
    const int m = 1 + static_cast<int>(rng() % 4);
    const int cap = 1 + static_cast<int>(rng() % 2);
    const bool opt_out = c % 2 == 0;
    std::vector<std::vector<long long>> cost(static_cast<std::size_t>(n), std::vector<long long>(static_cast<std::size_t>(m), 1));
    const int ties = static_cast<int>(rng() % 2);
    const std::string path = temp_file("family.min");
    pairwise::bench::write_super_source_dimacs(path, "test", n, m, cap, opt_out, [&](int i, int j, long long& k) {
      if (rng() % 5 == 0) return false;
      k = ties ? -100 * static_cast<long long>(rng() % 3) : -static_cast<long long>(rng() % 1000) + (rng() % 4 == 0 ? 300 : 0);
      cost[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = k;
      return true;
    });
    // Brute force: each mentee to an allowed mentor or (opt_out) to the sink at cost 0.
    std::vector<int> left(static_cast<std::size_t>(m), cap);
    long long best = std::numeric_limits<long long>::max();
    std::function<void(int, long long)> rec = [&](int i, long long acc) {
      if (i == n) {
        best = std::min(best, acc);
        return;
      }
      if (opt_out) rec(i + 1, acc);
      for (int j = 0; j < m; ++j) {
        const long long k = cost[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        if (k == 1 || left[static_cast<std::size_t>(j)] == 0) continue;
        --left[static_cast<std::size_t>(j)];
        rec(i + 1, acc + k);
        ++left[static_cast<std::size_t>(j)];
      }
    };
    rec(0, 0);
    PricedOptions o = tiny(rng);
    const DimacsResult r = solve_dimacs_file(path, o);
    CAPTURE(c);
    if (best == std::numeric_limits<long long>::max()) {
      CHECK_FALSE(r.ok);
      CHECK(r.error.find("infeasible") != std::string::npos);
    } else {
      REQUIRE_MESSAGE(r.ok, r.error);
      CHECK(r.certified);
      CHECK(r.min_cost == best);
    }
    std::filesystem::remove(path);
  }
}

TEST_CASE("DIMACS: more mentees than places and no way to stay unmatched is infeasible, said so") {
  const std::string path = temp_file("infeasible.min");
  {
    std::ofstream f(path);
    f << "c three mentees must be matched, one mentor with two places\n"
         "p min 6 7\nn 1 3\nn 6 -3\n"
         "a 1 2 0 1 0\na 1 3 0 1 0\na 1 4 0 1 0\n"
         "a 2 5 0 1 -5\na 3 5 0 1 -6\na 4 5 0 1 -7\n"
         "a 5 6 0 2 0\n";
  }
  const DimacsResult r = solve_dimacs_file(path);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("infeasible") != std::string::npos);
  std::filesystem::remove(path);
}
