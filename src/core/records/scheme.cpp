#include "core/records/scheme.hpp"

#include <algorithm>
#include <cmath>

namespace pairwise {

std::string EscalationContact::describe() const {
  std::string out = role.empty() ? name : (name.empty() ? role : role + " " + name);
  if (!email.empty()) out += (out.empty() ? "" : " ") + std::string("<") + email + ">";
  return out;
}

namespace {

int duration_days(int months, int weeks) {
  // An average month, so "6 months" from any start date is the same length.
  if (months > 0) return static_cast<int>(std::lround(months * 30.44));
  return weeks * 7;
}

constexpr const char* kSpreadDimensions[] = {"geography", "topics", "languages"};

}  // namespace

int scheme_duration_days_min(const Scheme& s) { return duration_days(s.duration_months_min, s.duration_weeks_min); }
int scheme_duration_days_max(const Scheme& s) {
  return s.duration_months_min > 0 || s.duration_months_max > 0 ? duration_days(s.duration_months_max, 0)
                                                                  : duration_days(0, s.duration_weeks_max);
}

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
                                   {"online", e.online},
                                   {"first_meeting_minutes", e.first_meeting_minutes},
                                   {"either_may_stop_after_first_meeting", e.either_may_stop_after_first_meeting}};
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
  j["duration_months"] = Json{{"min", s.duration_months_min}, {"max", s.duration_months_max}};
  j["applications_close_on"] = s.applications_close_on;
  j["decisions_by"] = s.decisions_by;
  j["escalate_to"] = Json{{"role", s.escalate_to.role}, {"name", s.escalate_to.name}, {"email", s.escalate_to.email}};
  j["unresponsive_mentor_threshold"] = s.unresponsive_mentor_threshold;
  const auto& r = s.project_request;
  Json phrases = Json::array();
  for (const auto& ph : r.unsuitable_phrases) phrases.push_back(Json{{"phrase", ph.phrase}, {"reason", ph.reason}});
  j["project_request"] = Json{{"required", r.required},
                              {"min_words_per_answer", r.min_words_per_answer},
                              {"max_words_per_answer", r.max_words_per_answer},
                              {"max_words_total", r.max_words_total},
                              {"unsuitable_phrases", phrases}};
  j["agreement_before_active"] = s.agreement_before_active;
  if (!s.request_board_url.empty()) j["request_board_url"] = s.request_board_url;
  j["preparation_before_first_meeting"] = s.preparation_before_first_meeting;
  j["meeting_template"] = s.meeting_template;
  j["objectives_smart"] = s.objectives_smart;
  j["feedback_on_ending"] = s.feedback_on_ending;
  j["cohort_spread"] = Json{{"matching_group", s.cohort_spread.matching_group},
                            {"bonus", s.cohort_spread.bonus},
                            {"selection", s.cohort_spread.selection}};
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
    e.optional_int_range("first_meeting_minutes", x.first_meeting_minutes, 0, 1440);
    e.optional("either_may_stop_after_first_meeting", x.either_may_stop_after_first_meeting);
    if (x.monthly_minutes_max > 0 && x.monthly_minutes_max < x.monthly_minutes_min)
      e.field("monthly_minutes_max").error("expected at least monthly_minutes_min (" +
                                           std::to_string(x.monthly_minutes_min) + "), got " +
                                           std::to_string(x.monthly_minutes_max));
  }
  in.optional_int_range("feedback_every_months", s.feedback_every_months, 0, 120);
  in.optional_enum("matching_mode", s.matching_mode, kMatchingModeNames);
  in.optional_int_range("no_response_days", s.no_response_days, 0, 3650);
  in.optional_list<IntakeField>("intake_fields", s.intake_fields, [](const JsonReader& r, IntakeField& f) {
    r.required("key", f.key);
    r.optional("required", f.required);
    // A misspelt key would silently ask for nothing, so it is refused.
    const auto& keys = application_field_keys();
    if (!f.key.empty() && std::find(keys.begin(), keys.end(), f.key) == keys.end())
      r.field("key").error("expected an application field such as \"email\", \"languages\" or \"project.what\", got \"" +
                           f.key + "\"");
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
  if (s.duration_weeks_max > 0 && s.duration_weeks_max < s.duration_weeks_min)
    in.field("duration_weeks").field("max").error("expected at least the minimum (" +
                                                  std::to_string(s.duration_weeks_min) + "), got " +
                                                  std::to_string(s.duration_weeks_max));
  JsonReader months = in.field("duration_months");
  if (months.present() && months.expect_object()) {
    months.optional_int_range("min", s.duration_months_min, 0, 120);
    months.optional_int_range("max", s.duration_months_max, 0, 120);
    if (s.duration_months_max > 0 && s.duration_months_max < s.duration_months_min)
      months.field("max").error("expected at least the minimum (" + std::to_string(s.duration_months_min) +
                                "), got " + std::to_string(s.duration_months_max));
  }
  in.optional_date("applications_close_on", s.applications_close_on);
  in.optional_date("decisions_by", s.decisions_by);
  if (!s.applications_close_on.empty() && !s.decisions_by.empty() && s.decisions_by < s.applications_close_on)
    in.field("decisions_by").error("expected a date on or after applications_close_on (" + s.applications_close_on +
                                   "), got \"" + s.decisions_by + "\"");
  JsonReader esc = in.field("escalate_to");
  if (esc.present() && esc.expect_object()) {
    esc.optional("role", s.escalate_to.role);
    esc.optional("name", s.escalate_to.name);
    esc.optional("email", s.escalate_to.email);
    if (!s.escalate_to.email.empty() && !looks_like_email(s.escalate_to.email))
      esc.field("email").error("expected an e-mail address like \"name@example.org\", got \"" +
                               s.escalate_to.email + "\"");
  }
  in.optional_int_range("unresponsive_mentor_threshold", s.unresponsive_mentor_threshold, 0, 100);
  JsonReader req = in.field("project_request");
  if (req.present() && req.expect_object()) {
    auto& r = s.project_request;
    req.optional("required", r.required);
    req.optional_int_range("min_words_per_answer", r.min_words_per_answer, 0, 10000);
    req.optional_int_range("max_words_per_answer", r.max_words_per_answer, 0, 10000);
    req.optional_int_range("max_words_total", r.max_words_total, 0, 40000);
    if (r.max_words_per_answer > 0 && r.max_words_per_answer < r.min_words_per_answer)
      req.field("max_words_per_answer").error("expected at least min_words_per_answer (" +
                                              std::to_string(r.min_words_per_answer) + "), got " +
                                              std::to_string(r.max_words_per_answer));
    req.optional_list<ProjectRequestRules::Phrase>(
        "unsuitable_phrases", r.unsuitable_phrases, [](const JsonReader& x, ProjectRequestRules::Phrase& ph) {
          x.required("phrase", ph.phrase);
          x.optional("reason", ph.reason);
          if (x.field("phrase").present() && trim(ph.phrase).empty()) x.field("phrase").error("expected a phrase, got \"\"");
        });
  }
  in.optional("agreement_before_active", s.agreement_before_active);
  in.optional("request_board_url", s.request_board_url);
  // The page's Content-Security-Policy lets it fetch only from its own site, so another origin
  // would fail later with no useful message: refused here, where the scheme's author can fix it.
  if (s.request_board_url.find(':') != std::string::npos || s.request_board_url.rfind("//", 0) == 0)
    in.field("request_board_url").error("expected a path on the app's own site, e.g. \"request-board.json\"");
  in.optional("preparation_before_first_meeting", s.preparation_before_first_meeting);
  in.optional("meeting_template", s.meeting_template);
  if (!s.meeting_template.empty() && s.meeting_template != kMeetingTemplateReviewToGrow)
    in.field("meeting_template").error(std::string("expected \"\" or \"") + kMeetingTemplateReviewToGrow + "\", got " +
                                       describe_json_value(*in.field("meeting_template").value()));
  in.optional("objectives_smart", s.objectives_smart);
  in.optional("feedback_on_ending", s.feedback_on_ending);
  JsonReader spread = in.field("cohort_spread");
  if (spread.present() && spread.expect_object()) {
    auto& c = s.cohort_spread;
    spread.optional("matching_group", c.matching_group);
    if (c.matching_group != "region" && c.matching_group != "country")
      spread.field("matching_group").error("expected \"region\" or \"country\", got " +
                                           describe_json_value(*spread.field("matching_group").value()));
    spread.optional_int_range("bonus", c.bonus, 0, 100000);
    if (spread.field("selection").present()) {
      spread.optional("selection", c.selection);
      for (std::size_t i = 0; i < c.selection.size(); ++i) {
        const auto& dimension = c.selection[i];
        if (std::find(std::begin(kSpreadDimensions), std::end(kSpreadDimensions), dimension) == std::end(kSpreadDimensions))
          spread.error_at(spread.path() + ".selection[" + std::to_string(i) + "]",
                          "expected \"geography\", \"topics\" or \"languages\", got \"" + dimension + "\"");
      }
    }
  }
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

bool form_asks(const Scheme& scheme, std::string_view key) {
  if (scheme.intake_fields.empty()) return true;
  for (const auto& f : scheme.intake_fields)
    if (f.key == key) return true;
  return false;
}

Person only_asked_answers(const Scheme& scheme, Person p) {
  const Person blank;
  auto drop_unless_asked = [&](const char* key, auto& field, const auto& empty) {
    if (!form_asks(scheme, key)) field = empty;
  };
  drop_unless_asked("name", p.name, blank.name);
  drop_unless_asked("country", p.country, blank.country);
  drop_unless_asked("region", p.region, blank.region);
  drop_unless_asked("languages", p.languages, blank.languages);
  drop_unless_asked("topics", p.topics, blank.topics);
  drop_unless_asked("experience_years", p.experience_years, blank.experience_years);
  drop_unless_asked("career_stage", p.career_stage, blank.career_stage);
  drop_unless_asked("face_to_face", p.face_to_face, blank.face_to_face);
  drop_unless_asked("availability", p.availability, blank.availability);
  drop_unless_asked("organisation", p.organisation, blank.organisation);
  drop_unless_asked("line_manager_email", p.line_manager_email, blank.line_manager_email);
  if (!form_asks(scheme, "timezone") && !form_asks(scheme, "utc_offset_minutes")) {
    p.timezone_name = blank.timezone_name;
    p.utc_offset_minutes = blank.utc_offset_minutes;
  }
  if (!p.is_mentor() || !form_asks(scheme, "capacity")) p.capacity = blank.capacity;
  if (!p.is_mentee() || !form_asks(scheme, "project.what")) p.project = blank.project;
  // The board choice is asked only beside a request, in a scheme whose mentors pick requests.
  if (p.project.empty() || scheme.matching_mode != MatchingMode::mentor_picks_requests)
    p.request_published = blank.request_published;
  // Preparation answers only to the scheme's own questions, and only from mentees.
  std::vector<QuestionAnswer> kept;
  if (p.is_mentee())
    for (const auto& answer : p.preparation)
      if (std::find(scheme.preparation_questions.begin(), scheme.preparation_questions.end(), answer.question) !=
          scheme.preparation_questions.end())
        kept.push_back(answer);
  p.preparation = std::move(kept);
  return p;
}

}  // namespace pairwise
