#include <doctest/doctest.h>

#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

std::string application(const std::string& id, const std::string& email, int revision, const std::string& updated,
                        const std::string& name) {
  Person p;
  p.meta = RecordMeta{id, "2024-01-01T00:00:00Z", updated, revision};
  p.email = email;
  p.name = name;
  p.roles = {Role::mentee};
  return write_document(ApplicationDocument{p, ""}, updated);
}

}  // namespace

TEST_CASE("import of many files: duplicates by e-mail merge into one person, conflicts reported") {
  test::Fixture fx;
  const std::vector<InputFile> files = {
      {"a.json", application(to_hex128(9, 1), "new@x.org", 1, "2024-02-01T00:00:00Z", "First")},
      {"b.json", application(to_hex128(9, 2), "  NEW@x.org ", 2, "2024-01-01T00:00:00Z", "Second")},
      {"c.json", application(to_hex128(9, 3), "other@x.org", 1, "2024-02-01T00:00:00Z", "Other")}};
  auto preview = preview_import(fx.ws, files, {});
  INFO(preview.summary().back());
  REQUIRE(preview.can_apply());
  CHECK(preview.merged_people == std::vector<std::string>{"new@x.org"});
  REQUIRE(preview.conflicts.size() == 1);
  CHECK(preview.conflicts[0].reason == "higher revision");
  CHECK(preview.conflicts[0].kept.find("from b.json") != std::string::npos);
  CHECK(preview.conflicts[0].discarded.find("from a.json") != std::string::npos);
  CHECK(preview.new_records == 2);
  const std::size_t people_before = fx.ws.people().size();
  REQUIRE(apply_import(fx.ws, preview).ok());
  CHECK(fx.ws.people().size() == people_before + 2);
  const Person* merged = fx.ws.person_by_email("new@x.org");
  REQUIRE(merged);
  CHECK(merged->name == "Second");
  CHECK(merged->meta.id == to_hex128(9, 1));  // the id first seen is kept
}

TEST_CASE("same revision: the later update wins, and the conflict is reported") {
  test::Fixture fx;
  const std::vector<InputFile> files = {
      {"late.json", application(to_hex128(9, 1), "a@x.org", 2, "2024-02-02T00:00:00Z", "Later")},
      {"early.json", application(to_hex128(9, 1), "a@x.org", 2, "2024-02-01T00:00:00Z", "Earlier")}};
  auto preview = preview_import(fx.ws, files, {});
  REQUIRE(preview.can_apply());
  REQUIRE(preview.conflicts.size() == 1);
  CHECK(preview.conflicts[0].reason == "same revision, later update");
  CHECK(preview.conflicts[0].kept.find("late.json") != std::string::npos);
  REQUIRE(apply_import(fx.ws, preview).ok());
  CHECK(fx.ws.person_by_email("a@x.org")->name == "Later");
}

TEST_CASE("an import edit older than the workspace's copy loses and is reported") {
  test::Fixture fx;
  Person mine = *fx.ws.person_by_email("mentee@example.org");
  Person theirs = mine;
  theirs.name = "Stale name";  // same revision 1 and time as the workspace, different content
  theirs.meta.updated_at = "2024-01-01T00:00:00Z";
  auto preview = preview_import(fx.ws, {{"stale.json", write_document(ApplicationDocument{theirs, ""}, "2024-01-01T00:00:00Z")}}, {});
  REQUIRE(preview.can_apply());
  REQUIRE(preview.conflicts.size() == 1);
  CHECK(preview.conflicts[0].kept.find("this workspace") != std::string::npos);
  CHECK(preview.changes.empty());
}

TEST_CASE("import is all-or-nothing: one bad file leaves the workspace identical") {
  test::Fixture fx;
  const auto before = fx.ws.all_records();
  const std::vector<InputFile> files = {
      {"good.json", application(to_hex128(9, 1), "good@x.org", 1, "2024-02-01T00:00:00Z", "Good")},
      {"bad.json", R"({"format":"pairwise","kind":"application","format_version":2,"person":{"email":42}})"}};
  auto preview = preview_import(fx.ws, files, {});
  CHECK_FALSE(preview.can_apply());
  CHECK(preview.changes.empty());
  CHECK(preview.errors.at(0).file == "bad.json");
  CHECK_FALSE(apply_import(fx.ws, preview).ok());
  CHECK(fx.ws.all_records() == before);
}

TEST_CASE("CSV import: bad rows block unless the coordinator chooses to skip them") {
  test::Fixture fx;
  const std::string csv = "Email,Role,Language\nzoe@x.org,mentor,\"French; English\"\nbroken,mentor,English\n";
  auto blocked = preview_import(fx.ws, {{"survey.csv", csv}}, ImportOptions{fx.scheme_id, std::nullopt, false});
  CHECK_FALSE(blocked.can_apply());
  CHECK(blocked.errors.at(0).path == "row 3, column \"Email\"");
  auto skipping = preview_import(fx.ws, {{"survey.csv", csv}}, ImportOptions{fx.scheme_id, std::nullopt, true});
  REQUIRE(skipping.can_apply());
  CHECK(skipping.skipped_rows.size() == 1);
  REQUIRE(apply_import(fx.ws, skipping).ok());
  const Person* zoe = fx.ws.person_by_email("zoe@x.org");
  REQUIRE(zoe);
  CHECK(zoe->languages == std::vector<std::string>{"French", "English"});
  CHECK(zoe->scheme_id == fx.scheme_id);
}

