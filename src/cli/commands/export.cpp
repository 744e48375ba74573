// pairwise export --from BACKUP --kind KIND
#include "cli/commands/commands.hpp"
#include "core/csv/column_mapping.hpp"
#include "core/import/survey_table_file.hpp"
#include "core/documents/documents.hpp"
#include "core/intake/survey_table.hpp"
#include "core/operations/request_board.hpp"
#include "core/reports/csv_exports.hpp"

namespace pairwise::cli {

const char* const kExportHelp =
    "Usage: pairwise export --from BACKUP.json --kind KIND [--scheme ID]\n"
    "                       [--pairing ID | --mentor EMAIL --mentee EMAIL] [--today YYYY-MM-DD] [-o OUT]\n"
    "                       [--passphrase-file FILE]\n"
    "KIND: participants-csv | pairings-csv | monitoring-csv | introduction-pack (needs the pairing)\n"
    "      | participants-xlsx | pairings-xlsx | monitoring-xlsx (the same tables as Excel workbooks)\n"
    "      | pair-notebook (needs the pairing; never includes private notes) | progress-report\n"
    "      (needs the pairing) | backup | scheme (needs --scheme) | request-board (KIND: the open\n"
    "      requests whose mentees agreed to post them, for mentors; needs --scheme) | csv-mapping (suggest from a CSV\n"
    "      given with --csv FILE, a CSV or XLSX survey export) | import-history-csv (who each import left out, and why)\n"
    "Writes to OUT, or to standard output without -o. With --passphrase-file FILE (its first line is\n"
    "the passphrase, at least 8 characters) the output is locked: it holds no readable text, and\n"
    "opens in the app or with the same option on validate, import and merge.\n";

int run_export(const Options& o) {
  const std::string kind = o.get("--kind"), scheme = o.get("--scheme"), today = o.get("--today", system_clock().today());
  const std::string out = o.has("--output") ? o.get("--output") : o.get("-o");
  if (!o.positional.empty()) return o.usage("export takes no FILE");
  if (kind.empty()) return o.usage("export needs --kind");
  if (!is_valid_date(today)) return o.usage("--today must be a date like 2024-05-31");
  if (kind == "csv-mapping") {
    const std::string csv = o.get("--csv");
    std::string text;
    if (csv.empty()) return o.usage("csv-mapping needs --csv FILE");
    if (!read_file(csv, text)) return std::cerr << csv << ": cannot read the file\n", kIo;
    auto table = read_survey_table(text, base_name(csv));
    if (!table) return std::cerr << table.error_text() << "\n", kInvalid;
    text = encode(suggest_mapping(recognise_survey(table.value()))).dump(2) + "\n";
    if (int rc = lock_output_if_asked(o, text); rc != kOk) return rc;
    return write_file(out, text) ? kOk : kIo;
  }
  if (!o.has("--from")) return o.usage("export needs --from BACKUP.json");
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  const Workspace& ws = loaded.ws;
  const std::string now = system_clock().now();
  std::string text;
  if (kind == "participants-csv") text = participants_csv(ws, scheme);
  else if (kind == "import-history-csv") text = import_history_csv(ws);
  else if (kind == "pairings-csv") text = pairings_csv(ws, scheme);
  else if (kind == "monitoring-csv") text = monitoring_csv(ws, scheme, today);
  else if (kind == "participants-xlsx") text = participants_xlsx(ws, scheme);
  else if (kind == "pairings-xlsx") text = pairings_xlsx(ws, scheme);
  else if (kind == "monitoring-xlsx") text = monitoring_xlsx(ws, scheme, today);
  else if (kind == "backup") text = write_document(make_backup(ws), now);
  else if (kind == "scheme") {
    const Scheme* s = ws.find<Scheme>(scheme);
    if (!s) return std::cerr << "pairwise: no scheme with id \"" << scheme << "\"\n", kInvalid;
    text = write_document(SchemeDocument{*s}, now);
  } else if (kind == "request-board") {
    const Scheme* s = ws.find<Scheme>(scheme);
    if (!s) return std::cerr << "pairwise: no scheme with id \"" << scheme << "\"\n", kInvalid;
    const auto left_off = requests_not_on_board(ws, scheme);
    if (!left_off.empty())
      std::cerr << "pairwise: " << left_off.size()
                << " open request(s) left off the board: their mentees have not agreed to post them\n";
    text = write_document(make_request_board(ws, scheme, today), now);
  } else if (kind == "introduction-pack" || kind == "pair-notebook" || kind == "progress-report") {
    std::string pairing;
    if (int rc = pairing_from_options(ws, o, pairing); rc != kOk) return rc;
    if (pairing.empty()) return o.usage(kind + " needs --pairing ID or --mentor EMAIL --mentee EMAIL");
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
    return o.usage("unknown kind \"" + kind + "\"");
  }
  if (int rc = lock_output_if_asked(o, text); rc != kOk) return rc;
  if (!write_file(out, text)) return kIo;  // write_file said why
  return kOk;
}

}  // namespace pairwise::cli
