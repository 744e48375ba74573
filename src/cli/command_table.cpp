// The table of the `pairwise` tool's commands: name, one-line summary, help, options, handler.
// A new command is one file in commands/ and one row here; main.cpp and --help read only this.
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table = {
      {"validate", "check Pairwise JSON documents (exit 0 all valid, 1 some invalid)", kValidateHelp, {"--passphrase-file"}, {},
       run_validate},
      {"import", "merge applications, notebooks, reports or CSV into a backup", kImportHelp,
       {"--into", "--scheme", "--csv-mapping", "--date-order", "--passphrase-file"}, {"--dry-run", "--skip-bad-rows", "--own-workspace"}, run_import},
      {"merge", "merge two copies of a pair notebook or backup field by field", kMergeHelp,
       {"--base", "-o", "--output", "--passphrase-file"},
       {}, run_merge},
      {"export", "write a document or CSV from a backup", kExportHelp,
       {"--from", "--kind", "-o", "--output", "--scheme", "--pairing", "--mentor", "--mentee", "--today", "--csv",
        "--passphrase-file"},
       {}, run_export},
      {"match", "propose the best mentor for every mentee", kMatchHelp,
       {"--from", "--scheme", "--format", "-o", "--input", "--dimacs", "--write-dimacs"}, {"--with-goal"}, run_match},
      {"accept", "store the best proposals as pairings, as \"Accept all proposals\" does", kAcceptHelp,
       {"--into", "--scheme", "--today"}, {}, run_accept},
      {"preset", "list the built-in presets, or write one as a scheme file to edit", kPresetHelp, {"-o"}, {}, run_preset},
      {"scheme-update", "replace (or add) a scheme from an edited scheme file", kSchemeUpdateHelp, {"--into"}, {},
       run_scheme_update},
      {"report", "which scheme rules are met, for the scheme or one pairing", kReportHelp,
       {"--from", "--scheme", "--pairing", "--mentor", "--mentee", "--today", "--format"}, {}, run_report},
      {"spread", "the cohort's geographic, topic and language spread", kSpreadHelp,
       {"--from", "--scheme", "--of", "--select"}, {}, run_spread},
      {"requests", "open project requests, whether each is short and precise", kRequestsHelp, {"--from", "--scheme"}, {},
       run_requests},
      {"interest", "a mentor's interest in a project request", kInterestHelp,
       {"--into", "--mentor", "--mentee", "--scheme", "--date", "--note"}, {}, run_interest},
      {"introduce", "the coordinator puts an interested mentor and the mentee in touch", kIntroduceHelp,
       {"--into", "--mentor", "--mentee", "--date"}, {}, run_introduce},
      {"pairing", "record a pairing's status change", kPairingHelp,
       {"--into", "--pairing", "--mentor", "--mentee", "--to", "--by", "--date", "--reason"}, {"--after-first-meeting"},
       run_pairing},
      {"person", "pause, leave, remove with a reason; selection decisions", kPersonHelp,
       {"--into", "--email", "--status", "--decision", "--date", "--reason"}, {}, run_person},
      {"escalate", "mark requests unanswered too long as no response and escalate them", kEscalateHelp,
       {"--into", "--today"}, {}, run_escalate},
      {"calendar", "a pairing's planned meetings, or one meeting, as a calendar file (.ics)", kCalendarHelp,
       {"--from", "--pairing", "--mentor", "--mentee", "--meeting", "--today", "-o", "--output"}, {"--next"},
       run_calendar},
  };
  return table;
}

}  // namespace pairwise::cli
