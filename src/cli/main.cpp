// pairwise: the command-line tool for coordinators with many files and for automation.
// Exit codes: 0 success, 1 invalid input / refused operation, 2 usage error, 3 I/O error.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv/column_mapping.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "core/matching/from_records.hpp"
#include "core/matching/dimacs.hpp"
#include "core/matching/json_io.hpp"
#include "core/reports/csv_exports.hpp"
#include "core/version.hpp"

using namespace pairwise;

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2, kIo = 3;

const char* kMainHelp =
    "Usage: pairwise COMMAND [OPTIONS]\n"
    "Commands:\n"
    "  validate FILE...      check Pairwise JSON documents (exit 0 all valid, 1 some invalid)\n"
    "  import --into BACKUP FILE...   merge applications, notebooks, reports or CSV into a backup\n"
    "  export --from BACKUP --kind KIND -o OUT   write a document or CSV from a backup\n"
    "  match --from BACKUP [--scheme ID] [FILE...]   propose the best mentor for every mentee\n"
    "Run 'pairwise COMMAND --help' for details. Exit codes: 0 ok, 1 invalid input, 2 usage, 3 file error.\n";

const char* kValidateHelp =
    "Usage: pairwise validate FILE...\n"
    "Checks each file (any kind: application, scheme, introduction-pack, pair-notebook,\n"
    "progress-report, backup) and prints every error as FILE: JSON-PATH: problem.\n"
    "Exit 0 if all are valid, 1 if any is invalid, 2 on usage errors, 3 if a file cannot be read.\n";

const char* kImportHelp =
    "Usage: pairwise import --into BACKUP.json [--dry-run] [--scheme ID] [--csv-mapping MAPPING.json]\n"
    "                       [--skip-bad-rows] FILE...\n"
    "Merges JSON documents and CSV survey exports into BACKUP.json (created if missing), all or\n"
    "nothing. People are merged by e-mail; conflicting edits are resolved by revision, then time,\n"
    "and listed. --dry-run only prints the preview. MAPPING.json is {\"columns\":[{\"header\":..,\n"
    "\"field\":..}]}; without it the scheme's saved mapping or one suggested from headers is used.\n";

const char* kExportHelp =
    "Usage: pairwise export --from BACKUP.json --kind KIND [--scheme ID] [--pairing ID]\n"
    "                       [--today YYYY-MM-DD] [-o OUT]\n"
    "KIND: participants-csv | pairings-csv | monitoring-csv | introduction-pack (needs --pairing)\n"
    "      | pair-notebook (needs --pairing; never includes private notes) | progress-report\n"
    "      (needs --pairing) | backup | scheme (needs --scheme) | csv-mapping (suggest from a CSV\n"
    "      given with --csv FILE)\n"
    "Writes to OUT, or to standard output without -o.\n";

