#include <doctest/doctest.h>

#include "core/records/pairing.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {
Pairing fresh() {
  SequentialIdGenerator ids;
  FixedClock clock("2024-01-01T00:00:00Z");
  return make_pairing(new_meta(ids, clock), "s", "mentor@x.org", "mentee@x.org", "2024-01-01");
}
}  // namespace

TEST_CASE("pairing lifecycle: proposed -> requested -> accepted -> active -> completed, with dated history") {
  Pairing p = fresh();
  CHECK(p.status() == PairingStatus::proposed);
  CHECK(transition(p, {PairingStatus::requested, "2024-01-02", Actor::coordinator, "", 0}).ok());
  CHECK(transition(p, {PairingStatus::accepted, "2024-01-03", Actor::mentor, "", 0}).ok());
  CHECK(transition(p, {PairingStatus::active, "2024-01-04", Actor::coordinator, "", 0}).ok());
  CHECK(transition(p, {PairingStatus::completed, "2024-07-01", Actor::coordinator, "", 0}).ok());
  REQUIRE(p.history.size() == 5);
  CHECK(p.history[2].date == "2024-01-03");
  CHECK(p.active_since() == "2024-01-04");
  CHECK(p.status_since() == "2024-07-01");
}

TEST_CASE("a mentor may decline without a reason, and the decline is final") {
  Pairing p = fresh();
  REQUIRE(transition(p, {PairingStatus::requested, "2024-01-02", Actor::coordinator, "", 0}).ok());
  CHECK(transition(p, {PairingStatus::declined, "2024-01-03", Actor::mentor, "", 0}).ok());
  CHECK(p.history.back().reason.empty());
  Outcome again = transition(p, {PairingStatus::active, "2024-01-04", Actor::coordinator, "", 0});
  CHECK_FALSE(again.ok());
  CHECK(again.message() == "cannot move a pairing from \"declined\" to \"active\": \"declined\" is final");
}

TEST_CASE("invalid transitions are refused with a message and leave the pairing unchanged") {
  Pairing p = fresh();
  Outcome o = transition(p, {PairingStatus::active, "2024-01-02", Actor::coordinator, "", 0});
  CHECK_FALSE(o.ok());
  CHECK(o.message() == "cannot move a pairing from \"proposed\" to \"active\"; allowed next: requested, withdrawn");
  CHECK(p.history.size() == 1);
  REQUIRE(transition(p, {PairingStatus::requested, "2024-01-05", Actor::coordinator, "", 0}).ok());
  CHECK_FALSE(transition(p, {PairingStatus::accepted, "2024-01-04", Actor::mentor, "", 0}).ok());  // earlier date
  CHECK_FALSE(transition(p, {PairingStatus::accepted, "2024-13-04", Actor::mentor, "", 0}).ok());  // not a date
  CHECK_FALSE(transition(p, {PairingStatus::declined, "2024-01-06", Actor::mentee, "", 0}).ok());  // wrong side
  CHECK_FALSE(transition(p, {PairingStatus::completed, "2024-01-06", Actor::mentor, "", 0}).ok());
  CHECK(p.status() == PairingStatus::requested);
}

TEST_CASE("no response only after the scheme's number of days, then it can be escalated and re-sent") {
  Pairing p = fresh();
  REQUIRE(transition(p, {PairingStatus::requested, "2024-01-01", Actor::coordinator, "", 0}).ok());
  Outcome early = transition(p, {PairingStatus::no_response, "2024-01-10", Actor::system, "", 14});
  CHECK_FALSE(early.ok());
  CHECK(early.message().find("14 days") != std::string::npos);
  CHECK_FALSE(is_awaiting_response_too_long(p, "2024-01-14", 14));
  CHECK(is_awaiting_response_too_long(p, "2024-01-15", 14));
  CHECK(transition(p, {PairingStatus::no_response, "2024-01-15", Actor::system, "", 14}).ok());
  CHECK(transition(p, {PairingStatus::requested, "2024-01-16", Actor::coordinator, "escalated", 0}).ok());
  CHECK(p.requested_on() == "2024-01-16");
}

TEST_CASE("either side can withdraw without fault from an active pairing") {
  for (Actor side : {Actor::mentor, Actor::mentee}) {
    Pairing p = fresh();
    REQUIRE(transition(p, {PairingStatus::requested, "2024-01-02", Actor::coordinator, "", 0}).ok());
    REQUIRE(transition(p, {PairingStatus::accepted, "2024-01-03", Actor::mentor, "", 0}).ok());
    REQUIRE(transition(p, {PairingStatus::active, "2024-01-04", Actor::coordinator, "", 0}).ok());
    CHECK(transition(p, {PairingStatus::withdrawn, "2024-02-01", side, "", 0}).ok());
    CHECK(p.history.back().by == side);
    CHECK(is_final(p.status()));
  }
}

