// pairwise validate FILE...
#include "cli/commands/commands.hpp"
#include "core/documents/documents.hpp"
#include "core/documents/migration.hpp"
#include "core/locking/locked_file.hpp"

namespace pairwise::cli {

const char* const kValidateHelp =
    "Usage: pairwise validate [--passphrase-file FILE] FILE...\n"
    "Checks each file (any kind: application, scheme, introduction-pack, pair-notebook,\n"
    "progress-report, backup) and prints every error as FILE: JSON-PATH: problem.\n"
    "A file locked with a passphrase is opened with --passphrase-file FILE (its first line).\n"
    "Exit 0 if all are valid, 1 if any is invalid, 2 on usage errors, 3 if a file cannot be read.\n";

int run_validate(const Options& o) {
  if (o.positional.empty()) return o.usage("validate needs at least one FILE");
  int result = kOk;
  for (const auto& path : o.positional) {
    std::string text;
    const bool locked = o.has(kPassphraseOption) && read_file(path, text) && is_locked_file(text);
    if (int rc = read_input_file(o, path, text); rc != kOk) {
      if (rc == kIo || result == kOk) result = rc;
      continue;
    }
    auto doc = read_document(text, base_name(path));
    if (doc) {
      std::cout << path << ": valid " << to_string(doc->kind) << " (format version " << doc->source_format_version
                << (doc->source_format_version < kCurrentFormatVersion ? ", will be migrated" : "") << ")"
                << (locked ? ", locked with a passphrase" : "") << "\n";
    } else {
      for (const auto& e : doc.errors()) std::cerr << e.to_string() << "\n";
      if (result == kOk) result = kInvalid;
    }
  }
  return result;
}

}  // namespace pairwise::cli
