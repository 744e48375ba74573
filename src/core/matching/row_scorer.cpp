#include "core/matching/row_scorer.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

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


// 16-bit lanes: 8 mentors per 128-bit vector.
typedef std::int16_t V16 __attribute__((vector_size(16)));
typedef std::uint16_t U16 __attribute__((vector_size(16)));
typedef std::int16_t H16 __attribute__((vector_size(8)));  // half of V16, for widening
typedef std::int32_t V4 __attribute__((vector_size(16)));
inline V16 load16(const std::int16_t* p) {
  V16 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline V16 splat16(std::int32_t x) { return V16{} + static_cast<std::int16_t>(x); }
inline V16 select16(V16 mask, V16 a, V16 b) { return (mask & a) | (~mask & b); }
inline V4 widen_lo(V16 x) { return __builtin_convertvector(__builtin_shufflevector(x, x, 0, 1, 2, 3), V4); }
inline V4 widen_hi(V16 x) { return __builtin_convertvector(__builtin_shufflevector(x, x, 4, 5, 6, 7), V4); }
inline V16 narrow16(V4 lo, V4 hi) {  // every lane fits 16 bits
  const H16 a = __builtin_convertvector(lo, H16), b = __builtin_convertvector(hi, H16);
  return __builtin_shufflevector(a, b, 0, 1, 2, 3, 4, 5, 6, 7);
}
// floor(x * mul / 2^Shift) per lane, the product in 32 bits (x >= 0, x * mul < 2^31).
template <int Shift>
inline V16 mul_shift16(V16 x, V4 mul) {
  return narrow16((widen_lo(x) * mul) >> Shift, (widen_hi(x) * mul) >> Shift);
}
// Number of bits set in the four words' (a_w & b_w), per 16-bit lane.
inline V16 popcount16x4(V16 a0, V16 b0, V16 a1, V16 b1, V16 a2, V16 b2, V16 a3, V16 b3) {
#if defined(__wasm_simd128__)
  const auto pc = [](V16 x) {
    v128_t v;
    std::memcpy(&v, &x, sizeof v);
    return wasm_i8x16_popcnt(v);
  };
  const v128_t bytes = wasm_i8x16_add(wasm_i8x16_add(pc(a0 & b0), pc(a1 & b1)), wasm_i8x16_add(pc(a2 & b2), pc(a3 & b3)));
  const v128_t r = wasm_u16x8_extadd_pairwise_u8x16(bytes);  // each byte <= 32: no carry
  V16 out;
  std::memcpy(&out, &r, sizeof out);
  return out;
#else
  const auto nib = [](U16 x) {  // per 4-bit group: bits set (<= 4)
    x = x - ((x >> 1) & 0x5555);
    return (x & 0x3333) + ((x >> 2) & 0x3333);
  };
  U16 x = nib(bits<U16>(a0 & b0)) + nib(bits<U16>(a1 & b1));  // nibbles <= 8
  U16 y = nib(bits<U16>(a2 & b2)) + nib(bits<U16>(a3 & b3));
  x = (x & 0x0F0F) + ((x >> 4) & 0x0F0F) + (y & 0x0F0F) + ((y >> 4) & 0x0F0F);  // bytes <= 32
  x = (x & 0xFF) + (x >> 8);
  return bits<V16>(x);
#endif
}
inline bool any_lane16(V16 mask) {
#if defined(__wasm_simd128__)
  v128_t v;
  std::memcpy(&v, &mask, sizeof v);
  return wasm_v128_any_true(v);
#endif
  std::uint64_t w[2];
  std::memcpy(w, &mask, sizeof mask);
  return (w[0] | w[1]) != 0;
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

struct RowScorer::Mentee16 {
  V16 t[4], l[4], country, region, tz, experience, org, self, self_m, mgr, f2f_key;
  V16 lang_pts, country_pts, region_pts, f2f_pts, hard_topics, min_topics, hard_lang, need_f2f;
  V16 geo_min, tz_min, exp_min, min_score, w_topics, w_tz, w_exp, exp_cap;
  V4 topic_mul, exp_mul;
  bool none;
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


// Scores (or -1) of the 8 mentors at [at, at + 8) of L, in 16-bit lanes: the same arithmetic as
// block(), every intermediate value within 16 bits (see RowScorer::narrow()).
template <class E_>
inline V16 block16(const E_& E, const MentorLanes& L, std::size_t at) {
  const V16 zero = splat16(0);
  const V16 m_self = load16(&L.n_self[at]);
  V16 bad = (m_self == E.self) | (load16(&L.n_org[at]) == E.org) | (m_self == E.mgr) | (load16(&L.n_mgr[at]) == E.self_m);
  const V16 shared = popcount16x4(load16(&L.n_topics[0][at]), E.t[0], load16(&L.n_topics[1][at]), E.t[1],
                                  load16(&L.n_topics[2][at]), E.t[2], load16(&L.n_topics[3][at]), E.t[3]);
  V16 score = mul_shift16<kPercentShift>(shared, E.topic_mul) * E.w_topics;
  bad |= E.hard_topics & (shared < E.min_topics);
  const V16 lang = ((load16(&L.n_lang[0][at]) & E.l[0]) | (load16(&L.n_lang[1][at]) & E.l[1]) |
                    (load16(&L.n_lang[2][at]) & E.l[2]) | (load16(&L.n_lang[3][at]) & E.l[3])) != zero;
  bad |= E.hard_lang & ~lang;
  score += lang & E.lang_pts;
  const V16 same_country = load16(&L.n_country[at]) == E.country;
  const V16 same_region = load16(&L.n_region[at]) == E.region;
  const V16 geo_val = select16(same_country, splat16(100), same_region & splat16(50));
  bad |= geo_val < E.geo_min;
  score += select16(same_country, E.country_pts, same_region & E.region_pts);
  V16 d = load16(&L.n_tz[at]) - E.tz;  // both within +-16,000
  d = select16(d < zero, -d, d);
  d = select16(d >= 1440, splat16(720), select16(d > 720, 1440 - d, d));
  const V16 tz_val = 100 - mul_shift16<kTzShift>(d, V4{} + 5 * kTzMul);
  bad |= tz_val < E.tz_min;
  score += tz_val * E.w_tz;
  V16 gap = load16(&L.n_experience[at]) - E.experience;
  gap = select16(gap < zero, zero, select16(gap > E.exp_cap, E.exp_cap, gap));
  const V16 exp_val = mul_shift16<kPercentShift>(gap, E.exp_mul);
  bad |= exp_val < E.exp_min;
  score += exp_val * E.w_exp;
  const V16 f2f_ok = load16(&L.n_f2f[at]) == E.f2f_key;
  bad |= E.need_f2f & ~f2f_ok;
  score += f2f_ok & E.f2f_pts;
  bad |= score < E.min_score;
  return select16(bad, splat16(-1), score);
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
  intern_keys();
  std::vector<std::int32_t> order(static_cast<std::size_t>(sc.mentor_count()));
  for (std::size_t j = 0; j < order.size(); ++j) order[j] = static_cast<std::int32_t>(j);
  all_ = lanes(order);
}

void RowScorer::intern_keys() {
  const Scorer& s = sc_;
  constexpr std::int32_t kMaxIds = 32000, kRange = 16000;
  narrow_ = fast_ && s.max_possible_ <= 32767 && s.min_score_ <= 32767;
  for (const PackedMentor& m : s.packed_)
    narrow_ = narrow_ && m.tz >= -kRange && m.tz <= kRange && m.experience >= -kRange && m.experience <= kRange;
  if (!narrow_) return;
  // One id space per key kind, over the mentors' values (0: the mentor has none).
  struct Space {
    std::unordered_map<std::uint32_t, std::int16_t> ids;
    bool full = false;
    std::int16_t mentor(std::uint32_t v) {  // 0 for "none"
      if (v == 0) return 0;
      auto [it, inserted] = ids.emplace(v, static_cast<std::int16_t>(ids.size() + 1));
      if (ids.size() >= static_cast<std::size_t>(kMaxIds)) full = true;
      return it->second;
    }
    std::int16_t mentee(std::uint32_t v) const {  // -1: none, or no mentor has it
      if (v == 0) return -1;
      const auto it = ids.find(v);
      return it == ids.end() ? std::int16_t{-1} : it->second;
    }
  } country, region, org, person, place;
  const std::size_t m = s.packed_.size(), n = s.te_.size();
  Keys16& M = mentor16_;
  for (auto* v : {&M.country, &M.region, &M.org, &M.self, &M.mgr, &M.f2f}) v->resize(m);
  for (std::size_t j = 0; j < m; ++j) {
    const PackedMentor& p = s.packed_[j];
    M.country[j] = country.mentor(p.country);
    M.region[j] = region.mentor(p.region);
    M.org[j] = org.mentor(p.org);
    M.self[j] = person.mentor(p.self);  // person keys are >= 1
    M.mgr[j] = p.mgr == 0 ? std::int16_t{-2} : person.mentor(p.mgr);
    M.f2f[j] = p.face_to_face && p.location != 0 ? place.mentor(p.location) : std::int16_t{0};
  }
  if (country.full || region.full || org.full || person.full || place.full) {
    narrow_ = false;
    return;
  }
  Keys16& E = mentee16_;
  for (auto* v : {&E.country, &E.region, &E.org, &E.self, &E.mgr, &E.f2f}) v->resize(n);
  e_narrow_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    E.country[i] = country.mentee(s.ce_[i]);
    E.region[i] = region.mentee(s.re_[i]);
    E.org[i] = s.forbid_org_ ? org.mentee(s.oe_[i]) : std::int16_t{-1};
    E.self[i] = person.mentee(s.self_e_[i]);
    E.mgr[i] = s.forbid_mgr_ ? person.mentee(s.mgr_e_[i]) : std::int16_t{-1};
    E.f2f[i] = s.f2f_e_[i] != 0 ? place.mentee(s.loce_[i]) : std::int16_t{-1};
    e_narrow_[i] = s.ze_[i] >= -kRange && s.ze_[i] <= kRange && s.xe_[i] >= -kRange && s.xe_[i] <= kRange;
  }
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
  if (narrow_) {
    const std::size_t padded16 = n + 8;  // 8 lanes
    for (auto* v : {&L.n_topics[0], &L.n_topics[1], &L.n_topics[2], &L.n_topics[3], &L.n_lang[0], &L.n_lang[1], &L.n_lang[2],
                    &L.n_lang[3], &L.n_country, &L.n_region, &L.n_tz, &L.n_experience, &L.n_org, &L.n_self, &L.n_mgr, &L.n_f2f})
      v->assign(padded16, 0);
    const auto word = [](std::uint64_t x, int w) { return static_cast<std::int16_t>(static_cast<std::uint16_t>(x >> (16 * w))); };
    for (std::size_t k = 0; k < n; ++k) {
      const auto j = static_cast<std::size_t>(order[k]);
      const PackedMentor& m = sc_.packed_[j];
      for (int w = 0; w < 4; ++w) {
        L.n_topics[w][k] = word(m.topics, w);
        L.n_lang[w][k] = word(m.languages, w);
      }
      L.n_country[k] = mentor16_.country[j];
      L.n_region[k] = mentor16_.region[j];
      L.n_tz[k] = m.tz;
      L.n_experience[k] = m.experience;
      L.n_org[k] = mentor16_.org[j];
      L.n_self[k] = mentor16_.self[j];
      L.n_mgr[k] = mentor16_.mgr[j];
      L.n_f2f[k] = mentor16_.f2f[j];
    }
  }
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

RowScorer::Mentee16 RowScorer::mentee16(int i) const {
  const Scorer& s = sc_;
  const auto u = static_cast<std::size_t>(i);
  Mentee16 E;
  for (int w = 0; w < 4; ++w) {
    E.t[w] = splat16(static_cast<std::int16_t>(static_cast<std::uint16_t>(s.te_[u] >> (16 * w))));
    E.l[w] = splat16(static_cast<std::int16_t>(static_cast<std::uint16_t>(s.le_[u] >> (16 * w))));
  }
  E.country = splat16(mentee16_.country[u]);
  E.region = splat16(mentee16_.region[u]);
  E.tz = splat16(s.ze_[u]);
  E.experience = splat16(s.xe_[u]);
  E.org = splat16(mentee16_.org[u]);
  E.self = splat16(mentee16_.self[u]);
  E.self_m = splat16(s.forbid_mgr_ ? mentee16_.self[u] : std::int16_t{-1});
  E.mgr = splat16(mentee16_.mgr[u]);
  const bool f2f = s.f2f_e_[u] != 0;
  E.f2f_key = splat16(mentee16_.f2f[u]);
  E.f2f_pts = splat16(f2f && s.loce_[u] != 0 ? s.f2f_pts_ : 0);
  E.need_f2f = splat16(s.hard_f2f_ && f2f ? -1 : 0);
  E.none = s.hard_f2f_ && f2f && s.loce_[u] == 0;
  const int n_topics = popcount64(s.te_[u]);
  E.topic_mul = V4{} + (n_topics > 0 ? percent_reciprocal(n_topics) : 0);
  E.hard_topics = splat16(s.hard_topics_ ? -1 : 0);
  E.min_topics = splat16(s.min_topics_);
  E.hard_lang = splat16(s.hard_lang_ ? -1 : 0);
  E.lang_pts = splat16(s.lang_pts_);
  E.country_pts = splat16(s.country_pts_);
  E.region_pts = splat16(s.region_pts_);
  // values are at most 100: a minimum above 100 fails like 101
  E.geo_min = splat16(s.hard_geo_ ? std::min(s.geo_min_, 101) : 0);
  E.tz_min = splat16(s.hard_tz_ ? std::min(s.tz_min_, 101) : 0);
  E.exp_min = splat16(s.hard_exp_ ? std::min(s.exp_min_, 101) : 0);
  E.min_score = splat16(static_cast<std::int32_t>(s.min_score_));  // <= 32,767 (narrow())
  E.w_topics = splat16(w_topics_);
  E.w_tz = splat16(w_tz_);
  E.w_exp = splat16(w_exp_);
  E.exp_mul = V4{} + exp_mul_;
  E.exp_cap = splat16(exp_cap_);
  return E;
}

void RowScorer::row(int i, const MentorLanes& L, int begin, int end, std::int64_t* out) const {
  if (!fast_) {
    for (int k = begin; k < end; ++k) out[k - begin] = sc_.base_score(i, L.index[static_cast<std::size_t>(k)]);
    return;
  }
  if (narrow_row(i)) {
    const Mentee16 E = mentee16(i);
    if (E.none) {
      for (int k = begin; k < end; ++k) out[k - begin] = -1;
      return;
    }
    for (int k0 = begin; k0 < end; k0 += 8) {
      const V16 result = block16(E, L, static_cast<std::size_t>(k0));
      const int count = std::min(8, end - k0);
      std::int64_t* o = out + (k0 - begin);
      if (count == 8) {
        store_wide(o, widen_lo(result));
        store_wide(o + 4, widen_hi(result));
      } else {
        for (int l = 0; l < count; ++l) o[l] = result[l];
      }
    }
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
  if (narrow_row(i)) {
    const Mentee16 E = mentee16(i);
    if (E.none) return 0;
    int count = 0;
    const V4 t = V4{} + thr;
    for (int k0 = begin; k0 < end; k0 += 8) {
      const auto at = static_cast<std::size_t>(k0);
      const V16 sc = block16(E, L, at);
      V4 q0, q1, m0, m1;
      std::memcpy(&q0, q + at, sizeof q0);
      std::memcpy(&q1, q + at + 4, sizeof q1);
      std::memcpy(&m0, mthr + at, sizeof m0);
      std::memcpy(&m1, mthr + at + 4, sizeof m1);
      const V4 lo = widen_lo(sc), hi = widen_hi(sc);
      const V4 hit_lo = (lo >= 0) & (((lo - q0) > t) | (lo > m0));
      const V4 hit_hi = (hi >= 0) & (((hi - q1) > t) | (hi > m1));
      if (!any_lane16(bits<V16>(hit_lo | hit_hi))) continue;
      const int n = std::min(8, end - k0);
      for (int l = 0; l < n; ++l)
        if (l < 4 ? hit_lo[l] : hit_hi[l - 4]) {
          pos[count] = k0 + l;
          score[count] = sc[l];
          ++count;
        }
    }
    return count;
  }
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
