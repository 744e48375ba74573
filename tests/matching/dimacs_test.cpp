// The DIMACS reader accepts every usual encoding of a capacitated assignment (per-mentee supplies
// or a super source; mentors into a sink or mentors with demands; arcs in any order; comments
// anywhere) and refuses anything else with the line at fault. Each encoding is checked against a
// brute-force optimum, so agreement between encodings cannot hide a shared mistake.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench/cohort.hpp"
#include "core/matching/dimacs.hpp"
#include "core/matching/matcher.hpp"

using namespace pairwise::matching;

namespace {

// One file per test run: test suites of two checkouts may run on the same machine at once.
std::string temp_path(const std::string& name) {
  static const std::string run = std::to_string(std::random_device{}()) + std::to_string(std::random_device{}());
  return "/tmp/pairwise-" + run + "-" + name;
}

DimacsResult solve_text(const std::string& text) {
  const std::string path = temp_path("dimacs-encoding.min");
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  DimacsResult result = solve_dimacs_file(path);
  std::remove(path.c_str());
  return result;
}

// A small capacitated assignment: cost[i][j] < 0 is a pair's cost (minus its score), kForbidden
// leaves the pair out. optional: a mentee may stay unmatched at cost 0.
constexpr long long kForbidden = 1'000'000;
struct Instance {
  std::vector<std::vector<long long>> cost;  // mentees x mentors
  std::vector<int> capacity;
  bool optional = true;
  int mentees() const { return static_cast<int>(cost.size()); }
  int mentors() const { return static_cast<int>(capacity.size()); }
};

Instance random_instance(std::mt19937& rng, bool optional) {
  Instance in;
  const int n = 2 + static_cast<int>(rng() % 4), m = 1 + static_cast<int>(rng() % 3);
  in.optional = optional;
  for (int j = 0; j < m; ++j) in.capacity.push_back(1 + static_cast<int>(rng() % 2));
  if (!optional) {
    // Every mentee must be matched: enough places, and every pair allowed, so it is feasible.
    while ([&] {
      int total = 0;
      for (int c : in.capacity) total += c;
      return total < n;
    }())
      ++in.capacity[rng() % static_cast<unsigned>(m)];
  }
  in.cost.assign(static_cast<std::size_t>(n), std::vector<long long>(static_cast<std::size_t>(m)));
  for (auto& row : in.cost)
    for (auto& c : row) c = (optional && rng() % 5 == 0) ? kForbidden : -static_cast<long long>(rng() % 50);
  return in;
}

// The exact optimum by trying every assignment.
long long brute_force_min_cost(const Instance& in) {
  const int n = in.mentees(), m = in.mentors();
  std::vector<int> choice(static_cast<std::size_t>(n), in.optional ? -1 : 0);
  long long best = kForbidden * 100;
  while (true) {
    std::vector<int> load(static_cast<std::size_t>(m), 0);
    long long cost = 0;
    bool ok = true;
    for (int i = 0; i < n && ok; ++i) {
      const int j = choice[static_cast<std::size_t>(i)];
      if (j < 0) continue;
      const long long c = in.cost[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
      if (c == kForbidden || ++load[static_cast<std::size_t>(j)] > in.capacity[static_cast<std::size_t>(j)]) ok = false;
      cost += c;
    }
    if (ok) best = std::min(best, cost);
    int k = 0;
    while (k < n && ++choice[static_cast<std::size_t>(k)] == m) choice[static_cast<std::size_t>(k++)] = in.optional ? -1 : 0;
    if (k == n) break;
  }
  return best;
}

enum class Encoding {
  per_mentee_supplies,  // mentees supply 1, mentors -> sink with capacities, sink demand n
  super_source,         // source supply n with unit arcs to each mentee, mentors -> sink
  mentor_demands,       // mentees supply 1, mentors with negative supplies (their capacities)
};

// The instance as DIMACS text: header and supplies, then the arcs (in the given order of lines).
std::string encode(const Instance& in, Encoding e, bool shuffle_arcs, bool comments_between_arcs, std::mt19937& rng) {
  const int n = in.mentees(), m = in.mentors();
  std::vector<std::string> arcs;
  const auto arc = [&](int from, int to, long long cap, long long cost) {
    arcs.push_back("a " + std::to_string(from) + " " + std::to_string(to) + " 0 " + std::to_string(cap) + " " +
                   std::to_string(cost) + "\n");
  };
  std::string head = "c a capacitated assignment\n";
  // Node numbers: with a super source it is node 1 and the mentees follow; the sink is last.
  const int first_mentee = e == Encoding::super_source ? 2 : 1;
  const int first_mentor = first_mentee + n;
  int nodes = first_mentor + m;
  int sink = 0;
  if (e != Encoding::mentor_demands) sink = nodes++;
  // With mentor demands there is no sink: a mentee who stays unmatched goes to an extra "nobody"
  // node whose demand is n, which is how such files say that a mentee may be left out.
  int nobody = 0;
  if (e == Encoding::mentor_demands && in.optional) nobody = nodes++;
  nodes -= 1;
  long long arc_count = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) {
      const long long c = in.cost[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
      if (c != kForbidden) arc(first_mentee + i, first_mentor + j, 1, c);
    }
    if (in.optional) arc(first_mentee + i, e == Encoding::mentor_demands ? nobody : sink, 1, 0);
    if (e == Encoding::super_source) arc(1, first_mentee + i, 1, 0);
  }
  if (e != Encoding::mentor_demands)
    for (int j = 0; j < m; ++j) arc(first_mentor + j, sink, in.capacity[static_cast<std::size_t>(j)], 0);
  arc_count = static_cast<long long>(arcs.size());
  head += "p min " + std::to_string(nodes) + " " + std::to_string(arc_count) + "\n";
  if (e == Encoding::super_source) {
    head += "n 1 " + std::to_string(n) + "\n";
  } else {
    for (int i = 0; i < n; ++i) head += "n " + std::to_string(first_mentee + i) + " 1\n";
  }
  if (e == Encoding::mentor_demands) {
    for (int j = 0; j < m; ++j)
      head += "n " + std::to_string(first_mentor + j) + " -" + std::to_string(in.capacity[static_cast<std::size_t>(j)]) + "\n";
    if (nobody) head += "n " + std::to_string(nobody) + " -" + std::to_string(n) + "\n";
  } else {
    head += "n " + std::to_string(sink) + " -" + std::to_string(n) + "\n";
  }
  if (shuffle_arcs) std::shuffle(arcs.begin(), arcs.end(), rng);
  std::string text = head;
  for (const auto& a : arcs) {
    text += a;
    if (comments_between_arcs) text += "c between arcs\n";
  }
  return text;
}

}  // namespace

