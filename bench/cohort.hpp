// Reproducible skewed cohorts for benchmarks and tests: popular topics, a dominant language,
// clustered regions and time zones, and senior mentors that everybody scores highly.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/matching/from_records.hpp"
#include "core/matching/profile.hpp"
#include "core/presets/presets.hpp"

namespace pairwise::bench {

inline matching::MatchingInput make_cohort(int mentees, int mentors, int capacity, std::uint64_t seed) {
  using namespace pairwise::matching;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  // Zipf-like topic popularity over 64 topics.
  std::vector<double> topic_w(64);
  for (int t = 0; t < 64; ++t) topic_w[static_cast<std::size_t>(t)] = 1.0 / (1.0 + t);
  std::discrete_distribution<int> topic(topic_w.begin(), topic_w.end());
  std::discrete_distribution<int> region({30, 25, 15, 12, 10, 8});
  const auto make = [&](const std::string& id, bool mentor) {
    MatchProfile p;
    p.id = id;
    const int nt = mentor ? 3 + static_cast<int>(rng() % 6) : 2 + static_cast<int>(rng() % 3);
    for (int k = 0; k < nt; ++k) p.topics |= 1ull << topic(rng);
    p.languages = U(rng) < 0.85 ? 1 : 0;
    p.languages |= 1ull << (1 + rng() % 7);
    const int r = region(rng);
    p.region = static_cast<std::uint16_t>(1 + r);
    p.country = static_cast<std::uint16_t>(1 + r * 10 + static_cast<int>(rng() % 10));
    p.utc_offset_minutes = static_cast<std::int16_t>((r * 3 - 6) * 60 + static_cast<int>(rng() % 5) * 60 - 120);
    // Seniority is skewed: a few very senior mentors are everybody's favourites.
    const double x = U(rng);
    p.experience_years = mentor ? static_cast<std::int16_t>(3 + 35 * x * x * x) : static_cast<std::int16_t>(rng() % 8);
    p.organisation = static_cast<std::uint32_t>(1 + rng() % 400);
    p.face_to_face = U(rng) < 0.2;
    p.location = static_cast<std::uint32_t>(1 + rng() % 50);
    p.capacity = capacity;
    return p;
  };
  MatchingInput in;
  in.mentees.reserve(static_cast<std::size_t>(mentees));
  in.mentors.reserve(static_cast<std::size_t>(mentors));
  for (int i = 0; i < mentees; ++i) in.mentees.push_back(make(std::string(1, 'e').append(std::to_string(i)), false));
  for (int j = 0; j < mentors; ++j) in.mentors.push_back(make(std::string(1, 'm').append(std::to_string(j)), true));
  in.criteria = default_criteria();
  in.criteria[Criterion::Topics] = {3, false, 1};
  in.criteria[Criterion::Language] = {2, true, 1};
  in.criteria[Criterion::Geography] = {1, false, 1};
  in.criteria[Criterion::TimeZone] = {2, false, 1};
  in.criteria[Criterion::Experience] = {4, false, 1};
  in.criteria[Criterion::FaceToFace] = {1, false, 1};
  in.criteria.ideal_experience_gap = 35;
  in.criteria.minimum_score = 1;
  return in;
}

}  // namespace pairwise::bench

namespace pairwise::bench {

// A Cochrane KT cohort as the issue describes it: the preset's criteria and its cohort-spread goal
// (a bonus per mentee region covered), mentees whose topics favour two popular themes, one
// dominant language, regions and time zones skewed (most people in two regions), mentors of
// capacity `capacity`, organisations shared by a few (same-organisation pairs are forbidden).
inline matching::MatchingInput make_cochrane_cohort(int mentees, int mentors, int capacity, std::uint64_t seed) {
  using namespace pairwise::matching;
  MatchingInput in;
  auto scheme = read_preset_file(SchemePreset::cochrane_kt);
  if (scheme) {
    in.criteria = criteria_from_scheme(scheme.value());
    in.goal.kind = scheme.value().cohort_spread.matching_group == "country" ? CohortGoal::Kind::MenteeCountries
                                                                              : CohortGoal::Kind::MenteeRegions;
    in.goal.bonus = scheme.value().cohort_spread.bonus;
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  std::discrete_distribution<int> mentee_topic({40, 35, 8, 7, 5, 5});  // two popular themes of six
  std::discrete_distribution<int> region({45, 25, 10, 8, 7, 5});
  std::discrete_distribution<int> language({80, 8, 5, 3, 2, 1, 1});
  // Region -> centre of its time zones (hours): Europe, Americas, Africa, South Asia, East Asia, Oceania.
  const int centre[6] = {1, -5, 2, 5, 8, 10};
  const auto make = [&](const std::string& id, bool mentor) {
    MatchProfile p;
    p.id = id;
    const int topics = mentor ? 1 + static_cast<int>(rng() % 3) : 1 + static_cast<int>(rng() % 2);
    for (int k = 0; k < topics; ++k) p.topics |= 1ull << (mentor ? static_cast<int>(rng() % 6) : mentee_topic(rng));
    p.languages = 1ull << language(rng);
    if (U(rng) < 0.3) p.languages |= 1ull << language(rng);
    const int r = region(rng);
    p.region = static_cast<std::uint16_t>(1 + r);
    p.country = static_cast<std::uint16_t>(1 + r * 12 + static_cast<int>(rng() % 12));
    p.utc_offset_minutes = static_cast<std::int16_t>((centre[r] + static_cast<int>(rng() % 5) - 2) * 60);
    const double x = U(rng);
    p.experience_years = mentor ? static_cast<std::int16_t>(5 + 30 * x * x) : static_cast<std::int16_t>(rng() % 6);
    p.organisation = static_cast<std::uint32_t>(1 + rng() % 600);
    p.capacity = mentor ? capacity : 1;
    return p;
  };
  for (int i = 0; i < mentees; ++i) in.mentees.push_back(make(std::string("ce").append(std::to_string(i)), false));
  for (int j = 0; j < mentors; ++j) in.mentors.push_back(make(std::string("cm").append(std::to_string(j)), true));
  return in;
}

}  // namespace pairwise::bench
