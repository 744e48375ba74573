#include "core/matching/worker_messages.hpp"

#include <algorithm>
#include <cstddef>

#include <nlohmann/json.hpp>

namespace pairwise::matching {
namespace {
using nlohmann::json;

constexpr int kMessageVersion = 1;

json encode_profile(const MatchProfile& p) {
  return {{"id", p.id},
          {"email", p.email},
          {"name", p.name},
          {"topics", p.topics},
          {"languages", p.languages},
          {"country", p.country},
          {"region", p.region},
          {"utc", p.utc_offset_minutes},
          {"experience", p.experience_years},
          {"organisation", p.organisation},
          {"line_manager", p.line_manager_id},
          {"face_to_face", p.face_to_face},
          {"location", p.location},
          {"capacity", p.capacity},
          {"load", p.current_load},
          {"ranking", p.ranking}};
}

MatchProfile decode_profile(const json& j) {
  MatchProfile p;
  p.id = j.at("id").get<std::string>();
  p.email = j.at("email").get<std::string>();
  p.name = j.at("name").get<std::string>();
  p.topics = j.at("topics").get<std::uint64_t>();
  p.languages = j.at("languages").get<std::uint64_t>();
  p.country = j.at("country").get<std::uint16_t>();
  p.region = j.at("region").get<std::uint16_t>();
  p.utc_offset_minutes = j.at("utc").get<std::int16_t>();
  p.experience_years = j.at("experience").get<std::int16_t>();
  p.organisation = j.at("organisation").get<std::uint32_t>();
  p.line_manager_id = j.at("line_manager").get<std::string>();
  p.face_to_face = j.at("face_to_face").get<bool>();
  p.location = j.at("location").get<std::uint32_t>();
  p.capacity = j.at("capacity").get<std::int32_t>();
  p.current_load = j.at("load").get<std::int32_t>();
  p.ranking = j.at("ranking").get<std::vector<std::string>>();
  return p;
}

json encode_pairs(const std::vector<PairRef>& pairs) {
  json out = json::array();
  for (const PairRef& p : pairs) out.push_back({p.mentee_id, p.mentor_id});
  return out;
}

std::vector<PairRef> decode_pairs(const json& j) {
  std::vector<PairRef> out;
  for (const json& p : j) out.push_back({p.at(0).get<std::string>(), p.at(1).get<std::string>()});
  return out;
}

json encode_criteria(const MatchingCriteria& c) {
  json rules = json::array();
  for (const CriterionRule& r : c.rules) rules.push_back({r.weight, r.hard, r.min_value});
  return {{"rules", rules},
          {"ideal_experience_gap", c.ideal_experience_gap},
          {"minimum_score", c.minimum_score},
          {"forbid_same_organisation", c.forbid_same_organisation},
          {"forbid_line_management", c.forbid_line_management}};
}

MatchingCriteria decode_criteria(const json& j) {
  MatchingCriteria c;
  const json& rules = j.at("rules");
  if (rules.size() != c.rules.size()) throw std::runtime_error("criteria: expected " + std::to_string(c.rules.size()) + " rules");
  for (std::size_t k = 0; k < c.rules.size(); ++k)
    c.rules[k] = {rules[k].at(0).get<std::int32_t>(), rules[k].at(1).get<bool>(), rules[k].at(2).get<std::int32_t>()};
  c.ideal_experience_gap = j.at("ideal_experience_gap").get<std::int32_t>();
  c.minimum_score = j.at("minimum_score").get<std::int64_t>();
  c.forbid_same_organisation = j.at("forbid_same_organisation").get<bool>();
  c.forbid_line_management = j.at("forbid_line_management").get<bool>();
  return c;
}

}  // namespace

std::string encode_matching_request(const MatchingInput& input, const MatchOptions& options) {
  json mentees = json::array(), mentors = json::array();
  for (const MatchProfile& p : input.mentees) mentees.push_back(encode_profile(p));
  for (const MatchProfile& p : input.mentors) mentors.push_back(encode_profile(p));
  return json{{"message_version", kMessageVersion},
              {"mentees", mentees},
              {"mentors", mentors},
              {"criteria", encode_criteria(input.criteria)},
              {"forbidden", encode_pairs(input.forbidden)},
              {"locked", encode_pairs(input.locked)},
              {"goal", {static_cast<int>(input.goal.kind), input.goal.bonus}},
              {"explain", options.explain}}
      .dump();
}

bool decode_matching_request(const std::string& text, MatchingInput& input, MatchOptions& options, std::string& error) {
  try {
    const json j = json::parse(text);
    if (j.at("message_version").get<int>() != kMessageVersion) {
      error = "the matching request comes from another version of Pairwise";
      return false;
    }
    MatchingInput in;
    for (const json& p : j.at("mentees")) in.mentees.push_back(decode_profile(p));
    for (const json& p : j.at("mentors")) in.mentors.push_back(decode_profile(p));
    in.criteria = decode_criteria(j.at("criteria"));
    in.forbidden = decode_pairs(j.at("forbidden"));
    in.locked = decode_pairs(j.at("locked"));
    const int goal_kind = j.at("goal").at(0).get<int>();
    if (goal_kind < 0 || goal_kind > static_cast<int>(CohortGoal::Kind::MenteeCountries))
      throw std::runtime_error("unknown cohort goal " + std::to_string(goal_kind));
    in.goal.kind = static_cast<CohortGoal::Kind>(goal_kind);
    in.goal.bonus = j.at("goal").at(1).get<std::int64_t>();
    options = MatchOptions{};
    options.explain = j.at("explain").get<bool>();
    input = std::move(in);
    return true;
  } catch (const std::exception& e) {
    error = std::string("malformed matching request: ") + e.what();
    return false;
  }
}

std::string encode_matching_reply(const MatchResult& r) {
  json pairs = json::array();
  for (const ProposedPair& p : r.pairs) pairs.push_back({p.mentee, p.mentor, p.score, p.breakdown.points, p.locked});
  json unmatched = json::array();
  for (const UnmatchedMentee& u : r.unmatched)
    unmatched.push_back({u.mentee, static_cast<int>(u.reason), u.best_mentor, u.best_score, u.best_mentor_price, u.text});
  const MatchStats& s = r.stats;
  return json{{"message_version", kMessageVersion},
              {"pairs", pairs},
              {"unmatched", unmatched},
              {"total_score", r.total_score},
              {"optimised_score", r.optimised_score},
              {"cohort_bonus", r.cohort_bonus},
              {"mentee_dual", r.mentee_dual},
              {"mentor_price", r.mentor_price},
              {"mentor_of", r.mentor_of},
              {"proven_optimal", r.proven_optimal},
              {"stats", {s.scoring_ms, s.solve_ms, s.pricing_ms, s.explain_ms, s.total_ms, s.pricing_rounds}}}
      .dump();
}

bool decode_matching_reply(const std::string& text, MatchResult& result, std::string& error) {
  try {
    const json j = json::parse(text);
    if (j.contains("error")) {
      error = j.at("error").get<std::string>();
      return false;
    }
    if (j.at("message_version").get<int>() != kMessageVersion) {
      error = "the matching worker is another version of Pairwise: reload the page";
      return false;
    }
    MatchResult r;
    for (const json& p : j.at("pairs")) {
      ProposedPair pair;
      pair.mentee = p.at(0).get<int>();
      pair.mentor = p.at(1).get<int>();
      pair.score = p.at(2).get<std::int64_t>();
      pair.breakdown.points = p.at(3).get<std::array<std::int32_t, kCriterionCount>>();
      pair.locked = p.at(4).get<bool>();
      r.pairs.push_back(pair);
    }
    for (const json& u : j.at("unmatched")) {
      UnmatchedMentee m;
      m.mentee = u.at(0).get<int>();
      const int reason = u.at(1).get<int>();
      if (reason < 0 || reason > static_cast<int>(UnmatchedReason::AllowedMentorsFull))
        throw std::runtime_error("unknown unmatched reason " + std::to_string(reason));
      m.reason = static_cast<UnmatchedReason>(reason);
      m.best_mentor = u.at(2).get<int>();
      m.best_score = u.at(3).get<std::int64_t>();
      m.best_mentor_price = u.at(4).get<std::int64_t>();
      m.text = u.at(5).get<std::string>();
      r.unmatched.push_back(m);
    }
    r.total_score = j.at("total_score").get<std::int64_t>();
    r.optimised_score = j.at("optimised_score").get<std::int64_t>();
    r.cohort_bonus = j.at("cohort_bonus").get<std::int64_t>();
    r.mentee_dual = j.at("mentee_dual").get<std::vector<std::int64_t>>();
    r.mentor_price = j.at("mentor_price").get<std::vector<std::int64_t>>();
    r.mentor_of = j.at("mentor_of").get<std::vector<int>>();
    r.proven_optimal = j.at("proven_optimal").get<bool>();
    const json& s = j.at("stats");
    r.stats.scoring_ms = s.at(0).get<double>();
    r.stats.solve_ms = s.at(1).get<double>();
    r.stats.pricing_ms = s.at(2).get<double>();
    r.stats.explain_ms = s.at(3).get<double>();
    r.stats.total_ms = s.at(4).get<double>();
    r.stats.pricing_rounds = s.at(5).get<int>();
    result = std::move(r);
    return true;
  } catch (const std::exception& e) {
    error = std::string("malformed reply from the matching worker: ") + e.what();
    return false;
  }
}

MatchingInput warm_up_input(const MatchingInput& cohort, std::size_t mentees, std::size_t mentors) {
  MatchingInput out;
  out.mentees.assign(cohort.mentees.begin(), cohort.mentees.begin() + static_cast<std::ptrdiff_t>(std::min(mentees, cohort.mentees.size())));
  out.mentors.assign(cohort.mentors.begin(), cohort.mentors.begin() + static_cast<std::ptrdiff_t>(std::min(mentors, cohort.mentors.size())));
  out.criteria = cohort.criteria;
  out.goal = cohort.goal;
  return out;
}

std::string answer_matching_request(const std::string& request) {
  MatchingInput input;
  MatchOptions options;
  std::string error;
  if (!decode_matching_request(request, input, options, error)) return json{{"error", error}}.dump();
  return encode_matching_reply(match(input, options));
}

}  // namespace pairwise::matching
