// The matching engine: exact maximum-total-score assignment of mentees to mentors, with
// explanations, coordinator locks/forbids and fast re-runs.
//
// Method: scores are computed on the fly from compact profiles (Scorer, RowScorer). Mentor prices
// are first estimated on a sample of the mentees (a small sparse solve). A dense pass then keeps,
// for each mentee, its best `mentee_candidates` + `reserve_candidates` mentors by reduced profit
// s_ij - q_j against those prices q (and a bound on every pair left out), and for each mentor its
// best `mentor_candidates_per_place` * capacity mentees. The sparse problem is solved exactly
// (AssignmentSolver) and the dual certificate u_i + p_j >= s_ij is checked for ALL allowed pairs:
// a pair left out has s_ij - p_j <= bound_i + (q_j - p_j), so only mentors whose price fell by
// more than u_i - bound_i need scoring. Violating pairs are added and the sparse problem re-solved
// until none remains. Then the result is optimal for the full dense instance.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/matching/assignment.hpp"
#include "core/matching/profile.hpp"
#include "core/matching/row_scorer.hpp"
#include "core/matching/scoring.hpp"

namespace pairwise::matching {

struct MatchOptions {
  int mentee_candidates = 5;            // best mentors per mentee in the first sparse problem
  int reserve_candidates = 60;          // next best, priced cheaply; a large reserve makes the
                                        // dense certificate pass skip almost every mentee, but
                                        // under ties (Cochrane KT) it floods the sparse problem
  int mentor_candidates_per_place = 10; // best mentees per mentor place
  int max_new_edges_per_mentee = 16;    // per dense pricing round
  int near_tight_per_mentee = 0;        // (unused since price-aware candidate lists)
  std::int64_t near_tight_margin = 0;   // (unused)
  int max_rounds = 100;
  bool warm_start = true;  // sparse re-solves (and re-runs) start from the previous prices
  bool explain = true;  // compute unmatched reasons and breakdowns
  int presolve_sample = 0;  // price estimate from every k-th mentee (0 = automatic, 1 = none)
  int presolve_rounds = 1;  // sparse solves of the sample (0 = until proven optimal)
  long long presolve_prove_pairs = 16000000;  // a sample of at most this many pairs is solved until
                                              // proven optimal (its prices are then exact for it)
  double rescan_fraction = 0.25;  // certificate: a mentee that would score more than this share of
                                  // the mentors is re-listed against the current prices instead
};

struct ProposedPair {
  int mentee = -1;  // index into MatchingInput::mentees
  int mentor = -1;  // index into MatchingInput::mentors
  std::int64_t score = 0;
  ScoreBreakdown breakdown;
  bool locked = false;  // fixed by the coordinator
};

enum class UnmatchedReason : std::uint8_t {
  NoAllowedMentor,    // hard rules, conflicts, forbids or zero capacity exclude every mentor
  BelowMinimumScore,  // some mentors pass the hard rules but all score below the minimum
  AllowedMentorsFull, // every allowed mentor is full with mentees whose placement scores more
};
std::string_view unmatched_reason_name(UnmatchedReason r);

struct UnmatchedMentee {
  int mentee = -1;
  UnmatchedReason reason = UnmatchedReason::NoAllowedMentor;
  int best_mentor = -1;             // AllowedMentorsFull: the best-scoring allowed mentor
  std::int64_t best_score = 0;      // its score with this mentee
  std::int64_t best_mentor_price = 0;  // what one place of that mentor is worth to the cohort
  std::string text;
};

struct MatchStats {
  double scoring_ms = 0;   // dense candidate pass
  double solve_ms = 0;     // all sparse solves
  double pricing_ms = 0;   // all pricing passes
  double explain_ms = 0;
  double total_ms = 0;
  int pricing_rounds = 0;  // dense pricing passes (the last one finds nothing)
  int sparse_solves = 0;
  long long priced_pairs = 0;  // pairs scored in dense pricing passes (after pruning)
  long long sparse_edges = 0;
  long long added_edges = 0;
  long long dijkstra_pops = 0;
  long long priced_mentees = 0;  // mentees scanned by dense passes (u_i < bound_i)
  int warm_fallbacks = 0;        // warm solves that had to be redone cold
  int warm_repairs = 0;          // price repairs inside warm solves
  double presolve_ms = 0;        // price estimate on a sample of mentees (part of scoring_ms)
  long long scored_pairs = 0;    // every pair scored (presolve, candidate pass, certificate)
  long long final_check_pairs = 0;  // pairs the last dense pricing pass scored (the one finding none)
  long long relisted_mentees = 0;  // certificate: mentees re-listed against the current prices
};

struct MatchResult {
  std::vector<ProposedPair> pairs;  // locked pairs first, then by mentee index
  std::vector<UnmatchedMentee> unmatched;
  std::int64_t total_score = 0;     // including locked pairs
  std::int64_t optimised_score = 0; // excluding locked pairs (what the solver maximised)
  std::int64_t cohort_bonus = 0;    // cohort goal: bonus * number of covered groups (0 without a goal)
  std::vector<std::int64_t> mentee_dual;   // u_i (0 for locked mentees)
  std::vector<std::int64_t> mentor_price;  // p_j
  std::vector<int> mentor_of;  // per mentee: mentor index or -1
  bool proven_optimal = false; // the dual certificate holds for every allowed pair
  MatchStats stats;
};

class Matcher {
 public:
  explicit Matcher(MatchingInput input, MatchOptions options = {});
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Solve (first run) or re-solve after changes, reusing candidate lists and duals.
  const MatchResult& run();
  const MatchResult& result() const { return result_; }

