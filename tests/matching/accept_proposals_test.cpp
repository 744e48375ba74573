// Turning matching results into records: locks/forbids kept in the scheme, proposals accepted.
#include <doctest/doctest.h>

#include "core/matching/accept_proposals.hpp"
#include "core/matching/from_records.hpp"

using namespace pairwise;
using namespace pairwise::matching;

namespace {

struct Cohort {
  FixedClock clock{"2024-05-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  std::string scheme_id;

  Cohort() {
    Scheme scheme = make_preset(SchemePreset::ikt, ids, clock);
    scheme_id = scheme.meta.id;
    REQUIRE(ws.save(scheme));
    add("mentor@example.org", {Role::mentor}, 1);
    add("busy@example.org", {Role::mentor}, 1);
    add("ana@example.org", {Role::mentee});
    add("ben@example.org", {Role::mentee});
    add("both@example.org", {Role::mentor, Role::mentee}, 1);
  }
  void add(const std::string& email, std::vector<Role> roles, int capacity = 1) {
    Person p;
    p.scheme_id = scheme_id;
    p.email = email;
    p.roles = std::move(roles);
    p.topics = {"Health"};
    p.languages = {"English"};
    p.capacity = capacity;
    REQUIRE(ws.save(p));
  }
  const Scheme& scheme() const { return *ws.find<Scheme>(scheme_id); }
};

}  // namespace

TEST_CASE("a score explanation names the criteria that gave points") {
  ScoreBreakdown b;
  b.points[static_cast<std::size_t>(Criterion::Topics)] = 30;
  b.points[static_cast<std::size_t>(Criterion::TimeZone)] = 7;
  CHECK(explain_score(37, b) == "37 points: topics 30 · time zone 7");
  CHECK(explain_score(0, ScoreBreakdown{}) == "0 points");
}

TEST_CASE("the Proposals table gets a score's parts from the core, not by cutting the explanation apart (issue 14 part 3)") {
  ScoreBreakdown b;
  b.points[static_cast<std::size_t>(Criterion::Topics)] = 30;
  b.points[static_cast<std::size_t>(Criterion::TimeZone)] = 7;
  b.points[static_cast<std::size_t>(Criterion::MenteePreference)] = -5;  // a penalty is a part too
  const std::vector<ScorePart> parts = score_parts(b);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0] == ScorePart{"topics", 30});
  CHECK(parts[1] == ScorePart{"time zone", 7});
  CHECK(parts[2] == ScorePart{"mentee preference", -5});
  CHECK(score_reasons(b) == "topics 30 · time zone 7 · mentee preference -5");
  CHECK(explain_score(32, b) == "32 points: " + score_reasons(b));
  // Nothing gave points: no parts and no reasons (the screen shows an empty "Why", not "0 points").
  CHECK(score_parts(ScoreBreakdown{}).empty());
  CHECK(score_reasons(ScoreBreakdown{}).empty());
}

TEST_CASE("locking and forbidding a pair keeps one rule per pair and one lock per mentee") {
  Cohort c;
  const EmailPair ana_mentor{"mentor@example.org", "ana@example.org"};
  const EmailPair ana_busy{"busy@example.org", "ana@example.org"};
  Scheme s = with_pair_rule(c.scheme(), ana_mentor, PairRuleChoice::forbidden);
  CHECK(pair_rule_of(s, ana_mentor) == PairRuleChoice::forbidden);
  s = with_pair_rule(s, {"MENTOR@example.org ", "Ana@Example.org"}, PairRuleChoice::locked);
  CHECK(pair_rule_of(s, ana_mentor) == PairRuleChoice::locked);
  CHECK(s.forbidden_pairs.empty());
  s = with_pair_rule(s, ana_busy, PairRuleChoice::locked);
  CHECK(pair_rule_of(s, ana_busy) == PairRuleChoice::locked);
  CHECK(pair_rule_of(s, ana_mentor) == PairRuleChoice::none);
  CHECK(s.locked_pairs.size() == 1);
  s = with_pair_rule(s, ana_busy, PairRuleChoice::none);
  CHECK(s.locked_pairs.empty());
}

