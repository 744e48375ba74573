#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/matching/row_scorer.hpp"

using namespace pairwise::matching;

namespace {

// Profiles that hit the edge cases: no topics / no shared topic, all 64 topic bits, no language,
// unknown country / region / time zone (0), far and wrapped time zones, large experience gaps,
// no / same organisation, line managers, face to face with and without a location.
MatchProfile edgy_profile(std::mt19937& rng, const std::string& id) {
  MatchProfile p;
  p.id = id;
  switch (rng() % 6) {
    case 0: p.topics = 0; break;
    case 1: p.topics = ~0ull; break;
    case 2: p.topics = 1ull << (rng() % 64); break;
    default: p.topics = (static_cast<std::uint64_t>(rng()) << 32 | rng()) & (static_cast<std::uint64_t>(rng()) << 32 | rng());
  }
  switch (rng() % 4) {
    case 0: p.languages = 0; break;
    case 1: p.languages = 1ull << 63; break;
    default: p.languages = 1ull << (rng() % 4);
  }
  p.country = rng() % 4 == 0 ? 0 : static_cast<std::uint16_t>(rng() % 2 ? 1 + rng() % 3 : 65535 - rng() % 2);
  p.region = rng() % 4 == 0 ? 0 : static_cast<std::uint16_t>(1 + rng() % 2);
  switch (rng() % 4) {
    case 0: p.utc_offset_minutes = 0; break;
    case 1: p.utc_offset_minutes = static_cast<std::int16_t>(rng() % 2 ? 32767 : -32768); break;
    default: p.utc_offset_minutes = static_cast<std::int16_t>(static_cast<int>(rng() % 1561) - 780);
  }
  p.experience_years = static_cast<std::int16_t>(rng() % 3 == 0 ? static_cast<int>(rng() % 400) - 100 : static_cast<int>(rng() % 40));
  p.organisation = rng() % 3 == 0 ? 0 : (rng() % 5 == 0 ? 0xFFFFFFFFu : 1 + rng() % 4);
  p.face_to_face = rng() % 2;
  p.location = rng() % 4 == 0 ? 0 : (rng() % 5 == 0 ? 0xFFFFFFFFu : 1 + rng() % 3);
  return p;
}

MatchingCriteria random_criteria(std::mt19937& rng) {
  MatchingCriteria c;
  for (auto& r : c.rules) {
    r.weight = rng() % 4 == 0 ? 0 : static_cast<std::int32_t>(rng() % 1000);
    r.hard = rng() % 4 == 0;
    r.min_value = static_cast<std::int32_t>(rng() % 3 == 0 ? 1 : rng() % 120);
  }
  switch (rng() % 4) {
    case 0: c.ideal_experience_gap = 0; break;
    case 1: c.ideal_experience_gap = 1 + static_cast<std::int32_t>(rng() % 40); break;
    case 2: c.ideal_experience_gap = 12701 + static_cast<std::int32_t>(rng() % 100000); break;
    default: c.ideal_experience_gap = 1 + static_cast<std::int32_t>(rng() % 16000);
  }
  c.minimum_score = rng() % 2 ? 1 : static_cast<std::int64_t>(rng() % 200000);
  c.forbid_same_organisation = rng() % 3 != 0;
  c.forbid_line_management = rng() % 3 != 0;
  return c;
}

}  // namespace

TEST_CASE("exact divider: multiply-shift equals integer division") {
  for (std::int32_t d = 1; d <= 64; ++d) {
    std::int32_t mul = 0, shift = 0;
    exact_divider(d, 13, mul, shift);
    for (std::int32_t x = 0; x < (1 << 13); ++x) REQUIRE(((x * mul) >> shift) == x / d);
  }
  for (std::int32_t d = 1; d <= 12700; d += (d < 200 ? 1 : 37)) {
    std::int32_t mul = 0, shift = 0;
    exact_divider(d, 14, mul, shift);
    for (std::int32_t x = 0; x < (1 << 14); x += (d < 200 ? 1 : 7)) REQUIRE(((x * mul) >> shift) == x / d);
  }
  std::int32_t mul = 0, shift = 0;
  exact_divider(36, 12, mul, shift);
  CHECK(mul == 7282);
  CHECK(shift == 18);
}