  // Coordinator edits; return false if an id is unknown.
  bool lock(const std::string& mentee_id, const std::string& mentor_id);
  bool unlock(const std::string& mentee_id);
  bool forbid(const std::string& mentee_id, const std::string& mentor_id);
  bool allow(const std::string& mentee_id, const std::string& mentor_id);
  void set_criteria(const MatchingCriteria& criteria);

  const MatchingInput& input() const { return input_; }
  const Scorer& scorer() const { return *scorer_; }
  // What run() assigns: each mentor's free places (capacity - current load - pairs locked to it,
  // at least 0) and, per mentee, the mentor the coordinator locked it to (-1 if none). Together
  // with scorer() they are the whole instance run() solves before any cohort goal (see
  // matcher_instance_dimacs, which writes it for other solvers).
  std::vector<std::int32_t> free_places() const;
  int locked_mentor(int mentee) const { return locked_mentor_[static_cast<std::size_t>(mentee)]; }
  // Cohort goal as a capacitated assignment (see run()): per free mentee the profit shift (the
  // bonus, for mentees of a group that can still earn it) and its group's "not matched" mentor
  // (index after the real mentors, -1 if none), with the places of each such mentor.
  struct GoalShape {
    std::vector<std::int64_t> shift;
    std::vector<std::int32_t> null_of;
    std::vector<std::int32_t> null_places;
  };
  GoalShape goal_shape(const std::vector<std::int32_t>& cap) const;

 private:
  void rebuild_scorer();
  void generate_candidates(const std::vector<std::int32_t>& cap, MatchStats& stats);
  std::vector<std::int64_t> estimate_prices(const std::vector<std::int32_t>& cap, MatchStats& stats);
  void explain();
  MatchingInput input_;
  MatchOptions options_;
  std::unique_ptr<Scorer> scorer_;
  std::vector<std::vector<std::pair<std::int32_t, std::int64_t>>> candidates_;  // per mentee
  std::vector<std::vector<std::pair<std::int32_t, std::int64_t>>> reserve_;     // by score, best first
  std::unique_ptr<RowScorer> rows_;
  // per mentee: no pair outside candidates+reserve has s_ij - q_j > bound_i, where q is the price
  // vector of the mentee's epoch (the prices its lists were made against)
  std::vector<std::int64_t> bound_;
  std::vector<std::int32_t> epoch_of_;
  // per mentee, within one run (free places fixed): a round's prices (epoch, -1 if none) against
  // which every pair left out was checked, with the mentee's surplus then: s_ij - q_j <= bound
  std::vector<std::int32_t> checked_epoch_;
  std::vector<std::int64_t> checked_bound_;
  std::vector<std::vector<std::int64_t>> epoch_price_;
  std::vector<std::vector<std::int32_t>> epoch_price32_;  // the same for the vectorised kernel
  std::vector<std::int64_t> row_;                            // scratch: one row of scores
  std::vector<std::pair<std::int64_t, std::int32_t>> top_;   // scratch: best items of a row
  bool candidates_valid_ = false;
  std::vector<int> locked_mentor_;  // per mentee: locked mentor or -1
  std::vector<std::int64_t> prev_price_;  // mentor prices of the last run (warm start)
  MatchResult result_;
};

// The group a mentee counts for under the cohort goal (0: unknown, earns nothing).
std::uint16_t group_of(const CohortGoal& goal, const MatchProfile& mentee);

// One-shot convenience.
MatchResult match(const MatchingInput& input, const MatchOptions& options = {});

}  // namespace pairwise::matching
