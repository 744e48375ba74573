#include "core/matching/scoring.hpp"

#include <algorithm>
#include <stdexcept>

namespace pairwise::matching {

namespace {
constexpr std::array<std::string_view, kCriterionCount> kNames = {
    "topics", "language", "geography", "time_zone", "experience", "face_to_face",
    "mentee_preference", "mentor_preference"};
}

std::string_view criterion_name(Criterion c) { return kNames[static_cast<std::size_t>(c)]; }

bool criterion_from_name(std::string_view name, Criterion& out) {
  for (std::size_t k = 0; k < kCriterionCount; ++k) {
    if (kNames[k] == name) {
      out = static_cast<Criterion>(k);
      return true;
    }
  }
  return false;
}

MatchingCriteria default_criteria() {
  MatchingCriteria c;
  c[Criterion::Topics] = {3, false, 1};
  c[Criterion::Language] = {2, true, 1};
  c[Criterion::Geography] = {1, false, 1};
  c[Criterion::TimeZone] = {2, false, 1};
  c[Criterion::Experience] = {2, false, 1};
  c[Criterion::FaceToFace] = {1, false, 1};
  c[Criterion::MenteePreference] = {2, false, 1};
  c[Criterion::MentorPreference] = {2, false, 1};
  return c;
}

Scorer::Scorer(const std::vector<MatchProfile>& mentees, const std::vector<MatchProfile>& mentors,
               const MatchingCriteria& criteria, const std::vector<PairRef>& forbidden)
    : criteria_(criteria) {
  const auto w = [&](Criterion c) { return criteria[c].weight; };
  const auto hard = [&](Criterion c) { return criteria[c].hard; };
  std::unordered_map<std::string, std::uint32_t> keys;
  std::uint32_t next_key = 1;
  const auto key = [&](const std::string& id) -> std::uint32_t {
    if (id.empty()) return next_key++;
    auto [it, inserted] = keys.emplace(id, next_key);
    if (inserted) ++next_key;
    return it->second;
  };
  const auto mgr_key = [&](const std::string& id) -> std::uint32_t {
    return id.empty() ? 0u : key(id);
  };
  std::unordered_map<std::string, int> mentee_index, mentor_index;
  for (const auto& p : mentees) {
    mentee_index.emplace(p.id, static_cast<int>(te_.size()));
    te_.push_back(p.topics);
    le_.push_back(p.languages);
    ce_.push_back(p.country);
    re_.push_back(p.region);
    ze_.push_back(p.utc_offset_minutes);
    xe_.push_back(p.experience_years);
    oe_.push_back(p.organisation);
    loce_.push_back(p.location);
    self_e_.push_back(key(p.id));
    mgr_e_.push_back(mgr_key(p.line_manager_id));
    f2f_e_.push_back(p.face_to_face ? 1 : 0);
    std::array<std::int32_t, 65> t{};
    const int n = __builtin_popcountll(p.topics);
    for (int k = 0; k <= 64; ++k) t[static_cast<std::size_t>(k)] = n == 0 ? 0 : w(Criterion::Topics) * (100 * std::min(k, n) / n);
    topic_pts_.push_back(t);
  }
  for (const auto& p : mentors) {
    mentor_index.emplace(p.id, static_cast<int>(packed_.size()));
    PackedMentor q;
    q.topics = p.topics;
    q.languages = p.languages;
    q.country = p.country;
    q.region = p.region;
    q.tz = p.utc_offset_minutes;
    q.experience = p.experience_years;
    q.org = p.organisation;
    q.location = p.location;
    q.self = key(p.id);
    q.mgr = mgr_key(p.line_manager_id);
    q.face_to_face = p.face_to_face ? 1 : 0;
    packed_.push_back(q);
  }
  for (int d = 0; d <= 720; ++d) tz_pts_[static_cast<std::size_t>(d)] = w(Criterion::TimeZone) * (100 - d * 100 / 720);
  const int gap_ideal = std::max(1, criteria.ideal_experience_gap);
  for (int g = 0; g < 128; ++g) {
    exp_val_[static_cast<std::size_t>(g)] = std::min(100, g * 100 / gap_ideal);
    exp_pts_[static_cast<std::size_t>(g)] = w(Criterion::Experience) * exp_val_[static_cast<std::size_t>(g)];
  }
  lang_pts_ = 100 * w(Criterion::Language);
  country_pts_ = 100 * w(Criterion::Geography);
  region_pts_ = 50 * w(Criterion::Geography);
  f2f_pts_ = 100 * w(Criterion::FaceToFace);
  hard_topics_ = hard(Criterion::Topics);
  hard_lang_ = hard(Criterion::Language);
  hard_geo_ = hard(Criterion::Geography);
  hard_tz_ = hard(Criterion::TimeZone);
  hard_exp_ = hard(Criterion::Experience);
  hard_f2f_ = hard(Criterion::FaceToFace);
  // Topics: "value" is the share of the mentee's topics; with a hard rule we require at least
  // min_value percent, expressed as a number of shared topics per mentee (checked in rule()).
  min_topics_ = 1;
  geo_min_ = std::max(1, criteria[Criterion::Geography].min_value);
  tz_min_ = std::max(1, criteria[Criterion::TimeZone].min_value);
  exp_min_ = std::max(1, criteria[Criterion::Experience].min_value);
  min_score_ = std::max<std::int64_t>(1, criteria.minimum_score);
  forbid_org_ = criteria.forbid_same_organisation;
  forbid_mgr_ = criteria.forbid_line_management;
  for (std::size_t k = 0; k < kCriterionCount; ++k) max_possible_ += 100 * std::int64_t{criteria.rules[k].weight};

  // Preferences and forbids.
  mentee_pref_.resize(mentees.size());
  mentor_pref_.resize(mentors.size());
  special_.resize(mentees.size());
  forbidden_.resize(mentees.size());
  for (std::size_t i = 0; i < mentees.size(); ++i) {
    const auto& r = mentees[i].ranking;
    const auto n = static_cast<std::int32_t>(r.size());
    for (std::int32_t k = 0; k < n; ++k) {
      auto it = mentor_index.find(r[static_cast<std::size_t>(k)]);
      if (it == mentor_index.end()) continue;
      mentee_pref_[i].emplace(it->second, 100 * (n - k) / n);
      special_[i].push_back(it->second);
    }
  }
  for (std::size_t j = 0; j < mentors.size(); ++j) {
    const auto& r = mentors[j].ranking;
    const auto n = static_cast<std::int32_t>(r.size());
    for (std::int32_t k = 0; k < n; ++k) {
      auto it = mentee_index.find(r[static_cast<std::size_t>(k)]);
      if (it == mentee_index.end()) continue;
      mentor_pref_[j].emplace(it->second, 100 * (n - k) / n);
      special_[static_cast<std::size_t>(it->second)].push_back(static_cast<int>(j));
    }
  }
  for (const auto& f : forbidden) {
    auto a = mentee_index.find(f.mentee_id);
    auto b = mentor_index.find(f.mentor_id);
    if (a == mentee_index.end() || b == mentor_index.end()) continue;
    forbidden_[static_cast<std::size_t>(a->second)].push_back(b->second);
    special_[static_cast<std::size_t>(a->second)].push_back(b->second);
  }
  for (auto& v : special_) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  for (auto& v : forbidden_) std::sort(v.begin(), v.end());
}

bool Scorer::is_special(int i, int j) const {
  const auto& v = special_[static_cast<std::size_t>(i)];
  return std::binary_search(v.begin(), v.end(), j);
}

std::int32_t Scorer::pref_points(int i, int j, ScoreBreakdown* b) const {
  std::int32_t total = 0;
  const auto& mp = mentee_pref_[static_cast<std::size_t>(i)];
  if (auto it = mp.find(j); it != mp.end()) {
    const std::int32_t p = criteria_[Criterion::MenteePreference].weight * it->second;
    total += p;
    if (b) b->points[static_cast<std::size_t>(Criterion::MenteePreference)] = p;
  }
  const auto& rp = mentor_pref_[static_cast<std::size_t>(j)];
  if (auto it = rp.find(i); it != rp.end()) {
    const std::int32_t p = criteria_[Criterion::MentorPreference].weight * it->second;
    total += p;
    if (b) b->points[static_cast<std::size_t>(Criterion::MentorPreference)] = p;
  }
  return total;
}

std::int64_t Scorer::full_score(int i, int j) const {
  if (std::binary_search(forbidden_[static_cast<std::size_t>(i)].begin(),
                         forbidden_[static_cast<std::size_t>(i)].end(), j))
    return -1;
  std::int64_t s = raw_score(i, j);
  if (s < 0) return -1;
  s += pref_points(i, j, nullptr);
  return s >= min_score_ ? s : -1;
}

PairRule Scorer::rule(int i, int j) const {
  const auto ui = static_cast<std::size_t>(i);
  const auto& M = packed_[static_cast<std::size_t>(j)];
  if (self_e_[ui] == M.self) return PairRule::Self;
  if (forbid_org_ && oe_[ui] != 0 && oe_[ui] == M.org) return PairRule::SameOrganisation;
  if (forbid_mgr_ && ((mgr_e_[ui] != 0 && mgr_e_[ui] == M.self) || (M.mgr != 0 && M.mgr == self_e_[ui])))
    return PairRule::LineManagement;
  if (std::binary_search(forbidden_[ui].begin(), forbidden_[ui].end(), j)) return PairRule::Forbidden;
  if (raw_score(i, j) < 0) return PairRule::HardCriterion;
  if (full_score(i, j) < 0) return PairRule::BelowMinimum;
  return PairRule::Allowed;
}

ScoreBreakdown Scorer::breakdown(int i, int j) const {
  ScoreBreakdown b;
  const auto ui = static_cast<std::size_t>(i);
  const auto& M = packed_[static_cast<std::size_t>(j)];
  const auto set = [&](Criterion c, std::int32_t v) { b.points[static_cast<std::size_t>(c)] = v; };
  set(Criterion::Topics, topic_pts_[ui][static_cast<std::size_t>(__builtin_popcountll(te_[ui] & M.topics))]);
  set(Criterion::Language, (le_[ui] & M.languages) != 0 ? lang_pts_ : 0);
  const bool same_country = ce_[ui] != 0 && ce_[ui] == M.country;
  const bool same_region = re_[ui] != 0 && re_[ui] == M.region;
  set(Criterion::Geography, same_country ? country_pts_ : (same_region ? region_pts_ : 0));
  int dz = ze_[ui] - M.tz;
  dz = dz < 0 ? -dz : dz;
  dz = dz > 720 ? (dz >= 1440 ? 720 : 1440 - dz) : dz;
  set(Criterion::TimeZone, tz_pts_[static_cast<std::size_t>(dz)]);
  int gap = M.experience - xe_[ui];
  gap = gap < 0 ? 0 : (gap > 127 ? 127 : gap);
  set(Criterion::Experience, exp_pts_[static_cast<std::size_t>(gap)]);
  const bool f2f = f2f_e_[ui] && M.face_to_face && loce_[ui] != 0 && loce_[ui] == M.location;
  set(Criterion::FaceToFace, f2f ? f2f_pts_ : 0);
  pref_points(i, j, &b);
  return b;
}

}  // namespace pairwise::matching
