#include "core/records/person.hpp"

#include <algorithm>

namespace pairwise {

bool MenteeProject::empty() const {
  return what.empty() && how.empty() && barriers.empty() && mentor_role.empty() && success_outcome.empty();
}

bool Person::is_mentor() const { return std::find(roles.begin(), roles.end(), Role::mentor) != roles.end(); }
bool Person::is_mentee() const { return std::find(roles.begin(), roles.end(), Role::mentee) != roles.end(); }

Json encode(const Person& p) {
  Json j = Json::object();
  encode_meta(p.meta, j);
  j["scheme_id"] = p.scheme_id;
  j["email"] = p.email;
  j["name"] = p.name;
  Json roles = Json::array();
  for (Role r : p.roles) roles.push_back(enum_to_string(kRoleNames, r));
  j["roles"] = roles;
  j["country"] = p.country;
  j["region"] = p.region;
  j["timezone"] = p.timezone_name;
  j["utc_offset_minutes"] = p.utc_offset_minutes ? Json(*p.utc_offset_minutes) : Json(nullptr);
  j["languages"] = p.languages;
  j["topics"] = p.topics;
  j["experience_years"] = p.experience_years ? Json(*p.experience_years) : Json(nullptr);
  j["career_stage"] = p.career_stage;
  j["face_to_face"] = p.face_to_face;
  j["capacity"] = p.capacity;
  j["availability"] = p.availability;
  j["organisation"] = p.organisation;
  j["line_manager_email"] = p.line_manager_email;
  j["project"] = Json{{"what", p.project.what},
                      {"how", p.project.how},
                      {"barriers", p.project.barriers},
                      {"mentor_role", p.project.mentor_role},
                      {"success_outcome", p.project.success_outcome}};
  if (p.request_published) j["request_published"] = true;
  Json prep = Json::array();
  for (const auto& qa : p.preparation) prep.push_back(Json{{"question", qa.question}, {"answer", qa.answer}});
  j["preparation"] = prep;
  j["preferences"] = p.preferences;
  j["status"] = enum_to_string(kPersonStatusNames, p.status);
  j["applied_on"] = p.applied_on;
  Json history = Json::array();
  for (const auto& c : p.status_history)
    history.push_back(Json{{"status", enum_to_string(kPersonStatusNames, c.status)}, {"date", c.date}, {"reason", c.reason}});
  j["status_history"] = history;
  j["decision"] = enum_to_string(kDecisionNames, p.decision);
  j["decision_on"] = p.decision_on;
  return j;
}

void decode(const JsonReader& in, Person& p) {
  if (!in.expect_object()) return;
  decode_meta(in, p.meta);
  in.optional("scheme_id", p.scheme_id);
  in.required("email", p.email);
  in.optional("name", p.name);
  in.optional_enum_list("roles", p.roles, kRoleNames);
  in.optional("country", p.country);
  in.optional("region", p.region);
  in.optional("timezone", p.timezone_name);
  in.optional("utc_offset_minutes", p.utc_offset_minutes);
  in.optional("languages", p.languages);
  in.optional("topics", p.topics);
  in.optional("experience_years", p.experience_years);
  in.optional("career_stage", p.career_stage);
  in.optional("face_to_face", p.face_to_face);
  in.optional_int_range("capacity", p.capacity, 0, 1000);
  in.optional("availability", p.availability);
  in.optional("organisation", p.organisation);
  in.optional("line_manager_email", p.line_manager_email);
  JsonReader project = in.field("project");
  if (project.present() && project.expect_object()) {
    project.optional("what", p.project.what);
    project.optional("how", p.project.how);
    project.optional("barriers", p.project.barriers);
    project.optional("mentor_role", p.project.mentor_role);
    project.optional("success_outcome", p.project.success_outcome);
  }
  in.optional("request_published", p.request_published);
  in.optional_list<QuestionAnswer>("preparation", p.preparation, [](const JsonReader& r, QuestionAnswer& qa) {
    r.optional("question", qa.question);
    r.optional("answer", qa.answer);
  });
  in.optional("preferences", p.preferences);
  in.optional_enum("status", p.status, kPersonStatusNames);
  in.optional_date("applied_on", p.applied_on);
  in.optional_list<PersonStatusChange>("status_history", p.status_history, [](const JsonReader& r, PersonStatusChange& c) {
    r.required_enum("status", c.status, kPersonStatusNames);
    r.required_date("date", c.date);
    r.optional("reason", c.reason);
  });
  in.optional_enum("decision", p.decision, kDecisionNames);
  in.optional_date("decision_on", p.decision_on);
  check_person_rules(in, p);
}

void check_person_rules(const JsonReader& in, const Person& p) {
  if (in.field("email").present() && in.field("email").value()->is_string() && !looks_like_email(p.email))
    in.field("email").error("expected an e-mail address like \"name@example.org\", got " +
                            describe_json_value(*in.field("email").value()));
  const JsonReader roles = in.field("roles");
  if (p.roles.empty() && (!roles.present() || (roles.value()->is_array() && roles.value()->empty())))
    roles.error("expected a list with \"mentor\", \"mentee\" or both");
  if (p.utc_offset_minutes && (*p.utc_offset_minutes < -720 || *p.utc_offset_minutes > 840))
    in.field("utc_offset_minutes").error("expected minutes from -720 to 840, got " +
                                         std::to_string(*p.utc_offset_minutes));
}

}  // namespace pairwise
