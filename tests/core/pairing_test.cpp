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
