// Fast scoring of one mentee against a range of mentors (the dense passes' kernel).
//
// RowScorer copies the Scorer's profiles into structure-of-arrays form (32-bit lanes) and computes
// base scores (Scorer::base_score: -1 if a rule forbids the pair) branch-free, 4 mentors at a
// time: topic and language overlap with popcounts, the lookup tables replaced by exact integer
// multiply-shift divisions, hard rules and conflicts as lane masks. Compiled with wasm SIMD
// (-msimd128) or SSE2 the lanes become vector instructions; otherwise plain scalar code.
// Exactness: equal to Scorer::base_score for every pair (tests compare both on random profiles).
// When the weights are so large that a score might not fit 31 bits (or a weight is negative) it
// falls back to the reference scorer, pair by pair.
#pragma once

#include <cstdint>
#include <vector>

#include "core/matching/scoring.hpp"

namespace pairwise::matching {

// Mentor fields in 32-bit lanes, in some order (all mentors, or a permutation of a subset).
struct MentorLanes {
  std::vector<std::int32_t> index;  // original mentor index of each position
  std::vector<std::int32_t> topics_lo, topics_hi, lang_lo, lang_hi;
  std::vector<std::int32_t> country, region, tz, experience;
  std::vector<std::int32_t> org, self, mgr, f2f_key;  // f2f_key: location if willing, else 0
  // The same in 16-bit lanes (8 mentors per 128-bit vector) when RowScorer::narrow(): topic and
  // language sets as four 16-bit words each, keys interned to small ids (see RowScorer).
  std::vector<std::int16_t> n_topics[4], n_lang[4];
  std::vector<std::int16_t> n_country, n_region, n_tz, n_experience, n_org, n_self, n_mgr, n_f2f;
  int size() const { return static_cast<int>(index.size()); }
};

class RowScorer {
 public:
  explicit RowScorer(const Scorer& scorer);
  // Mentors in the given order (original indices).
  MentorLanes lanes(const std::vector<std::int32_t>& order) const;
  const MentorLanes& all() const { return all_; }
  // out[k - begin] = base score of mentee i with mentor L.index[k], for k in [begin, end).
  void row(int i, const MentorLanes& L, int begin, int end, std::int64_t* out) const;
  bool vectorised() const { return fast_; }
  // Scores are computed 8 mentors at a time in 16-bit lanes: every score fits (the largest
  // possible score and the minimum are at most 32,767), mentors' time zones and experience are
  // within +-16,000, and each kind of key takes fewer than 32,000 values among the mentors.
  // Mentees whose time zone or experience is out of that range use the 32-bit lanes.
  bool narrow() const { return narrow_; }
  // Needs vectorised(). Scores mentee i against L's mentors [begin, end) and writes the positions
  // k with an allowed pair and (s - q[k] > thr or s > mthr[k]) to pos, their scores to score;
  // returns how many. q and mthr are indexed by position and readable up to end + 8.
  int hits(int i, const MentorLanes& L, int begin, int end, const std::int32_t* q, std::int32_t thr,
           const std::int32_t* mthr, std::int32_t* pos, std::int32_t* score) const;
  // Largest score the vectorised kernel handles (prices must stay below it, too).
  static constexpr std::int64_t kMaxScore = std::int64_t{1} << 30;

 private:
  struct Mentee;  // per-mentee constants (broadcast to the lanes)
  struct Mentee16;
  Mentee mentee(int i) const;
  Mentee16 mentee16(int i) const;
  bool narrow_row(int i) const { return narrow_ && e_narrow_[static_cast<std::size_t>(i)] != 0; }
  void intern_keys();
  const Scorer& sc_;
  bool fast_ = false;
  MentorLanes all_;
  // exact multiply-shift for floor(100 g / ideal gap), g <= exp_cap_ (see percent_reciprocal)
  std::int32_t exp_mul_ = 0, exp_cap_ = 127;
  std::int32_t w_topics_ = 0, w_tz_ = 0, w_exp_ = 0;
  // 16-bit lanes: each key kind (country, region, organisation, person, face-to-face location)
  // interned over the mentors' values: a mentor's id (0 or -2: none), a mentee's id (-1: none, or
  // a value no mentor has, so it equals no mentor's).
  bool narrow_ = false;
  struct Keys16 {
    std::vector<std::int16_t> country, region, org, self, mgr, f2f;
  } mentor16_, mentee16_;
  std::vector<std::uint8_t> e_narrow_;  // per mentee: time zone and experience within range
};

// floor(100 x / d) == (x * percent_reciprocal(d)) >> kPercentShift for 0 <= x <= min(d, 127) and
// 1 <= d <= 12700: one fixed shift for every divisor, so that the vector code shifts all lanes by a
// constant (a shift by a run-time count was split into one scalar shift per lane by clang 14's
// wasm backend). Exposed for tests (checked exhaustively there).
inline constexpr int kPercentShift = 24;
std::int32_t percent_reciprocal(std::int32_t d);

// floor(x / d) == (x * mul) >> shift for 0 <= x < 2^bits (bits + ceil(log2 d) <= 31 - bits).
// Exposed for tests.
void exact_divider(std::int32_t d, int bits, std::int32_t& mul, std::int32_t& shift);

}  // namespace pairwise::matching