const char* kMatchHelp =
    "Usage: pairwise match --from BACKUP.json [--scheme ID] [--format json|csv] [-o OUT] [FILE...]\n"
    "       pairwise match --input MATCHING.json [--format json|csv] [-o OUT]\n"
    "       pairwise match --dimacs INSTANCE.dimacs\n"
    "Finds the assignment of mentees to mentors with the highest total score under the scheme's\n"
    "weighted criteria and hard rules (capacity, conflicts, forbidden and locked pairs), exactly.\n"
    "FILEs (application files, a scheme file, CSV) are merged into the backup's people first, as\n"
    "'pairwise import --dry-run' would, without changing the backup. --scheme is needed when the\n"
    "backup holds several schemes. Output: every proposed pair with its score per criterion, and\n"
    "the reason each unmatched mentee has no mentor (JSON, or CSV with --format csv).\n"
    "--input takes the matcher's own JSON (see src/core/matching/json_io.hpp); --dimacs solves a\n"
    "DIMACS min-cost-flow assignment instance and prints its optimal cost.\n";

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool write_file(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool wants_help(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

// Reads every FILE into an import input; kIo (after saying which) if one cannot be read.
int read_input_files(const std::vector<std::string>& paths, std::vector<InputFile>& inputs) {
  for (const auto& path : paths) {
    InputFile in{base_name(path), ""};
    if (!read_file(path, in.content)) return std::cerr << path << ": cannot read the file\n", kIo;
    inputs.push_back(std::move(in));
  }
  return kOk;
}

int usage(const std::string& message, const char* help) {
  std::cerr << "pairwise: " << message << "\n\n" << help;
  return kUsage;
}

int cmd_validate(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kValidateHelp, kOk;
  if (args.empty()) return usage("validate needs at least one FILE", kValidateHelp);
  int result = kOk;
  for (const auto& path : args) {
    std::string text;
    if (!read_file(path, text)) {
      std::cerr << path << ": cannot read the file\n";
      result = kIo;
      continue;
    }
    auto doc = read_document(text, base_name(path));
    if (doc) {
      std::cout << path << ": valid " << to_string(doc->kind) << " (format version " << doc->source_format_version
                << (doc->source_format_version < kCurrentFormatVersion ? ", will be migrated" : "") << ")\n";
    } else {
      for (const auto& e : doc.errors()) std::cerr << e.to_string() << "\n";
      if (result == kOk) result = kInvalid;
    }
  }
  return result;
}

struct Loaded {
  FixedClock clock{"1970-01-01T00:00:00Z"};
  RandomIdGenerator ids;
  Workspace ws{clock, ids};
};

// Loads a backup file into a workspace; a missing file is an empty workspace when allowed.
int load_backup(const std::string& path, Loaded& loaded, bool allow_missing) {
  loaded.clock.set(system_clock().now());
  std::string text;
  if (!read_file(path, text)) {
    if (allow_missing) return kOk;
    std::cerr << path << ": cannot read the file\n";
    return kIo;
  }
  auto doc = read_document(text, base_name(path));
  if (!doc) {
    std::cerr << doc.error_text() << "\n";
    return kInvalid;
  }
  if (doc->kind != DocumentKind::backup) {
    std::cerr << path << ": expected a backup, got a " << to_string(doc->kind) << "\n";
    return kInvalid;
  }
  auto ws = Workspace::load_records(stored_records_of(doc->document), loaded.clock, loaded.ids);
  if (!ws) {
    std::cerr << ws.error_text() << "\n";
    return kInvalid;
  }
  loaded.ws = std::move(ws.value());
  return kOk;
}

int cmd_import(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kImportHelp, kOk;
  std::string into, mapping_path;
  bool dry_run = false;
  ImportOptions options;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    if (a == "--into") {
      if (!value(into)) return usage("--into needs a file", kImportHelp);
    } else if (a == "--csv-mapping") {
      if (!value(mapping_path)) return usage("--csv-mapping needs a file", kImportHelp);
    } else if (a == "--scheme") {
      if (!value(options.scheme_id)) return usage("--scheme needs an id", kImportHelp);
    } else if (a == "--dry-run") {
      dry_run = true;
    } else if (a == "--skip-bad-rows") {
      options.skip_bad_csv_rows = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage("unknown option " + a, kImportHelp);
    } else {
      files.push_back(a);
    }
  }
  if (into.empty()) return usage("import needs --into BACKUP.json", kImportHelp);
  if (files.empty()) return usage("import needs at least one FILE", kImportHelp);
  if (!mapping_path.empty()) {
    std::string text;
    if (!read_file(mapping_path, text)) return std::cerr << mapping_path << ": cannot read the file\n", kIo;
    auto json = parse_json_text(text, base_name(mapping_path));
    if (!json) return std::cerr << json.error_text() << "\n", kInvalid;
    Errors errors;
    ColumnMapping mapping;
    decode(JsonReader(&json.value(), "$", &errors), mapping);
    set_file(errors, base_name(mapping_path));
    if (!errors.empty()) return std::cerr << join_errors(errors) << "\n", kInvalid;
    options.csv_mapping = mapping;
  }
  Loaded loaded;
  if (int rc = load_backup(into, loaded, true); rc != kOk) return rc;
  std::vector<InputFile> inputs;
  if (int rc = read_input_files(files, inputs); rc != kOk) return rc;
  auto preview = preview_import(loaded.ws, inputs, options);
  for (const auto& line : preview.summary()) std::cout << line << "\n";
  if (!preview.can_apply()) {
    std::cerr << "pairwise: nothing was imported because of the errors above\n";
    return kInvalid;
  }
  if (dry_run) return std::cout << "dry run: " << into << " was not changed\n", kOk;
  if (!apply_import(loaded.ws, preview)) return kInvalid;
  if (!write_file(into, write_document(make_backup(loaded.ws), system_clock().now())))
    return std::cerr << into << ": cannot write the file\n", kIo;
  std::cout << "imported into " << into << "\n";
  return kOk;
}

int cmd_export(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kExportHelp, kOk;
  std::string from, kind, out, scheme, pairing, today = system_clock().today(), csv;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* target = nullptr;
    if (a == "--from") target = &from;
    else if (a == "--kind") target = &kind;
    else if (a == "-o" || a == "--output") target = &out;
    else if (a == "--scheme") target = &scheme;
    else if (a == "--pairing") target = &pairing;
    else if (a == "--today") target = &today;
    else if (a == "--csv") target = &csv;
    else return usage("unknown argument " + a, kExportHelp);
    if (i + 1 >= args.size()) return usage(a + " needs a value", kExportHelp);
    *target = args[++i];
  }
  if (kind.empty()) return usage("export needs --kind", kExportHelp);
  if (!is_valid_date(today)) return usage("--today must be a date like 2024-05-31", kExportHelp);
  if (kind == "csv-mapping") {
    std::string text;
    if (csv.empty()) return usage("csv-mapping needs --csv FILE", kExportHelp);
    if (!read_file(csv, text)) return std::cerr << csv << ": cannot read the file\n", kIo;
    auto table = read_csv_table(text, base_name(csv));
    if (!table) return std::cerr << table.error_text() << "\n", kInvalid;
    return write_file(out, encode(suggest_mapping(table->header)).dump(2) + "\n") ? kOk : kIo;
  }
  if (from.empty()) return usage("export needs --from BACKUP.json", kExportHelp);
  Loaded loaded;
  if (int rc = load_backup(from, loaded, false); rc != kOk) return rc;
  const Workspace& ws = loaded.ws;
  const std::string now = system_clock().now();
  std::string text;
  auto need_pairing = [&]() { return !pairing.empty(); };
  if (kind == "participants-csv") text = participants_csv(ws, scheme);
  else if (kind == "pairings-csv") text = pairings_csv(ws, scheme);
  else if (kind == "monitoring-csv") text = monitoring_csv(ws, scheme, today);
  else if (kind == "backup") text = write_document(make_backup(ws), now);
  else if (kind == "scheme") {
    const Scheme* s = ws.find<Scheme>(scheme);
    if (!s) return std::cerr << "pairwise: no scheme with id \"" << scheme << "\"\n", kInvalid;
    text = write_document(SchemeDocument{*s}, now);
  } else if (kind == "introduction-pack" || kind == "pair-notebook" || kind == "progress-report") {
    if (!need_pairing()) return usage(kind + " needs --pairing ID", kExportHelp);
    if (kind == "introduction-pack") {
      auto d = make_introduction_pack(ws, pairing);
      if (!d) return std::cerr << "pairwise: " << d.error_text() << "\n", kInvalid;
      text = write_document(d.value(), now);
    } else if (kind == "pair-notebook") {
      auto d = make_pair_notebook(ws, pairing, NotebookAudience::partner);
      if (!d) return std::cerr << "pairwise: " << d.error_text() << "\n", kInvalid;
      text = write_document(d.value(), now);
    } else {
      auto d = make_progress_report(ws, pairing, today);
      if (!d) return std::cerr << "pairwise: " << d.error_text() << "\n", kInvalid;
      text = write_document(ProgressReportDocument{d.value()}, now);
    }
  } else {
    return usage("unknown kind \"" + kind + "\"", kExportHelp);
  }
  if (!write_file(out, text)) return std::cerr << out << ": cannot write the file\n", kIo;
  return kOk;
}

