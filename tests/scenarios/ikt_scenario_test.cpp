// IKT: minimal registration (e-mail, role, the three criteria), people on both lists, a mentor may
// decline without a reason but must respond, no response escalates to the supervisor, mentors may
// pause or leave the list, six-monthly feedback, removal for abuse; the coordinator edits the preset.
#include "scenario_support.hpp"

using namespace pairwise;
using namespace pairwise::scenario;

namespace {

Person ikt(const std::string& email, std::vector<Role> roles, int years, int capacity = 1) {
  Person p;  // exactly what IKT asks for: e-mail, role and the three criteria
  p.email = email;
  p.roles = std::move(roles);
  p.country = "United Kingdom";
  p.topics = {"Implementation"};
  p.experience_years = years;
  p.capacity = capacity;
  p.applied_on = "2024-01-05";
  return p;
}

}  // namespace

TEST_CASE("scenario IKT: both lists, no response escalates, pause and leave, feedback, removal for abuse") {
  Cohort c(SchemePreset::ikt);

  // The coordinator sets the supervisor's address by editing the preset's scheme file and
  // importing it back: validated first, the same scheme gets a new revision.
  Json edited = document_to_json(SchemeDocument{c.scheme()}, c.clock.now());
  edited["scheme"]["escalate_to"]["email"] = "not an address";
  auto refused = import_scheme_file(c.ws, edited.dump(2), "ikt.json");
  REQUIRE_FALSE(refused.ok());
  CHECK(contains(refused.error_text(), "ikt.json: $.scheme.escalate_to.email: expected an e-mail address"));
  CHECK(c.scheme().escalate_to.email.empty());  // nothing changed
  edited["scheme"]["escalate_to"]["email"] = "supervisor@ikt.example";
  REQUIRE(import_scheme_file(c.ws, edited.dump(2), "ikt.json"));
  CHECK(c.scheme().meta.revision == 2);
  CHECK(c.ws.schemes().size() == 1);

  const std::vector<Person> cohort = {ikt("ana@ikt.example", {Role::mentee}, 0), ikt("chen@ikt.example", {Role::mentor, Role::mentee}, 4),
                                      ikt("ben@ikt.example", {Role::mentor}, 12, 2), ikt("eve@ikt.example", {Role::mentee}, 1),
                                      ikt("dara@ikt.example", {Role::mentor}, 8)};
  for (const Person& p : cohort) CHECK(missing_intake_fields(c.scheme(), p).empty());
  Person no_criteria = ikt("x@ikt.example", {Role::mentee}, 1);
  no_criteria.country.clear();
  CHECK(missing_intake_fields(c.scheme(), no_criteria) == std::vector<std::string>{"country"});
  c.import_applications(cohort);

  // Dara is overloaded and pauses: matching leaves her out.
  REQUIRE(set_person_status(c.ws, "dara@ikt.example", PersonStatus::paused, "2024-01-20", "overloaded"));
  const auto built = matching::matching_input_from_records(c.ws, c.scheme());
  for (const auto& m : built.input.mentors) CHECK(m.email != "dara@ikt.example");

  // Chen is on both lists: mentored by Ben while mentoring Ana.
  const auto proposed = c.match_and_propose("2024-01-31");
  CHECK(proposed.at("ana@ikt.example") == "chen@ikt.example");
  CHECK(proposed.at("chen@ikt.example") == "ben@ikt.example");
  CHECK(proposed.at("eve@ikt.example") == "ben@ikt.example");
  const std::string ana = c.pairing_of("chen@ikt.example", "ana@ikt.example");
  const std::string chen = c.pairing_of("ben@ikt.example", "chen@ikt.example");
  const std::string eve = c.pairing_of("ben@ikt.example", "eve@ikt.example");
  for (const auto& id : {ana, chen, eve}) c.move(id, PairingStatus::requested, "2024-02-01", Actor::coordinator);
  c.move(ana, PairingStatus::accepted, "2024-02-03", Actor::mentor);
  c.move(ana, PairingStatus::active, "2024-02-05", Actor::coordinator);

  // Ben does not respond: still within 14 days, then overdue; a mentee cannot decline for him.
  CHECK_RULE(check_pairing_rules(c.ws, chen, "2024-02-10"), "response", RuleStatus::pending);
  CHECK_RULE(check_pairing_rules(c.ws, chen, "2024-02-15"), "response", RuleStatus::not_met);
  CHECK_RULE(check_scheme_rules(c.ws, c.scheme_id, "2024-02-15"), "responses", RuleStatus::not_met);
  CHECK_FALSE(c.ws.transition_pairing(chen, {PairingStatus::declined, "2024-02-15", Actor::mentee, "", 0}).ok());

#ifndef __EMSCRIPTEN__
  // The coordinator runs the escalation from the command line.
  const std::string backup = write_backup(c.ws, "ikt");
  CliRun early = run_cli("escalate --into " + backup + " --today 2024-02-10");
  CHECK(early.exit_code == 0);
  CHECK(contains(early.output, "no request is overdue"));
  CliRun escalate = run_cli("escalate --into " + backup + " --today 2024-02-15");
  INFO(escalate.output);
  CHECK(escalate.exit_code == 0);
  CHECK(contains(escalate.output, "no response from ben@ikt.example to the request for chen@ikt.example of 2024-02-01: "
                                  "escalated to mentoring supervisor <supervisor@ikt.example>"));
  CliRun no_reason = run_cli("person --into " + backup + " --email ana@ikt.example --status removed --date 2024-08-01");
  CHECK(no_reason.exit_code == 1);
  CHECK(contains(no_reason.output, "a removal needs a reason"));
  CliRun report_run = run_cli("report --from " + backup + " --today 2024-02-15");
  INFO(report_run.output);
  CHECK(contains(report_run.output, "unresponsive_mentors: not_met: consistent lack of response"));
  CHECK(contains(report_run.output, "ben@ikt.example (2 unanswered request(s))"));
  c.ws = read_backup(backup, c.clock, c.ids);
#else
  c.ws.mark_overdue_requests("2024-02-15");
#endif
  const Pairing& escalated = *c.ws.find<Pairing>(chen);
  CHECK(escalated.status() == PairingStatus::no_response);
  REQUIRE(escalated.escalations.size() == 1);
  CHECK(escalated.escalations[0].to == "mentoring supervisor <supervisor@ikt.example>");
  CHECK(unanswered_requests(c.ws, c.scheme_id, "ben@ikt.example") == 2);
  CHECK_RULE(check_scheme_rules(c.ws, c.scheme_id, "2024-02-15"), "unresponsive_mentors", RuleStatus::not_met);

  // Sent again after escalation, Ben finally declines Eve without a reason.
  c.move(eve, PairingStatus::requested, "2024-02-16", Actor::coordinator, "escalated and re-sent");
  c.move(eve, PairingStatus::declined, "2024-02-17", Actor::mentor);
  CHECK(c.ws.find<Pairing>(eve)->history.back().reason.empty());
  CHECK_RULE(check_pairing_rules(c.ws, eve, "2024-02-17"), "response", RuleStatus::met);

  // Ben leaves the list: his unanswered request to Chen is withdrawn; Dara comes back.
  REQUIRE(set_person_status(c.ws, "ben@ikt.example", PersonStatus::left, "2024-02-20", "too many requests"));
  CHECK(c.ws.find<Pairing>(chen)->status() == PairingStatus::withdrawn);
  CHECK(c.ws.find<Pairing>(chen)->history.back().reason == "the mentor left the list");
  REQUIRE(set_person_status(c.ws, "dara@ikt.example", PersonStatus::active, "2024-02-20", ""));

  // Chen and Ana meet and set an objective; the progress report shows the response was met.
  c.meet(ana, "2024-02-20", 45);
  c.objective(ana, "Draft 1 policy brief for the regional health board", "brief sent", "2024-06-30");
  const ProgressReport report = c.progress_report(ana, "2024-03-01");
  CHECK(report.meeting_count == 1);
  CHECK_RULE(report.checks, "response", RuleStatus::met);

  // Feedback every six months from the application date: invited on 2024-07-05.
  const Person& ana_person = *c.ws.person_by_email("ana@ikt.example");
  CHECK(next_feedback_due(c.scheme(), ana_person, "2024-03-01") == "2024-07-05");
  c.feedback(ana, "ana@ikt.example", Role::mentee, "2024-07-08", false);
  const auto invitations = feedback_invitations(c.ws, c.scheme(), ana_person, "2024-07-10");
  REQUIRE(invitations.size() == 1);
  CHECK(invitations[0].answered);
  auto feedback_rule = check_scheme_rules(c.ws, c.scheme_id, "2024-07-10");
  CHECK_RULE(feedback_rule, "feedback_invitations", RuleStatus::pending);
  CHECK(contains(find_check(feedback_rule, "feedback_invitations")->message, "chen@ikt.example (invited 2024-07-05)"));
  CHECK_FALSE(contains(find_check(feedback_rule, "feedback_invitations")->message, "ana@ikt.example"));
  CHECK(contains(find_check(feedback_rule, "feedback_invitations")->message, "next invitations on 2025-01-05"));

  // Ana betrays a confidence: removed, with the reason, and her relationship ends.
  CHECK_FALSE(set_person_status(c.ws, "ana@ikt.example", PersonStatus::removed, "2024-08-01", " ").ok());
  REQUIRE(set_person_status(c.ws, "ana@ikt.example", PersonStatus::removed, "2024-08-01", "abuse: betrayal of confidence"));
  const Person& removed = *c.ws.person_by_email("ana@ikt.example");
  CHECK(removed.status == PersonStatus::removed);
  CHECK(removed.status_history.back().reason == "abuse: betrayal of confidence");
  CHECK(c.ws.find<Pairing>(ana)->status() == PairingStatus::withdrawn);
  CHECK(c.ws.find<Pairing>(ana)->history.back().reason == "the mentee was removed from the scheme");
}
