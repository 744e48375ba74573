// pairwise: the command-line tool for coordinators with many files and for automation.
// Exit codes: 0 success, 1 invalid input / refused operation, 2 usage error, 3 I/O error.
#include <algorithm>
#include <fstream>
#include <map>
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
#include "core/checks/scheme_rules.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/presets/presets.hpp"
#include "core/reports/cohort_spread.hpp"
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
    "  preset [NAME] [-o OUT]   list the built-in presets, or write one as a scheme file to edit\n"
    "  scheme-update --into BACKUP FILE   replace (or add) a scheme from an edited scheme file\n"
    "  report --from BACKUP [--pairing ID | --mentor E --mentee E]   which scheme rules are met\n"
    "  spread --from BACKUP [--select N]   the cohort's geographic, topic and language spread\n"
    "  requests --from BACKUP   open project requests, whether each is short and precise\n"
    "  interest --into BACKUP --mentor E --mentee E   a mentor's interest in a request\n"
    "  introduce --into BACKUP --mentor E --mentee E   the coordinator puts them in touch\n"
    "  pairing --into BACKUP --mentor E --mentee E --to STATUS --by WHO   record a status change\n"
    "  person --into BACKUP --email E --status S|--decision D   pause, leave, remove; decisions\n"
    "  escalate --into BACKUP   mark requests unanswered too long; escalate them\n"
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


// ---- commands for the seed schemes' rules ------------------------------------------------------

// Options of the form "--name value" (and bare flags), plus positional arguments.
struct Options {
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;
  std::string get(const std::string& name, const std::string& fallback = "") const {
    auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
  }
  bool has(const std::string& name) const { return values.count(name) > 0; }
};

// Returns an error message for an unknown option or a missing value, else "".
std::string parse_options(const std::vector<std::string>& args, const std::vector<std::string>& with_value,
                          const std::vector<std::string>& flags, Options& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (std::find(with_value.begin(), with_value.end(), a) != with_value.end()) {
      if (i + 1 >= args.size()) return a + " needs a value";
      out.values[a] = args[++i];
    } else if (std::find(flags.begin(), flags.end(), a) != flags.end()) {
      out.values[a] = "yes";
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return "unknown option " + a;
    } else {
      out.positional.push_back(a);
    }
  }
  return std::string();
}

// The scheme named by --scheme, or the backup's only scheme.
int choose_scheme(const Workspace& ws, const std::string& scheme_id, const Scheme*& out) {
  if (!scheme_id.empty()) {
    out = ws.find<Scheme>(scheme_id);
    if (!out) return std::cerr << "pairwise: no scheme with id \"" << scheme_id << "\"\n", kInvalid;
    return kOk;
  }
  if (ws.schemes().size() == 1) {
    out = &ws.schemes().begin()->second;
    return kOk;
  }
  std::cerr << "pairwise: " << (ws.schemes().empty() ? "the backup holds no scheme" : "several schemes: choose one with --scheme ID") << "\n";
  for (const auto& [id, sc] : ws.schemes()) std::cerr << "  " << id << "  " << sc.name << "\n";
  return kUsage;
}

int save_backup(const std::string& path, const Workspace& ws) {
  if (!write_file(path, write_document(make_backup(ws), system_clock().now())))
    return std::cerr << path << ": cannot write the file\n", kIo;
  return kOk;
}

// Loads BACKUP, applies one operation and writes BACKUP back only if the operation succeeded.
template <class Operation>
int change_backup(const std::string& path, Operation operation) {
  Loaded loaded;
  if (int rc = load_backup(path, loaded, false); rc != kOk) return rc;
  Result<ChangeSet> r = operation(loaded.ws);
  if (!r) return std::cerr << "pairwise: " << r.error_text() << "\n", kInvalid;
  return save_backup(path, loaded.ws);
}

const char* kPresetHelp =
    "Usage: pairwise preset [NAME] [-o OUT]\n"
    "Without NAME lists the built-in presets (cochrane-kt, ikt, kind, coproduction, mrc-ctu-lmic).\n"
    "With NAME writes that preset's scheme file (to OUT or standard output): edit it, then\n"
    "'pairwise scheme-update' or the app's scheme import brings it in.\n";

