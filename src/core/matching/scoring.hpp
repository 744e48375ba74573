// Integer pair scores computed on the fly from compact profiles (no dense matrix).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/matching/profile.hpp"

namespace pairwise::matching {

// Population count without a libgcc call on x86 builds that lack -mpopcnt (WASM has i64.popcnt).
inline int popcount64(std::uint64_t x) {
#if defined(__POPCNT__) || defined(__wasm__) || defined(__aarch64__)
  return __builtin_popcountll(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<int>((x * 0x0101010101010101ull) >> 56);
#endif
}

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
// A mentor's scoring fields packed together for the dense passes.
struct PackedMentor {
  std::uint64_t topics = 0, languages = 0;
  std::uint32_t org = 0, self = 0, mgr = 0, location = 0;
  std::uint16_t country = 0, region = 0;
  std::int16_t tz = 0, experience = 0;
  std::uint8_t face_to_face = 0;
};

class Scorer {
 public:
  // One mentee's fields hoisted out of the inner loop over mentors.
  // All tables and rule flags are copied in, so the compiler keeps them in registers across the
  // inner loop (no reloads through the Scorer after stores elsewhere).
  struct Kernel {
    const std::int32_t* topic_pts;
    const std::int32_t* tz_pts;
    const std::int32_t* exp_pts;
    const std::int32_t* exp_val;
    std::uint64_t topics, languages;
    std::uint32_t org, self, mgr, location;
    std::uint16_t country, region;
    std::int16_t tz, experience;
    bool face_to_face, forbid_org, forbid_mgr;
    bool hard_topics, hard_lang, hard_geo, hard_tz, hard_exp, hard_f2f;
    std::int32_t min_topics, geo_min, tz_min, exp_min;
    std::int32_t lang_pts, country_pts, region_pts, f2f_pts;
    std::int64_t min_score;
    inline std::int64_t raw(const PackedMentor& m) const;    // -1 if a hard rule fails
    inline std::int64_t score(const PackedMentor& m) const;  // also -1 below the minimum
  };
  Kernel kernel(int i) const {
    const auto u = static_cast<std::size_t>(i);
    return Kernel{topic_pts_[u].data(), tz_pts_.data(), exp_pts_.data(), exp_val_.data(),
                  te_[u], le_[u], oe_[u], self_e_[u], mgr_e_[u], loce_[u],
                  ce_[u], re_[u], ze_[u], xe_[u], f2f_e_[u] != 0, forbid_org_, forbid_mgr_,
                  hard_topics_, hard_lang_, hard_geo_, hard_tz_, hard_exp_, hard_f2f_,
                  min_topics_, geo_min_, tz_min_, exp_min_,
                  lang_pts_, country_pts_, region_pts_, f2f_pts_, min_score_};
  }
  const std::vector<PackedMentor>& packed_mentors() const { return packed_; }

  Scorer(const std::vector<MatchProfile>& mentees, const std::vector<MatchProfile>& mentors,
         const MatchingCriteria& criteria, const std::vector<PairRef>& forbidden = {});

  int mentee_count() const { return static_cast<int>(te_.size()); }
  int mentor_count() const { return static_cast<int>(packed_.size()); }

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
  std::vector<PackedMentor> packed_;
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
  friend class RowScorer;
};

inline std::int64_t Scorer::Kernel::raw(const PackedMentor& m) const {
  if (self == m.self) return -1;
  if (forbid_org && org != 0 && org == m.org) return -1;
  if (forbid_mgr && ((mgr != 0 && mgr == m.self) || (m.mgr != 0 && m.mgr == self))) return -1;
  const int shared = popcount64(topics & m.topics);
  if (hard_topics && shared < min_topics) return -1;
  std::int64_t s = topic_pts[shared];
  const bool lang = (languages & m.languages) != 0;
  if (hard_lang && !lang) return -1;
  s += lang ? lang_pts : 0;
  const bool same_country = country != 0 && country == m.country;
  const bool same_region = region != 0 && region == m.region;
  if (hard_geo && (same_country ? 100 : (same_region ? 50 : 0)) < geo_min) return -1;
  s += same_country ? country_pts : (same_region ? region_pts : 0);
  int dz = tz - m.tz;
  dz = dz < 0 ? -dz : dz;
  dz = dz > 720 ? (dz >= 1440 ? 720 : 1440 - dz) : dz;
  if (hard_tz && 100 - dz * 100 / 720 < tz_min) return -1;
  s += tz_pts[static_cast<std::size_t>(dz)];
  int gap = m.experience - experience;
  gap = gap < 0 ? 0 : (gap > 127 ? 127 : gap);
  if (hard_exp && exp_val[static_cast<std::size_t>(gap)] < exp_min) return -1;
  s += exp_pts[static_cast<std::size_t>(gap)];
  const bool f2f = face_to_face && m.face_to_face && location != 0 && location == m.location;
  if (hard_f2f && face_to_face && !f2f) return -1;
  s += f2f ? f2f_pts : 0;
  return s;
}

inline std::int64_t Scorer::Kernel::score(const PackedMentor& m) const {
  const std::int64_t s = raw(m);
  return s >= min_score ? s : -1;
}

inline std::int64_t Scorer::base_score(int i, int j) const {
  return kernel(i).score(packed_[static_cast<std::size_t>(j)]);
}

inline std::int64_t Scorer::raw_score(int i, int j) const {
  return kernel(i).raw(packed_[static_cast<std::size_t>(j)]);
}

}  // namespace pairwise::matching
