#include "core/reports/progress_report.hpp"

#include "core/checks/scheme_rules.hpp"
#include "core/checks/smart.hpp"

#include <algorithm>
#include <map>
#include "core/workspace.hpp"

namespace pairwise {

Json encode(const ProgressReport& r) {
  Json j = Json::object();
  j["pairing_id"] = r.pairing_id;
  j["scheme_id"] = r.scheme_id;
  j["mentor_email"] = r.mentor_email;
  j["mentee_email"] = r.mentee_email;
  j["generated_on"] = r.generated_on;
  j["status"] = to_string(r.status);
  Json h = Json::array();
  for (const auto& x : r.history) {
    Json change{{"status", to_string(x.status)}, {"date", x.date}};
    if (x.by) change["by"] = enum_to_string(kActorNames, *x.by);
    h.push_back(std::move(change));
  }
  j["history"] = h;
  j["agreement_signed"] = r.agreement_signed;
  j["agreement_signed_on"] = r.agreement_signed_on;
  j["meeting_count"] = r.meeting_count;
  j["total_minutes"] = r.total_minutes;
  Json m = Json::array();
  for (const auto& x : r.meetings)
    m.push_back(Json{{"date", x.date}, {"length_minutes", x.length_minutes}, {"mode", enum_to_string(kMeetingModeNames, x.mode)}});
  j["meetings"] = m;
  j["actions_open"] = r.actions_open;
  j["actions_done"] = r.actions_done;
  Json o = Json::array();
  for (const auto& x : r.objectives)
    o.push_back(Json{{"status", enum_to_string(kObjectiveStatusNames, x.status)},
                     {"progress_percent", x.progress_percent},
                     {"due_date", x.due_date},
                     {"smart", x.smart}});
  j["objectives"] = o;
  Json f = Json::array();
  for (const auto& x : r.feedback) {
    Json ratings = Json::array();
    for (const auto& rt : x.ratings) ratings.push_back(Json{{"key", rt.key}, {"value", rt.value}});
    f.push_back(Json{{"from_role", enum_to_string(kRoleNames, x.from_role)},
                     {"date", x.date},
                     {"end_of_relationship", x.end_of_relationship},
                     {"ratings", ratings}});
  }
  j["feedback"] = f;
  j["expectation"] = enum_to_string(kExpectationStatusNames, r.expectation);
  Json checks = Json::array();
  for (const auto& c : r.checks) checks.push_back(encode(c));
  j["checks"] = checks;
  return j;
}

void decode(const JsonReader& in, ProgressReport& r) {
  if (!in.expect_object()) return;
  in.required("pairing_id", r.pairing_id);
  in.optional("scheme_id", r.scheme_id);
  in.optional("mentor_email", r.mentor_email);
  in.optional("mentee_email", r.mentee_email);
  in.required_date("generated_on", r.generated_on);
  in.required_enum("status", r.status, kPairingStatusNames);
  in.optional_list<StatusDate>("history", r.history, [](const JsonReader& x, StatusDate& s) {
    x.required_enum("status", s.status, kPairingStatusNames);
    x.required_date("date", s.date);
    if (x.field("by").present()) {
      Actor by = Actor::coordinator;
      x.required_enum("by", by, kActorNames);
      s.by = by;
    }
  });
  in.optional("agreement_signed", r.agreement_signed);
  in.optional_date("agreement_signed_on", r.agreement_signed_on);
  in.optional_int_range("meeting_count", r.meeting_count, 0, 100000);
  in.optional_int_range("total_minutes", r.total_minutes, 0, 100000000);
  in.optional_list<MeetingSummary>("meetings", r.meetings, [](const JsonReader& x, MeetingSummary& s) {
    x.required_date("date", s.date);
    x.optional_int_range("length_minutes", s.length_minutes, 0, 1440);
    x.optional_enum("mode", s.mode, kMeetingModeNames);
  });
  in.optional_int_range("actions_open", r.actions_open, 0, 100000);
  in.optional_int_range("actions_done", r.actions_done, 0, 100000);
  in.optional_list<ObjectiveSummary>("objectives", r.objectives, [](const JsonReader& x, ObjectiveSummary& s) {
    x.optional_enum("status", s.status, kObjectiveStatusNames);
    x.optional_int_range("progress_percent", s.progress_percent, 0, 100);
    x.optional_date("due_date", s.due_date);
    x.optional("smart", s.smart);
  });
  in.optional_list<FeedbackSummary>("feedback", r.feedback, [](const JsonReader& x, FeedbackSummary& s) {
    x.optional_enum("from_role", s.from_role, kRoleNames);
    x.optional_date("date", s.date);
    x.optional("end_of_relationship", s.end_of_relationship);
    x.optional_list<Rating>("ratings", s.ratings, decode_rating);
  });
  in.optional_enum("expectation", r.expectation, kExpectationStatusNames);
  in.optional_list<RuleCheck>("checks", r.checks, [](const JsonReader& x, RuleCheck& c) { decode(x, c); });
}

Result<ProgressReport> make_progress_report(const Workspace& ws, const std::string& pairing_id,
                                            const std::string& today) {
  const Pairing* p = ws.find<Pairing>(pairing_id);
  if (!p) return Result<ProgressReport>::failure("", "", "no pairing with id " + pairing_id);
  ProgressReport r;
  r.pairing_id = p->meta.id;
  r.scheme_id = p->scheme_id;
  r.mentor_email = p->mentor_email;
  r.mentee_email = p->mentee_email;
  r.generated_on = today;
  r.status = p->status();
  for (const auto& h : p->history) r.history.push_back(StatusDate{h.status, h.date, h.by});
  if (const Agreement* a = ws.agreement_of(pairing_id); a && a->is_agreed_by_both()) {
    r.agreement_signed = true;
    r.agreement_signed_on = std::max(a->mentor_consent.date, a->mentee_consent.date);
  }
  const auto meetings = ws.meetings_of(pairing_id);
  for (const auto& m : meetings) {
    r.meetings.push_back(MeetingSummary{m.date, m.length_minutes, m.mode});
    r.total_minutes += m.length_minutes;
  }
  r.meeting_count = static_cast<int>(meetings.size());
  // An action is carried from review to review under the same id; its latest state counts.
  std::map<std::string, bool> action_done;
  for (const auto& m : meetings)
    for (const auto* list : {&m.review.previous_actions, &m.actions})
      for (const auto& a : *list) action_done[a.id] = a.done;
  for (const auto& [id, done] : action_done) (done ? r.actions_done : r.actions_open) += 1;
  for (const auto& o : ws.objectives_of(pairing_id))
    // A due date kept as typed but not a date goes to the coordinator as no date.
    r.objectives.push_back(ObjectiveSummary{o.status, o.progress_percent, valid_date_or_empty(o.due_date), is_smart(o, today)});
  for (const auto& f : ws.feedback_of(pairing_id))
    r.feedback.push_back(FeedbackSummary{f.from_role, f.date, f.end_of_relationship, f.ratings});
  if (const Scheme* s = ws.find<Scheme>(p->scheme_id))
    r.expectation = check_expectations(*s, *p, meetings, today).status;
  r.checks = check_pairing_rules(ws, pairing_id, today);
  return r;
}

}  // namespace pairwise
