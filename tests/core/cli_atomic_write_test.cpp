// Issue 11 part 8: the CLI writes through a temporary file and a rename, so a process killed
// mid-write (here by a file-size limit, as a full disk would stop it) leaves the old backup whole.
#include <doctest/doctest.h>

#ifndef __EMSCRIPTEN__
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/atomic_file.hpp"
#include "cli_runner.hpp"
#include "core/documents/documents.hpp"

namespace {

std::string source(const std::string& relative) { return std::string(PAIRWISE_SOURCE_DIR) + "/" + relative; }

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("pairwise import killed mid-write leaves backup.json exactly as it was") {
  const auto dir = std::filesystem::temp_directory_path() / "pairwise-cli-atomic";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string backup = (dir / "backup.json").string();
  auto first = pairwise::test::run_cli("import --into " + backup + " " + source("tests/browser/fixtures/ana.application.json"));
  INFO(first.output);
  REQUIRE(first.exit_code == 0);
  const std::string before = slurp(backup);
  REQUIRE(before.size() > 1024);
  REQUIRE(pairwise::read_document(before, "backup.json").ok());

  // A 1 KiB file-size limit: the new, larger backup cannot be written whole, and the process is
  // stopped by SIGXFSZ in the middle of writing it.
  const std::string command = "bash -c 'ulimit -f 1; exec " + std::string(PAIRWISE_CLI_PATH) + " import --into " + backup +
                              " " + source("tests/browser/fixtures/ben.application.json") + " " +
                              source("tests/browser/fixtures/chen.application.json") + "' >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  CHECK(status != 0);
  const std::string after = slurp(backup);
  CHECK(after.size() == before.size());
  CHECK(after == before);
  CHECK(pairwise::read_document(after, "backup.json").ok());

  // Without the limit the same import replaces it whole, keeping the file's permissions.
  chmod(backup.c_str(), 0640);
  auto again = pairwise::test::run_cli("import --into " + backup + " " + source("tests/browser/fixtures/ben.application.json") +
                                       " " + source("tests/browser/fixtures/chen.application.json"));
  INFO(again.output);
  CHECK(again.exit_code == 0);
  auto replaced = pairwise::read_document(slurp(backup), "backup.json");
  REQUIRE(replaced.ok());
  CHECK(std::get<pairwise::Backup>(replaced->document).people.size() == 3);
  struct stat st {};
  REQUIRE(stat(backup.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  std::filesystem::remove_all(dir);
}

TEST_CASE("write_file_atomically leaves the target alone and says why when it cannot write") {
  std::string why;
  CHECK_FALSE(pairwise::cli::write_file_atomically("/no/such/dir/backup.json", "{}", &why));
  CHECK(why.find("cannot create a temporary file beside it") == 0);
}
#endif
