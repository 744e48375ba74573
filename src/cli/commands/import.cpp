// pairwise import --into BACKUP FILE...
#include "cli/commands/commands.hpp"
#include "core/csv/column_mapping.hpp"
#include "core/documents/documents.hpp"
#include "core/validation/json_reader.hpp"

namespace pairwise::cli {

const char* const kImportHelp =
    "Usage: pairwise import --into BACKUP.json [--dry-run] [--scheme ID] [--csv-mapping MAPPING.json]\n"
    "                       [--skip-bad-rows] [--date-order month-first|day-first] [--own-workspace]\n"
    "                       [--passphrase-file FILE] FILE...\n"
    "Merges JSON documents and CSV or XLSX survey exports into BACKUP.json (created if missing), all or\n"
    "nothing. People are merged by e-mail; conflicting edits are resolved by revision, then time,\n"
    "and listed. --dry-run only prints the preview. MAPPING.json is {\"columns\":[{\"header\":..,\n"
    "\"field\":..}]}; without it the scheme's saved mapping or one suggested from headers is used.\n"
    "Survey exports are recognised by their layout (SurveyMonkey, Google Forms, Microsoft Forms) and\n"
    "mapped as the app suggests; the survey's own submission time is when each person applied.\n"
    "Imported people join the backup's scheme when it holds one; with several, --scheme is required.\n"
    "Every answer left out (no e-mail, \"anonymous\", a bad value with --skip-bad-rows) is printed on a\n"
    "'left out:' line with its row and name, and kept in the backup's import history.\n"
    "--date-order says how to read slashed dates a column leaves undecided (every part 12 or less).\n"
    "BACKUP.json is a coordinator's: a file holding what only the pair may read (meeting notes,\n"
    "objectives, the agreement, private notes) is refused and nothing from it is stored. With\n"
    "--own-workspace, BACKUP.json is a mentor's or mentee's own, where the pair's notebooks belong.\n"
    "Locked files open with --passphrase-file FILE (its first line); if one does not open, nothing\n"
    "is imported.\n";

namespace {

// Whether any file brings applicants: a survey export or an application file.
bool brings_applications(const std::vector<InputFile>& inputs) {
  for (const auto& f : inputs) {
    if (is_survey_table_file_name(f.name)) return true;
    auto parsed = read_document(f.content, f.name);
    if (parsed && parsed->kind == DocumentKind::application) return true;
  }
  return false;
}

}  // namespace

int run_import(const Options& o) {
  const std::string into = o.get("--into"), mapping_path = o.get("--csv-mapping");
  ImportOptions options;
  options.scheme_id = o.get("--scheme");
  options.skip_bad_csv_rows = o.has("--skip-bad-rows");
  if (o.has("--own-workspace")) options.reader = std::nullopt;
  if (into.empty()) return o.usage("import needs --into BACKUP.json");
  if (o.positional.empty()) return o.usage("import needs at least one FILE");
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
  if (o.has("--date-order")) {
    const std::string order = o.get("--date-order");
    if (order == "month-first") options.ambiguous_dates = DateOrder::month_first;
    else if (order == "day-first") options.ambiguous_dates = DateOrder::day_first;
    else return o.usage("--date-order is month-first or day-first");
  }
  Loaded loaded;
  if (int rc = load_backup(into, loaded, true); rc != kOk) return rc;
  std::vector<InputFile> inputs;
  if (int rc = read_input_files(o, o.positional, inputs); rc != kOk) {
    std::cerr << "pairwise: nothing was imported: " << into << " was not changed\n";
    return rc;
  }
  // People join a scheme, as in the app: the backup's only one, or the one named.
  if (!options.scheme_id.empty()) {
    if (!loaded.ws.find<Scheme>(options.scheme_id))
      return std::cerr << "pairwise: no scheme with id \"" << options.scheme_id << "\" in " << into << "\n", kInvalid;
  } else if (loaded.ws.schemes().size() == 1) {
    options.scheme_id = loaded.ws.schemes().begin()->first;
  } else if (loaded.ws.schemes().size() > 1 && brings_applications(inputs)) {
    std::cerr << "pairwise: " << into << " holds several schemes: choose the one the applicants join with --scheme ID\n";
    for (const auto& [id, sc] : loaded.ws.schemes()) std::cerr << "  " << id << "  " << sc.name << "\n";
    return kUsage;
  }
  auto preview = preview_import(loaded.ws, inputs, options);
  for (const auto& line : preview.summary()) std::cout << line << "\n";
  if (!preview.can_apply()) {
    std::cerr << "pairwise: nothing was imported because of the errors above\n";
    return kInvalid;
  }
  if (o.has("--dry-run")) return std::cout << "dry run: " << into << " was not changed\n", kOk;
  if (!apply_import(loaded.ws, preview)) return kInvalid;
  if (int rc = save_backup(into, loaded.ws); rc != kOk) return rc;
  std::cout << "imported into " << into << "\n";
  return kOk;
}

}  // namespace pairwise::cli