TEST_CASE("DIMACS: a super-source file (supply N, unit arcs to each mentee) is read") {
  // The shape of the file: node 1 supplies 3 and sends one unit to each of the mentees
  // 2-4; mentors 5-6 send to the super sink 7 (capacities 2 and 1). Every mentee must be matched.
  // Optimum: mentee 2 -> 5 (-9), mentee 3 -> 6 (-8), mentee 4 -> 5 (-4) = -21.
  const DimacsResult r = solve_text(
      "c super source 1, mentees 2-4, mentors 5-6, super sink 7\n"
      "p min 7 11\n"
      "n 1 3\n"
      "n 7 -3\n"
      "a 1 2 0 1 0\na 1 3 0 1 0\na 1 4 0 1 0\n"
      "a 2 5 0 1 -9\na 2 6 0 1 -7\n"
      "a 3 5 0 1 -8\na 3 6 0 1 -8\n"
      "a 4 5 0 1 -4\n"
      "a 5 7 0 2 0\na 6 7 0 1 0\n"
      "a 4 6 0 1 -1\n");
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.min_cost == -21);
  CHECK(r.matched == 3);
}

TEST_CASE("DIMACS: every encoding of the same instance gives the brute-force optimal total") {
  std::mt19937 rng(17);
  for (int round = 0; round < 60; ++round) {
    const Instance in = random_instance(rng, round % 3 != 0);
    const long long expected = brute_force_min_cost(in);
    for (Encoding e : {Encoding::per_mentee_supplies, Encoding::super_source, Encoding::mentor_demands}) {
      // The balanced case of mentor demands (no "nobody" node) needs every place filled; only
      // the optional form is written that way, with a "nobody" node taking the unmatched.
      if (e == Encoding::mentor_demands && !in.optional) continue;
      const std::string text = encode(in, e, false, false, rng);
      const DimacsResult r = solve_text(text);
      INFO("round ", round, " encoding ", static_cast<int>(e), "\n", text, r.error);
      REQUIRE(r.ok);
      CHECK(r.min_cost == expected);
    }
  }
}

TEST_CASE("DIMACS: mentors with demands that add up to the mentees' supplies (balanced transportation)") {
  // Mentees 1-3 supply 1 each; mentors 4 and 5 demand 2 and 1: every place is filled.
  // Optimum: 3 -> 5 (-3), 1 -> 4 (-5), 2 -> 4 (-5) = -13 (giving mentor 5 to mentee 1 instead: -12).
  const DimacsResult r = solve_text(
      "p min 5 6\nn 1 1\nn 2 1\nn 3 1\nn 4 -2\nn 5 -1\n"
      "a 1 4 0 1 -5\na 1 5 0 1 -6\na 2 4 0 1 -5\na 2 5 0 1 -1\na 3 4 0 1 -1\na 3 5 0 1 -3\n");
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.min_cost == -13);
}