TEST_CASE("accepted proposals become proposed pairings and release their locks") {
  Cohort c;
  Scheme locked = with_pair_rule(c.scheme(), {"mentor@example.org", "ana@example.org"}, PairRuleChoice::locked);
  REQUIRE(c.ws.save(locked));
  auto changes = accept_proposals(c.ws, c.scheme_id,
                                  {{"mentor@example.org", "ana@example.org", "20 points: topics 20"},
                                   {"busy@example.org", "ben@example.org", "10 points: language 10"}},
                                  "2024-05-02");
  REQUIRE(changes);
  CHECK(changes->upserts.size() == 3);  // two pairings and the scheme
  const auto pairings = c.ws.pairings_of_scheme(c.scheme_id);
  REQUIRE(pairings.size() == 2);
  for (const Pairing& p : pairings) {
    CHECK(p.status() == PairingStatus::proposed);
    CHECK(p.status_since() == "2024-05-02");
    CHECK_FALSE(p.score_explanation.empty());
  }
  CHECK(c.scheme().locked_pairs.empty());

  // Matching again now sees both mentees paired and both mentors full.
  const auto input = matching_input_from_records(c.ws, c.scheme());
  for (const MatchProfile& m : input.input.mentees) CHECK(m.email == "both@example.org");
}

TEST_CASE("accepting refuses the whole set when one proposal breaks a rule") {
  Cohort c;
  const auto before = c.ws.all_records();
  auto refused = accept_proposals(c.ws, c.scheme_id,
                                  {{"mentor@example.org", "ana@example.org", ""},
                                   {"mentor@example.org", "ben@example.org", ""},       // capacity 1
                                   {"busy@example.org", "ana@example.org", ""},         // ana twice
                                   {"nobody@example.org", "both@example.org", ""}},     // unknown mentor
                                  "2024-05-02");
  REQUIRE_FALSE(refused);
  const std::string text = refused.error_text();
  CHECK(text.find("proposal 2") != std::string::npos);
  CHECK(text.find("no free place") != std::string::npos);
  CHECK(text.find("ana@example.org already has a mentor") != std::string::npos);
  CHECK(text.find("nobody@example.org is not a mentor") != std::string::npos);
  CHECK(c.ws.all_records() == before);

  Person paused = *c.ws.person_by_email("busy@example.org");
  paused.status = PersonStatus::paused;
  REQUIRE(c.ws.save(paused));
  auto refused_paused = accept_proposals(c.ws, c.scheme_id, {{"busy@example.org", "ben@example.org", ""}}, "2024-05-02");
  REQUIRE_FALSE(refused_paused);
  CHECK(refused_paused.error_text().find("paused, not active") != std::string::npos);
}

TEST_CASE("a re-run's proposals keep the rows people were looking at in their places (issue 15: no re-sort "
          "under the pointer after Lock or Never)") {
  // Shown: ana, ben, chen, dana. The re-run after "Never" on ben lists its pairs in its own order,
  // with ben gone and a new mentee, eve.
  const std::vector<std::string> before = {"ana", "ben", "chen", "dana"};
  const std::vector<std::string> now = {"dana", "eve", "chen", "ana"};
  const auto order = steady_order(before, now);
  std::vector<std::string> shown;
  for (std::size_t i : order) shown.push_back(now[i]);
  CHECK(shown == std::vector<std::string>{"ana", "chen", "dana", "eve"});
  // A first run shows the run's own order; the same rows again stay exactly where they were.
  const auto first = steady_order({}, now);
  CHECK(first == std::vector<std::size_t>{0, 1, 2, 3});
  std::vector<std::string> again = {"chen", "eve", "ana", "dana"};
  std::vector<std::string> shown_again;
  for (std::size_t i : steady_order(shown, again)) shown_again.push_back(again[i]);
  CHECK(shown_again == shown);
}
