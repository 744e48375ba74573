#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <string>

#include "core/matching/dimacs.hpp"
#include "core/matching/json_io.hpp"
#include "core/matching/stable.hpp"

namespace {
// One file per test run: test suites of two checkouts may run on the same machine at once.
std::string temp_path(const std::string& name) {
  static const std::string run = std::to_string(std::random_device{}()) + std::to_string(std::random_device{}());
  return "/tmp/pairwise-" + run + "-" + name;
}
}  // namespace

using namespace pairwise::matching;

namespace {
MatchingInput cohort(std::mt19937& rng, int n, int m) {
  MatchingInput in;
  in.criteria = default_criteria();
  for (int k = 0; k < n + m; ++k) {
    MatchProfile p;
    p.id = std::string(1, k < n ? 'e' : 'm').append(std::to_string(k));
    p.topics = rng() & 0xFFu;
    p.languages = 1 | (rng() & 6u);
    p.utc_offset_minutes = static_cast<std::int16_t>(static_cast<int>(rng() % 13) * 60);
    p.experience_years = static_cast<std::int16_t>(rng() % 30);
    p.capacity = 1 + static_cast<int>(rng() % 3);
    (k < n ? in.mentees : in.mentors).push_back(p);
  }
  return in;
}
}  // namespace

TEST_CASE("DIMACS round trip: written instance solves to the matcher's optimum") {
  std::mt19937 rng(5);
  for (int round = 0; round < 20; ++round) {
    const MatchingInput in = cohort(rng, 30, 12);
    Matcher matcher(in);
    const MatchResult& r = matcher.run();
    std::vector<std::int32_t> cap;
    for (const auto& p : in.mentors) cap.push_back(p.capacity);
    const std::string path = temp_path("dimacs-test.min");
    REQUIRE(write_dimacs(path, matcher.scorer(), cap) > 0);
    const DimacsResult d = solve_dimacs_file(path);
    REQUIRE(d.ok);
    CHECK(d.total_score == r.total_score);
    CHECK(d.min_cost == -r.total_score);
    std::remove(path.c_str());
  }
}

TEST_CASE("DIMACS reader rejects malformed files") {
  const std::string path = temp_path("dimacs-bad.min");
  std::FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("p min 3 1\nn 1 1\nn 2 1\na 1 2 0 1 x\n", f);
  std::fclose(f);
  CHECK_FALSE(solve_dimacs_file(path).ok);
  std::remove(path.c_str());
}

TEST_CASE("deferred acceptance gives a matching without blocking pairs") {
  std::mt19937 rng(11);
  for (int round = 0; round < 50; ++round) {
    MatchingInput in = cohort(rng, 15, 6);
    if (round % 2) in.mentees[0].ranking = {in.mentors[2].id, in.mentors[1].id};
    if (round % 3 == 0) in.mentors[0].ranking = {in.mentees[3].id, in.mentees[4].id, in.mentees[5].id};
    const StableResult s = stable_match(in);
    CHECK(blocking_pairs(in, s.mentor_of).empty());
    // The score-optimal matching scores at least as much as the stable one.
    const MatchResult opt = match(in);
    CHECK(opt.total_score >= s.total_score);
    blocking_pairs(in, opt.mentor_of);  // may be non-empty: reported for comparison
  }
}

TEST_CASE("JSON in, JSON and CSV out") {
  const std::string input = R"({
    "criteria": {"weights": {"topics": 3, "language": 2}, "hard": ["language"], "minimum_score": 1},
    "mentees": [{"id": "a", "email": "a@x.org", "topics": [1, 2], "languages": [0]},
                {"id": "b", "email": "b@x.org", "topics": [3], "languages": [1]}],
    "mentors": [{"id": "M", "email": "m@x.org", "topics": [1], "languages": [0], "capacity": 2}]
  })";
  const std::string out = match_json(input);
  CHECK(out.find("\"mentee\": \"a\"") != std::string::npos);
  CHECK(out.find("no_allowed_mentor") != std::string::npos);
  CHECK(match_json("{not json").find("error") != std::string::npos);
  CHECK(match_json(R"({"mentees": [{"id": "a", "topics": [99]}]})").find("error") != std::string::npos);
  MatchingInput in;
  std::string err;
  REQUIRE(parse_matching_input(input, in, err));
  const std::string csv = proposals_csv(in, match(in));
  // Written by the one CSV writer: byte-order mark, then the header.
  CHECK(csv.rfind("\xEF\xBB\xBFmentee_id,mentee_email,mentor_id", 0) == 0);
  CHECK(csv.find("a,a@x.org,M,m@x.org") != std::string::npos);
}

TEST_CASE("match CSV neutralises formulas in e-mails and ids (issue 12: =1+1@x.org passed the e-mail check)") {
  const std::string input = R"({"criteria": {"weights": {"topics": 3}, "minimum_score": 1},
                                "mentees": [{"id": "-2+3", "email": "=1+1@x.org", "topics": [1], "languages": [0]}],
                                "mentors": [{"id": "@M;1", "email": "+m@x.org", "topics": [1], "languages": [0], "capacity": 1}]})";
  MatchingInput in;
  std::string err;
  REQUIRE(parse_matching_input(input, in, err));
  const std::string csv = proposals_csv(in, match(in));
  INFO(csv);
  CHECK(csv.find("'-2+3,'=1+1@x.org,\"'@M;1\",'+m@x.org,") != std::string::npos);
  CHECK(csv.find(",=1+1") == std::string::npos);
}
