#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/matching/worker_messages.hpp"

using namespace pairwise::matching;

namespace {

MatchingInput varied_input(unsigned seed) {
  std::mt19937 rng(seed);
  MatchingInput in;
  auto profile = [&](std::string id) {
    MatchProfile p;
    p.id = id;
    p.email = id + "@example.org";
    p.name = "Zoë Ἀθηνᾶ Ёлкина " + id;
    p.topics = rng() | (std::uint64_t{1} << 63);  // the top bit must survive the trip
    p.languages = 1 + rng() % 7;
    p.country = static_cast<std::uint16_t>(rng() % 65536);
    p.region = static_cast<std::uint16_t>(rng() % 5);
    p.utc_offset_minutes = static_cast<std::int16_t>(static_cast<int>(rng() % 1441) - 720);
    p.experience_years = static_cast<std::int16_t>(rng() % 40);
    p.organisation = rng() % 3;
    p.face_to_face = rng() % 2;
    p.location = rng() % 4;
    p.capacity = static_cast<std::int32_t>(rng() % 3);
    p.current_load = static_cast<std::int32_t>(rng() % 2);
    return p;
  };
  for (int i = 0; i < 9; ++i) in.mentees.push_back(profile("e" + std::to_string(i)));
  for (int j = 0; j < 5; ++j) in.mentors.push_back(profile("m" + std::to_string(j)));
  in.mentees[1].line_manager_id = "m2";
  in.mentees[0].ranking = {"m4", "m1"};
  in.mentors[3].ranking = {"e8"};
  in.mentors[4].id = "e5";  // on both lists
  in.criteria = default_criteria();
  in.criteria.rules[2].hard = true;
  in.criteria.rules[2].min_value = 50;
  in.criteria.minimum_score = 3;
  in.criteria.forbid_line_management = false;
  in.forbidden = {{"e3", "m0"}};
  in.locked = {{"e7", "m1"}};
  in.goal = {CohortGoal::Kind::MenteeRegions, 40};
  return in;
}

}  // namespace

TEST_CASE("a matching request reaches the worker with every field intact") {
  const MatchingInput sent = varied_input(7);
  MatchOptions options;
  options.explain = false;
  MatchingInput received;
  MatchOptions received_options;
  std::string error;
  REQUIRE(decode_matching_request(encode_matching_request(sent, options), received, received_options, error));
  CHECK_FALSE(received_options.explain);
  REQUIRE(received.mentees.size() == sent.mentees.size());
  for (std::size_t i = 0; i < sent.mentees.size(); ++i) {
    const MatchProfile& a = sent.mentees[i];
    const MatchProfile& b = received.mentees[i];
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.topics == b.topics);
    CHECK(a.languages == b.languages);
    CHECK(a.country == b.country);
    CHECK(a.region == b.region);
    CHECK(a.utc_offset_minutes == b.utc_offset_minutes);
    CHECK(a.experience_years == b.experience_years);
    CHECK(a.organisation == b.organisation);
    CHECK(a.line_manager_id == b.line_manager_id);
    CHECK(a.face_to_face == b.face_to_face);
    CHECK(a.location == b.location);
    CHECK(a.capacity == b.capacity);
    CHECK(a.current_load == b.current_load);
    CHECK(a.ranking == b.ranking);
  }
  CHECK(received.mentors.size() == sent.mentors.size());
  CHECK(received.mentors[4].id == "e5");
  CHECK(received.criteria.rules[2].hard);
  CHECK(received.criteria.rules[2].min_value == 50);
  CHECK(received.criteria.minimum_score == 3);
  CHECK_FALSE(received.criteria.forbid_line_management);
  REQUIRE(received.forbidden.size() == 1);
  CHECK(received.forbidden[0].mentor_id == "m0");
  REQUIRE(received.locked.size() == 1);
  CHECK(received.locked[0].mentee_id == "e7");
  CHECK(received.goal.kind == CohortGoal::Kind::MenteeRegions);
  CHECK(received.goal.bonus == 40);
}

TEST_CASE("the worker's answer is the result match() gives in the page") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const MatchingInput input = varied_input(seed);
    const MatchResult direct = match(input);
    MatchResult via_worker;
    std::string error;
    REQUIRE(decode_matching_reply(answer_matching_request(encode_matching_request(input, {})), via_worker, error));
    CHECK(via_worker.total_score == direct.total_score);
    CHECK(via_worker.optimised_score == direct.optimised_score);
    CHECK(via_worker.cohort_bonus == direct.cohort_bonus);
    CHECK(via_worker.proven_optimal == direct.proven_optimal);
    CHECK(via_worker.mentor_of == direct.mentor_of);
    REQUIRE(via_worker.pairs.size() == direct.pairs.size());
    for (std::size_t k = 0; k < direct.pairs.size(); ++k) {
      CHECK(via_worker.pairs[k].mentee == direct.pairs[k].mentee);
      CHECK(via_worker.pairs[k].mentor == direct.pairs[k].mentor);
      CHECK(via_worker.pairs[k].score == direct.pairs[k].score);
      CHECK(via_worker.pairs[k].breakdown.points == direct.pairs[k].breakdown.points);
      CHECK(via_worker.pairs[k].locked == direct.pairs[k].locked);
    }
    REQUIRE(via_worker.unmatched.size() == direct.unmatched.size());
    for (std::size_t k = 0; k < direct.unmatched.size(); ++k) {
      CHECK(via_worker.unmatched[k].mentee == direct.unmatched[k].mentee);
      CHECK(via_worker.unmatched[k].reason == direct.unmatched[k].reason);
      CHECK(via_worker.unmatched[k].text == direct.unmatched[k].text);
      CHECK(via_worker.unmatched[k].best_mentor == direct.unmatched[k].best_mentor);
    }
  }
}

TEST_CASE("a broken request gets an error reply the app can show") {
  MatchResult result;
  std::string error;
  CHECK_FALSE(decode_matching_reply(answer_matching_request("{\"message_version\": 1, \"mentees\": 3}"), result, error));
  CHECK(error.find("malformed matching request") != std::string::npos);
  CHECK_FALSE(decode_matching_reply(answer_matching_request("not json"), result, error));
  CHECK_FALSE(decode_matching_reply("{\"message_version\": 99}", result, error));
  CHECK(error.find("another version") != std::string::npos);
}

TEST_CASE("the worker's warm-up cohort is a small cut of the real one that matches without error") {
  const MatchingInput input = varied_input(7);
  const MatchingInput small = warm_up_input(input, 4, 2);
  REQUIRE(small.mentees.size() == 4);
  REQUIRE(small.mentors.size() == 2);
  CHECK(small.mentees[3].id == input.mentees[3].id);
  CHECK(small.mentors[1].id == input.mentors[1].id);
  CHECK(small.criteria.minimum_score == input.criteria.minimum_score);
  CHECK(small.criteria.rules.size() == input.criteria.rules.size());
  CHECK(small.goal.kind == input.goal.kind);
  // Locks and exclusions name people the cut may leave out: none are kept.
  CHECK(small.locked.empty());
  CHECK(small.forbidden.empty());
  MatchResult reply;
  std::string error;
  CHECK(decode_matching_reply(answer_matching_request(encode_matching_request(small, {})), reply, error));
  CHECK(error.empty());
  // A cohort smaller than the cut is taken whole.
  CHECK(warm_up_input(input).mentees.size() == input.mentees.size());
  CHECK(warm_up_input(MatchingInput{}).mentees.empty());
}