TEST_CASE("workspace marks overdue requests as no response using the scheme's days") {
  test::Fixture fx(SchemePreset::ikt);
  Pairing p = make_pairing(fx.ws.new_meta(), fx.scheme_id, "a@x.org", "b@x.org", "2024-03-01");
  REQUIRE(fx.ws.save(p));
  REQUIRE(fx.ws.transition_pairing(p.meta.id, {PairingStatus::requested, "2024-03-01", Actor::coordinator, "", 0}));
  CHECK(fx.ws.mark_overdue_requests("2024-03-10").empty());
  ChangeSet cs = fx.ws.mark_overdue_requests("2024-03-15");
  REQUIRE(cs.upserts.size() == 1);
  CHECK(cs.upserts[0].store == "pairings");
  CHECK(fx.ws.find<Pairing>(p.meta.id)->status() == PairingStatus::no_response);
  auto bad = fx.ws.transition_pairing(p.meta.id, {PairingStatus::completed, "2024-03-16", Actor::mentor, "", 0});
  CHECK_FALSE(bad.ok());
  CHECK(bad.error_text().find("cannot move") != std::string::npos);
}

TEST_CASE("a pairing file whose history the state machine could not produce is rejected with its path") {
  Pairing p = fresh();
  p.history.push_back({PairingStatus::completed, "2024-01-02", Actor::coordinator, ""});
  Json j = encode(p);
  Errors errors;
  Pairing out;
  decode(JsonReader(&j, "$.pairing", &errors), out);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() == "$.pairing.history[1]: \"proposed\" cannot be followed by \"completed\"");
}

namespace {
std::vector<PairingStatus> targets(const std::vector<PairingStep>& steps) {
  std::vector<PairingStatus> out;
  for (const PairingStep& s : steps) out.push_back(s.to);
  return out;
}
}  // namespace

// Issue 14 part 3: the Pairings screen listed its own transitions beside allowed_next(); it now
// draws coordinator_steps(), so the two can no longer disagree.
TEST_CASE("the coordinator's steps are allowed_next() of each status, each one accepted by transition()") {
  using S = PairingStatus;
  const int days = 14;
  auto walk = [](std::vector<StatusChange> history) {
    Pairing p = fresh();
    for (auto& h : history) p.history.push_back(h);
    return p;
  };
  const std::vector<Pairing> pairings = {
      fresh(),
      walk({{S::requested, "2024-01-02", Actor::coordinator, ""}}),
      walk({{S::requested, "2023-12-01", Actor::coordinator, ""}, {S::no_response, "2023-12-20", Actor::system, ""}}),
      walk({{S::requested, "2024-01-02", Actor::coordinator, ""}, {S::accepted, "2024-01-03", Actor::mentor, ""}}),
      walk({{S::requested, "2024-01-02", Actor::coordinator, ""}, {S::accepted, "2024-01-03", Actor::mentor, ""},
            {S::active, "2024-01-04", Actor::coordinator, ""}}),
      walk({{S::requested, "2024-01-02", Actor::coordinator, ""}, {S::declined, "2024-01-03", Actor::mentor, ""}}),
      walk({{S::withdrawn, "2024-01-02", Actor::mentee, ""}}),
  };
  for (const std::string today : {"2024-01-05", "2024-02-01"}) {
    for (const Pairing& p : pairings) {
      CAPTURE(to_string(p.status()));
      CAPTURE(today);
      const std::vector<PairingStep> steps = coordinator_steps(p, today, days);
      std::vector<S> expected = allowed_next(p.status());
      // "No response" only once the mentor has had the scheme's days to answer.
      if (p.status() == S::requested && today == std::string("2024-01-05"))
        std::erase(expected, S::no_response);
      CHECK(targets(steps) == expected);
      for (const PairingStep& step : steps) {
        Pairing copy = p;
        const Outcome o = transition(copy, {step.to, today, step.by, step.reason, days});
        CHECK_MESSAGE(o.ok(), (to_string(step.to) + ": " + o.message()));
        CHECK(step.ends == (step.to == S::completed || step.to == S::withdrawn));
      }
    }
  }
}

TEST_CASE("a mentor's answer is recorded as the mentor's, and a repeated request says it was asked again") {
  using S = PairingStatus;
  Pairing p = fresh();
  REQUIRE(transition(p, {S::requested, "2024-01-02", Actor::coordinator, "", 0}).ok());
  REQUIRE(transition(p, {S::no_response, "2024-01-20", Actor::system, "", 14}).ok());
  const std::vector<PairingStep> steps = coordinator_steps(p, "2024-01-21", 14);
  REQUIRE(steps.size() == 4);
  CHECK(steps[0] == PairingStep{S::accepted, Actor::mentor, "", false});
  CHECK(steps[1] == PairingStep{S::declined, Actor::mentor, "", false});
  CHECK(steps[2] == PairingStep{S::requested, Actor::coordinator, "asked again", false});
  CHECK(steps[3] == PairingStep{S::withdrawn, Actor::coordinator, "", true});
  CHECK(coordinator_steps(fresh(), "2024-01-02", 14)[0] == PairingStep{S::requested, Actor::coordinator, "", false});
}
