#pragma once
// Runs the native `pairwise` command-line tool (PAIRWISE_CLI_PATH) the way a person would in a
// shell, for the CLI tests and the scheme scenarios. Native only: WASM tests cannot start processes.
#ifndef __EMSCRIPTEN__
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace pairwise::test {

struct CliRun {
  int exit_code = -1;
  std::string output;  // standard output and error together
};

inline CliRun run_cli(const std::string& arguments) {
  const std::string command = std::string(PAIRWISE_CLI_PATH) + " " + arguments + " 2>&1";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) run.output += buffer.data();
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace pairwise::test
#endif