int cmd_preset(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kPresetHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"-o"}, {}, o); !e.empty()) return usage(e, kPresetHelp);
  if (o.positional.size() > 1) return usage("preset takes at most one NAME", kPresetHelp);
  if (o.positional.empty()) {
    for (SchemePreset p : kAllPresets) {
      auto scheme = read_preset_file(p);
      std::cout << preset_key(p) << "  " << (scheme ? scheme->name : "(unreadable: " + scheme.error_text() + ")") << "\n";
    }
    return kOk;
  }
  auto preset = preset_from_key(o.positional.front());
  if (!preset) return usage("unknown preset \"" + o.positional.front() + "\"", kPresetHelp);
  return write_file(o.get("-o"), std::string(preset_file_text(*preset))) ? kOk : kIo;
}

const char* kSchemeUpdateHelp =
    "Usage: pairwise scheme-update --into BACKUP.json FILE\n"
    "Validates the scheme file FILE and replaces the scheme with the same id in BACKUP.json as a new\n"
    "revision (or adds it). Nothing changes if the file has any error (listed with its JSON path).\n";

int cmd_scheme_update(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kSchemeUpdateHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--into"}, {}, o); !e.empty()) return usage(e, kSchemeUpdateHelp);
  if (!o.has("--into") || o.positional.size() != 1) return usage("scheme-update needs --into BACKUP.json and one FILE", kSchemeUpdateHelp);
  std::string text;
  const std::string file = o.positional.front();
  if (!read_file(file, text)) return std::cerr << file << ": cannot read the file\n", kIo;
  Loaded loaded;
  if (int rc = load_backup(o.get("--into"), loaded, true); rc != kOk) return rc;
  auto r = import_scheme_file(loaded.ws, text, base_name(file));
  if (!r) return std::cerr << r.error_text() << "\n", kInvalid;
  if (r->empty()) return std::cout << "the scheme is unchanged\n", kOk;
  const Scheme& updated = *loaded.ws.find<Scheme>(r->upserts.front().id);
  std::cout << "scheme " << updated.meta.id << " (" << updated.name << ") is now revision " << updated.meta.revision << "\n";
  return save_backup(o.get("--into"), loaded.ws);
}

const char* kReportHelp =
    "Usage: pairwise report --from BACKUP.json [--scheme ID] [--pairing ID | --mentor E --mentee E]\n"
    "                       [--today YYYY-MM-DD] [--format text|json]\n"
    "Checks the scheme's rules: for one pairing (its progress report with every rule), or for the\n"
    "scheme as a whole and each of its pairings. Text lines read RULE: met|not_met|pending: why.\n";

void print_checks(const std::vector<RuleCheck>& checks, const std::string& indent) {
  for (const auto& c : checks)
    std::cout << indent << c.rule << ": " << enum_to_string(kRuleStatusNames, c.status) << ": " << c.message << "\n";
}

int cmd_report(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kReportHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--from", "--scheme", "--pairing", "--mentor", "--mentee", "--today", "--format"}, {}, o);
      !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "report takes no FILE" : e, kReportHelp);
  const std::string today = o.get("--today", system_clock().today()), format = o.get("--format", "text");
  if (!is_valid_date(today)) return usage("--today must be a date like 2024-05-31", kReportHelp);
  if (format != "text" && format != "json") return usage("--format is text or json", kReportHelp);
  if (!o.has("--from")) return usage("report needs --from BACKUP.json", kReportHelp);
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  const Workspace& ws = loaded.ws;
  std::string pairing_id = o.get("--pairing");
  if (pairing_id.empty() && (o.has("--mentor") || o.has("--mentee"))) {
    pairing_id = find_pairing_id(ws, o.get("--mentor"), o.get("--mentee"));
    if (pairing_id.empty())
      return std::cerr << "pairwise: no pairing of " << o.get("--mentor") << " with " << o.get("--mentee") << "\n", kInvalid;
  }
  if (!pairing_id.empty()) {
    auto report = make_progress_report(ws, pairing_id, today);
    if (!report) return std::cerr << "pairwise: " << report.error_text() << "\n", kInvalid;
    if (format == "json") return std::cout << encode(report.value()).dump(2) << "\n", kOk;
    std::cout << "pairing " << pairing_id << ": " << report->mentor_email << " mentoring " << report->mentee_email << ", "
              << to_string(report->status) << "; " << report->meeting_count << " meeting(s), " << report->total_minutes
              << " minutes\n";
    print_checks(report->checks, "  ");
    return kOk;
  }
  const Scheme* scheme = nullptr;
  if (int rc = choose_scheme(ws, o.get("--scheme"), scheme); rc != kOk) return rc;
  const auto scheme_checks = check_scheme_rules(ws, scheme->meta.id, today);
  if (format == "json") {
    Json j = Json::object();
    j["scheme_id"] = scheme->meta.id;
    j["today"] = today;
    j["scheme_checks"] = Json::array();
    for (const auto& c : scheme_checks) j["scheme_checks"].push_back(encode(c));
    j["pairings"] = Json::array();
    for (const Pairing& p : ws.pairings_of_scheme(scheme->meta.id)) {
      Json checks = Json::array();
      for (const auto& c : check_pairing_rules(ws, p.meta.id, today)) checks.push_back(encode(c));
      j["pairings"].push_back(Json{{"pairing_id", p.meta.id}, {"mentor_email", p.mentor_email},
                                   {"mentee_email", p.mentee_email}, {"status", to_string(p.status())}, {"checks", checks}});
    }
    return std::cout << j.dump(2) << "\n", kOk;
  }
  std::cout << scheme->name << " on " << today << "\n";
  print_checks(scheme_checks, "  ");
  for (const Pairing& p : ws.pairings_of_scheme(scheme->meta.id)) {
    std::cout << "pairing " << p.meta.id << ": " << p.mentor_email << " mentoring " << p.mentee_email << ", "
              << to_string(p.status()) << "\n";
    print_checks(check_pairing_rules(ws, p.meta.id, today), "  ");
  }
  return kOk;
}

