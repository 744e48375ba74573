// Passphrase-locked files on the command line: export --passphrase-file locks, validate, import and
// merge open (native builds only: WASM has no shell). Each PBKDF2 run costs about 0.3 s, so each
// case locks and opens only a few times.
#include <doctest/doctest.h>

#ifndef __EMSCRIPTEN__
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.hpp"
#include "core/locking/locked_file.hpp"

namespace {

namespace fs = std::filesystem;
using Run = pairwise::test::CliRun;
using pairwise::test::run_cli;

std::string source(const std::string& relative) { return std::string(PAIRWISE_SOURCE_DIR) + "/" + relative; }

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path dir;
  explicit TempDir(const std::string& name)
      : dir(fs::temp_directory_path() / ("pairwise-cli-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~TempDir() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
  std::string path(const std::string& name) const { return (dir / name).string(); }
};

const std::string kExampleBackup = "assets/examples/backup.example.json";
const std::string kPairing = "--mentor Mentor@Example.org --mentee mentee@example.org";

}  // namespace

TEST_CASE("pairwise export --passphrase-file locks the output; validate opens it, says when it is locked, wrong or damaged") {
  TempDir t("locked-validate");
  const std::string pass = t.write("pass.txt", "kettle lantern 42\n"), wrong = t.write("wrong.txt", "kettle lantern 43\n");
  const std::string locked = t.path("notebook.pwlock");
  Run exported = run_cli("export --from " + source(kExampleBackup) + " --kind pair-notebook " + kPairing +
                         " --passphrase-file " + pass + " -o " + locked);
  INFO(exported.output);
  REQUIRE(exported.exit_code == 0);
  const std::string text = slurp(locked);
  CHECK(pairwise::is_locked_file(text));
  for (const std::string plain : {"pair-notebook", "Mina Mentor", "Teo Mentee", "Mentor@Example.org", "format_version"})
    CHECK_MESSAGE(text.find(plain) == std::string::npos, plain);

  Run opened = run_cli("validate --passphrase-file " + pass + " " + locked);
  CHECK(opened.exit_code == 0);
  CHECK(opened.output.find("notebook.pwlock: valid pair-notebook (format version") != std::string::npos);
  CHECK(opened.output.find("locked with a passphrase") != std::string::npos);

  Run no_passphrase = run_cli("validate " + locked);
  CHECK(no_passphrase.exit_code == 1);
  CHECK(no_passphrase.output.find("this file is locked with a passphrase: open it with --passphrase-file FILE") !=
        std::string::npos);

  Run wrong_passphrase = run_cli("validate --passphrase-file " + wrong + " " + locked);
  CHECK(wrong_passphrase.exit_code == 1);
  CHECK(wrong_passphrase.output.find("notebook.pwlock: the passphrase is wrong") != std::string::npos);

  std::string tampered = text;
  const std::size_t at = tampered.size() / 2;
  tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
  Run damaged = run_cli("validate --passphrase-file " + pass + " " + t.write("tampered.pwlock", tampered));
  CHECK(damaged.exit_code == 1);
  CHECK(damaged.output.find("tampered.pwlock: the locked file is damaged") != std::string::npos);
  Run cut = run_cli("validate --passphrase-file " + pass + " " + t.write("cut.pwlock", text.substr(0, text.size() / 3)));
  CHECK(cut.exit_code == 1);
  CHECK(cut.output.find("cut.pwlock: the locked file is damaged") != std::string::npos);

  // Unlocked files validate as before with the option given.
  CHECK(run_cli("validate --passphrase-file " + pass + " " + source(kExampleBackup)).exit_code == 0);
}

TEST_CASE("pairwise export refuses a short or empty passphrase and writes nothing") {
  TempDir t("locked-short");
  const std::string out = t.path("out.pwlock");
  Run short_one = run_cli("export --from " + source(kExampleBackup) + " --kind backup --passphrase-file " +
                          t.write("short.txt", "seven77\n") + " -o " + out);
  CHECK(short_one.exit_code == 2);
  CHECK(short_one.output.find("is shorter than 8 characters") != std::string::npos);
  Run empty = run_cli("export --from " + source(kExampleBackup) + " --kind backup --passphrase-file " +
                      t.write("empty.txt", "\n") + " -o " + out);
  CHECK(empty.exit_code == 2);
  CHECK(empty.output.find("the passphrase file is empty") != std::string::npos);
  Run missing = run_cli("export --from " + source(kExampleBackup) + " --kind backup --passphrase-file " +
                        t.path("none.txt") + " -o " + out);
  CHECK(missing.exit_code == 3);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("pairwise import opens a locked file with --passphrase-file; without it, or wrong, nothing is stored") {
  TempDir t("locked-import");
  const std::string pass = t.write("pass.txt", "Ωmega kettle 7 lanterns\r\n");  // CRLF: the line break is not the passphrase
  const std::string wrong = t.write("wrong.txt", "Omega kettle 7 lanterns\n");
  const std::string locked = source("tests/fixtures/locked-backup.v1.pwlock");  // locked once, by this CLI
  const std::string mine = t.path("mine.json");
  REQUIRE(run_cli("import --own-workspace --into " + mine + " " + source("assets/examples/application.example.json"))
              .exit_code == 0);
  const std::string before = slurp(mine);

  Run no_passphrase = run_cli("import --own-workspace --into " + mine + " " + locked);
  CHECK(no_passphrase.exit_code == 1);
  CHECK(no_passphrase.output.find("locked-backup.v1.pwlock: this file is locked with a passphrase") != std::string::npos);
  CHECK(no_passphrase.output.find("nothing was imported") != std::string::npos);
  CHECK(slurp(mine) == before);

  Run wrong_passphrase = run_cli("import --own-workspace --into " + mine + " --passphrase-file " + wrong + " " +
                                 source("assets/examples/application.example.json") + " " + locked);
  CHECK(wrong_passphrase.exit_code == 1);
  CHECK(wrong_passphrase.output.find("the passphrase is wrong") != std::string::npos);
  CHECK(slurp(mine) == before);  // the batch is all or nothing: the good file was not stored either

  Run imported = run_cli("import --own-workspace --into " + mine + " --passphrase-file " + pass + " " + locked);
  INFO(imported.output);
  CHECK(imported.exit_code == 0);
  CHECK(slurp(mine).find("Mina Mentor") != std::string::npos);
}

TEST_CASE("pairwise merge opens two locked copies of a notebook with --passphrase-file") {
  TempDir t("locked-merge");
  const std::string pass = t.write("pass.txt", "kettle lantern 42\n");
  const std::string a = t.path("a.pwlock"), out = t.path("merged.json");
  REQUIRE(run_cli("export --from " + source(kExampleBackup) + " --kind pair-notebook " + kPairing +
                  " --passphrase-file " + pass + " -o " + a)
              .exit_code == 0);
  Run refused = run_cli("merge " + a + " " + source("assets/examples/pair-notebook.example.json") + " -o " + out);
  CHECK(refused.exit_code == 1);
  CHECK(refused.output.find("a.pwlock: this file is locked with a passphrase") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  Run merged = run_cli("merge --passphrase-file " + pass + " " + a + " " + a + " -o " + out);
  INFO(merged.output);
  CHECK(merged.exit_code == 0);
  CHECK(run_cli("validate " + out).exit_code == 0);
}
#endif