TEST_CASE("percent reciprocal: one fixed shift gives floor(100 x / d) for every divisor used") {
  // topics: x shared topics of the mentee's d (1..64); experience: x = gap <= min(127, d), d <= 12700
  for (std::int32_t d = 1; d <= 12700; ++d) {
    const std::int32_t mul = percent_reciprocal(d);
    for (std::int32_t x = 0; x <= std::min(127, d); ++x) {
      const std::int64_t product = std::int64_t{x} * mul;
      REQUIRE(product < (std::int64_t{1} << 31));  // no 32-bit lane overflows
      REQUIRE((static_cast<std::int32_t>(product) >> kPercentShift) == 100 * x / d);
    }
  }
}

TEST_CASE("fast row scorer equals the reference scorer on random profiles and criteria") {
  std::mt19937 rng(20240611);
  long long allowed = 0, refused = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 30);
    const int m = 1 + static_cast<int>(rng() % 45);
    MatchingInput in;
    for (int i = 0; i < n; ++i) in.mentees.push_back(edgy_profile(rng, std::string(1, 'e').append(std::to_string(i))));
    for (int j = 0; j < m; ++j) in.mentors.push_back(edgy_profile(rng, std::string(1, 'm').append(std::to_string(j))));
    // People on both lists, line managers both ways, rankings and forbids (not part of base scores).
    if (n > 1 && m > 1) in.mentors[1].id = in.mentees[0].id;
    if (n > 2) in.mentees[2].line_manager_id = in.mentors[0].id;
    if (m > 2 && n > 3) in.mentors[2].line_manager_id = in.mentees[3].id;
    in.mentees[0].ranking = {in.mentors[static_cast<std::size_t>(m - 1)].id};
    in.forbidden.push_back({in.mentees[static_cast<std::size_t>(n - 1)].id, in.mentors[0].id});
    in.criteria = trial == 0 ? default_criteria() : random_criteria(rng);
    const Scorer sc(in.mentees, in.mentors, in.criteria, in.forbidden);
    const RowScorer rs(sc);
    CHECK(rs.vectorised());
    std::vector<std::int64_t> out(static_cast<std::size_t>(m));
    for (int i = 0; i < n; ++i) {
      rs.row(i, rs.all(), 0, m, out.data());
      for (int j = 0; j < m; ++j) {
        REQUIRE(out[static_cast<std::size_t>(j)] == sc.base_score(i, j));
        ++(out[static_cast<std::size_t>(j)] >= 0 ? allowed : refused);
      }
    }
    // A permuted subset of the mentors, scored over sub-ranges.
    std::vector<std::int32_t> order;
    for (int j = m - 1; j >= 0; --j)
      if (rng() % 3 != 0) order.push_back(j);
    const MentorLanes L = rs.lanes(order);
    for (int i = 0; i < n; ++i) {
      const int b = order.empty() ? 0 : static_cast<int>(rng() % order.size());
      const int e = b + static_cast<int>(rng() % (order.size() - static_cast<std::size_t>(b) + 1));
      rs.row(i, L, b, e, out.data());
      for (int k = b; k < e; ++k) REQUIRE(out[static_cast<std::size_t>(k - b)] == sc.base_score(i, order[static_cast<std::size_t>(k)]));
    }
  }
  CHECK(allowed > 1000);  // both outcomes are well represented
  CHECK(refused > 1000);
  MESSAGE("pairs allowed " << allowed << ", refused " << refused);
}

TEST_CASE("row scorer falls back to the reference scorer for huge or negative weights") {
  std::mt19937 rng(7);
  MatchingInput in;
  for (int i = 0; i < 5; ++i) in.mentees.push_back(edgy_profile(rng, std::string(1, 'e').append(std::to_string(i))));
  for (int j = 0; j < 11; ++j) in.mentors.push_back(edgy_profile(rng, std::string(1, 'm').append(std::to_string(j))));
  for (const std::int32_t w : {2000000000, -5}) {
    in.criteria = default_criteria();
    in.criteria[Criterion::Experience].weight = w;
    const Scorer sc(in.mentees, in.mentors, in.criteria);
    const RowScorer rs(sc);
    CHECK_FALSE(rs.vectorised());
    std::vector<std::int64_t> out(11);
    for (int i = 0; i < 5; ++i) {
      rs.row(i, rs.all(), 0, 11, out.data());
      for (int j = 0; j < 11; ++j) CHECK(out[static_cast<std::size_t>(j)] == sc.base_score(i, j));
    }
  }
}

