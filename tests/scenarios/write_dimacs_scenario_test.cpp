// `pairwise match --write-dimacs` on a Cochrane KT cohort, whose spread goal is on: the file is the
// instance the matcher solves before the goal (a comment says which goal is left out), so
// `pairwise match --dimacs` on it gives the optimum the matcher finds with the goal switched off.
#include "scenario_support.hpp"

using namespace pairwise;
using namespace pairwise::scenario;

TEST_CASE("scenario Cochrane KT: --write-dimacs writes the instance before the spread goal, --dimacs solves it") {
  Cohort c(SchemePreset::cochrane_kt);
  const Scheme& s = c.scheme();
  REQUIRE(s.topics.size() >= 3);
  const std::vector<std::pair<std::string, std::string>> places = {
      {"Brazil", "Latin America"}, {"Chile", "Latin America"}, {"Ireland", "Europe"},
      {"Kenya", "Africa"},         {"India", "Asia"},          {"United Kingdom", "Europe"}};
  const std::vector<std::vector<std::string>> languages = {{"English"}, {"Spanish", "English"}, {"Portuguese"}, {"Swahili", "English"}};
  std::vector<Person> people;
  std::vector<std::string> emails;
  for (int k = 0; k < 40; ++k) {
    const bool mentor = k % 4 == 0;
    Person p = applicant((mentor ? "mentor" : "mentee") + std::to_string(k) + "@kt.org", {mentor ? Role::mentor : Role::mentee});
    const auto& [country, region] = places[static_cast<std::size_t>(k * 7 % 6)];
    p.country = country;
    p.region = region;
    p.utc_offset_minutes = (k % 5 - 2) * 120;
    p.languages = languages[static_cast<std::size_t>(k * 3 % 4)];
    // Mentees mostly want the first theme: the popular mentors are contested.
    p.topics = {s.topics[static_cast<std::size_t>(k % 3 == 0 ? k % s.topics.size() : 0)]};
    if (mentor) p.topics.push_back(s.topics[static_cast<std::size_t>((k / 4) % s.topics.size())]);
    p.experience_years = mentor ? 8 + k % 9 : k % 4;
    p.capacity = mentor ? 1 + k % 3 : 1;
    p.applied_on = "2020-09-10";
    emails.push_back(p.email);
    people.push_back(std::move(p));
  }
  c.import_applications(people);
  for (const auto& email : emails) REQUIRE(record_decision(c.ws, email, Decision::selected, "2020-10-20"));

  const auto built = matching::matching_input_from_records(c.ws, c.scheme());
  REQUIRE(built.input.goal.kind == matching::CohortGoal::Kind::MenteeRegions);
  REQUIRE(built.input.goal.bonus > 0);
  matching::Matcher with_goal(built.input);
  const std::int64_t score_with_goal = with_goal.run().total_score;
  matching::MatchingInput without = built.input;
  without.goal = {};
  matching::Matcher without_goal(without);
  const matching::MatchResult& optimum = without_goal.run();
  REQUIRE(optimum.proven_optimal);
  CHECK(optimum.total_score >= score_with_goal);  // the goal can only cost pair score

#ifndef __EMSCRIPTEN__
  const std::string backup = write_backup(c.ws, "write-dimacs");
  const std::string instance = backup.substr(0, backup.rfind('/')) + "/instance.min";
  CliRun written = run_cli("match --from " + backup + " --write-dimacs " + instance);
  INFO(written.output);
  CHECK(written.exit_code == 0);
  CHECK(contains(written.output, "wrote 30 mentee(s), 10 mentor(s)"));
  std::ifstream in(instance);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(contains(text, "c before cohort goals: this instance leaves out the scheme's goal (mentee regions, bonus " +
                           std::to_string(built.input.goal.bonus) + " per group covered)"));
  CliRun solved = run_cli("match --dimacs " + instance);
  INFO(solved.output);
  CHECK(solved.exit_code == 0);
  CHECK(contains(solved.output, "(total score " + std::to_string(optimum.total_score) + ","));
  // The matcher through the command line, goal on, as before.
  CliRun matched = run_cli("match --from " + backup);
  CHECK(contains(matched.output, "total score " + std::to_string(score_with_goal) + "\n"));
  CHECK(run_cli("match --from " + backup + " --dimacs " + instance + " --write-dimacs " + instance).exit_code == 2);

  // --with-goal: the instance the matcher solves with the spread goal; its optimum, through the
  // offset its comment states, is the matcher's total score plus the cohort bonus.
  const std::string goal_instance = backup.substr(0, backup.rfind('/')) + "/goal-instance.min";
  CliRun goal_written = run_cli("match --from " + backup + " --write-dimacs " + goal_instance + " --with-goal");
  INFO(goal_written.output);
  CHECK(goal_written.exit_code == 0);
  std::ifstream goal_in(goal_instance);
  const std::string goal_text((std::istreambuf_iterator<char>(goal_in)), std::istreambuf_iterator<char>());
  const std::string marker = "c the matcher's objective (total score + cohort bonus) = ";
  const auto at = goal_text.find(marker);
  REQUIRE(at != std::string::npos);
  const long long offset = std::stoll(goal_text.substr(at + marker.size()));
  CliRun goal_solved = run_cli("match --dimacs " + goal_instance);
  INFO(goal_solved.output);
  CHECK(goal_solved.exit_code == 0);
  const std::string cost_marker = "optimal cost ";
  REQUIRE(goal_solved.output.find(cost_marker) != std::string::npos);
  const long long min_cost = std::stoll(goal_solved.output.substr(goal_solved.output.find(cost_marker) + cost_marker.size()));
  CHECK(offset - min_cost == score_with_goal + with_goal.result().cohort_bonus);
#endif
}
