#include "core/matching/from_records.hpp"
#include "core/records/record_meta.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace pairwise::matching {
namespace {

std::string key_of(const std::string& text) { return ascii_lower(trim(text)); }

// Gives each distinct value a small code; the first 64 fit the matcher's bit sets.
class Dictionary {
 public:
  int code(const std::string& text) {
    const std::string key = key_of(text);
    if (key.empty()) return -1;
    auto [it, added] = codes_.emplace(key, static_cast<int>(codes_.size()));
    (void)added;
    return it->second;
  }
  std::size_t size() const { return codes_.size(); }

 private:
  std::map<std::string, int> codes_;
};

std::uint64_t bits_of(const std::vector<std::string>& values, Dictionary& dictionary, bool& overflow) {
  std::uint64_t bits = 0;
  for (const std::string& v : values) {
    const int c = dictionary.code(v);
    if (c < 0) continue;
    if (c >= 64) {
      overflow = true;
      continue;
    }
    bits |= std::uint64_t{1} << c;
  }
  return bits;
}

}  // namespace

MatchingCriteria criteria_from_scheme(const Scheme& scheme, std::vector<std::string>* warnings) {
  MatchingCriteria criteria;
  for (auto& rule : criteria.rules) rule = CriterionRule{0, false, 1};
  criteria.forbid_same_organisation = false;
  criteria.forbid_line_management = false;
  static const std::map<std::string, Criterion> kByKey = {
      {"topics", Criterion::Topics},         {"language", Criterion::Language},
      {"languages", Criterion::Language},    {"geography", Criterion::Geography},
      {"timezone", Criterion::TimeZone},     {"time_zone", Criterion::TimeZone},
      {"experience", Criterion::Experience}, {"face_to_face", Criterion::FaceToFace},
      {"mentee_preference", Criterion::MenteePreference},
      {"mentor_preference", Criterion::MentorPreference}};
  for (const MatchingCriterion& c : scheme.criteria) {
    if (c.key == "capacity") continue;  // always enforced
    if (c.key == "same_organisation") {
      criteria.forbid_same_organisation = c.hard_rule || c.weight > 0;
      continue;
    }
    if (c.key == "line_management") {
      criteria.forbid_line_management = c.hard_rule || c.weight > 0;
      continue;
    }
    auto found = kByKey.find(c.key);
    if (found == kByKey.end()) {
      if (warnings != nullptr) warnings->push_back("criterion \"" + c.key + "\" is not used by matching");
      continue;
    }
    CriterionRule& rule = criteria[found->second];
    rule.weight = static_cast<std::int32_t>(std::lround(std::max(0.0, c.weight) * 10.0));
    rule.hard = c.hard_rule;
    rule.min_value = 1;
  }
  criteria.minimum_score = 1;
  return criteria;
}

RecordsMatchingInput matching_input_from_records(const Workspace& workspace, const Scheme& scheme) {
  RecordsMatchingInput out;
  MatchingInput& input = out.input;
  input.criteria = criteria_from_scheme(scheme, &out.warnings);
  if (scheme.matching_mode == MatchingMode::cohort_variation) {
    // Cochrane: spread across the cohort; the scheme chooses the grouping and how much it is worth
    // (the preset's 200 is about one strong criterion: spread wins over small gains).
    input.goal.kind = scheme.cohort_spread.matching_group == "country" ? CohortGoal::Kind::MenteeCountries
                                                                        : CohortGoal::Kind::MenteeRegions;
    input.goal.bonus = scheme.cohort_spread.bonus;
  }

  Dictionary topics, languages, countries, regions, organisations, locations;
  for (const std::string& t : scheme.topics) topics.code(t);
  bool topic_overflow = false, language_overflow = false;

  std::map<std::string, std::string> id_by_email;
  std::map<std::string, int> load_by_mentor;
  std::map<std::string, bool> paired_mentee;
  const std::vector<Person> people = workspace.people_of_scheme(scheme.meta.id);
  for (const Person& p : people) id_by_email[normalize_email(p.email)] = p.meta.id;
  for (const Pairing& pairing : workspace.pairings_of_scheme(scheme.meta.id)) {
    if (!holds_mentor_place(pairing.status())) continue;
    load_by_mentor[normalize_email(pairing.mentor_email)]++;
    paired_mentee[normalize_email(pairing.mentee_email)] = true;
  }

  for (const Person& p : people) {
    // Paused, left or removed people and applicants the coordinator did not select are not matched.
    if (p.status != PersonStatus::active || p.decision == Decision::not_selected) continue;
    MatchProfile profile;
    profile.id = p.meta.id;
    profile.email = p.email;
    profile.name = p.name.empty() ? p.email : p.name;
    profile.topics = bits_of(p.topics, topics, topic_overflow);
    profile.languages = bits_of(p.languages, languages, language_overflow);
    profile.country = static_cast<std::uint16_t>(countries.code(p.country) + 1);
    profile.region = static_cast<std::uint16_t>(regions.code(p.region) + 1);
    profile.utc_offset_minutes = static_cast<std::int16_t>(p.utc_offset_minutes.value_or(0));
    profile.experience_years = static_cast<std::int16_t>(p.experience_years.value_or(0));
    profile.organisation = static_cast<std::uint32_t>(organisations.code(p.organisation) + 1);
    if (auto it = id_by_email.find(normalize_email(p.line_manager_email)); it != id_by_email.end())
      profile.line_manager_id = it->second;
    profile.face_to_face = p.face_to_face;
    profile.location = static_cast<std::uint32_t>(locations.code(p.country + "|" + p.region) + 1);
    for (const std::string& email : p.preferences)
      if (auto it = id_by_email.find(normalize_email(email)); it != id_by_email.end()) profile.ranking.push_back(it->second);

    const std::string email = normalize_email(p.email);
    if (p.is_mentor()) {
      MatchProfile mentor = profile;
      mentor.capacity = std::max(0, p.capacity);
      mentor.current_load = load_by_mentor.count(email) ? load_by_mentor[email] : 0;
      input.mentors.push_back(std::move(mentor));
    }
    if (p.is_mentee() && !paired_mentee.count(email)) input.mentees.push_back(std::move(profile));
  }
  if (topic_overflow) out.warnings.push_back("more than 64 distinct topics: only the first 64 count in matching");
  if (language_overflow) out.warnings.push_back("more than 64 distinct languages: only the first 64 count in matching");

  auto pair_ref = [&](const EmailPair& pair, std::vector<PairRef>& into, const char* what) {
    auto mentee = id_by_email.find(normalize_email(pair.mentee_email));
    auto mentor = id_by_email.find(normalize_email(pair.mentor_email));
    if (mentee == id_by_email.end() || mentor == id_by_email.end()) {
      out.warnings.push_back(std::string(what) + " pair " + pair.mentor_email + " / " + pair.mentee_email +
                             " names someone who has not applied");
      return;
    }
    into.push_back({mentee->second, mentor->second});
  };
  for (const EmailPair& pair : scheme.forbidden_pairs) pair_ref(pair, input.forbidden, "forbidden");
  for (const EmailPair& pair : scheme.locked_pairs) pair_ref(pair, input.locked, "locked");
  return out;
}

}  // namespace pairwise::matching