TEST_CASE("row scorer hits: allowed pairs above the reduced-profit or the per-mentor threshold") {
  std::mt19937 rng(99);
  for (int trial = 0; trial < 40; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 10);
    const int m = 1 + static_cast<int>(rng() % 70);
    MatchingInput in;
    for (int i = 0; i < n; ++i) in.mentees.push_back(edgy_profile(rng, std::string(1, 'e').append(std::to_string(i))));
    for (int j = 0; j < m; ++j) in.mentors.push_back(edgy_profile(rng, std::string(1, 'm').append(std::to_string(j))));
    in.criteria = trial % 2 ? default_criteria() : random_criteria(rng);
    in.criteria.minimum_score = 1;
    const Scorer sc(in.mentees, in.mentors, in.criteria);
    const RowScorer rs(sc);
    REQUIRE(rs.vectorised());
    std::vector<std::int32_t> q(static_cast<std::size_t>(m) + 8), mthr(static_cast<std::size_t>(m) + 8);
    for (auto& x : q) x = static_cast<std::int32_t>(rng() % 3000);
    for (auto& x : mthr) x = rng() % 4 == 0 ? -1 : static_cast<std::int32_t>(rng() % 5000);
    std::vector<std::int32_t> pos(static_cast<std::size_t>(m)), score(static_cast<std::size_t>(m));
    for (int i = 0; i < n; ++i) {
      const auto thr = static_cast<std::int32_t>(static_cast<int>(rng() % 4000) - 3000);
      const int b = static_cast<int>(rng() % static_cast<unsigned>(m));
      const int e = b + static_cast<int>(rng() % static_cast<unsigned>(m - b + 1));
      const int count = rs.hits(i, rs.all(), b, e, q.data(), thr, mthr.data(), pos.data(), score.data());
      int expect = 0;
      for (int k = b; k < e; ++k) {
        const std::int64_t s = sc.base_score(i, k);
        if (s < 0 || (s - q[static_cast<std::size_t>(k)] <= thr && s <= mthr[static_cast<std::size_t>(k)])) continue;
        REQUIRE(expect < count);
        CHECK(pos[static_cast<std::size_t>(expect)] == k);
        CHECK(score[static_cast<std::size_t>(expect)] == s);
        ++expect;
      }
      CHECK(count == expect);
    }
  }
}

namespace {
// Compares row() (all mentors, and a permuted subset over a sub-range) and hits() with the
// reference scorer for every mentee.
void check_rows_against_reference(const Scorer& sc, const RowScorer& rs, std::mt19937& rng) {
  const int n = sc.mentee_count(), m = sc.mentor_count();
  std::vector<std::int64_t> out(static_cast<std::size_t>(m) + 8);
  std::vector<std::int32_t> order;
  for (int j = m - 1; j >= 0; --j)
    if (rng() % 3 != 0) order.push_back(j);
  const MentorLanes sub = rs.lanes(order);
  std::vector<std::int32_t> q(static_cast<std::size_t>(m) + 8), mthr(static_cast<std::size_t>(m) + 8);
  for (auto& x : q) x = static_cast<std::int32_t>(rng() % 3000);
  for (auto& x : mthr) x = rng() % 4 == 0 ? -1 : static_cast<std::int32_t>(rng() % 5000);
  std::vector<std::int32_t> pos(static_cast<std::size_t>(m)), score(static_cast<std::size_t>(m));
  for (int i = 0; i < n; ++i) {
    rs.row(i, rs.all(), 0, m, out.data());
    for (int j = 0; j < m; ++j) REQUIRE(out[static_cast<std::size_t>(j)] == sc.base_score(i, j));
    const int b = order.empty() ? 0 : static_cast<int>(rng() % order.size());
    const int e = b + static_cast<int>(rng() % (order.size() - static_cast<std::size_t>(b) + 1));
    rs.row(i, sub, b, e, out.data());
    for (int k = b; k < e; ++k) REQUIRE(out[static_cast<std::size_t>(k - b)] == sc.base_score(i, order[static_cast<std::size_t>(k)]));
    const auto thr = static_cast<std::int32_t>(static_cast<int>(rng() % 4000) - 3000);
    const int hb = static_cast<int>(rng() % static_cast<unsigned>(m));
    const int he = hb + static_cast<int>(rng() % static_cast<unsigned>(m - hb + 1));
    const int count = rs.hits(i, rs.all(), hb, he, q.data(), thr, mthr.data(), pos.data(), score.data());
    int expect = 0;
    for (int k = hb; k < he; ++k) {
      const std::int64_t s = sc.base_score(i, k);
      if (s < 0 || (s - q[static_cast<std::size_t>(k)] <= thr && s <= mthr[static_cast<std::size_t>(k)])) continue;
      REQUIRE(expect < count);
      REQUIRE(pos[static_cast<std::size_t>(expect)] == k);
      REQUIRE(score[static_cast<std::size_t>(expect)] == s);
      ++expect;
    }
    REQUIRE(count == expect);
  }
}
}  // namespace

