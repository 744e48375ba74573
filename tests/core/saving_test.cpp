// Issue 11 parts 3-5: save what is valid and say what is not; a damaged stored record never
// empties the workspace; the journal of unsaved edits brings back what a closed tab had not
// written, and never an older copy over a newer one.
#include <doctest/doctest.h>

#include "core/checks/smart.hpp"
#include "core/documents/documents.hpp"
#include "core/journal.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

const Meeting& only_meeting(const Workspace& ws) {
  REQUIRE(ws.meetings().size() == 1);
  return ws.meetings().begin()->second;
}

Workspace reloaded(test::Fixture& fx) {
  auto back = Workspace::load_records(fx.ws.all_records(), fx.clock, fx.ids);
  INFO(back.error_text());
  REQUIRE(back.ok());
  return std::move(back.value());
}

}  // namespace

TEST_CASE("an action's by-when \"next week\" does not stop the rest of the meeting saving") {
  test::Fixture fx;
  Meeting m = only_meeting(fx.ws);
  m.actions[0].by_when = "next week";
  m.options = "Later text in Options: ask the librarian (Ωμέγα, 𠮷)";
  auto saved = fx.ws.save(m);
  INFO(saved.error_text());
  REQUIRE(saved.ok());
  REQUIRE(saved->upserts.size() == 1);
  // Stored with the text as typed and the flag, and read back from storage as it was typed.
  const Json& stored = saved->upserts[0].value;
  CHECK(stored["actions"][0]["by_when"] == "next week");
  CHECK(stored["actions"][0]["invalid_fields"] == Json::array({"by_when"}));
  CHECK_FALSE(stored["actions"][1].contains("invalid_fields"));
  const Workspace back = reloaded(fx);
  CHECK(only_meeting(back).options == m.options);
  CHECK(only_meeting(back).actions[0].by_when == "next week");
}

TEST_CASE("an objective due \"31/03/2027\" is stored as typed, flagged, and is not SMART") {
  test::Fixture fx;
  Objective o = fx.ws.objectives().begin()->second;
  o.due_date = "31/03/2027";
  auto saved = fx.ws.save(o);
  INFO(saved.error_text());
  REQUIRE(saved.ok());
  CHECK(saved->upserts[0].value["due_date"] == "31/03/2027");
  CHECK(saved->upserts[0].value["invalid_fields"] == Json::array({"due_date"}));
  const Workspace back = reloaded(fx);
  const Objective& stored = back.objectives().begin()->second;
  CHECK(stored.due_date == "31/03/2027");
  // Counted as no due date: "This objective is SMART." must not show.
  CHECK_FALSE(is_smart(stored, "2024-03-01"));
  const auto issues = check_smart(stored, "2024-03-01");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == SmartIssueKind::no_due_date);
  CHECK(issues[0].message.find("\"31/03/2027\" is not a date like 2024-05-31") != std::string::npos);
  // The coordinator's report carries no date rather than text its reader would refuse.
  auto report = make_progress_report(back, fx.pairing_id, "2024-03-01");
  REQUIRE(report.ok());
  REQUIRE(report->objectives.size() == 1);
  CHECK(report->objectives[0].due_date.empty());
  CHECK(read_document(write_document(ProgressReportDocument{report.value()}, "2024-03-01T09:00:00Z"), "r.json").ok());
}

