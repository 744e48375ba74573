#include "core/matching/row_scorer.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

// The lane vectors are internal to this file (inlined), so the ABI note does not apply.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace pairwise::matching {

namespace {
#ifndef PAIRWISE_ROW_LANES
#define PAIRWISE_ROW_LANES 4
#endif
constexpr int kLanes = PAIRWISE_ROW_LANES;
typedef std::int32_t V __attribute__((vector_size(4 * PAIRWISE_ROW_LANES)));
typedef std::uint32_t U __attribute__((vector_size(4 * PAIRWISE_ROW_LANES)));
typedef std::int64_t W __attribute__((vector_size(8 * PAIRWISE_ROW_LANES)));
// Mentees without a country / region / organisation get a key no mentor field can hold.
constexpr std::int32_t kNoKey = std::numeric_limits<std::int32_t>::min();

inline V load(const std::int32_t* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class To, class From>
inline To bits(From x) {
  static_assert(sizeof(To) == sizeof(From));
  To t;
  std::memcpy(&t, &x, sizeof t);
  return t;
}
inline V splat(std::int32_t x) { return V{} + x; }
// Arithmetic shift of every lane by the same count (clang otherwise may shift lane by lane).
inline V shr(V a, int count) {
#if defined(__wasm_simd128__)
  constexpr int kParts = kLanes / 4;
  v128_t x[kParts];
  std::memcpy(x, &a, sizeof a);
  for (int h = 0; h < kParts; ++h) x[h] = wasm_i32x4_shr(x[h], static_cast<std::uint32_t>(count));
  std::memcpy(&a, x, sizeof a);
  return a;
#else
  return a >> count;
#endif
}
// Stores the lanes widened to 64 bits.
inline void store_wide(std::int64_t* out, V a) {
#if defined(__wasm_simd128__)
  constexpr int kParts = kLanes / 4;
  v128_t x[kParts];
  std::memcpy(x, &a, sizeof a);
  for (int h = 0; h < kParts; ++h) {
    wasm_v128_store(out + 4 * h, wasm_i64x2_extend_low_i32x4(x[h]));
    wasm_v128_store(out + 4 * h + 2, wasm_i64x2_extend_high_i32x4(x[h]));
  }
#else
  const W wide = __builtin_convertvector(a, W);
  std::memcpy(out, &wide, sizeof wide);
#endif
}
inline V select(V mask, V a, V b) { return (mask & a) | (~mask & b); }

// Number of bits set in (a & b) + (c & d), per lane.
inline V popcount2(V a, V b, V c, V d) {
#if defined(__wasm_simd128__)
  constexpr int kHalves = kLanes / 4;
  v128_t x[kHalves], y[kHalves];
  const V ab = a & b, cd = c & d;
  std::memcpy(x, &ab, sizeof ab);
  std::memcpy(y, &cd, sizeof cd);
  V r;
  v128_t out[kHalves];
  for (int h = 0; h < kHalves; ++h) {
    const v128_t bytes = wasm_i8x16_add(wasm_i8x16_popcnt(x[h]), wasm_i8x16_popcnt(y[h]));
    out[h] = wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(bytes));
  }
  std::memcpy(&r, out, sizeof r);
  return r;
#else
  U x = bits<U>(a & b), y = bits<U>(c & d);
  x = x - ((x >> 1) & 0x55555555u);
  y = y - ((y >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  y = (y & 0x33333333u) + ((y >> 2) & 0x33333333u);
  x = x + y;  // nibbles <= 8
  x = (x & 0x0F0F0F0Fu) + ((x >> 4) & 0x0F0F0F0Fu);
  x = x + (x >> 8);
  x = x + (x >> 16);
  return bits<V>(x & 0xFFu);
#endif
}

int ceil_log2(std::int32_t d) {
  int l = 0;
  while ((std::int64_t{1} << l) < d) ++l;
  return l;
}
}  // namespace

std::int32_t percent_reciprocal(std::int32_t d) {
  // m = ceil(100 * 2^S / d) = (100 * 2^S + e) / d with 0 <= e < d, so x * m / 2^S = 100 x / d + x e / (d 2^S),
  // and the error term stays below 1 / d (the distance from 100 x / d up to the next integer) when
  // x e < 2^S, true for x <= 127 and d < 2^S / 127. x * m <= 100 * 2^S + d < 2^31 for x <= d.
  const std::int64_t m = ((std::int64_t{100} << kPercentShift) + d - 1) / d;
  return static_cast<std::int32_t>(m);
}

void exact_divider(std::int32_t d, int bits, std::int32_t& mul, std::int32_t& shift) {
  // Granlund & Montgomery: with l = ceil(log2 d), s = bits + l and m = ceil(2^s / d),
  // floor(x / d) = floor(x * m / 2^s) for 0 <= x < 2^bits; x * m < 2^(2 bits + 1).
  const int s = bits + ceil_log2(d);
  mul = static_cast<std::int32_t>(((std::int64_t{1} << s) + d - 1) / d);
  shift = s;
}

struct RowScorer::Mentee {
  V t_lo, t_hi, l_lo, l_hi, country, region, tz, experience, org, org_mask, self, mgr, self_mask, f2f_key;
  V topic_mul, lang_pts, country_pts, region_pts, f2f_pts;
  V hard_topics, min_topics, hard_lang, need_f2f, geo_min, tz_min, exp_min, min_score;
  V w_topics, w_tz, w_exp, exp_mul, exp_cap;
  bool none;  // a hard rule fails for every mentor
};

namespace {
constexpr std::int32_t kTzMul = 7282, kTzShift = 18;  // floor(x / 36) for x < 2^12 (tested)

// Scores (or -1) of lanes [at, at + kLanes) of L.
template <class E_>
inline V block(const E_& E, const MentorLanes& L, std::size_t at) {
  const V zero = splat(0);
  // conflicts of interest and the person himself
  const V m_self = load(&L.self[at]);
  V bad = (m_self == E.self) | ((load(&L.org[at]) == E.org) & E.org_mask) | (m_self == E.mgr) |
          ((load(&L.mgr[at]) == E.self) & E.self_mask);
  // topics: floor(100 * shared / n) * weight
  const V shared = popcount2(load(&L.topics_lo[at]), E.t_lo, load(&L.topics_hi[at]), E.t_hi);
  V score = shr(shared * E.topic_mul, kPercentShift) * E.w_topics;
  bad |= E.hard_topics & (shared < E.min_topics);
  // language
  const V lang = ((load(&L.lang_lo[at]) & E.l_lo) | (load(&L.lang_hi[at]) & E.l_hi)) != zero;
  bad |= E.hard_lang & ~lang;
  score += lang & E.lang_pts;
  // geography: 100 same country, 50 same region
  const V same_country = load(&L.country[at]) == E.country;
  const V same_region = load(&L.region[at]) == E.region;
  const V geo_val = select(same_country, splat(100), same_region & splat(50));
  bad |= geo_val < E.geo_min;
  score += select(same_country, E.country_pts, same_region & E.region_pts);
  // time zone: 100 - floor(100 d / 720), d = |difference| wrapped around the date line
  V d = load(&L.tz[at]) - E.tz;
  d = select(d < zero, -d, d);
  const V wrapped = 1440 - d;
  d = select(d >= 1440, splat(720), select(d > 720, wrapped, d));
  const V tz_val = 100 - ((d * 5 * kTzMul) >> kTzShift);
  bad |= tz_val < E.tz_min;
  score += tz_val * E.w_tz;
  // experience: min(100, floor(100 gap / ideal gap)), gap clamped to [0, min(127, ideal gap)]
  // (at the ideal gap the value is 100 already)
  V gap = load(&L.experience[at]) - E.experience;
  gap = select(gap < zero, zero, select(gap > E.exp_cap, E.exp_cap, gap));
  const V exp_val = shr(gap * E.exp_mul, kPercentShift);
  bad |= exp_val < E.exp_min;
  score += exp_val * E.w_exp;
  // face to face
  const V f2f_ok = load(&L.f2f_key[at]) == E.f2f_key;
  bad |= E.need_f2f & ~f2f_ok;
  score += f2f_ok & E.f2f_pts;
  bad |= score < E.min_score;
  return select(bad, splat(-1), score);
}

inline bool any_lane(V mask) {
#if defined(__wasm_simd128__)
  constexpr int kParts = kLanes / 4;
  v128_t x[kParts];
  std::memcpy(x, &mask, sizeof mask);
  v128_t a = x[0];
  for (int h = 1; h < kParts; ++h) a = wasm_v128_or(a, x[h]);
  return wasm_v128_any_true(a);
#else
  std::uint64_t w[kLanes / 2];
  std::memcpy(w, &mask, sizeof mask);
  std::uint64_t a = 0;
  for (auto x : w) a |= x;
  return a != 0;
#endif
}
}  // namespace

RowScorer::RowScorer(const Scorer& sc) : sc_(sc) {
  const auto& c = sc.criteria_;
  bool ok = true;
  for (const auto& r : c.rules) ok = ok && r.weight >= 0;
  ok = ok && sc.max_possible_ < (std::int64_t{1} << 30);
  fast_ = ok;
  w_topics_ = c[Criterion::Topics].weight;
  w_tz_ = c[Criterion::TimeZone].weight;
  w_exp_ = c[Criterion::Experience].weight;
  const std::int32_t ideal = std::max(1, c.ideal_experience_gap);
  exp_cap_ = std::min(127, ideal);
  exp_mul_ = ideal > 100 * 127 ? 0 : percent_reciprocal(ideal);  // above, the value is 0 for every gap
  std::vector<std::int32_t> order(static_cast<std::size_t>(sc.mentor_count()));
  for (std::size_t j = 0; j < order.size(); ++j) order[j] = static_cast<std::int32_t>(j);
  all_ = lanes(order);
}

MentorLanes RowScorer::lanes(const std::vector<std::int32_t>& order) const {
  MentorLanes L;
  // Padded by one block so that the kernel never reads past the end.
  const std::size_t n = order.size();
  const std::size_t padded = n + kLanes;
  L.index = order;
  for (auto* v : {&L.topics_lo, &L.topics_hi, &L.lang_lo, &L.lang_hi, &L.country, &L.region, &L.tz, &L.experience,
                  &L.org, &L.self, &L.mgr, &L.f2f_key})
    v->assign(padded, 0);
  const auto& P = sc_.packed_;
  for (std::size_t k = 0; k < n; ++k) {
    const PackedMentor& m = P[static_cast<std::size_t>(order[k])];
    L.topics_lo[k] = static_cast<std::int32_t>(static_cast<std::uint32_t>(m.topics));
    L.topics_hi[k] = static_cast<std::int32_t>(static_cast<std::uint32_t>(m.topics >> 32));
    L.lang_lo[k] = static_cast<std::int32_t>(static_cast<std::uint32_t>(m.languages));
    L.lang_hi[k] = static_cast<std::int32_t>(static_cast<std::uint32_t>(m.languages >> 32));
    L.country[k] = m.country;
    L.region[k] = m.region;
    L.tz[k] = m.tz;
    L.experience[k] = m.experience;
    L.org[k] = static_cast<std::int32_t>(m.org);
    L.self[k] = static_cast<std::int32_t>(m.self);
    L.mgr[k] = static_cast<std::int32_t>(m.mgr);
    L.f2f_key[k] = m.face_to_face && m.location != 0 ? static_cast<std::int32_t>(m.location) : 0;
  }
  return L;
}

RowScorer::Mentee RowScorer::mentee(int i) const {
  const Scorer& s = sc_;
  const auto u = static_cast<std::size_t>(i);
  Mentee E;
  const auto as_i32 = [](std::uint64_t x) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(x)); };
  E.t_lo = splat(as_i32(s.te_[u]));
  E.t_hi = splat(as_i32(s.te_[u] >> 32));
  E.l_lo = splat(as_i32(s.le_[u]));
  E.l_hi = splat(as_i32(s.le_[u] >> 32));
  E.country = splat(s.ce_[u] != 0 ? s.ce_[u] : kNoKey);
  E.region = splat(s.re_[u] != 0 ? s.re_[u] : kNoKey);
  E.tz = splat(s.ze_[u]);
  E.experience = splat(s.xe_[u]);
  E.org = splat(static_cast<std::int32_t>(s.oe_[u]));
  E.org_mask = splat(s.forbid_org_ && s.oe_[u] != 0 ? -1 : 0);
  E.self = splat(static_cast<std::int32_t>(s.self_e_[u]));
  E.mgr = splat(s.forbid_mgr_ ? static_cast<std::int32_t>(s.mgr_e_[u]) : 0);  // mentor self keys are >= 1
  E.self_mask = splat(s.forbid_mgr_ ? -1 : 0);
  const bool f2f = s.f2f_e_[u] != 0;
  E.f2f_key = splat(f2f ? static_cast<std::int32_t>(s.loce_[u]) : 0);
  E.f2f_pts = splat(f2f && s.loce_[u] != 0 ? s.f2f_pts_ : 0);
  E.need_f2f = splat(s.hard_f2f_ && f2f ? -1 : 0);
  E.none = s.hard_f2f_ && f2f && s.loce_[u] == 0;
  const int n_topics = popcount64(s.te_[u]);
  E.topic_mul = splat(n_topics > 0 ? percent_reciprocal(n_topics) : 0);
  E.hard_topics = splat(s.hard_topics_ ? -1 : 0);
  E.min_topics = splat(s.min_topics_);
  E.hard_lang = splat(s.hard_lang_ ? -1 : 0);
  E.lang_pts = splat(s.lang_pts_);
  E.country_pts = splat(s.country_pts_);
  E.region_pts = splat(s.region_pts_);
  E.geo_min = splat(s.hard_geo_ ? s.geo_min_ : 0);
  E.tz_min = splat(s.hard_tz_ ? s.tz_min_ : 0);
  E.exp_min = splat(s.hard_exp_ ? s.exp_min_ : 0);
  E.min_score = splat(static_cast<std::int32_t>(std::min<std::int64_t>(s.min_score_, std::int64_t{1} << 30)));
  E.w_topics = splat(w_topics_);
  E.w_tz = splat(w_tz_);
  E.w_exp = splat(w_exp_);
  E.exp_mul = splat(exp_mul_);
  E.exp_cap = splat(exp_cap_);
  return E;
}

