// Input types of the matching engine: compact profiles and the scheme's criteria.
// They do not depend on the records (Person, Scheme, ...): an adapter fills them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pairwise::matching {

// Criteria that contribute points to a mentee–mentor pair. Each yields a value in [0, 100];
// the pair's score is the sum of weight * value over all criteria (integers, so exact).
enum class Criterion : std::uint8_t {
  Topics,            // share of the mentee's topics the mentor covers
  Language,          // 100 if they share a language
  Geography,         // 100 same country, 50 same region, else 0
  TimeZone,          // 100 - |utc offset difference| * 100 / 12 h (wrapping around the date line)
  Experience,        // mentor more experienced than mentee: gap / ideal gap, capped at 100
  FaceToFace,        // mentee wishes to meet in person: 100 if same location and mentor willing
  MenteePreference,  // mentee ranked the mentor: 100 for first choice, falling linearly
  MentorPreference,  // mentor ranked the mentee: likewise
};
inline constexpr std::size_t kCriterionCount = 8;
std::string_view criterion_name(Criterion c);       // "topics", "language", ...
bool criterion_from_name(std::string_view name, Criterion& out);

// One person as seen by the matcher (a mentee, a mentor, or both when someone is on both lists).
struct MatchProfile {
  std::string id;                 // unique person id; same id on both lists = same person
  std::string email;              // carried into the output only
  std::string name;               // carried into explanations only
  std::uint64_t topics = 0;       // bit t set = topic / area of activity t (0..63)
  std::uint64_t languages = 0;    // bit l set = speaks language l (0..63)
  std::uint16_t country = 0;      // 0 = unknown; e.g. ('G' << 8) | 'B'
  std::uint16_t region = 0;       // 0 = unknown; any coding of world regions
  std::int16_t utc_offset_minutes = 0;
  std::int16_t experience_years = 0;
  std::uint32_t organisation = 0;  // 0 = none; same non-zero organisation = conflict of interest
  std::string line_manager_id;     // id of this person's line manager ("" = none)
  bool face_to_face = false;       // mentee: wishes to meet in person; mentor: willing to
  std::uint32_t location = 0;      // 0 = unknown; same non-zero value = can meet in person
  std::int32_t capacity = 1;       // mentors: how many mentees at once (including current ones)
  std::int32_t current_load = 0;   // mentors: mentees already paired outside this run
  std::vector<std::string> ranking;  // preference list of ids on the other side, best first
};

struct CriterionRule {
  std::int32_t weight = 0;   // points per unit of value (0..1000 is sensible)
  bool hard = false;         // a hard rule: pairs with value < min_value are not allowed
  std::int32_t min_value = 1;
};

struct MatchingCriteria {
  std::array<CriterionRule, kCriterionCount> rules{};
  std::int32_t ideal_experience_gap = 10;  // years at which Experience reaches 100
  std::int64_t minimum_score = 1;          // pairs scoring less are not allowed (at least 1)
  bool forbid_same_organisation = true;
  bool forbid_line_management = true;
  CriterionRule& operator[](Criterion c) { return rules[static_cast<std::size_t>(c)]; }
  const CriterionRule& operator[](Criterion c) const { return rules[static_cast<std::size_t>(c)]; }
};

// A sensible default: topics 3, language 2 (hard), time zone 2, geography 1, experience 2,
// face to face 1, preferences 2 each.
MatchingCriteria default_criteria();

struct PairRef {
  std::string mentee_id;
  std::string mentor_id;
};

// Cohort goal (optional): reward covering groups. Each group (e.g. a region or a topic of the
// mentee) earns `bonus` points once if at least one mentee of that group is matched.
struct CohortGoal {
  enum class Kind : std::uint8_t { None, MenteeRegions, MenteeCountries } kind = Kind::None;
  std::int64_t bonus = 0;
};

struct MatchingInput {
  std::vector<MatchProfile> mentees;
  std::vector<MatchProfile> mentors;
  MatchingCriteria criteria;
  std::vector<PairRef> forbidden;  // never propose these
  std::vector<PairRef> locked;     // fixed by the coordinator; they use mentor capacity
  CohortGoal goal;
};

}  // namespace pairwise::matching