const char* kSpreadHelp =
    "Usage: pairwise spread --from BACKUP.json [--scheme ID] [--of mentees|mentors|everyone] [--select N]\n"
    "Shows how many countries, regions, topics and languages the cohort covers. --select N picks N\n"
    "mentees covering as many different ones as possible (the scheme's selection goal) and shows\n"
    "the spread of that selection.\n";

int cmd_spread(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kSpreadHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--from", "--scheme", "--of", "--select"}, {}, o); !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "spread takes no FILE" : e, kSpreadHelp);
  if (!o.has("--from")) return usage("spread needs --from BACKUP.json", kSpreadHelp);
  const std::string of_text = o.get("--of", "mentees");
  SpreadOf of = SpreadOf::mentees;
  if (of_text == "mentors") of = SpreadOf::mentors;
  else if (of_text == "everyone") of = SpreadOf::everyone;
  else if (of_text != "mentees") return usage("--of is mentees, mentors or everyone", kSpreadHelp);
  int places = 0;
  if (o.has("--select")) {
    const std::string n = o.get("--select");
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) == 0)
      return usage("--select needs a number of places from 1", kSpreadHelp);
    places = std::stoi(n);
  }
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  const Scheme* scheme = nullptr;
  if (int rc = choose_scheme(loaded.ws, o.get("--scheme"), scheme); rc != kOk) return rc;
  std::cout << "cohort (" << of_text << "):\n";
  for (const auto& line : describe_spread(cohort_spread(loaded.ws, scheme->meta.id, of))) std::cout << "  " << line << "\n";
  if (places > 0) {
    const auto picked = select_for_spread(loaded.ws, scheme->meta.id, places);
    std::cout << "selected " << picked.size() << " for spread:";
    for (const auto& e : picked) std::cout << " " << e;
    std::cout << "\n";
    for (const auto& line : describe_spread(cohort_spread(loaded.ws, scheme->meta.id, SpreadOf::mentees, picked)))
      std::cout << "  " << line << "\n";
  }
  return kOk;
}

const char* kRequestsHelp =
    "Usage: pairwise requests --from BACKUP.json [--scheme ID]\n"
    "Lists each open project request (mentees not yet placed with a mentor): whether it is short and\n"
    "precise under the scheme's rules, what to change if not, and which mentors are interested.\n";

int cmd_requests(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kRequestsHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--from", "--scheme"}, {}, o); !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "requests takes no FILE" : e, kRequestsHelp);
  if (!o.has("--from")) return usage("requests needs --from BACKUP.json", kRequestsHelp);
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  const Scheme* scheme = nullptr;
  if (int rc = choose_scheme(loaded.ws, o.get("--scheme"), scheme); rc != kOk) return rc;
  for (const auto& r : open_project_requests(loaded.ws, scheme->meta.id)) {
    std::cout << r.mentee.email << ": " << (r.issues.empty() ? "ready" : "not ready") << "; "
              << r.interested_mentors.size() << " interested mentor(s)";
    for (const auto& m : r.interested_mentors) std::cout << " " << m;
    std::cout << "\n  what: " << r.mentee.project.what << "\n";
    for (const auto& i : r.issues) std::cout << "  " << i.field << ": " << i.message << "\n";
  }
  return kOk;
}

