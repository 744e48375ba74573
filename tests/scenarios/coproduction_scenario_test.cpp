// Co-production Network: three meetings of at least 30 minutes, Review + ToGROW notes, and the
// mentee's preparation questions answered before the first meeting.
#include "scenario_support.hpp"

using namespace pairwise;
using namespace pairwise::scenario;

namespace {

Person coproduction(const std::string& email, std::vector<Role> roles, std::vector<std::string> topics) {
  Person p = applicant(email, std::move(roles));
  p.topics = std::move(topics);
  return p;
}

}  // namespace

TEST_CASE("scenario Co-production: preparation before the first meeting, three meetings of 30 minutes, ToGROW") {
  Cohort c(SchemePreset::coproduction);
  const Scheme& s = c.scheme();
  CHECK(s.meeting_template == kMeetingTemplateReviewToGrow);
  REQUIRE(s.preparation_questions.size() == 2);

  Person prepared = coproduction("pia@coprod.example", {Role::mentee}, {"Participatory methods"});
  prepared.preparation = {{s.preparation_questions[0], "Confidence running a co-design workshop"},
                          {s.preparation_questions[1], "I run one workshop with community partners"}};
  prepared.project.success_outcome = "One workshop run";
  c.import_applications({coproduction("mira@coprod.example", {Role::mentor}, {"Participatory methods"}),
                         coproduction("mark@coprod.example", {Role::mentor}, {"Community research"}), prepared,
                         coproduction("quinn@coprod.example", {Role::mentee}, {"Community research"})});

  const auto proposed = c.match_and_propose("2024-02-01");
  CHECK(proposed.at("pia@coprod.example") == "mira@coprod.example");
  CHECK(proposed.at("quinn@coprod.example") == "mark@coprod.example");
  const std::string pia = c.pairing_of("mira@coprod.example", "pia@coprod.example");
  const std::string quinn = c.pairing_of("mark@coprod.example", "quinn@coprod.example");
  c.start(pia, "2024-02-02", "2024-02-04", "2024-02-05");
  c.start(quinn, "2024-02-02", "2024-02-04", "2024-02-05");

  // Before the first meeting: Pia has prepared, Quinn still has to.
  CHECK_RULE(check_pairing_rules(c.ws, pia, "2024-02-06"), "preparation", RuleStatus::met);
  auto quinn_before = check_pairing_rules(c.ws, quinn, "2024-02-06");
  CHECK_RULE(quinn_before, "preparation", RuleStatus::pending);
  CHECK(contains(find_check(quinn_before, "preparation")->message, "\"What do you want to get out of the mentoring?\""));

  // Pia and Mira meet three times for at least 30 minutes, with ToGROW notes whose actions carry over.
  c.meet(pia, "2024-02-12", 45);
  Meeting first = c.ws.meetings_of(pia).front();
  first.actions = {{"a1", "mentee", "Draft the workshop plan", "2024-03-01", false}};
  REQUIRE(c.ws.save(first));
  c.meet(pia, "2024-03-11", 30);
  const Meeting second = c.ws.meetings_of(pia).back();
  REQUIRE(second.review.previous_actions.size() == 1);  // Review: how did the last actions go?
  CHECK(second.review.previous_actions[0].what == "Draft the workshop plan");
  c.meet(pia, "2024-04-15", 40);
  c.objective(pia, "Run 1 co-design workshop with community partners", "workshop held", "2024-05-31");

  // Quinn and Mark meet without Quinn's preparation, twice, once only for 20 minutes.
  c.meet(quinn, "2024-02-14", 20);
  c.meet(quinn, "2024-03-20", 35);

  const auto pia_checks = check_pairing_rules(c.ws, pia, "2024-05-06");
  CHECK_RULE(pia_checks, "meetings", RuleStatus::met);
  CHECK(find_check(pia_checks, "meetings")->message == "3 of 3 meetings of at least 30 minutes");
  const auto quinn_checks = check_pairing_rules(c.ws, quinn, "2024-05-06");
  CHECK_RULE(quinn_checks, "preparation", RuleStatus::not_met);
  CHECK(contains(find_check(quinn_checks, "preparation")->message, "the first meeting (2024-02-14) took place without the mentee's preparation"));
  CHECK_RULE(quinn_checks, "meetings", RuleStatus::not_met);
  CHECK(find_check(quinn_checks, "meetings")->message ==
        "1 of 3 meetings of at least 30 minutes (1 shorter meeting(s) not counted); 3 expected by 2024-05-06");

  // The coordinator sees the same in the progress reports, without any of the notes' text.
  const ProgressReport report = c.progress_report(quinn, "2024-05-06");
  CHECK(report.expectation == ExpectationStatus::behind);
  CHECK_RULE(report.checks, "preparation", RuleStatus::not_met);
  CHECK_FALSE(contains(encode(c.progress_report(pia, "2024-05-06")).dump(), "workshop plan"));

#ifndef __EMSCRIPTEN__
  const std::string backup = write_backup(c.ws, "coproduction");
  CliRun report_run = run_cli("report --from " + backup + " --mentor mark@coprod.example --mentee quinn@coprod.example --today 2024-05-06");
  INFO(report_run.output);
  CHECK(report_run.exit_code == 0);
  CHECK(contains(report_run.output, "2 meeting(s), 55 minutes"));
  CHECK(contains(report_run.output, "meetings: not_met: 1 of 3 meetings of at least 30 minutes"));
  CHECK(contains(report_run.output, "preparation: not_met"));
  CliRun json = run_cli("report --from " + backup + " --format json --today 2024-05-06");
  CHECK(json.exit_code == 0);
  CHECK(Json::parse(json.output)["pairings"].size() == 2);
  CliRun no_pair = run_cli("report --from " + backup + " --mentor nobody@x.org --mentee quinn@coprod.example");
  CHECK(no_pair.exit_code == 1);
#endif
}