TEST_CASE("a partner's notebook merges into one's own workspace") {
  test::Fixture mine;
  auto notebook = make_pair_notebook(mine.ws, mine.pairing_id, NotebookAudience::partner).value();
  Meeting extra = notebook.meetings.at(0);
  extra.meta.revision = 2;
  extra.meta.updated_at = "2024-03-05T00:00:00Z";
  extra.review.learned = "partner's edit";
  notebook.meetings[0] = extra;
  ImportOptions own_workspace;  // a pair member's workspace, not the coordinator's
  own_workspace.reader = std::nullopt;
  auto preview =
      preview_import(mine.ws, {{"notebook.json", write_document(notebook, "2024-03-05T00:00:00Z")}}, own_workspace);
  REQUIRE(preview.can_apply());
  CHECK(preview.updated_records == 1);
  CHECK(preview.conflicts.size() == 1);
  REQUIRE(apply_import(mine.ws, preview).ok());
  CHECK(mine.ws.find<Meeting>(extra.meta.id)->review.learned == "partner's edit");
  CHECK(mine.ws.private_notes().size() == 1);  // own notes untouched
}

TEST_CASE("a backup restores into an empty workspace") {
  test::Fixture fx;
  FixedClock clock("2024-03-01T09:00:00Z");
  SequentialIdGenerator ids;
  Workspace empty(clock, ids);
  ImportOptions own_workspace;  // the backup holds the pair's notes: it goes back into their own workspace
  own_workspace.reader = std::nullopt;
  auto preview =
      preview_import(empty, {{"backup.json", write_document(make_backup(fx.ws), "2024-03-01T09:00:00Z")}}, own_workspace);
  REQUIRE(preview.can_apply());
  REQUIRE(apply_import(empty, preview).ok());
  CHECK(empty.all_records() == fx.ws.all_records());
}

TEST_CASE("applications imported by a coordinator join the coordinator's scheme") {
  test::Fixture fx;
  const std::vector<InputFile> files = {
      {"a.json", application(to_hex128(9, 1), "applicant@x.org", 1, "2024-02-01T00:00:00Z", "Applicant")}};
  ImportOptions options;
  options.scheme_id = fx.scheme_id;
  auto preview = preview_import(fx.ws, files, options);
  REQUIRE(preview.can_apply());
  REQUIRE(apply_import(fx.ws, preview).ok());
  const Person* imported = fx.ws.person_by_email("applicant@x.org");
  REQUIRE(imported);
  CHECK(imported->scheme_id == fx.scheme_id);
}

TEST_CASE("an import read a few files at a time reports progress and ends with the same preview") {
  test::Fixture fx;
  std::vector<InputFile> files;
  for (int k = 0; k < 25; ++k)
    files.push_back({"f" + std::to_string(k) + ".json",
                     application(to_hex128(7, static_cast<std::uint64_t>(k + 1)), "p" + std::to_string(k % 20) + "@x.org",
                                 1 + k / 20, "2024-02-01T00:00:00Z", "Person " + std::to_string(k))});
  const ImportPreview whole = preview_import(fx.ws, files, {});
  ImportPreviewJob job(fx.ws, files, {});
  CHECK(job.file_count() == 25);
  std::vector<std::size_t> progress;
  while (!job.step(10)) progress.push_back(job.files_read());
  CHECK(progress == std::vector<std::size_t>{10, 20});
  CHECK(job.done());
  CHECK(job.files_read() == 25);
  CHECK(job.preview().changes.upserts == whole.changes.upserts);
  CHECK(job.preview().merged_people == whole.merged_people);
  CHECK(job.preview().merged_people.size() == 5);
  CHECK(job.preview().new_records == whole.new_records);

  files.push_back({"broken.json", "{"});
  ImportPreviewJob failing(fx.ws, files, {});
  while (!failing.step(7)) {
  }
  CHECK_FALSE(failing.preview().can_apply());
  CHECK(failing.preview().changes.upserts.empty());
}

TEST_CASE("survey exports are recognised by their .csv or .xlsx ending in any letter case") {
  CHECK(is_survey_table_file_name("survey.csv"));
  CHECK(is_survey_table_file_name("Survey Export.CSV"));
  CHECK(is_survey_table_file_name("x.Csv"));
  CHECK(is_survey_table_file_name("Form responses.xlsx"));
  CHECK(is_survey_table_file_name("FORM.XLSX"));
  CHECK_FALSE(is_survey_table_file_name("survey.csv.json"));
  CHECK_FALSE(is_survey_table_file_name("csv"));
  CHECK_FALSE(is_survey_table_file_name("xlsx"));
  CHECK(is_survey_table_file_name("old.xls"));  // refused with what to save it as (xlsx_test.cpp)
}