const char* kInterestHelp =
    "Usage: pairwise interest --into BACKUP.json --mentor EMAIL --mentee EMAIL [--scheme ID]\n"
    "                         [--date YYYY-MM-DD] [--note TEXT]\n"
    "Records a mentor's interest in a mentee's project request (schemes where mentors pick requests).\n"
    "Refused, with the reason, for a request that is not short and precise, a paused mentor or one\n"
    "without room.\n";

int cmd_interest(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kInterestHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--into", "--mentor", "--mentee", "--scheme", "--date", "--note"}, {}, o);
      !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "interest takes no FILE" : e, kInterestHelp);
  if (!o.has("--into") || !o.has("--mentor") || !o.has("--mentee"))
    return usage("interest needs --into, --mentor and --mentee", kInterestHelp);
  return change_backup(o.get("--into"), [&](Workspace& ws) -> Result<ChangeSet> {
    const Scheme* scheme = nullptr;
    if (choose_scheme(ws, o.get("--scheme"), scheme) != kOk) return Result<ChangeSet>::failure("", "", "choose a scheme");
    return express_interest(ws, scheme->meta.id, o.get("--mentor"), o.get("--mentee"),
                            o.get("--date", system_clock().today()), o.get("--note"));
  });
}

const char* kIntroduceHelp =
    "Usage: pairwise introduce --into BACKUP.json --mentor EMAIL --mentee EMAIL [--date YYYY-MM-DD]\n"
    "The coordinator puts an interested mentor and the mentee in touch; other mentors' interest in\n"
    "that request is closed. Mentoring starts once both have signed the contract.\n";

int cmd_introduce(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kIntroduceHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--into", "--mentor", "--mentee", "--date"}, {}, o); !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "introduce takes no FILE" : e, kIntroduceHelp);
  if (!o.has("--into") || !o.has("--mentor") || !o.has("--mentee"))
    return usage("introduce needs --into, --mentor and --mentee", kIntroduceHelp);
  return change_backup(o.get("--into"), [&](Workspace& ws) -> Result<ChangeSet> {
    const std::string id = find_pairing_id(ws, o.get("--mentor"), o.get("--mentee"));
    if (id.empty())
      return Result<ChangeSet>::failure("", "", o.get("--mentor") + " has not expressed interest in " + o.get("--mentee"));
    return introduce(ws, id, o.get("--date", system_clock().today()));
  });
}

const char* kPairingHelp =
    "Usage: pairwise pairing --into BACKUP.json --mentor EMAIL --mentee EMAIL --to STATUS --by WHO\n"
    "                        [--date YYYY-MM-DD] [--reason TEXT] [--after-first-meeting]\n"
    "Records a status change: STATUS requested | accepted | declined | no_response | active |\n"
    "completed | withdrawn; WHO coordinator | mentor | mentee. A decline needs no reason; a withdrawal\n"
    "by the mentor or mentee is without fault; --after-first-meeting ends it after the\n"
    "getting-to-know-you meeting (schemes that allow it). Refused moves say what is allowed next.\n";

int cmd_pairing(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kPairingHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--into", "--mentor", "--mentee", "--to", "--by", "--date", "--reason"},
                             {"--after-first-meeting"}, o);
      !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "pairing takes no FILE" : e, kPairingHelp);
  if (!o.has("--into") || !o.has("--mentor") || !o.has("--mentee") || !o.has("--to") || !o.has("--by"))
    return usage("pairing needs --into, --mentor, --mentee, --to and --by", kPairingHelp);
  const auto to = enum_from_string(kPairingStatusNames, o.get("--to"));
  const auto by = enum_from_string(kActorNames, o.get("--by"));
  if (!to) return usage("--to must be one of " + enum_choices(kPairingStatusNames), kPairingHelp);
  if (!by) return usage("--by must be one of " + enum_choices(kActorNames), kPairingHelp);
  const std::string date = o.get("--date", system_clock().today());
  return change_backup(o.get("--into"), [&](Workspace& ws) -> Result<ChangeSet> {
    const std::string id = find_pairing_id(ws, o.get("--mentor"), o.get("--mentee"));
    if (id.empty()) return Result<ChangeSet>::failure("", "", "no pairing of " + o.get("--mentor") + " with " + o.get("--mentee"));
    if (o.has("--after-first-meeting")) {
      if (*to != PairingStatus::withdrawn)
        return Result<ChangeSet>::failure("", "", "--after-first-meeting goes with --to withdrawn");
      return stop_after_first_meeting(ws, id, *by, date);
    }
    if (*to == PairingStatus::withdrawn && (*by == Actor::mentor || *by == Actor::mentee))
      return withdraw_without_fault(ws, id, *by, date, o.get("--reason"));
    return ws.transition_pairing(id, {*to, date, *by, o.get("--reason"), 0});
  });
}

