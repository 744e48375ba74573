#include "core/matching/json_io.hpp"

#include "core/csv/csv_writer.hpp"

#include <nlohmann/json.hpp>

namespace pairwise::matching {

namespace {
using nlohmann::json;

std::uint64_t bits(const json& j, const char* key) {
  std::uint64_t b = 0;
  if (!j.contains(key)) return 0;
  for (const auto& v : j.at(key)) {
    const int x = v.get<int>();
    if (x < 0 || x > 63) throw std::out_of_range(std::string(key) + " must be between 0 and 63");
    b |= 1ull << x;
  }
  return b;
}

std::uint16_t country_code(const json& j) {
  if (!j.contains("country")) return 0;
  const auto& c = j.at("country");
  if (c.is_number_integer()) return static_cast<std::uint16_t>(c.get<int>());
  const std::string s = c.get<std::string>();
  if (s.empty()) return 0;
  std::uint16_t v = 0;
  for (char ch : s.substr(0, 2)) v = static_cast<std::uint16_t>((v << 8) | static_cast<unsigned char>(ch));
  return v;
}

MatchProfile profile(const json& j) {
  MatchProfile p;
  p.id = j.at("id").is_string() ? j.at("id").get<std::string>() : j.at("id").dump();
  p.email = j.value("email", "");
  p.name = j.value("name", "");
  p.topics = bits(j, "topics");
  p.languages = bits(j, "languages");
  p.country = country_code(j);
  p.region = static_cast<std::uint16_t>(j.value("region", 0));
  p.utc_offset_minutes = static_cast<std::int16_t>(j.value("utc_offset_minutes", 0));
  p.experience_years = static_cast<std::int16_t>(j.value("experience_years", 0));
  p.organisation = j.value("organisation", 0u);
  p.line_manager_id = j.value("line_manager", "");
  p.face_to_face = j.value("face_to_face", false);
  p.location = j.value("location", 0u);
  p.capacity = j.value("capacity", 1);
  p.current_load = j.value("current_load", 0);
  if (j.contains("ranking"))
    for (const auto& r : j.at("ranking")) p.ranking.push_back(r.get<std::string>());
  return p;
}

std::vector<PairRef> pairs(const json& j, const char* key) {
  std::vector<PairRef> out;
  if (!j.contains(key)) return out;
  for (const auto& p : j.at(key)) out.push_back({p.at("mentee").get<std::string>(), p.at("mentor").get<std::string>()});
  return out;
}

}  // namespace

bool parse_matching_input(const std::string& text, MatchingInput& out, std::string& error) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "input is not a JSON object";
    return false;
  }
  try {
    out = MatchingInput{};
    out.criteria = default_criteria();
    if (j.contains("criteria")) {
      const auto& c = j.at("criteria");
      if (c.contains("weights"))
        for (const auto& [name, w] : c.at("weights").items()) {
          Criterion k;
          if (!criterion_from_name(name, k)) throw std::out_of_range("unknown criterion " + name);
          out.criteria[k].weight = w.get<std::int32_t>();
        }
      if (c.contains("hard")) {
        for (auto& r : out.criteria.rules) r.hard = false;
        for (const auto& h : c.at("hard")) {
          Criterion k;
          if (!criterion_from_name(h.get<std::string>(), k)) throw std::out_of_range("unknown criterion " + h.get<std::string>());
          out.criteria[k].hard = true;
        }
      }
      if (c.contains("min_values"))
        for (const auto& [name, v] : c.at("min_values").items()) {
          Criterion k;
          if (!criterion_from_name(name, k)) throw std::out_of_range("unknown criterion " + name);
          out.criteria[k].min_value = v.get<std::int32_t>();
        }
      out.criteria.minimum_score = c.value("minimum_score", std::int64_t{1});
      out.criteria.ideal_experience_gap = c.value("ideal_experience_gap", 10);
      out.criteria.forbid_same_organisation = c.value("forbid_same_organisation", true);
      out.criteria.forbid_line_management = c.value("forbid_line_management", true);
    }
    if (j.contains("mentees"))
      for (const auto& p : j.at("mentees")) out.mentees.push_back(profile(p));
    if (j.contains("mentors"))
      for (const auto& p : j.at("mentors")) out.mentors.push_back(profile(p));
    out.forbidden = pairs(j, "forbidden");
    out.locked = pairs(j, "locked");
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
  return true;
}

