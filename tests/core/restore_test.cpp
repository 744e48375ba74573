#include <doctest/doctest.h>

#include "core/documents/restore.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("restoring a backup makes the workspace exactly the backup and deletes what it lacks") {
  test::Fixture source;
  const Backup backup = make_backup(source.ws);
  test::Fixture target(SchemePreset::ikt);
  const std::string target_only_scheme = target.scheme_id;
  auto restored = restore_backup(target.ws, backup);
  REQUIRE(restored.ok());
  CHECK(target.ws.all_records() == source.ws.all_records());
  bool deletes_target_scheme = false;
  for (const auto& key : restored->deletes) deletes_target_scheme |= key.id == target_only_scheme && key.store == "schemes";
  CHECK(deletes_target_scheme == (source.scheme_id != target_only_scheme));
  CHECK(restored->upserts.size() == source.ws.all_records().size());
}

TEST_CASE("a backup that does not hold together is refused and changes nothing") {
  test::Fixture source;
  Backup backup = make_backup(source.ws);
  REQUIRE(!backup.meetings.empty());
  backup.meetings[0].pairing_id = "no-such-pairing";
  test::Fixture target(SchemePreset::ikt);
  const auto before = target.ws.all_records();
  auto restored = restore_backup(target.ws, backup);
  CHECK_FALSE(restored.ok());
  CHECK(target.ws.all_records() == before);
}

TEST_CASE("a backup summary counts what a restore would bring") {
  test::Fixture source;
  const BackupSummary s = summarise_backup(make_backup(source.ws));
  CHECK(s.schemes == 1);
  CHECK(s.people == 2);
  CHECK(s.pairings == 1);
}

TEST_CASE("the backup reminder speaks only to people with work that exists nowhere else") {
  FixedClock clock{"2024-03-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  CHECK_FALSE(has_work_worth_a_backup(ws));
  // An applicant: the scheme chosen from a preset (or opened from the coordinator's file) can be had
  // again, and the answers leave as the application file.
  Scheme scheme = make_preset(SchemePreset::ikt, ids, clock);
  REQUIRE(ws.save(scheme).ok());
  CHECK_FALSE(has_work_worth_a_backup(ws));
  Person untouched_form;
  untouched_form.scheme_id = scheme.meta.id;
  Json settings = ws.settings();
  settings[kApplicationDraftSetting][scheme.meta.id] = encode(untouched_form);
  (void)ws.set_settings(settings);
  CHECK_FALSE(has_work_worth_a_backup(ws));  // the form was opened, nothing typed yet

  SUBCASE("an applicant who has typed answers has a draft to lose") {
    Person typed = untouched_form;
    typed.email = "eleni@example.org";
    settings[kApplicationDraftSetting][scheme.meta.id] = encode(typed);
    (void)ws.set_settings(settings);
    CHECK(has_work_worth_a_backup(ws));
  }

  SUBCASE("a coordinator who edited the scheme has something to lose") {
    Scheme edited = ws.schemes().at(scheme.meta.id);
    edited.description += " Edited here.";
    REQUIRE(ws.save(edited).ok());
    CHECK(has_work_worth_a_backup(ws));
  }
  SUBCASE("so has anyone holding a person's record") {
    Person person;
    person.scheme_id = scheme.meta.id;
    person.email = "mina@example.org";
    person.roles = {Role::mentor};
    REQUIRE(ws.save(person).ok());
    CHECK(has_work_worth_a_backup(ws));
  }
  SUBCASE("or a pair's meeting notes") {
    test::Fixture pair;
    CHECK(has_work_worth_a_backup(pair.ws));
  }
}
