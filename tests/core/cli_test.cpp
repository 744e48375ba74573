// The command-line tool, run as a coordinator would run it (native builds only: WASM has no shell).
#include <doctest/doctest.h>

#ifndef __EMSCRIPTEN__
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.hpp"
#include "core/documents/documents.hpp"

namespace {

using Run = pairwise::test::CliRun;
using pairwise::test::run_cli;

std::string source(const std::string& relative) { return std::string(PAIRWISE_SOURCE_DIR) + "/" + relative; }

}  // namespace

TEST_CASE("pairwise validate: 0 for valid files, 1 with file and JSON path for invalid ones, 2 for usage") {
  Run ok = run_cli("validate " + source("assets/examples/application.example.json") + " " +
                   source("assets/examples/backup.example.json"));
  CHECK(ok.exit_code == 0);
  CHECK(ok.output.find("valid application") != std::string::npos);
  Run bad = run_cli("validate " + source("tests/browser/fixtures/broken.application.json"));
  CHECK(bad.exit_code == 1);
  CHECK(bad.output.find("broken.application.json: $.person.languages[1]: expected a string, got 42") != std::string::npos);
  Run usage = run_cli("validate");
  CHECK(usage.exit_code == 2);
  CHECK(usage.output.find("Usage: pairwise validate") != std::string::npos);
  Run missing = run_cli("validate /no/such/file.json");
  CHECK(missing.exit_code == 3);
}

TEST_CASE("pairwise match proposes pairs from a scheme and application files, as JSON and CSV") {
  const std::string files = source("tests/fixtures/cli/scheme.json") + " " + source("tests/browser/fixtures/ana.application.json") +
                            " " + source("tests/browser/fixtures/ben.application.json") + " " +
                            source("tests/browser/fixtures/chen.application.json");
  Run json = run_cli("match " + files);
  INFO(json.output);
  CHECK(json.exit_code == 0);
  CHECK(json.output.find("\"pairs\"") != std::string::npos);
  // Chen is on both lists: mentored by Ben (shared topic, more experience) while mentoring Ana;
  // that beats giving Ben to Ana and leaving Chen without a mentor (3,300 against 3,000).
  CHECK(json.output.find("2 pair(s) proposed, 0 mentee(s) unmatched, total score 3300") != std::string::npos);
  Run csv = run_cli("match --format csv " + files);
  CHECK(csv.exit_code == 0);
  CHECK(csv.output.find("mentee_id,mentee_email,mentor_id,mentor_email,score") != std::string::npos);
  CHECK(csv.output.find("ana@example.org,0000000000000000000000000000abc3,chen@example.org,700") != std::string::npos);
  CHECK(csv.output.find("chen@example.org,0000000000000000000000000000abc2,ben@example.org,2600") != std::string::npos);
  Run help = run_cli("match --help");
  CHECK(help.exit_code == 0);
  Run unknown = run_cli("frobnicate");
  CHECK(unknown.exit_code == 2);
}

TEST_CASE("pairwise match --write-dimacs writes the instance the matcher solves; --dimacs on it gives the same total") {
  const std::string files = source("tests/fixtures/cli/scheme.json") + " " + source("tests/browser/fixtures/ana.application.json") +
                            " " + source("tests/browser/fixtures/ben.application.json") + " " +
                            source("tests/browser/fixtures/chen.application.json");
  const auto dir = std::filesystem::temp_directory_path() / ("pairwise-cli-dimacs-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string instance = (dir / "instance.min").string();
  Run written = run_cli("match " + files + " --write-dimacs " + instance);
  INFO(written.output);
  CHECK(written.exit_code == 0);
  CHECK(written.output.find("wrote 2 mentee(s), 2 mentor(s), 7 arcs") != std::string::npos);
  std::ifstream in(instance);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("c before cohort goals: the scheme has none") != std::string::npos);
  CHECK(text.find("\np min 5 7\n") != std::string::npos);
  // The same optimum as `pairwise match` itself (3,300: see the test above).
  Run solved = run_cli("match --dimacs " + instance);
  INFO(solved.output);
  CHECK(solved.exit_code == 0);
  CHECK(solved.output.find("optimal cost -3300 (total score 3300, 2 matched; certified: reduced costs >= 0 on all") != std::string::npos);
  CHECK(run_cli("match " + files + " --write-dimacs /no/such/dir/instance.min").exit_code == 3);
  std::filesystem::remove_all(dir);
}

