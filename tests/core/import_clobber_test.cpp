// Imports never clobber (issue 11 part 6): an id from a file never replaces a record of another
// identity, a corrected re-export wins, a stale preview is refused, revisions cannot overflow, and
// an applicant's file never changes what the coordinator decided.
#include <doctest/doctest.h>

#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

Person applicant(const std::string& id, const std::string& email, const std::string& name, int revision,
                 const std::string& updated_at) {
  Person p;
  p.meta = RecordMeta{id, "2024-01-01T00:00:00Z", updated_at, revision};
  p.email = email;
  p.name = name;
  p.roles = {Role::mentee};
  return p;
}

InputFile application_file(const std::string& name, const Person& p) {
  return {name, write_document(ApplicationDocument{p, "Scheme"}, p.meta.updated_at)};
}

}  // namespace

TEST_CASE("two files with one id and different e-mails keep two people (issue 11 finding)") {
  test::Fixture fx;
  const std::string id = "00000000000000000000000000f00d01";
  auto preview = preview_import(fx.ws,
                                {application_file("ana.json", applicant(id, "ana@example.org", "Ana", 1, "2024-02-01T00:00:00Z")),
                                 application_file("bo.json", applicant(id, "bo@example.org", "Bo", 1, "2024-02-01T00:00:00Z"))},
                                ImportOptions{});
  REQUIRE(preview.can_apply());
  CHECK(preview.new_records == 2);
  REQUIRE(preview.renumbered.size() == 1);
  CHECK(preview.renumbered[0].find("bo@example.org") != std::string::npos);
  REQUIRE(apply_import(fx.ws, preview).ok());
  REQUIRE(fx.ws.person_by_email("ana@example.org") != nullptr);
  REQUIRE(fx.ws.person_by_email("bo@example.org") != nullptr);
  CHECK(fx.ws.person_by_email("ana@example.org")->meta.id != fx.ws.person_by_email("bo@example.org")->meta.id);
  CHECK(fx.ws.person_by_email("bo@example.org")->name == "Bo");

  // The same against a person already stored: the stored mentor keeps her id and her record.
  const Person mentor = *fx.ws.person_by_email("mentor@example.org");
  auto again = preview_import(fx.ws, {application_file("x.json", applicant(mentor.meta.id, "x@example.org", "X", 9, "2024-03-01T00:00:00Z"))},
                              ImportOptions{});
  REQUIRE(again.can_apply());
  REQUIRE(apply_import(fx.ws, again).ok());
  CHECK(*fx.ws.person_by_email("mentor@example.org") == mentor);
  CHECK(fx.ws.person_by_email("x@example.org")->name == "X");
}

TEST_CASE("a pair's record whose id belongs to another pairing here is refused, naming the file") {
  test::Fixture fx;
  test::Fixture other_pair;
  Pairing p = *other_pair.ws.find<Pairing>(other_pair.pairing_id);
  p.mentor_email = "someone.else@example.org";
  p.meta.revision = 5;
  Backup b;
  b.pairings.push_back(p);
  const auto before = fx.ws.all_records();
  ImportOptions own;
  own.reader = std::nullopt;
  auto preview = preview_import(fx.ws, {{"other.json", write_document(b, "2024-03-01T00:00:00Z")}}, own);
  REQUIRE_FALSE(preview.can_apply());
  REQUIRE(preview.errors.size() == 1);
  CHECK(preview.errors[0].file == "other.json");
  CHECK(preview.errors[0].message.find("belongs to mentor@example.org and mentee@example.org here") != std::string::npos);
  CHECK(fx.ws.all_records() == before);
}

