#pragma once
// What every command of the `pairwise` tool shares: exit codes, the one argument parser, the command
// table's row type, and the file and backup helpers. One command per file in src/cli/commands/.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "core/import/batch_import.hpp"
#include "core/records/ids.hpp"
#include "core/records/timestamps.hpp"
#include "core/workspace.hpp"

namespace pairwise::cli {

inline constexpr int kOk = 0, kInvalid = 1, kUsage = 2, kIo = 3;

// A command's arguments after parsing: "--name value" options, bare flags ("yes") and positionals.
struct Options {
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;
  const char* help = "";  // the command's help, printed after a usage error

  std::string get(const std::string& name, const std::string& fallback = "") const;
  bool has(const std::string& name) const { return values.count(name) > 0; }
  // Prints "pairwise: MESSAGE" and the command's help; returns kUsage.
  int usage(const std::string& message) const;
};

using Handler = int (*)(const Options&);

// One row of the command table (src/cli/command_table.cpp).
struct Command {
  const char* name;
  const char* summary;  // one line for `pairwise --help`
  const char* help;     // the whole text for `pairwise NAME --help`
  std::vector<std::string> value_options;  // options that take a value, e.g. "--into"
  std::vector<std::string> flags;          // options that take none, e.g. "--dry-run"
  Handler run;
};

const std::vector<Command>& command_table();

// The one argument parser: an error message for an unknown option or a missing value, else "".
std::string parse_options(const std::vector<std::string>& args, const Command& command, Options& out);

// ---- files ------------------------------------------------------------------------------------
bool read_file(const std::string& path, std::string& out);
// Writes to standard output for "" or "-"; otherwise through a temporary file beside PATH and a
// rename, so an interrupted or failed write never leaves PATH truncated or half-written.
bool write_file(const std::string& path, const std::string& text);
std::string base_name(const std::string& path);
// Reads every FILE into an import input; kIo (after saying which) if one cannot be read.
int read_input_files(const std::vector<std::string>& paths, std::vector<InputFile>& inputs);

// ---- passphrase-locked files (assets/locked-file-format.md) --------------------------------------
inline constexpr const char* kPassphraseOption = "--passphrase-file";
// The passphrase in --passphrase-file (its first line, without the line break); "" without the
// option. kUsage or kIo, after saying why, when the file is missing, unreadable or empty.
int read_passphrase(const Options& o, std::string& passphrase);
// Reads PATH like read_file, opening a locked file with --passphrase-file. kInvalid, after saying
// why, when it is locked and no passphrase was given, the passphrase is wrong or the file is damaged.
int read_input_file(const Options& o, const std::string& path, std::string& out);
int read_input_files(const Options& o, const std::vector<std::string>& paths, std::vector<InputFile>& inputs);
// Locks TEXT with --passphrase-file when given (kUsage if the passphrase is too short).
int lock_output_if_asked(const Options& o, std::string& text);

// ---- backups ----------------------------------------------------------------------------------
struct Loaded {
  FixedClock clock{"1970-01-01T00:00:00Z"};
  RandomIdGenerator ids;
  Workspace ws{clock, ids};
};

// Loads a backup file into a workspace; a missing file is an empty workspace when allowed.
int load_backup(const std::string& path, Loaded& loaded, bool allow_missing);
int save_backup(const std::string& path, const Workspace& ws);

// Loads BACKUP, applies one operation and writes BACKUP back only if the operation succeeded.
template <class Operation>
int change_backup(const std::string& path, Operation operation) {
  Loaded loaded;
  if (int rc = load_backup(path, loaded, false); rc != kOk) return rc;
  Result<ChangeSet> r = operation(loaded.ws);
  if (!r) return std::cerr << "pairwise: " << r.error_text() << "\n", kInvalid;
  return save_backup(path, loaded.ws);
}

// The scheme named by --scheme, or the backup's only scheme (kUsage, listing them, if several).
int choose_scheme(const Workspace& ws, const std::string& scheme_id, const Scheme*& out);

// The pairing named by --pairing ID, or by --mentor EMAIL --mentee EMAIL. Empty `out` and kOk when
// neither is given; kInvalid (after saying why) when the named pairing does not exist.
int pairing_from_options(const Workspace& ws, const Options& o, std::string& out);

}  // namespace pairwise::cli