TEST_CASE("16-bit row scorer equals the reference scorer on edge-case profiles with small weights") {
  // Weights small enough that every score fits 16 bits: the kernel runs 8 mentors per vector with
  // interned keys. Mentors' time zones and experience stay within +-16,000; some mentees' do not
  // (those rows use the 32-bit lanes), so both paths meet the same mentors.
  long long allowed = 0, refused = 0;
  for (const unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    std::mt19937 rng(seed);
    for (int trial = 0; trial < 25; ++trial) {
      const int n = 1 + static_cast<int>(rng() % 30);
      const int m = 1 + static_cast<int>(rng() % 60);
      MatchingInput in;
      for (int i = 0; i < n; ++i) in.mentees.push_back(edgy_profile(rng, std::string(1, 'e').append(std::to_string(i))));
      for (int j = 0; j < m; ++j) {
        MatchProfile p = edgy_profile(rng, std::string(1, 'm').append(std::to_string(j)));
        if (p.utc_offset_minutes < -16000 || p.utc_offset_minutes > 16000) p.utc_offset_minutes = static_cast<std::int16_t>(rng() % 2 ? 16000 : -16000);
        p.experience_years = static_cast<std::int16_t>(std::max(-16000, std::min<int>(16000, p.experience_years)));
        in.mentors.push_back(p);
      }
      if (n > 1 && m > 1) in.mentors[1].id = in.mentees[0].id;
      if (n > 2) in.mentees[2].line_manager_id = in.mentors[0].id;
      if (m > 2 && n > 3) in.mentors[2].line_manager_id = in.mentees[3].id;
      if (m > 3) in.mentors[3].line_manager_id = in.mentors[0].id;  // a mentor managing another
      in.criteria = trial == 0 ? default_criteria() : random_criteria(rng);
      for (auto& r : in.criteria.rules) r.weight %= 41;  // <= 40: at most 8 x 100 x 40 = 32,000
      if (in.criteria.minimum_score > 32767) in.criteria.minimum_score %= 4000;
      const Scorer sc(in.mentees, in.mentors, in.criteria, in.forbidden);
      const RowScorer rs(sc);
      REQUIRE(rs.vectorised());
      REQUIRE(rs.narrow());
      check_rows_against_reference(sc, rs, rng);
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < m; ++j) ++(sc.base_score(i, j) >= 0 ? allowed : refused);
    }
  }
  CHECK(allowed > 1000);
  CHECK(refused > 1000);
}

TEST_CASE("16-bit lanes are used only when every score and field fits") {
  std::mt19937 rng(11);
  MatchingInput in;
  for (int i = 0; i < 4; ++i) in.mentees.push_back(edgy_profile(rng, std::string(1, 'e').append(std::to_string(i))));
  for (int j = 0; j < 9; ++j) in.mentors.push_back(edgy_profile(rng, std::string(1, 'm').append(std::to_string(j))));
  for (auto& p : in.mentors) {
    p.utc_offset_minutes = 60;
    p.experience_years = 10;
  }
  in.criteria = default_criteria();
  CHECK(RowScorer(Scorer(in.mentees, in.mentors, in.criteria)).narrow());
  in.criteria[Criterion::Topics].weight = 400;  // the best score can exceed 32,767
  {
    const Scorer sc(in.mentees, in.mentors, in.criteria);
    const RowScorer rs(sc);
    CHECK(rs.vectorised());
    CHECK_FALSE(rs.narrow());
    check_rows_against_reference(sc, rs, rng);
  }
  in.criteria = default_criteria();
  in.mentors[4].utc_offset_minutes = 20000;  // a mentor's time zone out of the 16-bit range
  {
    const Scorer sc(in.mentees, in.mentors, in.criteria);
    const RowScorer rs(sc);
    CHECK_FALSE(rs.narrow());
    check_rows_against_reference(sc, rs, rng);
  }
}
