// Records change where they are (CI's two_partners.test once saw "memory access out of bounds"):
// Workspace::apply and the all-or-nothing operations used to replace the whole workspace, so a
// screen still holding a record for the rest of its frame read freed memory.
#include <doctest/doctest.h>

#include "core/operations/scheme_operations.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("a record held across an apply or an all-or-nothing operation is the same record, updated") {
  test::Fixture fx;
  const std::string meeting_id = fx.ws.meetings_of(fx.pairing_id).at(0).meta.id;
  const Meeting* held = fx.ws.find<Meeting>(meeting_id);
  const Pairing* pairing = fx.ws.find<Pairing>(fx.pairing_id);
  const Person* mentor = fx.ws.person_by_email("mentor@example.org");
  REQUIRE(held);
  REQUIRE(pairing);
  REQUIRE(mentor);

  Meeting changed = *held;
  changed.topic = "a partner's merged topic";
  Json encoded = encode(changed);
  REQUIRE(fx.ws.apply(ChangeSet{{StoredRecord{kStoreMeetings, meeting_id, encoded}}, {}}).ok());
  CHECK(fx.ws.find<Meeting>(meeting_id) == held);
  CHECK(held->topic == "a partner's merged topic");
  CHECK(fx.ws.find<Pairing>(fx.pairing_id) == pairing);

  // An operation run on a copy and kept whole (set_person_status, withdraw_without_fault, ...).
  REQUIRE(set_person_status(fx.ws, "mentor@example.org", PersonStatus::paused, "2024-03-02", "a break").ok());
  CHECK(fx.ws.person_by_email("mentor@example.org") == mentor);
  CHECK(mentor->status == PersonStatus::paused);
  REQUIRE(withdraw_without_fault(fx.ws, fx.pairing_id, Actor::mentee, "2024-03-03").ok());
  CHECK(fx.ws.find<Pairing>(fx.pairing_id) == pairing);
  CHECK(pairing->status() == PairingStatus::withdrawn);
}
