// KIND: mentees post short, precise project requests; mentors browse and express interest; the
// coordinator introduces; both sign a mutual-consent contract; about 8 weeks; either side may
// withdraw at any time without fault.
#include "scenario_support.hpp"

#include "core/checks/project_request.hpp"

using namespace pairwise;
using namespace pairwise::scenario;

namespace {

Person request(const std::string& email, const std::string& what, const std::string& how, const std::string& barriers,
               const std::string& mentor_role) {
  Person p = applicant(email, {Role::mentee});
  p.project = {what, how, barriers, mentor_role, ""};
  p.topics = {"R"};
  return p;
}

std::string words(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + std::string("word");
  return out;
}

}  // namespace

TEST_CASE("scenario KIND: requests, interest, introduction, contract, 8 weeks, withdrawal without fault") {
  Cohort c(SchemePreset::kind);
  CHECK(c.scheme().matching_mode == MatchingMode::mentor_picks_requests);
  Person kim = request("kim@kind.example", "Turn my R scripts for survey weighting into a package",
                       "Following the R Packages book, on my own", "Testing and documentation conventions",
                       "Review my package structure and suggest what to change");
  Person lee = request("lee@kind.example", words(95), "Alone, in the evenings", "Time and infrastructure",
                       "Answer questions as they come up");
  Person max = request("max@kind.example", "Teach me how to code in Python", "Online courses so far",
                       "I get stuck on everything", "Be my teacher every week");
  Person mo = applicant("mo@kind.example", {Role::mentor});
  Person nia = applicant("nia@kind.example", {Role::mentor});
  mo.topics = nia.topics = {"R"};
  c.import_applications({kim, lee, max, mo, nia});

  // The request form's check: short and precise, and not a kind of request the scheme turns away.
  CHECK(check_project_request(c.scheme(), kim.project).empty());
  const auto too_long = check_project_request(c.scheme(), lee.project);
  REQUIRE_FALSE(too_long.empty());
  CHECK(too_long[0].field == "project.what");
  CHECK(too_long[0].message == "Shorten \"what are you trying to do?\" to at most 80 words (now 95): successful proposals are short and precise");
  const auto open_ended = check_project_request(c.scheme(), max.project);
  REQUIRE(open_ended.size() == 1);
  CHECK(open_ended[0].message == "\"teach me how to\": open-ended projects aren't a good fit for an 8-week mentoring arrangement");
  MenteeProject half = kim.project;
  half.barriers.clear();
  CHECK(check_project_request(c.scheme(), half) ==
        std::vector<ProjectRequestIssue>{{"project.barriers", "Answer \"which barrier(s) do you have in place?\""}});
  CHECK_RULE(check_scheme_rules(c.ws, c.scheme_id, "2024-01-10"), "project_requests", RuleStatus::not_met);

  // Nia expresses interest in Kim's request; interest in a request that is not ready is refused.
  REQUIRE(express_interest(c.ws, c.scheme_id, "nia@kind.example", "kim@kind.example", "2024-01-09", "I maintain two packages"));
  auto refused = express_interest(c.ws, c.scheme_id, "nia@kind.example", "lee@kind.example", "2024-01-09", "");
  REQUIRE_FALSE(refused.ok());
  CHECK(contains(refused.error_text(), "the request of lee@kind.example is not short and precise yet"));
  CHECK(contains(refused.error_text(), "project.what: Shorten"));
  CHECK_FALSE(express_interest(c.ws, c.scheme_id, "nia@kind.example", "kim@kind.example", "2024-01-10", "").ok());  // twice

#ifndef __EMSCRIPTEN__
  // Mo expresses interest and the coordinator introduces Mo, through the command line.
  const std::string backup = write_backup(c.ws, "kind");
  CliRun interest = run_cli("interest --into " + backup + " --mentor mo@kind.example --mentee kim@kind.example --date 2024-01-10");
  INFO(interest.output);
  CHECK(interest.exit_code == 0);
  CliRun bad_interest = run_cli("interest --into " + backup + " --mentor mo@kind.example --mentee max@kind.example --date 2024-01-10");
  CHECK(bad_interest.exit_code == 1);
  CHECK(contains(bad_interest.output, "open-ended projects aren't a good fit"));
  CliRun browse = run_cli("requests --from " + backup);
  INFO(browse.output);
  CHECK(contains(browse.output, "kim@kind.example: ready; 2 interested mentor(s)"));
  CHECK(contains(browse.output, "lee@kind.example: not ready"));
  CliRun intro = run_cli("introduce --into " + backup + " --mentor mo@kind.example --mentee kim@kind.example --date 2024-01-12");
  INFO(intro.output);
  CHECK(intro.exit_code == 0);
  c.ws = read_backup(backup, c.clock, c.ids);
#else
  REQUIRE(express_interest(c.ws, c.scheme_id, "mo@kind.example", "kim@kind.example", "2024-01-10", ""));
  REQUIRE(introduce(c.ws, find_pairing_id(c.ws, "mo@kind.example", "kim@kind.example"), "2024-01-12"));
#endif
  const std::string pair = c.pairing_of("mo@kind.example", "kim@kind.example");
  const Pairing& introduced = *c.ws.find<Pairing>(pair);
  CHECK(introduced.origin == PairingOrigin::mentor_interest);
  CHECK(introduced.introduced_on == "2024-01-12");
  CHECK(introduced.status() == PairingStatus::accepted);
  // Nia's interest in the same request is closed; the request is no longer open.
  CHECK(c.ws.find<Pairing>(c.pairing_of("nia@kind.example", "kim@kind.example"))->status() == PairingStatus::withdrawn);
  for (const auto& r : open_project_requests(c.ws, c.scheme_id)) CHECK(r.mentee.email != "kim@kind.example");
  auto checks = check_pairing_rules(c.ws, pair, "2024-01-12");
  CHECK_RULE(checks, "introduction", RuleStatus::met);
  CHECK_RULE(checks, "agreement", RuleStatus::pending);

  // No mentoring without the mutual-consent contract signed by both.
  auto early = c.ws.transition_pairing(pair, {PairingStatus::active, "2024-01-15", Actor::coordinator, "", 0});
  REQUIRE_FALSE(early.ok());
  CHECK(contains(early.error_text(), "must sign the mutual-consent contract"));
  c.sign_agreement(pair, "2024-01-15", "");
  CHECK_FALSE(c.ws.transition_pairing(pair, {PairingStatus::active, "2024-01-15", Actor::coordinator, "", 0}).ok());
  c.sign_agreement(pair, "2024-01-15", "2024-01-16");
  c.move(pair, PairingStatus::active, "2024-01-16", Actor::coordinator);
  CHECK_RULE(check_pairing_rules(c.ws, pair, "2024-01-16"), "agreement", RuleStatus::met);

  // About 8 weeks: meetings and an objective, then past the 8 weeks it is flagged.
  c.meet(pair, "2024-01-23", 60);
  c.meet(pair, "2024-02-13", 45);
  c.objective(pair, "Publish the weighting package on GitHub with 3 documented functions", "package installs", "2024-03-08");
  auto week5 = check_pairing_rules(c.ws, pair, "2024-02-13");
  CHECK_RULE(week5, "duration", RuleStatus::pending);
  CHECK(contains(find_check(week5, "duration")->message, "week 5 of the scheme's 8 weeks; due to end by 2024-03-12"));
  CHECK_RULE(check_pairing_rules(c.ws, pair, "2024-03-20"), "duration", RuleStatus::not_met);
  CHECK(c.progress_report(pair, "2024-02-13").meeting_count == 2);

#ifndef __EMSCRIPTEN__
  // Kim uses the withdrawal form: no reason, no fault.
  const std::string backup2 = write_backup(c.ws, "kind-withdrawal");
  CliRun withdraw = run_cli("pairing --into " + backup2 + " --mentor mo@kind.example --mentee kim@kind.example --to withdrawn --by mentee --date 2024-02-20");
  INFO(withdraw.output);
  CHECK(withdraw.exit_code == 0);
  CliRun report = run_cli("report --from " + backup2 + " --mentor mo@kind.example --mentee kim@kind.example --today 2024-02-21");
  INFO(report.output);
  CHECK(contains(report.output, "withdrawal: met: withdrawn by the mentee on 2024-02-20, without fault"));
  c.ws = read_backup(backup2, c.clock, c.ids);
#else
  REQUIRE(withdraw_without_fault(c.ws, pair, Actor::mentee, "2024-02-20"));
#endif
  CHECK(c.ws.find<Pairing>(pair)->status() == PairingStatus::withdrawn);
  CHECK(c.ws.find<Pairing>(pair)->history.back().by == Actor::mentee);
  CHECK(c.ws.person_by_email("kim@kind.example")->status == PersonStatus::active);  // no fault: still in the scheme
  CHECK_FALSE(withdraw_without_fault(c.ws, pair, Actor::system, "2024-02-21").ok());
}