int cmd_match(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kMatchHelp, kOk;
  std::string from, scheme_id, format = "json", out, input_path, dimacs_path;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& target) {
      if (i + 1 >= args.size()) return false;
      target = args[++i];
      return true;
    };
    if (a == "--from") {
      if (!value(from)) return usage("--from needs a file", kMatchHelp);
    } else if (a == "--scheme") {
      if (!value(scheme_id)) return usage("--scheme needs an id", kMatchHelp);
    } else if (a == "--format") {
      if (!value(format) || (format != "json" && format != "csv")) return usage("--format is json or csv", kMatchHelp);
    } else if (a == "-o") {
      if (!value(out)) return usage("-o needs a file", kMatchHelp);
    } else if (a == "--input") {
      if (!value(input_path)) return usage("--input needs a file", kMatchHelp);
    } else if (a == "--dimacs") {
      if (!value(dimacs_path)) return usage("--dimacs needs a file", kMatchHelp);
    } else if (!a.empty() && a[0] == '-') {
      return usage("unknown option " + a, kMatchHelp);
    } else {
      files.push_back(a);
    }
  }
  if (!dimacs_path.empty()) {
    auto solved = matching::solve_dimacs_file(dimacs_path);
    if (!solved.ok) return std::cerr << dimacs_path << ": " << solved.error << "\n", kInvalid;
    std::cout << "optimal cost " << solved.min_cost << " (total score " << solved.total_score << ", " << solved.matched << " matched)\n";
    return kOk;
  }
  matching::MatchingInput input;
  std::vector<std::string> warnings;
  if (!input_path.empty()) {
    std::string text;
    if (!read_file(input_path, text)) return std::cerr << input_path << ": cannot read the file\n", kIo;
    std::string error;
    if (!matching::parse_matching_input(text, input, error))
      return std::cerr << base_name(input_path) << ": " << error << "\n", kInvalid;
  } else {
    if (from.empty() && files.empty()) return usage("match needs --from BACKUP.json, FILEs or --input", kMatchHelp);
    Loaded loaded;
    if (!from.empty())
      if (int rc = load_backup(from, loaded, false); rc != kOk) return rc;
    if (!files.empty()) {
      std::vector<InputFile> inputs;
      if (int rc = read_input_files(files, inputs); rc != kOk) return rc;
      ImportOptions options;
      options.scheme_id = scheme_id;
      auto preview = preview_import(loaded.ws, inputs, options);
      if (!preview.can_apply()) {
        std::cerr << join_errors(preview.errors) << "\npairwise: nothing was matched because of the errors above\n";
        return kInvalid;
      }
      if (auto applied = apply_import(loaded.ws, preview); !applied)
        return std::cerr << applied.error_text() << "\n", kInvalid;
    }
    const auto& schemes = loaded.ws.schemes();
    const Scheme* scheme = nullptr;
    if (!scheme_id.empty()) {
      scheme = loaded.ws.find<Scheme>(scheme_id);
      if (scheme == nullptr) return std::cerr << "pairwise: no scheme with id \"" << scheme_id << "\"\n", kInvalid;
    } else if (schemes.size() == 1) {
      scheme = &schemes.begin()->second;
    } else {
      std::cerr << "pairwise: " << (schemes.empty() ? "no scheme given: add a scheme file" : "several schemes: choose one with --scheme ID") << "\n";
      for (const auto& [id, s] : schemes) std::cerr << "  " << id << "  " << s.name << "\n";
      return kUsage;
    }
    auto built = matching::matching_input_from_records(loaded.ws, *scheme);
    input = std::move(built.input);
    warnings = std::move(built.warnings);
  }
  for (const auto& w : warnings) std::cerr << "pairwise: warning: " << w << "\n";
  matching::Matcher matcher(input);
  const matching::MatchResult& result = matcher.run();
  std::string text = format == "csv" ? matching::proposals_csv(input, result) : matching::result_to_json(input, result);
  if (!text.empty() && text.back() != '\n') text += '\n';
  if (!write_file(out, text)) return std::cerr << out << ": cannot write the file\n", kIo;
  std::cerr << "pairwise: " << result.pairs.size() << " pair(s) proposed, " << result.unmatched.size()
            << " mentee(s) unmatched, total score " << result.total_score << "\n";
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage("missing COMMAND", kMainHelp);
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") return std::cout << kMainHelp, kOk;
  if (command == "--version") return std::cout << "pairwise " << app_version() << "\n", kOk;
  if (command == "validate") return cmd_validate(args);
  if (command == "import") return cmd_import(args);
  if (command == "export") return cmd_export(args);
  if (command == "match") return cmd_match(args);
  return usage("unknown command \"" + command + "\"", kMainHelp);
}
