#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("open actions of one meeting carry over into the next meeting's review") {
  test::Fixture fx;
  auto cs = fx.ws.start_meeting(fx.pairing_id, "2024-02-10");
  REQUIRE(cs.ok());
  REQUIRE(cs->upserts.size() == 1);
  const Meeting* second = fx.ws.find<Meeting>(cs->upserts[0].id);
  REQUIRE(second);
  REQUIRE(second->review.previous_actions.size() == 1);  // a2 was done, a1 is open
  CHECK(second->review.previous_actions[0].id == "a1");
  CHECK(second->review.previous_actions[0].what == "SECRET-action-one");

  // Ticking it in the review closes it; a new open action carries to the third meeting.
  Meeting edited = *second;
  edited.review.previous_actions[0].done = true;
  edited.actions.push_back({"a3", "mentor", "send reading list", "2024-03-01", false});
  REQUIRE(fx.ws.save(edited));
  auto cs3 = fx.ws.start_meeting(fx.pairing_id, "2024-03-10");
  REQUIRE(cs3.ok());
  const Meeting* third = fx.ws.find<Meeting>(cs3->upserts[0].id);
  REQUIRE(third->review.previous_actions.size() == 1);
  CHECK(third->review.previous_actions[0].id == "a3");
}

TEST_CASE("an action left unticked in a review keeps carrying over") {
  Meeting m;
  m.pairing_id = "p";
  m.date = "2024-01-01";
  m.review.previous_actions = {{"old", "mentee", "still open", "", false}};
  Meeting next = start_next_meeting({m}, RecordMeta{"n", "", "", 1}, "p", "2024-02-01");
  REQUIRE(next.review.previous_actions.size() == 1);
  CHECK(next.review.previous_actions[0].id == "old");
}

TEST_CASE("saving a changed record bumps its revision and update time; unchanged saves do nothing") {
  test::Fixture fx;
  Person p = *fx.ws.person_by_email("mentee@example.org");
  CHECK(p.meta.revision == 1);
  fx.clock.set("2024-03-02T10:00:00Z");
  p.name = "Teo M.";
  auto cs = fx.ws.save(p);
  REQUIRE(cs.ok());
  REQUIRE(cs->upserts.size() == 1);
  CHECK(cs->upserts[0].store == "people");
  const Person* stored = fx.ws.find<Person>(p.meta.id);
  CHECK(stored->meta.revision == 2);
  CHECK(stored->meta.updated_at == "2024-03-02T10:00:00Z");
  CHECK(fx.ws.save(*stored)->empty());
}

TEST_CASE("a second person with the same e-mail (any case, spaces) is refused") {
  test::Fixture fx;
  Person dup;
  dup.email = "  MENTEE@example.ORG ";
  dup.roles = {Role::mentor};
  auto r = fx.ws.save(dup);
  CHECK_FALSE(r.ok());
  CHECK(r.error_text() == "$.email: another person already uses mentee@example.org");
}

TEST_CASE("workspace is rebuilt identically from its stored records") {
  test::Fixture fx;
  auto records = fx.ws.all_records();
  auto rebuilt = Workspace::load_records(records, fx.clock, fx.ids);
  INFO(rebuilt.error_text());
  REQUIRE(rebuilt.ok());
  CHECK(rebuilt->all_records() == records);
  CHECK(rebuilt->meetings().size() == 1);
  CHECK(rebuilt->private_notes().size() == 1);
}

TEST_CASE("removing a pairing removes its dependent records in the same change set") {
  test::Fixture fx;
  ChangeSet cs = fx.ws.remove<Pairing>(fx.pairing_id);
  CHECK(cs.deletes.size() == 6);  // pairing, agreement, meeting, objective, feedback, private note
  CHECK(fx.ws.meetings().empty());
  CHECK(fx.ws.private_notes().empty());
}

TEST_CASE("a change set with a bad record is refused and changes nothing") {
  test::Fixture fx;
  auto before = fx.ws.all_records();
  ChangeSet cs;
  cs.upserts.push_back({"people", "x", Json{{"email", 42}}});
  auto r = fx.ws.apply(cs);
  CHECK_FALSE(r.ok());
  CHECK(fx.ws.all_records() == before);
}

TEST_CASE("a half-typed due date is saved as typed and flagged, and the stored record reads back") {
  // Issue 11: an invalid value never blocks saving; it was refused here before.
  test::Fixture fx;
  Objective half_typed = fx.ws.objectives_of(fx.pairing_id).front();
  half_typed.due_date = "2";  // the first key of "2030-06-30"
  auto saved = fx.ws.save(half_typed);
  REQUIRE(saved);
  CHECK(saved->upserts[0].value["invalid_fields"] == Json::array({"due_date"}));
  auto back = Workspace::load_records(fx.ws.all_records(), fx.clock, fx.ids);
  REQUIRE(back.ok());
  CHECK(back->objectives_of(fx.pairing_id).front().due_date == "2");
}
