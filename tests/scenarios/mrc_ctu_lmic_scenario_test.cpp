// MRC CTU LMIC: agreement form categories, SMART objectives, at least two online meetings a year,
// a getting-to-know-you first meeting after which either side may stop, and ending a relationship
// with feedback to the scheme team.
#include "scenario_support.hpp"

using namespace pairwise;
using namespace pairwise::scenario;

namespace {

Person lmic(const std::string& email, std::vector<Role> roles, const std::string& organisation, int years,
            const std::string& line_manager = "") {
  Person p = applicant(email, std::move(roles));
  p.country = "Uganda";
  p.topics = {"Career aspirations and next steps"};
  p.organisation = organisation;
  p.experience_years = years;
  p.utc_offset_minutes = 180;
  p.line_manager_email = line_manager;
  return p;
}

}  // namespace

TEST_CASE("scenario MRC CTU LMIC: getting-to-know-you, agreement, SMART objectives, online meetings, ending with feedback") {
  Cohort c(SchemePreset::mrc_ctu_lmic);
  const auto& e = c.scheme().expectations;
  CHECK(e.meetings_per_year == 2);
  CHECK(e.online);
  CHECK(e.first_meeting_minutes == 30);
  CHECK(e.either_may_stop_after_first_meeting);

  // Nora line-manages Obi, so matching must not pair them even though experience would favour it.
  c.import_applications({lmic("nora@ctu.example", {Role::mentor}, "Trials Unit A", 20),
                         lmic("pat@ctu.example", {Role::mentor}, "Trials Unit B", 15),
                         lmic("obi@ctu.example", {Role::mentee}, "Trials Unit C", 2, "nora@ctu.example"),
                         lmic("rita@ctu.example", {Role::mentee}, "Trials Unit D", 3)});
  const auto proposed = c.match_and_propose("2024-01-10");
  CHECK(proposed.at("obi@ctu.example") == "pat@ctu.example");
  CHECK(proposed.at("rita@ctu.example") == "nora@ctu.example");
  const std::string obi = c.pairing_of("pat@ctu.example", "obi@ctu.example");
  const std::string rita = c.pairing_of("nora@ctu.example", "rita@ctu.example");
  c.start(obi, "2024-01-11", "2024-01-12", "2024-01-15");
  c.start(rita, "2024-01-11", "2024-01-12", "2024-01-15");

  // Before any meeting neither may "stop after the first meeting"; they start with one.
  CHECK_RULE(check_pairing_rules(c.ws, obi, "2024-01-16"), "first_meeting", RuleStatus::pending);
  auto too_early = stop_after_first_meeting(c.ws, obi, Actor::mentee, "2024-01-16");
  REQUIRE_FALSE(too_early.ok());
  CHECK(contains(too_early.error_text(), "meet first"));
  c.meet(obi, "2024-01-22", 30);
  c.meet(rita, "2024-01-24", 30);
  CHECK_RULE(check_pairing_rules(c.ws, rita, "2024-01-25"), "agreement", RuleStatus::pending);

#ifndef __EMSCRIPTEN__
  // Obi decides not to continue after the getting-to-know-you meeting (command line).
  const std::string backup = write_backup(c.ws, "mrc");
  CliRun stop = run_cli("pairing --into " + backup + " --mentor pat@ctu.example --mentee obi@ctu.example --to withdrawn --by mentee --after-first-meeting --date 2024-01-25");
  INFO(stop.output);
  CHECK(stop.exit_code == 0);
  c.ws = read_backup(backup, c.clock, c.ids);
#else
  REQUIRE(stop_after_first_meeting(c.ws, obi, Actor::mentee, "2024-01-25"));
#endif
  CHECK(c.ws.find<Pairing>(obi)->status() == PairingStatus::withdrawn);
  CHECK(c.ws.find<Pairing>(obi)->history.back().reason == "decided after the getting-to-know-you meeting not to continue");
  CHECK_RULE(check_pairing_rules(c.ws, obi, "2024-01-26"), "ending_feedback", RuleStatus::met);

  // Rita and Nora continue: a second meeting without the agreement form is flagged.
  c.meet(rita, "2024-03-05", 60, MeetingMode::in_person);
  CHECK_RULE(check_pairing_rules(c.ws, rita, "2024-03-06"), "agreement", RuleStatus::not_met);
  CHECK_FALSE(stop_after_first_meeting(c.ws, rita, Actor::mentor, "2024-03-06").ok());  // stage is over
  Agreement form;
  form.pairing_id = rita;
  form.confidentiality = "What we discuss stays confidential; general feedback to the scheme team is fine";
  form.meeting_frequency = "every two months";
  form.meeting_timing = "Tuesday mornings";
  form.meeting_duration = "45 minutes";
  form.communication = "Teams and e-mail";
  form.feedback = "honest feedback at the end of each meeting";
  form.reviewing = "review the relationship after six months";
  form.short_term_objectives = "CV for the trial manager post";
  form.long_term_objectives = "lead a trial unit";
  form.tracking_progress = "objectives reviewed each meeting";
  form.boundaries = "no advice on job applications within Nora's unit";
  form.mentor_consent = {"Nora", "2024-03-06", terms_digest(form)};  // each consents to these words
  form.mentee_consent = {"Rita", "2024-03-06", terms_digest(form)};
  REQUIRE(c.ws.save(form));
  CHECK_RULE(check_pairing_rules(c.ws, rita, "2024-03-07"), "agreement", RuleStatus::met);

  // SMART objectives: a vague one without a measure is flagged, the rewritten one passes.
  c.objective(rita, "Get better at interviews", "", "2024-09-30");
  auto vague = check_pairing_rules(c.ws, rita, "2024-03-07");
  CHECK_RULE(vague, "objectives", RuleStatus::not_met);
  CHECK(find_check(vague, "objectives")->message == "objective 1 of 1 is not SMART (vague wording, no measure)");
  Objective o = c.ws.objectives_of(rita).front();
  o.statement = "Complete 2 mock interviews for the trial manager post";
  o.measure = "two mock interviews done, with written feedback";
  REQUIRE(c.ws.save(o));
  CHECK_RULE(check_pairing_rules(c.ws, rita, "2024-03-07"), "objectives", RuleStatus::met);

  // At least two ONLINE meetings a year: the in-person one does not count.
  auto year = check_pairing_rules(c.ws, rita, "2025-01-20");
  CHECK_RULE(year, "meetings", RuleStatus::not_met);
  CHECK(contains(find_check(year, "meetings")->message, "1 online meeting(s) in the last 12 months; at least 2 a year expected"));
  CHECK(contains(find_check(year, "meetings")->message, "(1 in-person meeting(s) not counted)"));
  c.meet(rita, "2024-10-01", 45, MeetingMode::video);
  CHECK_RULE(check_pairing_rules(c.ws, rita, "2025-01-20"), "meetings", RuleStatus::met);

  // Things go wrong; they agree to end, and both owe the scheme team feedback.
  c.move(rita, PairingStatus::withdrawn, "2025-01-21", Actor::coordinator, "agreed to end");
  auto ending = check_pairing_rules(c.ws, rita, "2025-01-22");
  CHECK_RULE(ending, "ending_feedback", RuleStatus::not_met);
  CHECK(contains(find_check(ending, "ending_feedback")->message, "from the mentor and the mentee"));
  c.feedback(rita, "rita@ctu.example", Role::mentee, "2025-01-23", true);
  CHECK(contains(find_check(check_pairing_rules(c.ws, rita, "2025-01-23"), "ending_feedback")->message, "from the mentor"));
  c.feedback(rita, "nora@ctu.example", Role::mentor, "2025-01-24", true);
  CHECK_RULE(check_pairing_rules(c.ws, rita, "2025-01-24"), "ending_feedback", RuleStatus::met);

  // The progress report the coordinator receives has the verdicts but none of the agreement's text.
  const ProgressReport report = c.progress_report(rita, "2025-01-24");
  CHECK(report.agreement_signed);
  CHECK_RULE(report.checks, "ending_feedback", RuleStatus::met);
  CHECK_FALSE(contains(encode(report).dump(), "Tuesday mornings"));
}
