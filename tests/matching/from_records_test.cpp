// Matching a scheme straight from its records: criteria, conflicts, locks and existing pairings.
#include <doctest/doctest.h>

#include "core/matching/from_records.hpp"

using namespace pairwise;
using namespace pairwise::matching;

namespace {

struct Cohort {
  FixedClock clock{"2024-05-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  Scheme scheme;

  Cohort() {
    scheme = make_preset(SchemePreset::cochrane_kt, ids, clock);
    scheme.matching_mode = MatchingMode::coordinator;
    REQUIRE(ws.save(scheme));
  }
  std::string add(const std::string& email, std::vector<Role> roles, std::vector<std::string> topics,
                  std::vector<std::string> languages, int utc_hours, int years, const std::string& org = "",
                  int capacity = 1) {
    Person p;
    p.scheme_id = scheme.meta.id;
    p.email = email;
    p.name = email.substr(0, email.find('@'));
    p.roles = std::move(roles);
    p.topics = std::move(topics);
    p.languages = std::move(languages);
    p.utc_offset_minutes = utc_hours * 60;
    p.experience_years = years;
    p.organisation = org;
    p.capacity = capacity;
    auto saved = ws.save(p);
    REQUIRE(saved);
    return saved->upserts.front().id;
  }
  std::string mentor_of(const MatchResult& r, const MatchingInput& in, const std::string& mentee_email) {
    for (const auto& pair : r.pairs)
      if (in.mentees[static_cast<std::size_t>(pair.mentee)].email == mentee_email)
        return in.mentors[static_cast<std::size_t>(pair.mentor)].email;
    return "";
  }
};

}  // namespace

TEST_CASE("records become a matching input whose optimum pairs people by topic and language") {
  Cohort c;
  c.add("ana@a.org", {Role::mentee}, {"Implementation"}, {"Spanish"}, -5, 2);
  c.add("bo@b.org", {Role::mentee}, {"Evaluation"}, {"English"}, 1, 3);
  c.add("carla@c.org", {Role::mentor}, {"implementation"}, {"spanish", "English"}, -4, 15);
  c.add("dev@d.org", {Role::mentor}, {"Evaluation"}, {"English"}, 0, 12);
  auto built = matching_input_from_records(c.ws, c.scheme);
  REQUIRE(built.input.mentees.size() == 2);
  REQUIRE(built.input.mentors.size() == 2);
  Matcher matcher(built.input);
  const MatchResult& r = matcher.run();
  CHECK(r.proven_optimal);
  CHECK(c.mentor_of(r, built.input, "ana@a.org") == "carla@c.org");  // topic and language match, any case
  CHECK(c.mentor_of(r, built.input, "bo@b.org") == "dev@d.org");
}

TEST_CASE("the same organisation is a conflict when the scheme makes it a hard rule") {
  Cohort c;
  c.scheme.criteria.push_back({"same_organisation", 0, true});
  REQUIRE(c.ws.save(c.scheme));
  c.scheme = *c.ws.find<Scheme>(c.scheme.meta.id);
  c.add("ana@a.org", {Role::mentee}, {"Implementation"}, {"Spanish"}, 0, 2, "Cochrane Iberoamerica");
  c.add("carla@c.org", {Role::mentor}, {"Implementation"}, {"Spanish"}, 0, 15, "cochrane iberoamerica ");
  auto built = matching_input_from_records(c.ws, c.scheme);
  CHECK(built.input.criteria.forbid_same_organisation);
  Matcher matcher(built.input);
  const MatchResult& r = matcher.run();
  REQUIRE(r.unmatched.size() == 1);
  CHECK(r.unmatched[0].reason == UnmatchedReason::NoAllowedMentor);
}

TEST_CASE("people already in a live pairing are not matched again and use their mentor's capacity") {
  Cohort c;
  c.add("ana@a.org", {Role::mentee}, {"Implementation"}, {"Spanish"}, 0, 2);
  c.add("eve@e.org", {Role::mentee}, {"Implementation"}, {"Spanish"}, 0, 2);
  c.add("carla@c.org", {Role::mentor}, {"Implementation"}, {"Spanish"}, 0, 15, "", 1);
  Pairing pairing;
  pairing.scheme_id = c.scheme.meta.id;
  pairing.mentor_email = "carla@c.org";
  pairing.mentee_email = "ana@a.org";
  pairing.history.push_back({PairingStatus::proposed, "2024-04-01", Actor::coordinator, ""});
  REQUIRE(c.ws.save(pairing));
  auto built = matching_input_from_records(c.ws, c.scheme);
  REQUIRE(built.input.mentees.size() == 1);
  CHECK(built.input.mentees[0].email == "eve@e.org");
  REQUIRE(built.input.mentors.size() == 1);
  CHECK(built.input.mentors[0].current_load == 1);
  Matcher matcher(built.input);
  const MatchResult& r = matcher.run();
  CHECK(r.pairs.empty());
  REQUIRE(r.unmatched.size() == 1);
}

TEST_CASE("forbidden and locked pairs come from the scheme by e-mail; unknown people are reported") {
  Cohort c;
  c.add("ana@a.org", {Role::mentee}, {"Implementation"}, {"Spanish"}, 0, 2);
  c.add("carla@c.org", {Role::mentor}, {"Implementation"}, {"Spanish"}, 0, 15);
  c.add("dev@d.org", {Role::mentor}, {"Evaluation"}, {"English"}, 0, 12);
  c.scheme.forbidden_pairs.push_back({"CARLA@c.org", "ana@a.org"});
  c.scheme.locked_pairs.push_back({"nobody@x.org", "ana@a.org"});
  auto built = matching_input_from_records(c.ws, c.scheme);
  REQUIRE(built.input.forbidden.size() == 1);
  CHECK(built.input.locked.empty());
  REQUIRE(built.warnings.size() == 1);
  CHECK(built.warnings[0].find("nobody@x.org") != std::string::npos);
  Matcher matcher(built.input);
  const MatchResult& r = matcher.run();
  CHECK(c.mentor_of(r, built.input, "ana@a.org") != "carla@c.org");
}
