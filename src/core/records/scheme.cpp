#include "core/records/scheme.hpp"

namespace pairwise {

Json encode(const Scheme& s) {
  Json j = Json::object();
  encode_meta(s.meta, j);
  j["name"] = s.name;
  j["description"] = s.description;
  Json roles = Json::array();
  for (Role r : s.roles_offered) roles.push_back(enum_to_string(kRoleNames, r));
  j["roles_offered"] = roles;
  Json criteria = Json::array();
  for (const auto& c : s.criteria)
    criteria.push_back(Json{{"key", c.key}, {"weight", c.weight}, {"hard_rule", c.hard_rule}});
  j["criteria"] = criteria;
  j["topics"] = s.topics;
  j["duration_weeks"] = Json{{"min", s.duration_weeks_min}, {"max", s.duration_weeks_max}};
  const auto& e = s.expectations;
  j["meeting_expectations"] = Json{{"meetings_total", e.meetings_total},
                                   {"min_meeting_minutes", e.min_meeting_minutes},
                                   {"monthly_minutes_min", e.monthly_minutes_min},
                                   {"monthly_minutes_max", e.monthly_minutes_max},
                                   {"meetings_per_year", e.meetings_per_year},
                                   {"online", e.online}};
  j["feedback_every_months"] = s.feedback_every_months;
  j["matching_mode"] = enum_to_string(kMatchingModeNames, s.matching_mode);
  j["no_response_days"] = s.no_response_days;
  Json fields = Json::array();
  for (const auto& f : s.intake_fields) fields.push_back(Json{{"key", f.key}, {"required", f.required}});
  j["intake_fields"] = fields;
  j["preparation_questions"] = s.preparation_questions;
  j["csv_mapping"] = encode(s.csv_mapping);
  auto pairs = [](const std::vector<EmailPair>& v) {
    Json a = Json::array();
    for (const auto& p : v) a.push_back(Json{{"mentor_email", p.mentor_email}, {"mentee_email", p.mentee_email}});
    return a;
  };
  j["forbidden_pairs"] = pairs(s.forbidden_pairs);
  j["locked_pairs"] = pairs(s.locked_pairs);
  j["starts_on"] = s.starts_on;
  return j;
}

void decode(const JsonReader& in, Scheme& s) {
  if (!in.expect_object()) return;
  decode_meta(in, s.meta);
  in.required("name", s.name);
  in.optional("description", s.description);
  in.optional_enum_list("roles_offered", s.roles_offered, kRoleNames);
  in.optional_list<MatchingCriterion>("criteria", s.criteria, [](const JsonReader& r, MatchingCriterion& c) {
    r.required("key", c.key);
    r.optional("weight", c.weight);
    r.optional("hard_rule", c.hard_rule);
    if (c.weight < 0) r.field("weight").error("expected a weight of 0 or more");
  });
  in.optional("topics", s.topics);
  JsonReader d = in.field("duration_weeks");
  if (d.present() && d.expect_object()) {
    d.optional_int_range("min", s.duration_weeks_min, 0, 520);
    d.optional_int_range("max", s.duration_weeks_max, 0, 520);
  }
  JsonReader e = in.field("meeting_expectations");
  if (e.present() && e.expect_object()) {
    auto& x = s.expectations;
    e.optional_int_range("meetings_total", x.meetings_total, 0, 1000);
    e.optional_int_range("min_meeting_minutes", x.min_meeting_minutes, 0, 1440);
    e.optional_int_range("monthly_minutes_min", x.monthly_minutes_min, 0, 44640);
    e.optional_int_range("monthly_minutes_max", x.monthly_minutes_max, 0, 44640);
    e.optional_int_range("meetings_per_year", x.meetings_per_year, 0, 366);
    e.optional("online", x.online);
  }
  in.optional_int_range("feedback_every_months", s.feedback_every_months, 0, 120);
  in.optional_enum("matching_mode", s.matching_mode, kMatchingModeNames);
  in.optional_int_range("no_response_days", s.no_response_days, 0, 3650);
  in.optional_list<IntakeField>("intake_fields", s.intake_fields, [](const JsonReader& r, IntakeField& f) {
    r.required("key", f.key);
    r.optional("required", f.required);
  });
  in.optional("preparation_questions", s.preparation_questions);
  if (in.field("csv_mapping").present()) decode(in.field("csv_mapping"), s.csv_mapping);
  auto pairs = [](const JsonReader& r, EmailPair& p) {
    r.required("mentor_email", p.mentor_email);
    r.required("mentee_email", p.mentee_email);
  };
  in.optional_list<EmailPair>("forbidden_pairs", s.forbidden_pairs, pairs);
  in.optional_list<EmailPair>("locked_pairs", s.locked_pairs, pairs);
  in.optional_date("starts_on", s.starts_on);
}

namespace {

std::vector<IntakeField> fields(std::initializer_list<const char*> required, std::initializer_list<const char*> optional) {
  std::vector<IntakeField> out;
  for (const char* k : required) out.push_back(IntakeField{k, true});
  for (const char* k : optional) out.push_back(IntakeField{k, false});
  return out;
}

}  // namespace

Scheme make_preset(SchemePreset preset, IdGenerator& ids, const Clock& clock) {
  Scheme s;
  s.meta = new_meta(ids, clock);
  s.roles_offered = {Role::mentor, Role::mentee};
  switch (preset) {
    case SchemePreset::cochrane_kt:
      s.name = "Cochrane KT mentoring";
      s.description = "Mentee-led knowledge translation mentoring, 60-90 minutes a month for 6-9 months.";
      s.criteria = {{"topics", 3, false}, {"language", 2, false}, {"timezone", 1, false},
                    {"experience", 1, false}, {"capacity", 0, true}, {"same_organisation", 0, true}};
      s.topics = {"Stakeholder engagement", "Evidence synthesis products", "Dissemination",
                  "Implementation", "Evaluating KT", "Capacity building"};
      s.duration_weeks_min = 26;
      s.duration_weeks_max = 39;
      s.expectations.monthly_minutes_min = 60;
      s.expectations.monthly_minutes_max = 90;
      s.expectations.online = true;
      s.matching_mode = MatchingMode::cohort_variation;
      s.intake_fields = fields({"email", "name", "roles", "languages", "timezone", "topics"},
                               {"country", "experience_years", "project.what", "project.success_outcome"});
      break;
    case SchemePreset::ikt:
      s.name = "IKT mentoring";
      s.description = "Streamlined matching on geography, area of activity and experience.";
      s.criteria = {{"geography", 1, false}, {"topics", 1, false}, {"experience", 1, false},
                    {"capacity", 0, true}};
      s.feedback_every_months = 6;
      s.no_response_days = 14;
      s.intake_fields = fields({"email", "roles", "country", "topics", "experience_years"}, {});
      break;
    case SchemePreset::kind:
      s.name = "KIND mentoring";
      s.description = "About 8 weeks on a well-defined project; either side may withdraw without fault.";
      s.criteria = {{"topics", 2, false}, {"capacity", 0, true}};
      s.duration_weeks_min = 8;
      s.duration_weeks_max = 8;
      s.matching_mode = MatchingMode::mentor_picks_requests;
      s.intake_fields = fields({"email", "name", "roles", "project.what", "project.how", "project.barriers",
                                "project.mentor_role"},
                               {"topics"});
      break;
    case SchemePreset::coproduction:
      s.name = "Co-production Network mentoring";
      s.description = "Three meetings of at least 30 minutes, structured with Review and ToGROW.";
      s.criteria = {{"topics", 2, false}, {"face_to_face", 1, false}, {"capacity", 0, true}};
      s.expectations.meetings_total = 3;
      s.expectations.min_meeting_minutes = 30;
      s.duration_weeks_min = 12;
      s.duration_weeks_max = 26;
      s.intake_fields = fields({"email", "name", "roles"}, {"topics", "face_to_face", "project.success_outcome"});
      s.preparation_questions = {"What do you want to get out of the mentoring?",
                                 "What outcomes would tell you that the mentoring has been successful?"};
      break;
    case SchemePreset::mrc_ctu_lmic:
      s.name = "MRC CTU LMIC mentoring";
      s.description = "Mentee-driven one-to-one mentoring with SMART objectives and an agreement form.";
      s.criteria = {{"topics", 2, false}, {"experience", 2, false}, {"timezone", 1, false},
                    {"capacity", 0, true}, {"line_management", 0, true}};
      s.expectations.meetings_per_year = 2;
      s.expectations.online = true;
      s.duration_weeks_min = 52;
      s.intake_fields = fields({"email", "name", "roles", "country"}, {"career_stage", "topics", "organisation"});
      s.topics = {"Career aspirations and next steps", "Career directions and opportunities",
                  "Promotion or job applications", "Work relationships", "Inter-personal and professional skills",
                  "Work life balance", "Motivation, self-confidence", "Team working and leadership"};
      break;
  }
  return s;
}

std::vector<Scheme> all_presets(IdGenerator& ids, const Clock& clock) {
  std::vector<Scheme> out;
  for (SchemePreset p : {SchemePreset::cochrane_kt, SchemePreset::ikt, SchemePreset::kind,
                         SchemePreset::coproduction, SchemePreset::mrc_ctu_lmic})
    out.push_back(make_preset(p, ids, clock));
  return out;
}

std::vector<std::string> missing_intake_fields(const Scheme& scheme, const Person& p) {
  std::vector<std::string> missing;
  for (const auto& f : scheme.intake_fields) {
    if (!f.required) continue;
    const std::string& k = f.key;
    bool empty = false;
    if (k == "email") empty = trim(p.email).empty();
    else if (k == "name") empty = trim(p.name).empty();
    else if (k == "roles") empty = p.roles.empty();
    else if (k == "country") empty = p.country.empty() && p.region.empty();
    else if (k == "region") empty = p.region.empty();
    else if (k == "timezone") empty = p.timezone_name.empty() && !p.utc_offset_minutes;
    else if (k == "utc_offset_minutes") empty = !p.utc_offset_minutes;
    else if (k == "languages") empty = p.languages.empty();
    else if (k == "topics") empty = p.topics.empty();
    else if (k == "experience_years") empty = !p.experience_years && p.career_stage.empty();
    else if (k == "career_stage") empty = p.career_stage.empty() && !p.experience_years;
    else if (k == "availability") empty = p.availability.empty();
    else if (k == "organisation") empty = p.organisation.empty();
    else if (k == "line_manager_email") empty = p.line_manager_email.empty();
    else if (k == "project.what") empty = p.project.what.empty() && p.is_mentee();
    else if (k == "project.how") empty = p.project.how.empty() && p.is_mentee();
    else if (k == "project.barriers") empty = p.project.barriers.empty() && p.is_mentee();
    else if (k == "project.mentor_role") empty = p.project.mentor_role.empty() && p.is_mentee();
    else if (k == "project.success_outcome") empty = p.project.success_outcome.empty() && p.is_mentee();
    if (empty) missing.push_back(k);
  }
  return missing;
}

}  // namespace pairwise