std::string result_to_json(const MatchingInput& in, const MatchResult& r) {
  json o;
  o["total_score"] = r.total_score;
  o["optimal"] = r.proven_optimal;
  json ps = json::array();
  for (const auto& p : r.pairs) {
    const auto& e = in.mentees[static_cast<std::size_t>(p.mentee)];
    const auto& m = in.mentors[static_cast<std::size_t>(p.mentor)];
    json b = json::object();
    for (std::size_t k = 0; k < kCriterionCount; ++k)
      if (p.breakdown.points[k] != 0) b[std::string(criterion_name(static_cast<Criterion>(k)))] = p.breakdown.points[k];
    ps.push_back({{"mentee", e.id}, {"mentee_email", e.email}, {"mentor", m.id}, {"mentor_email", m.email},
                  {"score", p.score}, {"locked", p.locked}, {"breakdown", b}});
  }
  o["pairs"] = ps;
  json us = json::array();
  for (const auto& u : r.unmatched) {
    json x = {{"mentee", in.mentees[static_cast<std::size_t>(u.mentee)].id},
              {"reason", std::string(unmatched_reason_name(u.reason))},
              {"text", u.text}};
    if (u.best_mentor >= 0) {
      x["best_mentor"] = in.mentors[static_cast<std::size_t>(u.best_mentor)].id;
      x["best_score"] = u.best_score;
    }
    us.push_back(x);
  }
  o["unmatched"] = us;
  o["stats"] = {{"total_ms", r.stats.total_ms}, {"pricing_rounds", r.stats.pricing_rounds}};
  return o.dump(2);
}

std::string match_json(const std::string& text, const MatchOptions& options) {
  MatchingInput in;
  std::string error;
  if (!parse_matching_input(text, in, error)) return json{{"error", error}}.dump();
  const MatchResult r = match(in, options);
  return result_to_json(in, r);
}

std::string proposals_csv(const MatchingInput& in, const MatchResult& r) {
  // Through the one CSV writer, so e-mails such as "=1+1@x.org" (which pass the e-mail check)
  // cannot run as formulas, exactly as in every other export.
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"mentee_id", "mentee_email", "mentor_id", "mentor_email", "score", "locked"};
  for (std::size_t k = 0; k < kCriterionCount; ++k) header.emplace_back(criterion_name(static_cast<Criterion>(k)));
  header.emplace_back("unmatched_reason");
  header.emplace_back("explanation");
  rows.push_back(std::move(header));
  for (const auto& p : r.pairs) {
    const auto& e = in.mentees[static_cast<std::size_t>(p.mentee)];
    const auto& m = in.mentors[static_cast<std::size_t>(p.mentor)];
    std::vector<std::string> row{e.id, e.email, m.id, m.email, std::to_string(p.score), p.locked ? "yes" : "no"};
    for (auto pts : p.breakdown.points) row.push_back(std::to_string(pts));
    row.emplace_back();
    row.emplace_back();
    rows.push_back(std::move(row));
  }
  for (const auto& u : r.unmatched) {
    const auto& e = in.mentees[static_cast<std::size_t>(u.mentee)];
    std::vector<std::string> row{e.id, e.email, "", "", "", ""};
    for (std::size_t k = 0; k < kCriterionCount; ++k) row.emplace_back();
    row.emplace_back(unmatched_reason_name(u.reason));
    row.push_back(u.text);
    rows.push_back(std::move(row));
  }
  return write_csv(rows);
}

}  // namespace pairwise::matching