TEST_CASE("pairwise preset and scheme-update: export a preset, edit it, import it over the same scheme") {
  const auto dir = std::filesystem::temp_directory_path() / "pairwise-cli-preset";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string backup = (dir / "backup.json").string(), scheme = (dir / "ikt.json").string();
  Run list = run_cli("preset");
  CHECK(list.exit_code == 0);
  CHECK(list.output.find("mrc-ctu-lmic  MRC CTU LMIC mentoring") != std::string::npos);
  CHECK(run_cli("preset nonsense").exit_code == 2);
  REQUIRE(run_cli("preset ikt -o " + scheme).exit_code == 0);
  Run added = run_cli("scheme-update --into " + backup + " " + scheme);
  INFO(added.output);
  CHECK(added.exit_code == 0);
  CHECK(added.output.find("(IKT mentoring) is now revision 1") != std::string::npos);

  // The coordinator edits the file by hand: a mistake is refused with file, path and line.
  std::ifstream in(scheme);
  pairwise::Json j = pairwise::Json::parse(in);
  j["scheme"]["no_response_days"] = "ten";
  std::ofstream(scheme) << j.dump(2);
  Run bad = run_cli("scheme-update --into " + backup + " " + scheme);
  CHECK(bad.exit_code == 1);
  CHECK(bad.output.find("ikt.json: $.scheme.no_response_days: expected a whole number, got \"ten\" (line") != std::string::npos);
  j["scheme"]["no_response_days"] = 10;
  std::ofstream(scheme) << j.dump(2);
  Run good = run_cli("scheme-update --into " + backup + " " + scheme);
  CHECK(good.exit_code == 0);
  CHECK(good.output.find("is now revision 2") != std::string::npos);
  Run again = run_cli("scheme-update --into " + backup + " " + scheme);
  CHECK(again.output.find("the scheme is unchanged") != std::string::npos);  // no new revision without an edit
  CHECK(run_cli("scheme-update --into " + backup + " " + source("assets/examples/application.example.json")).exit_code == 1);
  CHECK(run_cli("scheme-update " + scheme).exit_code == 2);
  Run report = run_cli("report --from " + backup + " --today 2024-01-01");
  CHECK(report.exit_code == 0);
  CHECK(report.output.find("IKT mentoring on 2024-01-01") != std::string::npos);
}
TEST_CASE("the CLI replaces a backup through a new file and a rename, never by truncating it in place") {
  // A second hard link to the backup sees every in-place write (same inode); after a rename it still
  // holds the old content, so a crash mid-write could never have left the backup half-written.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("pairwise-cli-atomic-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string backup = (dir / "backup.json").string(), link = (dir / "old-link.json").string();
  fs::copy_file(source("assets/examples/backup.example.json"), backup);
  fs::create_hard_link(backup, link);
  const auto before = fs::file_size(link);
  Run paused = run_cli("person --into " + backup + " --email mentor@example.org --status paused --reason \"a break\"");
  INFO(paused.output);
  REQUIRE(paused.exit_code == 0);
  std::ifstream old_copy(link), new_copy(backup);
  const std::string old_text((std::istreambuf_iterator<char>(old_copy)), {}), new_text((std::istreambuf_iterator<char>(new_copy)), {});
  CHECK(old_text.size() == before);
  CHECK(old_text.find("a break") == std::string::npos);
  CHECK(new_text.find("a break") != std::string::npos);
  CHECK(fs::hard_link_count(backup) == 1);
  std::size_t files = 0;  // no temporary file left behind: only the backup and the old link
  for (const auto& entry : fs::directory_iterator(dir)) {
    INFO(entry.path().filename().string());
    ++files;
  }
  CHECK(files == 2);
  fs::remove_all(dir);
}