TEST_CASE("an applicant's corrected re-export wins over the first, and never changes the coordinator's decisions") {
  test::Fixture fx;
  FixedClock applicant_clock{"2024-02-01T10:00:00Z"};
  SequentialIdGenerator applicant_ids;
  Workspace applicant_device(applicant_clock, applicant_ids);
  Person draft;
  draft.email = "new.applicant@example.org";
  draft.name = "Nadia Kowalsky";  // a typo
  draft.roles = {Role::mentee};
  draft.meta = applicant_device.next_export_meta(draft.meta);
  const Person first = draft;
  REQUIRE(apply_import(fx.ws, preview_import(fx.ws, {application_file("first.json", first)}, ImportOptions{})).ok());

  // The coordinator selects her and pauses her (two revisions on the coordinator's side).
  fx.clock.set("2024-02-02T12:00:00Z");
  Person stored = *fx.ws.person_by_email("new.applicant@example.org");
  stored.decision = Decision::selected;
  stored.decision_on = "2024-02-02";
  REQUIRE(fx.ws.save(stored).ok());
  stored = *fx.ws.person_by_email("new.applicant@example.org");
  fx.clock.set("2024-02-03T12:00:00Z");
  stored.status = PersonStatus::paused;
  stored.status_history = {{PersonStatus::paused, "2024-02-03", "waiting for a mentor"}};
  REQUIRE(fx.ws.save(stored).ok());

  // She corrects her name a day later and exports again: a new revision, a later time.
  applicant_clock.set("2024-02-04T09:00:00Z");
  draft.name = "Nadia Kowalski";
  draft.status = PersonStatus::active;  // whatever her file says about coordinator-owned fields
  draft.decision = Decision::not_selected;
  draft.meta = applicant_device.next_export_meta(draft.meta);
  CHECK(draft.meta.id == first.meta.id);
  CHECK(draft.meta.revision == first.meta.revision + 1);
  CHECK(draft.meta.updated_at > first.meta.updated_at);
  auto preview = preview_import(fx.ws, {application_file("corrected.json", draft)}, ImportOptions{});
  REQUIRE(preview.can_apply());
  REQUIRE(apply_import(fx.ws, preview).ok());
  const Person& now = *fx.ws.person_by_email("new.applicant@example.org");
  CHECK(now.name == "Nadia Kowalski");          // the correction is taken
  CHECK(now.decision == Decision::selected);     // the coordinator's decision stays
  CHECK(now.decision_on == "2024-02-02");
  CHECK(now.status == PersonStatus::paused);     // and the status with its history
  REQUIRE(now.status_history.size() == 1);
  CHECK(now.status_history[0].reason == "waiting for a mentor");

  // A higher revision from the applicant does not change them either.
  draft.meta.revision = 40;
  draft.meta.updated_at = "2024-02-05T00:00:00Z";
  REQUIRE(apply_import(fx.ws, preview_import(fx.ws, {application_file("again.json", draft)}, ImportOptions{})).ok());
  CHECK(fx.ws.person_by_email("new.applicant@example.org")->decision == Decision::selected);
  CHECK(fx.ws.person_by_email("new.applicant@example.org")->status == PersonStatus::paused);
}

TEST_CASE("a preview is re-checked when applied: refused if the workspace moved on (issue 11 finding)") {
  test::Fixture fx;
  Person update = *fx.ws.person_by_email("mentee@example.org");
  update.meta.revision += 3;
  update.meta.updated_at = "2024-03-02T00:00:00Z";
  update.name = "From the file";
  auto preview = preview_import(fx.ws, {application_file("mentee.json", update)}, ImportOptions{});
  REQUIRE(preview.can_apply());
  // Meanwhile the coordinator edits the same person.
  Person edited = *fx.ws.person_by_email("mentee@example.org");
  edited.availability = "typed while the preview was open";
  REQUIRE(fx.ws.save(edited).ok());
  const auto before = fx.ws.all_records();
  auto applied = apply_import(fx.ws, preview);
  REQUIRE_FALSE(applied.ok());
  CHECK(applied.error_text().find("changed in this workspace since the import was previewed") != std::string::npos);
  CHECK(fx.ws.all_records() == before);
  CHECK(fx.ws.person_by_email("mentee@example.org")->availability == "typed while the preview was open");
  // A fresh preview sees the edit and applies.
  auto fresh = preview_import(fx.ws, {application_file("mentee.json", update)}, ImportOptions{});
  CHECK(apply_import(fx.ws, fresh).ok());

  // A record new in the preview but created meanwhile is refused the same way.
  test::Fixture gx;
  Person newcomer = applicant("00000000000000000000000000f00d09", "late@example.org", "Late", 1, "2024-03-01T00:00:00Z");
  auto stale = preview_import(gx.ws, {application_file("late.json", newcomer)}, ImportOptions{});
  REQUIRE(stale.can_apply());
  REQUIRE(gx.ws.save(newcomer).ok());
  CHECK_FALSE(apply_import(gx.ws, stale).ok());
}

TEST_CASE("revisions cannot overflow: a file with revision 2147483647 is refused with its path (issue 11 finding)") {
  test::Fixture fx;
  Person p = applicant("00000000000000000000000000f00d02", "max@example.org", "Max", 1, "2024-02-01T00:00:00Z");
  std::string text = write_document(ApplicationDocument{p, "Scheme"}, "2024-02-01T00:00:00Z");
  const std::string needle = "\"revision\": 1";
  REQUIRE(text.find(needle) != std::string::npos);
  text.replace(text.find(needle), needle.size(), "\"revision\": 2147483647");
  auto r = read_document(text, "max.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error_text().find("max.json: $.person.revision") != std::string::npos);
  // The largest accepted revision still saves and merges without wrapping.
  p.meta.revision = kMaxRevision;
  REQUIRE(fx.ws.save(p).ok());
  Person again = *fx.ws.person_by_email("max@example.org");
  again.name = "Max again";
  REQUIRE(fx.ws.save(again).ok());
  CHECK(fx.ws.person_by_email("max@example.org")->meta.revision == kMaxRevision);  // held at the top, never wrapped
  CHECK(fx.ws.person_by_email("max@example.org")->name == "Max again");
  const RecordMeta next = fx.ws.next_export_meta(RecordMeta{"x", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", kMaxRevision});
  CHECK(next.revision == kMaxRevision);
}
