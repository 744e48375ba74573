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