void RowScorer::row(int i, const MentorLanes& L, int begin, int end, std::int64_t* out) const {
  if (!fast_) {
    for (int k = begin; k < end; ++k) out[k - begin] = sc_.base_score(i, L.index[static_cast<std::size_t>(k)]);
    return;
  }
  const Mentee E = mentee(i);
  if (E.none) {
    for (int k = begin; k < end; ++k) out[k - begin] = -1;
    return;
  }
  // The last block may extend past `end` into the padding (or other mentors): computed, not stored.
  for (int k0 = begin; k0 < end; k0 += kLanes) {
    const V result = block(E, L, static_cast<std::size_t>(k0));
    const int count = std::min(kLanes, end - k0);
    std::int64_t* o = out + (k0 - begin);
    if (count == kLanes) {
      store_wide(o, result);
    } else {
      for (int l = 0; l < count; ++l) o[l] = result[l];
    }
  }
}

}  // namespace pairwise::matching

namespace pairwise::matching {

int RowScorer::hits(int i, const MentorLanes& L, int begin, int end, const std::int32_t* q, std::int32_t thr,
                    const std::int32_t* mthr, std::int32_t* pos, std::int32_t* score) const {
  const Mentee E = mentee(i);
  if (E.none) return 0;
  int count = 0;
  const V t = splat(thr);
  for (int k0 = begin; k0 < end; k0 += kLanes) {
    const auto at = static_cast<std::size_t>(k0);
    const V sc = block(E, L, at);
    const V hit = (sc >= splat(0)) & (((sc - load(q + at)) > t) | (sc > load(mthr + at)));
    if (!any_lane(hit)) continue;
    const int n = std::min(kLanes, end - k0);
    for (int l = 0; l < n; ++l)
      if (hit[l]) {
        pos[count] = k0 + l;
        score[count] = sc[l];
        ++count;
      }
  }
  return count;
}

}  // namespace pairwise::matching