TEST_CASE("DIMACS: arcs in any order and comment lines anywhere give the same optimum") {
  std::mt19937 rng(23);
  for (int round = 0; round < 30; ++round) {
    const Instance in = random_instance(rng, round % 2 == 0);
    const long long expected = brute_force_min_cost(in);
    for (Encoding e : {Encoding::per_mentee_supplies, Encoding::super_source}) {
      const std::string text = encode(in, e, true, round % 3 != 0, rng);
      const DimacsResult r = solve_text(text);
      INFO("round ", round, "\n", text, r.error);
      REQUIRE(r.ok);
      CHECK(r.min_cost == expected);
    }
  }
}

TEST_CASE("DIMACS: refused inputs name the line and what is wrong") {
  struct Case {
    const char* what;
    std::string text;
    std::string expected;  // part of the message
  };
  const std::vector<Case> cases = {
      {"a supply of 2 on a mentee (per-mentee form)",
       "p min 4 4\nn 1 1\nn 2 2\nn 4 -3\na 1 3 0 1 -1\na 2 3 0 1 -1\na 3 4 0 2 0\na 1 4 0 1 0\n", "line 3: "},
      {"an arc from the sink",
       "c mentees 1-2, mentor 3, sink 4\np min 4 4\nn 1 1\nn 2 1\nn 4 -2\na 1 3 0 1 -1\na 2 3 0 1 -1\na 3 4 0 2 0\n"
       "a 4 3 0 1 0\n",
       "line 9: "},
      {"a malformed arc line", "p min 3 2\nn 1 1\nn 3 -1\na 1 2 0 1 -4\na 2 3 0 x 0\n", "line 5: "},
      {"an unknown line type", "p min 3 2\nn 1 1\nn 3 -1\nx 1 2\na 1 2 0 1 -4\na 2 3 0 1 0\n", "line 4: "},
      {"text after an arc", "p min 3 2\nn 1 1\nn 3 -1\na 1 2 0 1 -4 7\na 2 3 0 1 0\n", "line 4: "},
      {"a node out of range", "p min 3 2\nn 1 1\nn 3 -1\na 1 2 0 1 -4\na 2 9 0 1 0\n", "line 5: "},
      {"a lower bound", "p min 3 2\nn 1 1\nn 3 -1\na 1 2 1 1 -4\na 2 3 0 1 0\n", "line 4: "},
      {"an arc before the problem line", "c x\na 1 2 0 1 -4\np min 3 2\n", "line 2: "},
      {"a second problem line", "p min 3 2\nn 1 1\np min 3 2\n", "line 3: "},
      {"a unit arc from the source of capacity 2",
       "p min 5 5\nn 1 2\nn 5 -2\na 1 2 0 2 0\na 1 3 0 1 0\na 2 4 0 1 -1\na 3 4 0 1 -1\na 4 5 0 2 0\n", "line 4: "},
      {"an arc from a mentor back to a mentee",
       "p min 4 4\nn 1 1\nn 2 1\nn 4 -2\na 1 3 0 1 -1\na 2 3 0 1 -1\na 3 4 0 2 0\na 3 1 0 1 0\n", "line 8: "},
      {"a sink that cannot take every unit (its demand made up elsewhere)",
       "p min 5 4\nn 1 1\nn 2 1\nn 4 -1\nn 5 -3\na 1 3 0 1 -1\na 2 3 0 1 -1\na 3 4 0 2 0\na 1 4 0 1 0\n", "line 4: "},
      {"the arc count of the problem line", "p min 3 3\nn 1 1\nn 3 -1\na 1 2 0 1 -4\na 2 3 0 1 0\n", "line 1: "},
  };
  for (const Case& c : cases) {
    const DimacsResult r = solve_text(c.text);
    INFO(c.what, "\n", c.text, "\nmessage: ", r.error);
    CHECK_FALSE(r.ok);
    CHECK(r.error.find(c.expected) != std::string::npos);
  }
}

