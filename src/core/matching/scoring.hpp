// Integer pair scores computed on the fly from compact profiles (no dense matrix).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/matching/profile.hpp"

namespace pairwise::matching {

struct ScoreBreakdown {
  std::array<std::int32_t, kCriterionCount> points{};  // weight * value per criterion
  std::int64_t total() const {
    std::int64_t t = 0;
    for (auto p : points) t += p;
    return t;
  }
};

// Why a pair is not allowed (first rule that fails).
enum class PairRule : std::uint8_t {
  Allowed,
  Self,
  SameOrganisation,
  LineManagement,
  Forbidden,
  HardCriterion,
  BelowMinimum,
  NoCapacity,
};

// Structure-of-arrays copy of the profiles plus per-scheme lookup tables. score() is the hot
// path of the dense passes: a handful of integer operations and two popcounts.
class Scorer {
 public:
  Scorer(const std::vector<MatchProfile>& mentees, const std::vector<MatchProfile>& mentors,
         const MatchingCriteria& criteria, const std::vector<PairRef>& forbidden = {});

  int mentee_count() const { return static_cast<int>(te_.size()); }
  int mentor_count() const { return static_cast<int>(tm_.size()); }

  // Score ignoring preference lists, or -1 if a rule forbids the pair (hard criteria, self,
  // conflicts, minimum score). Preferences and coordinator forbids are applied separately:
  // such pairs are listed in special_pairs() and must be looked up with full_score().
  inline std::int64_t base_score(int i, int j) const;
  // Exact score of any pair, or -1 if not allowed (including forbids and preference points).
  std::int64_t full_score(int i, int j) const;
  PairRule rule(int i, int j) const;
  ScoreBreakdown breakdown(int i, int j) const;
  // Pairs whose score differs from base_score (ranked or forbidden): mentee -> mentors.
  const std::vector<std::vector<int>>& special_pairs() const { return special_; }
  bool is_special(int i, int j) const;
  std::int64_t minimum_score() const { return min_score_; }
  std::int64_t max_possible_score() const { return max_possible_; }

 private:
  // Score without preferences and minimum, or -1 if a hard rule fails.
  inline std::int64_t raw_score(int i, int j) const;
  std::int32_t pref_points(int i, int j, ScoreBreakdown* b) const;
  // mentee SoA
  std::vector<std::uint64_t> te_, le_;
  std::vector<std::uint16_t> ce_, re_;
  std::vector<std::int16_t> ze_, xe_;
  std::vector<std::uint32_t> oe_, loce_, self_e_, mgr_e_;  // self/mgr: person keys (0 = none)
  std::vector<std::uint8_t> f2f_e_;
  std::vector<std::array<std::int32_t, 65>> topic_pts_;  // by number of shared topics
  // mentor SoA
  std::vector<std::uint64_t> tm_, lm_;
  std::vector<std::uint16_t> cm_, rm_;
  std::vector<std::int16_t> zm_, xm_;
  std::vector<std::uint32_t> om_, locm_, self_m_, mgr_m_;
  std::vector<std::uint8_t> f2f_m_;
  // tables
  std::array<std::int32_t, 721> tz_pts_{};  // by |offset difference| in minutes (0..720)
  std::array<std::int32_t, 128> exp_pts_{};  // by experience gap 0..127 years
  std::array<std::int32_t, 128> exp_val_{};
  std::int32_t lang_pts_ = 0, country_pts_ = 0, region_pts_ = 0, f2f_pts_ = 0;
  bool hard_topics_ = false, hard_lang_ = false, hard_geo_ = false, hard_tz_ = false,
       hard_exp_ = false, hard_f2f_ = false;
  std::int32_t min_topics_ = 1, geo_min_ = 1, tz_min_ = 1, exp_min_ = 1;
  std::int64_t min_score_ = 1, max_possible_ = 0;
  bool forbid_org_ = true, forbid_mgr_ = true;
  MatchingCriteria criteria_;
  // preferences: mentee i -> (mentor j -> rank points), mentor j -> (mentee i -> points)
  std::vector<std::unordered_map<int, std::int32_t>> mentee_pref_, mentor_pref_;
  std::vector<std::vector<int>> special_;
  std::vector<std::vector<int>> forbidden_;  // sorted mentor lists per mentee
  friend class ScorerTest;
};

inline std::int64_t Scorer::base_score(int i, int j) const {
  const std::int64_t s = raw_score(i, j);
  return s >= min_score_ ? s : -1;
}

inline std::int64_t Scorer::raw_score(int i, int j) const {
  const auto ui = static_cast<std::size_t>(i);
  const auto uj = static_cast<std::size_t>(j);
  if (self_e_[ui] == self_m_[uj]) return -1;
  if (forbid_org_ && oe_[ui] != 0 && oe_[ui] == om_[uj]) return -1;
  if (forbid_mgr_ && ((mgr_e_[ui] != 0 && mgr_e_[ui] == self_m_[uj]) ||
                      (mgr_m_[uj] != 0 && mgr_m_[uj] == self_e_[ui])))
    return -1;
  const int shared = __builtin_popcountll(te_[ui] & tm_[uj]);
  if (hard_topics_ && shared < min_topics_) return -1;
  std::int64_t s = topic_pts_[ui][static_cast<std::size_t>(shared)];
  const bool lang = (le_[ui] & lm_[uj]) != 0;
  if (hard_lang_ && !lang) return -1;
  s += lang ? lang_pts_ : 0;
  const bool same_country = ce_[ui] != 0 && ce_[ui] == cm_[uj];
  const bool same_region = re_[ui] != 0 && re_[ui] == rm_[uj];
  const int geo = same_country ? 100 : (same_region ? 50 : 0);
  if (hard_geo_ && geo < geo_min_) return -1;
  s += same_country ? country_pts_ : (same_region ? region_pts_ : 0);
  int dz = ze_[ui] - zm_[uj];
  dz = dz < 0 ? -dz : dz;
  dz = dz > 720 ? (dz >= 1440 ? 720 : 1440 - dz) : dz;
  if (hard_tz_ && 100 - dz * 100 / 720 < tz_min_) return -1;
  s += tz_pts_[static_cast<std::size_t>(dz)];
  int gap = xm_[uj] - xe_[ui];
  gap = gap < 0 ? 0 : (gap > 127 ? 127 : gap);
  if (hard_exp_ && exp_val_[static_cast<std::size_t>(gap)] < exp_min_) return -1;
  s += exp_pts_[static_cast<std::size_t>(gap)];
  const bool f2f = f2f_e_[ui] && f2f_m_[uj] && loce_[ui] != 0 && loce_[ui] == locm_[uj];
  if (hard_f2f_ && f2f_e_[ui] && !f2f) return -1;
  s += f2f ? f2f_pts_ : 0;
  return s;
}

}  // namespace pairwise::matching