TEST_CASE("exports carry the flagged text and their readers accept it; unflagged bad dates are still refused") {
  test::Fixture fx;
  Meeting m = only_meeting(fx.ws);
  m.actions[0].by_when = "next week";
  REQUIRE(fx.ws.save(m).ok());
  PrivateNote n = fx.ws.private_notes().begin()->second;
  n.date = "yesterday";
  REQUIRE(fx.ws.save(n).ok());
  const std::string text = write_document(make_pair_notebook(fx.ws, fx.pairing_id, NotebookAudience::self).value(),
                                          "2024-03-01T09:00:00Z");
  auto back = read_document(text, "notebook.json");
  INFO(back.error_text());
  REQUIRE(back.ok());
  const auto& notebook = std::get<PairNotebook>(back->document);
  REQUIRE(notebook.meetings.size() == 1);
  CHECK(notebook.meetings[0].actions[0].by_when == "next week");
  REQUIRE(notebook.private_notes.size() == 1);
  CHECK(notebook.private_notes[0].date == "yesterday");
  // A hand-edited file with a bad date and no flag gets the usual clear message.
  Json j = Json::parse(text);
  j["meetings"][0]["actions"][0].erase("invalid_fields");
  const Errors errors = validate_document(j.dump(2), "hand-edited.json");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "$.meetings[0].actions[0].by_when");
  CHECK(errors[0].message.rfind("expected a date like \"2024-05-31\", got \"next week\"", 0) == 0);
}

TEST_CASE("one undecodable stored record is kept aside as damaged while the rest loads") {
  test::Fixture fx;
  std::vector<StoredRecord> records = fx.ws.all_records();
  records.push_back({kStoreMeetings, "broken-meeting", Json{{"id", "broken-meeting"}, {"date", 42}}});
  records.push_back({kStoreSettings, "settings", Json{{"role", "pair"}, {"scheme_id", fx.scheme_id}}});
  // The strict loader refuses everything (what the app did, leaving an empty workspace) ...
  CHECK_FALSE(Workspace::load_records(records, fx.clock, fx.ids).ok());
  // ... the app's loader keeps every readable record and names the damaged one.
  auto loaded = Workspace::load_records_keeping_damaged(records, fx.clock, fx.ids);
  CHECK(loaded.workspace.people().size() == 2);
  CHECK(loaded.workspace.meetings().size() == 1);
  CHECK(loaded.workspace.settings().value("role", "") == "pair");
  REQUIRE(loaded.damaged.size() == 1);
  CHECK(loaded.damaged[0].key == RecordKey{kStoreMeetings, "broken-meeting"});
  CHECK_FALSE(loaded.damaged[0].problems.empty());

  // Settings that are not an object are damaged too, not silently replaced by defaults.
  records.back().value = "role=pair";
  auto again = Workspace::load_records_keeping_damaged(records, fx.clock, fx.ids);
  REQUIRE(again.damaged.size() == 2);
  CHECK(again.damaged[1].key == RecordKey{kStoreSettings, "settings"});
}

TEST_CASE("the journal brings back changes and drafts a closed tab had not written") {
  test::Fixture fx;
  const std::vector<StoredRecord> stored_before = fx.ws.all_records();
  // This visit: one change set written nowhere (the tab closed 0.1 s later), one draft typed.
  Meeting m = only_meeting(fx.ws);
  m.reality = "Reality typed just before closing: Zoë, 𠮷, 🙂";
  ChangeSet unsaved = fx.ws.save(m).value();
  Objective o = fx.ws.objectives().begin()->second;
  o.measure = "Draft measure, still in its typing pause";
  const std::string changes_text = journal_changes_text({&unsaved});
  const std::string drafts_text = journal_drafts_text({StoredRecord{kStoreObjectives, o.meta.id, encode(o)}});

  // Next visit: storage holds only what was written before.
  Workspace next = Workspace::load_records(stored_before, fx.clock, fx.ids).value();
  JournalReplay replay = replay_journal(next, changes_text, drafts_text);
  CHECK(replay.restored == 2);
  CHECK(replay.skipped.empty());
  CHECK(only_meeting(next).reality == m.reality);
  const Objective& restored = next.objectives().begin()->second;
  CHECK(restored.measure == o.measure);
  CHECK(restored.meta.revision == o.meta.revision + 1);
  CHECK(replay.changes.upserts.size() == 2);

  // Replaying again (the changes were written meanwhile) restores nothing.
  JournalReplay twice = replay_journal(next, changes_text, drafts_text);
  CHECK(twice.changes.empty());
}