const char* kPersonHelp =
    "Usage: pairwise person --into BACKUP.json --email EMAIL [--status active|paused|left|removed]\n"
    "                       [--decision pending|selected|not_selected] [--date YYYY-MM-DD] [--reason TEXT]\n"
    "Pauses a mentor, lets them leave the list (their unanswered requests are withdrawn), removes\n"
    "someone (a reason is required; their live pairings are withdrawn), or records a decision.\n";

int cmd_person(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kPersonHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--into", "--email", "--status", "--decision", "--date", "--reason"}, {}, o);
      !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "person takes no FILE" : e, kPersonHelp);
  if (!o.has("--into") || !o.has("--email") || (o.has("--status") == o.has("--decision")))
    return usage("person needs --into, --email and one of --status or --decision", kPersonHelp);
  const std::string date = o.get("--date", system_clock().today());
  if (o.has("--status")) {
    const auto status = enum_from_string(kPersonStatusNames, o.get("--status"));
    if (!status) return usage("--status must be one of " + enum_choices(kPersonStatusNames), kPersonHelp);
    return change_backup(o.get("--into"), [&](Workspace& ws) {
      return set_person_status(ws, o.get("--email"), *status, date, o.get("--reason"));
    });
  }
  const auto decision = enum_from_string(kDecisionNames, o.get("--decision"));
  if (!decision) return usage("--decision must be one of " + enum_choices(kDecisionNames), kPersonHelp);
  return change_backup(o.get("--into"), [&](Workspace& ws) { return record_decision(ws, o.get("--email"), *decision, date); });
}

const char* kEscalateHelp =
    "Usage: pairwise escalate --into BACKUP.json [--today YYYY-MM-DD]\n"
    "Marks every request whose mentor has not answered within the scheme's days as \"no response\"\n"
    "and records its escalation to the scheme's contact (IKT: the mentoring supervisor).\n";

int cmd_escalate(const std::vector<std::string>& args) {
  if (wants_help(args)) return std::cout << kEscalateHelp, kOk;
  Options o;
  if (auto e = parse_options(args, {"--into", "--today"}, {}, o); !e.empty() || !o.positional.empty())
    return usage(e.empty() ? "escalate takes no FILE" : e, kEscalateHelp);
  if (!o.has("--into")) return usage("escalate needs --into BACKUP.json", kEscalateHelp);
  const std::string today = o.get("--today", system_clock().today());
  if (!is_valid_date(today)) return usage("--today must be a date like 2024-05-31", kEscalateHelp);
  Loaded loaded;
  if (int rc = load_backup(o.get("--into"), loaded, false); rc != kOk) return rc;
  const ChangeSet changes = loaded.ws.mark_overdue_requests(today);
  for (const auto& r : changes.upserts) {
    const Pairing& p = *loaded.ws.find<Pairing>(r.id);
    std::cout << "no response from " << p.mentor_email << " to the request for " << p.mentee_email << " of "
              << p.requested_on() << ": escalated to " << p.escalations.back().to << "\n";
  }
  if (changes.empty()) return std::cout << "no request is overdue\n", kOk;
  return save_backup(o.get("--into"), loaded.ws);
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
  if (command == "preset") return cmd_preset(args);
  if (command == "scheme-update") return cmd_scheme_update(args);
  if (command == "report") return cmd_report(args);
  if (command == "spread") return cmd_spread(args);
  if (command == "requests") return cmd_requests(args);
  if (command == "interest") return cmd_interest(args);
  if (command == "introduce") return cmd_introduce(args);
  if (command == "pairing") return cmd_pairing(args);
  if (command == "person") return cmd_person(args);
  if (command == "escalate") return cmd_escalate(args);
  return usage("unknown command \"" + command + "\"", kMainHelp);
}