TEST_CASE("pairwise import refuses a pair's notebook into a coordinator's backup, names the file, stores nothing") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("pairwise-cli-refuse-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string coordinator = (dir / "coordinator.json").string();
  fs::copy_file(source("assets/examples/application.example.json"), dir / "application.json");
  REQUIRE(run_cli("import --into " + coordinator + " " + (dir / "application.json").string()).exit_code == 0);
  const auto before = fs::last_write_time(coordinator);
  const auto size = fs::file_size(coordinator);
  Run refused = run_cli("import --into " + coordinator + " " + source("assets/examples/pair-notebook.example.json"));
  INFO(refused.output);
  CHECK(refused.exit_code == 1);
  CHECK(refused.output.find("pair-notebook.example.json: this file holds what only the pair may read (") != std::string::npos);
  CHECK(refused.output.find("meetings (") != std::string::npos);
  CHECK(refused.output.find("nothing was imported") != std::string::npos);
  CHECK(fs::last_write_time(coordinator) == before);
  CHECK(fs::file_size(coordinator) == size);
  // A mentor's or mentee's own workspace takes the pair's notebook.
  Run own = run_cli("import --own-workspace --into " + (dir / "mine.json").string() + " " +
                    source("assets/examples/pair-notebook.example.json"));
  INFO(own.output);
  CHECK(own.exit_code == 0);
  fs::remove_all(dir);
}

