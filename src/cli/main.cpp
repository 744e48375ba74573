// pairwise: the command-line tool for coordinators with many files and for automation.
// Exit codes: 0 success, 1 invalid input / refused operation, 2 usage error, 3 I/O error.
// The commands are rows of one table (command_table.cpp), one file each in commands/.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "core/version.hpp"

using namespace pairwise::cli;

namespace {

std::string main_help() {
  std::string text = "Usage: pairwise COMMAND [OPTIONS]\nCommands:\n";
  for (const Command& c : command_table()) {
    std::string name = c.name;
    name.resize(15, ' ');
    text += "  " + name + c.summary + "\n";
  }
  return text + "Run 'pairwise COMMAND --help' for details. Exit codes: 0 ok, 1 invalid input, 2 usage, 3 file error.\n";
}

int main_usage(const std::string& message) {
  std::cerr << "pairwise: " << message << "\n\n" << main_help();
  return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return main_usage("missing COMMAND");
  const std::string name = args.front();
  args.erase(args.begin());
  if (name == "--help" || name == "-h" || name == "help") return std::cout << main_help(), kOk;
  if (name == "--version") return std::cout << "pairwise " << pairwise::app_version() << "\n", kOk;
  for (const Command& command : command_table()) {
    if (name != command.name) continue;
    for (const auto& a : args)
      if (a == "--help" || a == "-h") return std::cout << command.help, kOk;
    Options options;
    if (auto error = parse_options(args, command, options); !error.empty()) return options.usage(error);
    return command.run(options);
  }
  return main_usage("unknown command \"" + name + "\"");
}
