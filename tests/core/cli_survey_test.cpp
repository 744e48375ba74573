// The command line imports survey exports as the app does (issue 13 part 9).
#include <doctest/doctest.h>

#ifndef __EMSCRIPTEN__
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.hpp"
#include "core/documents/documents.hpp"

namespace {

using pairwise::test::run_cli;

std::string source(const std::string& relative) { return std::string(PAIRWISE_SOURCE_DIR) + "/" + relative; }

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() / ("pairwise-cli-survey-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

pairwise::Backup read_backup(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = pairwise::read_document(text, "b.json");
  REQUIRE(r.ok());
  return std::get<pairwise::Backup>(r->document);
}

}  // namespace

TEST_CASE("pairwise import: a SurveyMonkey CSV with no mapping file joins the backup's one scheme, naming each left-out answer") {
  TempDir dir;
  const std::string backup = dir.file("b.json");
  auto scheme = run_cli("import --into " + backup + " " + source("tests/fixtures/cli/scheme.json"));
  REQUIRE(scheme.exit_code == 0);
  auto blocked = run_cli("import --into " + backup + " " + source("tests/fixtures/surveys/surveymonkey.csv"));
  INFO(blocked.output);
  CHECK(blocked.exit_code == 1);  // a bad value blocks until the coordinator chooses to skip it
  CHECK(blocked.output.find("left out: surveymonkey.csv row 12 (Sam O'Neil)") != std::string::npos);
  auto run = run_cli("import --into " + backup + " --skip-bad-rows " + source("tests/fixtures/surveys/surveymonkey.csv"));
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.find("surveymonkey.csv: SurveyMonkey export, 13 answer(s)") != std::string::npos);
  CHECK(run.output.find("left out: surveymonkey.csv row 11 (Chen Wei): no e-mail address\n") != std::string::npos);
  CHECK(run.output.find("left out: surveymonkey.csv row 12 (Sam O'Neil): column") != std::string::npos);
  CHECK(run.output.find("resubmitted: surveymonkey.csv:") != std::string::npos);
  const auto b = read_backup(backup);
  REQUIRE(b.schemes.size() == 1);
  CHECK(b.people.size() == 10);
  for (const auto& p : b.people) CHECK(p.scheme_id == b.schemes[0].meta.id);
  REQUIRE(b.imports.size() == 1);
  CHECK(b.imports[0].left_out.size() == 2);
  // ... and match finds them in that scheme.
  auto match = run_cli("match --from " + backup + " --format csv");
  INFO(match.output);
  CHECK(match.exit_code == 0);
  CHECK(match.output.find("0 pair(s) proposed") == std::string::npos);
  // The history can be exported later.
  auto history = run_cli("export --from " + backup + " --kind import-history-csv");
  CHECK(history.exit_code == 0);
  CHECK(history.output.find("left out,surveymonkey.csv,11,Chen Wei") != std::string::npos);
}

TEST_CASE("pairwise import into several schemes needs --scheme; match says plainly when no one belongs to its scheme") {
  TempDir dir;
  const std::string backup = dir.file("b.json");
  REQUIRE(run_cli("preset ikt -o " + dir.file("ikt.json")).exit_code == 0);
  REQUIRE(run_cli("preset kind -o " + dir.file("kind.json")).exit_code == 0);
  REQUIRE(run_cli("import --into " + backup + " " + dir.file("ikt.json") + " " + dir.file("kind.json")).exit_code == 0);
  auto refused = run_cli("import --into " + backup + " " + source("tests/fixtures/surveys/google-forms.csv"));
  INFO(refused.output);
  CHECK(refused.exit_code == 2);
  CHECK(refused.output.find("holds several schemes: choose the one the applicants join with --scheme ID") != std::string::npos);
  CHECK(read_backup(backup).people.empty());

  const auto schemes = read_backup(backup).schemes;
  REQUIRE(schemes.size() == 2);
  auto none = run_cli("match --from " + backup + " --scheme " + schemes[0].meta.id);
  INFO(none.output);
  CHECK(none.exit_code == 1);
  CHECK(none.output.find("no one belongs to the scheme") != std::string::npos);
  auto imported = run_cli("import --into " + backup + " --skip-bad-rows --scheme " + schemes[1].meta.id + " " +
                          source("tests/fixtures/surveys/google-forms.csv"));
  INFO(imported.output);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.output.find("left out: google-forms.csv row 6 (Иван Петров): no e-mail address") != std::string::npos);
  auto other = run_cli("match --from " + backup + " --scheme " + schemes[0].meta.id);
  CHECK(other.exit_code == 1);
  CHECK(other.output.find("belong to no scheme or to another one: import them with --scheme " + schemes[0].meta.id) !=
        std::string::npos);
}
#endif
