// Cochrane KT: mentor applications with the KT themes they will mentor, language and time zone
// weighed in matching, selection for geographic/topic/cultural spread, decision dates, and
// 60-90 minutes a month for 6-9 months tracked per pair.
#include "scenario_support.hpp"

#include "core/reports/cohort_spread.hpp"

using namespace pairwise;
using namespace pairwise::scenario;

namespace {

Person cochrane(const std::string& email, std::vector<Role> roles, const std::string& country, const std::string& region,
                int utc_offset, std::vector<std::string> languages, std::vector<std::string> topics, int years) {
  Person p = applicant(email, std::move(roles));
  p.country = country;
  p.region = region;
  p.utc_offset_minutes = utc_offset;
  p.languages = std::move(languages);
  p.topics = std::move(topics);
  p.experience_years = years;
  p.applied_on = "2020-09-10";
  return p;
}

}  // namespace

TEST_CASE("scenario Cochrane KT: applications to selection, matching, monthly minutes and duration") {
  Cohort c(SchemePreset::cochrane_kt);
  const Scheme& s = c.scheme();
  CHECK(s.matching_mode == MatchingMode::cohort_variation);
  CHECK(s.duration_months_min == 6);
  CHECK(s.duration_months_max == 9);

  // A mentor's application must say which KT themes they will mentor, their language and time zone.
  Person incomplete = cochrane("nomad@kt.org", {Role::mentor}, "", "", 0, {"English"}, {}, 10);
  incomplete.utc_offset_minutes.reset();
  CHECK(missing_intake_fields(s, incomplete) == std::vector<std::string>{"timezone", "topics"});

  c.import_applications({
      cochrane("ana@kt.org", {Role::mentor}, "Brazil", "Latin America", -180, {"Portuguese", "Spanish", "English"},
               {"Dissemination", "Implementation"}, 12),
      cochrane("bo@kt.org", {Role::mentor}, "United Kingdom", "Europe", 0, {"English"}, {"Stakeholder engagement"}, 15),
      cochrane("carla@kt.org", {Role::mentee}, "Chile", "Latin America", -240, {"Spanish"}, {"Dissemination"}, 2),
      cochrane("dan@kt.org", {Role::mentee}, "Ireland", "Europe", 0, {"English"}, {"Stakeholder engagement"}, 1),
      cochrane("dora@kt.org", {Role::mentee}, "Ireland", "Europe", 0, {"English"}, {"Stakeholder engagement"}, 3),
  });
  Person late = cochrane("late@kt.org", {Role::mentee}, "Kenya", "Africa", 180, {"Swahili", "English"}, {"Implementation"}, 2);
  late.applied_on = "2020-10-02";
  c.import_applications({late});

  // Closing date and decision date.
  auto scheme_checks = check_scheme_rules(c.ws, c.scheme_id, "2020-10-15");
  CHECK_RULE(scheme_checks, "applications_close", RuleStatus::not_met);
  CHECK(contains(find_check(scheme_checks, "applications_close")->message, "late@kt.org"));
  CHECK_RULE(scheme_checks, "decisions", RuleStatus::pending);
  CHECK_RULE(check_scheme_rules(c.ws, c.scheme_id, "2020-11-02"), "decisions", RuleStatus::not_met);

  // Spread of the applicants, and a selection of two projects for variation: Dan and Dora add
  // the same country, region, topic and language, so only one of them is picked.
  const auto spread = cohort_spread(c.ws, c.scheme_id, SpreadOf::mentees);
  CHECK(spread.people == 4);
  CHECK(spread.countries.size() == 3);  // Chile, Ireland, Kenya
  CHECK(spread.languages.size() == 3);
  const auto picked = select_for_spread(c.ws, c.scheme_id, 2);
  REQUIRE(picked.size() == 2);
  CHECK(std::count(picked.begin(), picked.end(), "carla@kt.org") + std::count(picked.begin(), picked.end(), "late@kt.org") >= 1);
  CHECK(std::count(picked.begin(), picked.end(), "dan@kt.org") + std::count(picked.begin(), picked.end(), "dora@kt.org") <= 1);

  // The coordinator decides (the late application is not taken; Dora is not selected).
  REQUIRE(record_decision(c.ws, "carla@kt.org", Decision::selected, "2020-10-20"));
  REQUIRE(record_decision(c.ws, "dan@kt.org", Decision::selected, "2020-10-20"));
  REQUIRE(record_decision(c.ws, "dora@kt.org", Decision::not_selected, "2020-10-20"));
  REQUIRE(record_decision(c.ws, "late@kt.org", Decision::not_selected, "2020-10-20"));
  REQUIRE(record_decision(c.ws, "ana@kt.org", Decision::selected, "2020-10-20"));
  REQUIRE(record_decision(c.ws, "bo@kt.org", Decision::selected, "2020-10-20"));
  CHECK_RULE(check_scheme_rules(c.ws, c.scheme_id, "2020-11-02"), "decisions", RuleStatus::met);

  // Matching: the cohort goal is the scheme's (one bonus per covered region), unselected mentees
  // are left out, and language and time zone decide who mentors whom.
  const auto built = matching::matching_input_from_records(c.ws, c.scheme());
  CHECK(built.input.goal.kind == matching::CohortGoal::Kind::MenteeRegions);
  CHECK(built.input.goal.bonus == 200);
  CHECK(built.input.mentees.size() == 2);
  const auto proposed = c.match_and_propose("2020-10-25");
  CHECK(proposed.at("carla@kt.org") == "ana@kt.org");  // Spanish, Dissemination, 1 hour apart
  CHECK(proposed.at("dan@kt.org") == "bo@kt.org");
  const std::string carla = c.pairing_of("ana@kt.org", "carla@kt.org");
  const std::string dan = c.pairing_of("bo@kt.org", "dan@kt.org");
  c.start(carla, "2020-10-26", "2020-10-28", "2020-11-02");
  c.start(dan, "2020-10-26", "2020-10-29", "2020-11-02");

  // 60-90 minutes a month: Carla and Ana keep it; Dan and Bo meet only 30 minutes in December.
  c.meet(carla, "2020-11-10", 60);
  c.meet(carla, "2020-12-08", 75);
  c.meet(carla, "2021-01-12", 90);
  c.meet(dan, "2020-11-12", 60);
  c.meet(dan, "2020-12-15", 30);
  c.meet(dan, "2021-01-14", 60);
  c.objective(carla, "Publish 2 plain-language summaries of the review", "summaries online", "2021-04-30");
  auto carla_checks = check_pairing_rules(c.ws, carla, "2021-02-01");
  CHECK_RULE(carla_checks, "meetings", RuleStatus::met);
  CHECK_RULE(carla_checks, "duration", RuleStatus::pending);
  CHECK(contains(find_check(carla_checks, "duration")->message, "due to end between 2021-05-04 and 2021-08-03"));
  auto dan_checks = check_pairing_rules(c.ws, dan, "2021-02-01");
  CHECK_RULE(dan_checks, "meetings", RuleStatus::not_met);
  CHECK(contains(find_check(dan_checks, "meetings")->message, "December 2020: 30 minutes, expected at least 60"));

  // Progress report received by the coordinator carries the same verdicts.
  const ProgressReport report = c.progress_report(dan, "2021-02-01");
  CHECK(report.expectation == ExpectationStatus::behind);
  CHECK_RULE(report.checks, "meetings", RuleStatus::not_met);

  // Past nine months without completing: flagged; completed within 6-9 months: met.
  CHECK_RULE(check_pairing_rules(c.ws, dan, "2021-09-01"), "duration", RuleStatus::not_met);
  c.move(carla, PairingStatus::completed, "2021-06-01", Actor::coordinator);
  CHECK_RULE(check_pairing_rules(c.ws, carla, "2021-09-01"), "duration", RuleStatus::met);

#ifndef __EMSCRIPTEN__
  // The same through the command line.
  const std::string backup = write_backup(c.ws, "cochrane");
  CliRun spread_run = run_cli("spread --from " + backup + " --select 2");
  INFO(spread_run.output);
  CHECK(spread_run.exit_code == 0);
  CHECK(contains(spread_run.output, "countries 3"));
  CHECK(contains(spread_run.output, "selected 2 for spread:"));
  CliRun report_run = run_cli("report --from " + backup + " --today 2021-02-01");
  INFO(report_run.output);
  CHECK(report_run.exit_code == 0);
  CHECK(contains(report_run.output, "meetings: not_met: December 2020: 30 minutes, expected at least 60"));
  CHECK(contains(report_run.output, "applications_close: not_met: 1 application(s) after the closing date 2020-09-30: late@kt.org"));
  CliRun validate = run_cli("validate " + std::string(PAIRWISE_SOURCE_DIR) + "/assets/presets/cochrane-kt.json");
  CHECK(validate.exit_code == 0);
#endif
}