TEST_CASE("pairwise merge: two hand-edited copies of a notebook merge against their base; conflicts are listed") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("pairwise-cli-merge-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ifstream in(source("assets/examples/pair-notebook.example.json"));
  const pairwise::Json base = pairwise::Json::parse(in);
  auto write = [&](const std::string& name, const pairwise::Json& j) {
    std::ofstream(dir / name) << j.dump(2);
    return (dir / name).string();
  };
  pairwise::Json mine = base, theirs = base;
  mine["meetings"][0]["reality"] = "Hers: the data manager left in May";
  theirs["meetings"][0]["options"] = "His: ask the trials unit for a loan";
  theirs["meetings"][0]["goal"] = "His goal";
  mine["meetings"][0]["goal"] = "Her goal";
  const std::string base_file = write("base.json", base), mine_file = write("mine.json", mine),
                    theirs_file = write("theirs.json", theirs), out = (dir / "out.json").string();
  Run merged = run_cli("merge --base " + base_file + " " + mine_file + " " + theirs_file + " -o " + out);
  INFO(merged.output);
  CHECK(merged.exit_code == 0);
  const std::string meeting_id = base["meetings"][0]["id"].get<std::string>();
  CHECK(merged.output.find("conflict: meetings " + meeting_id + " field goal") != std::string::npos);
  CHECK(merged.output.find("field reality") == std::string::npos);  // changed on one side only
  CHECK(merged.output.find("field options") == std::string::npos);
  std::ifstream result_in(out);
  const pairwise::Json result = pairwise::Json::parse(result_in);
  const auto& m = result["meetings"][0];
  CHECK(m["reality"] == "Hers: the data manager left in May");
  CHECK(m["options"] == "His: ask the trials unit for a loan");
  const std::string dump = m.dump();
  CHECK(dump.find("Her goal") != std::string::npos);  // both kept
  CHECK(dump.find("His goal") != std::string::npos);
  Run valid = run_cli("validate " + out);
  CHECK(valid.exit_code == 0);
  // Merging the result with either input again changes nothing and keeps the one conflict.
  Run again = run_cli("merge " + out + " " + out + " -o " + (dir / "again.json").string());
  CHECK(again.exit_code == 0);

  // Refused: another pairing's notebook, and a kind that is not merged this way.
  pairwise::Json other = base;
  other["pairing"]["id"] = "00000000000000000000000000000fff";
  for (auto& x : other["meetings"]) x["pairing_id"] = "00000000000000000000000000000fff";
  Run refused = run_cli("merge " + mine_file + " " + write("other.json", other) + " -o " + (dir / "x.json").string());
  CHECK(refused.exit_code == 1);
  CHECK(refused.output.find("only copies of one pairing's notebook merge") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.json"));
  Run kind = run_cli("merge " + mine_file + " " + source("assets/examples/application.example.json"));
  CHECK(kind.exit_code == 1);
  Run usage = run_cli("merge " + mine_file);
  CHECK(usage.exit_code == 2);
  fs::remove_all(dir);
}

TEST_CASE("pairwise accept stores the best proposals as pairings, then each introduction pack can be exported") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("pairwise-cli-accept-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string backup = (dir / "backup.json").string();
  REQUIRE(run_cli("preset ikt -o " + (dir / "ikt.json").string()).exit_code == 0);
  REQUIRE(run_cli("scheme-update --into " + backup + " " + (dir / "ikt.json").string()).exit_code == 0);
  std::ifstream preset_in(dir / "ikt.json");
  const std::string scheme_id = pairwise::Json::parse(preset_in)["scheme"]["id"].get<std::string>();
  Run imported = run_cli("import --scheme " + scheme_id + " --into " + backup + " " +
                         source("tests/browser/fixtures/ana.application.json") + " " +
                         source("tests/browser/fixtures/ben.application.json") + " " +
                         source("tests/browser/fixtures/chen.application.json"));
  INFO(imported.output);
  REQUIRE(imported.exit_code == 0);
  Run accepted = run_cli("accept --into " + backup + " --today 2024-03-01");
  INFO(accepted.output);
  CHECK(accepted.exit_code == 0);
  CHECK(accepted.output.find("accepted 2 proposal(s) as pairings") != std::string::npos);
  Run pack = run_cli("export --from " + backup + " --kind introduction-pack --mentor chen@example.org --mentee ana@example.org");
  INFO(pack.output);
  CHECK(pack.exit_code == 0);
  CHECK(pack.output.find("\"kind\": \"introduction-pack\"") != std::string::npos);
  // Accepting again is refused whole (every mentee has a live pairing) and leaves the backup as it was.
  std::ifstream before_in(backup);
  const std::string before((std::istreambuf_iterator<char>(before_in)), {});
  Run again = run_cli("accept --into " + backup);
  CHECK(again.exit_code == 1);
  std::ifstream after_in(backup);
  const std::string after((std::istreambuf_iterator<char>(after_in)), {});
  CHECK(after == before);
  fs::remove_all(dir);
}

TEST_CASE("commands that name a pairing take --pairing ID or --mentor EMAIL --mentee EMAIL; help comes from one table") {
  const std::string backup = source("assets/examples/backup.example.json");
  Run by_people = run_cli("export --from " + backup + " --kind progress-report --mentor mentor@example.org --mentee mentee@example.org");
  INFO(by_people.output);
  CHECK(by_people.exit_code == 0);
  CHECK(by_people.output.find("\"kind\": \"progress-report\"") != std::string::npos);
  Run nobody = run_cli("export --from " + backup + " --kind progress-report --mentor x@example.org --mentee mentee@example.org");
  CHECK(nobody.exit_code == 1);
  CHECK(nobody.output.find("no pairing of x@example.org with mentee@example.org") != std::string::npos);
  Run half = run_cli("export --from " + backup + " --kind introduction-pack --mentor mentor@example.org");
  CHECK(half.exit_code == 2);
  CHECK(half.output.find("--mentor and --mentee go together") != std::string::npos);
  Run help = run_cli("--help");
  for (const char* command : {"validate", "import", "export", "match", "preset", "scheme-update", "report", "spread", "requests",
                              "interest", "introduce", "pairing", "person", "escalate"}) {
    CHECK(help.output.find(std::string("  ") + command + " ") != std::string::npos);
    Run one = run_cli(std::string(command) + " --help");
    CHECK(one.exit_code == 0);
    CHECK(one.output.find(std::string("Usage: pairwise ") + command) != std::string::npos);
  }
  CHECK(run_cli("export --from " + backup + " --kind backup --bogus").exit_code == 2);
}
#endif