TEST_CASE("the journal never puts an older copy over a newer stored one, nor resurrects a deleted record") {
  test::Fixture fx;
  Meeting m = only_meeting(fx.ws);
  m.reality = "old journal text";
  ChangeSet old_change = fx.ws.save(m).value();
  Objective o = fx.ws.objectives().begin()->second;
  const std::string drafts_text = journal_drafts_text({StoredRecord{kStoreObjectives, o.meta.id, encode(o)}});
  // Meanwhile another tab stored newer copies of both.
  m.reality = "newer text from the other tab";
  REQUIRE(fx.ws.save(m).ok());
  o.measure = "newer measure";
  REQUIRE(fx.ws.save(o).ok());
  JournalReplay replay = replay_journal(fx.ws, journal_changes_text({&old_change}), drafts_text);
  CHECK(replay.changes.empty());
  CHECK(replay.skipped.size() == 2);
  CHECK(only_meeting(fx.ws).reality == "newer text from the other tab");

  // Created, then deleted in the same visit: stays deleted.
  PrivateNote n;
  n.pairing_id = fx.pairing_id;
  n.author_email = "mentee@example.org";
  n.date = "2024-03-01";
  n.text = "short-lived";
  ChangeSet created = fx.ws.save(n).value();
  ChangeSet removed = fx.ws.remove<PrivateNote>(created.upserts[0].id);
  const std::size_t notes = fx.ws.private_notes().size();
  JournalReplay deleted = replay_journal(fx.ws, journal_changes_text({&created, &removed}), "");
  CHECK(fx.ws.private_notes().size() == notes);
  CHECK(deleted.changes.empty());

  // Unreadable journal text is skipped, never an error.
  CHECK(replay_journal(fx.ws, "{not json", "[]").changes.empty());
}

TEST_CASE("v2 pair notebooks and backups (no invalid_fields yet) still open and are written as the current version") {
  for (const char* name : {"tests/fixtures/pair-notebook.v2.json", "tests/fixtures/backup.v2.json"}) {
    const std::string text = test::read_source_file(name);
    REQUIRE(Json::parse(text)["format_version"] == 2);
    auto r = read_document(text, name);
    INFO(name, " ", r.error_text());
    REQUIRE(r.ok());
    CHECK(r->source_format_version == 2);
    const Json again = document_to_json(r->document, "2024-01-01T00:00:00Z");
    CHECK(again["format_version"] == kCurrentFormatVersion);
    CHECK(again.dump().find("invalid_fields") == std::string::npos);  // valid dates carry no flag
    CHECK(again["meetings"].size() == 1);
    CHECK(again["objectives"].size() == 1);
  }
}

TEST_CASE("v3 pair notebooks and backups (consents without a digest) open with their consents standing") {
  for (const char* name : {"tests/fixtures/pair-notebook.v3.json", "tests/fixtures/backup.v3.json"}) {
    const std::string text = test::read_source_file(name);
    REQUIRE(Json::parse(text)["format_version"] == 3);
    REQUIRE(text.find("terms_digest") == std::string::npos);
    auto r = read_document(text, name);
    INFO(name, " ", r.error_text());
    REQUIRE(r.ok());
    CHECK(r->source_format_version == 3);
    std::vector<Agreement> agreements;
    if (auto* n = std::get_if<PairNotebook>(&r->document)) agreements.push_back(*n->agreement);
    if (auto* b = std::get_if<Backup>(&r->document)) agreements = b->agreements;
    REQUIRE(!agreements.empty());
    for (const auto& a : agreements) CHECK(a.is_agreed_by_both());  // given to the words stored beside them
    const Json again = document_to_json(r->document, "2024-01-01T00:00:00Z");
    CHECK(again["format_version"] == kCurrentFormatVersion);
    CHECK(again.dump().find("terms_digest") != std::string::npos);
  }
}