TEST_CASE("DIMACS: files larger than a read block (lines across block ends, a line longer than a block)") {
  // The reader takes the file in blocks of a few MiB: lines cut by a block end, a comment longer
  // than a block and a last line without '\n' must read as in a small file, with the same
  // line numbers in messages.
  std::mt19937 rng(31);
  const Instance in = random_instance(rng, true);
  const long long expected = brute_force_min_cost(in);
  const std::string text = encode(in, Encoding::super_source, true, false, rng);
  const auto first_arc = text.find("\na ") + 1;
  std::string padding;
  for (int k = 0; k < 300000; ++k) padding += "c padding line " + std::to_string(k) + "\n";  // ~7 MB
  padding += "c " + std::string(9u << 20, 'x') + "\n";                                        // 9 MiB, one line
  std::string big = text.substr(0, first_arc) + padding + text.substr(first_arc);
  big.pop_back();  // no '\n' after the last arc
  const DimacsResult r = solve_text(big);
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.min_cost == expected);
  // A refusal found after reading (an arc leaving the sink, added last) names its line.
  const auto lines_before = static_cast<long long>(std::count(big.begin(), big.end(), '\n'));
  const int sink = in.mentees() + in.mentors() + 2;
  std::string refused = big + "\na " + std::to_string(sink) + " 2 0 1 0\n";
  const auto problem = refused.find("p min ");
  const auto problem_end = refused.find('\n', problem);
  long long nodes = 0, arc_count = 0;
  REQUIRE(std::sscanf(refused.substr(problem, problem_end - problem).c_str(), "p min %lld %lld", &nodes, &arc_count) == 2);
  refused.replace(problem, problem_end - problem, "p min " + std::to_string(nodes) + " " + std::to_string(arc_count + 1));
  const DimacsResult bad = solve_text(refused);
  INFO(bad.error);
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("line " + std::to_string(lines_before + 2) + ": an arc leaves the sink") != std::string::npos);
}

TEST_CASE("DIMACS: the matcher's own instance (locks, forbids, current load) solves to its total score") {
  // What `pairwise match --write-dimacs` writes: solved by the DIMACS path (another solver than
  // the matcher's), locked score - min cost must be the matcher's certified total score.
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    MatchingInput in = pairwise::bench::make_cohort(60, 25, 2, seed);
    std::mt19937 rng(static_cast<unsigned>(seed));
    for (int k = 0; k < 4; ++k)
      in.locked.push_back({in.mentees[rng() % in.mentees.size()].id, in.mentors[rng() % in.mentors.size()].id});
    for (int k = 0; k < 40; ++k)
      in.forbidden.push_back({in.mentees[rng() % in.mentees.size()].id, in.mentors[rng() % in.mentors.size()].id});
    in.mentors[0].current_load = 1;
    in.mentors[1].current_load = in.mentors[1].capacity;  // no free place left
    Matcher matcher(in);
    const MatchResult& r = matcher.run();
    REQUIRE(r.proven_optimal);
    const MatcherInstance instance = matcher_instance_dimacs(matcher);
    CHECK(instance.locked_pairs > 0);
    CHECK(instance.mentees == static_cast<int>(in.mentees.size()) - instance.locked_pairs);
    const DimacsResult d = solve_text(instance.text);
    INFO(d.error);
    REQUIRE(d.ok);
    CHECK(instance.locked_score - d.min_cost == r.total_score);
  }
}

TEST_CASE("the instance with the cohort goal (--write-dimacs --with-goal): its optimum is the matcher's objective") {
  // Small Cochrane KT cohorts (spread goal on, bonus per region), some regions unknown or with one
  // mentee, a locked pair covering a region, scarce places: solved from the written file by the
  // DIMACS path, the optimum must be the matcher's total score + cohort bonus.
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    MatchingInput in = pairwise::bench::make_cochrane_cohort(40 + static_cast<int>(seed) * 5, 8 + static_cast<int>(seed % 4), 1 + static_cast<int>(seed % 3), seed);
    REQUIRE(in.goal.kind != CohortGoal::Kind::None);
    for (std::size_t i = 0; i < in.mentees.size(); ++i)
      if (i % 9 == 0) in.mentees[i].region = static_cast<std::uint16_t>(i % 2 ? 0 : 40 + i);  // unknown, or alone in its region
    if (seed % 2) in.locked.push_back({in.mentees[1].id, in.mentors[0].id});
    in.goal.bonus = seed % 3 == 0 ? 900 : 200;
    Matcher matcher(in);
    const MatchResult& r = matcher.run();
    REQUIRE(r.proven_optimal);
    const GoalInstance goal = matcher_goal_instance_dimacs(matcher);
    const DimacsResult solved = solve_text(goal.instance.text);
    CAPTURE(seed);
    REQUIRE_MESSAGE(solved.ok, solved.error);
    CHECK(solved.certified);
    CHECK(goal.score_offset - solved.min_cost == r.total_score + r.cohort_bonus);
  }
}
