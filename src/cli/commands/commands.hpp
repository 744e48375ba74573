#pragma once
// Every command's help text and handler; the command table (src/cli/command_table.cpp) lists them.
// Each command lives in its own file in this folder.
#include <iostream>

#include "cli/cli.hpp"
#include "core/checks/scheme_rules.hpp"
#include "core/documents/documents.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/presets/presets.hpp"
#include "core/reports/cohort_spread.hpp"
#include "core/reports/progress_report.hpp"

namespace pairwise::cli {

extern const char* const kValidateHelp;
extern const char* const kImportHelp;
extern const char* const kExportHelp;
extern const char* const kMatchHelp;
extern const char* const kPresetHelp;
extern const char* const kSchemeUpdateHelp;
extern const char* const kReportHelp;
extern const char* const kSpreadHelp;
extern const char* const kRequestsHelp;
extern const char* const kInterestHelp;
extern const char* const kIntroduceHelp;
extern const char* const kPairingHelp;
extern const char* const kPersonHelp;
extern const char* const kEscalateHelp;
extern const char* const kMergeHelp;
extern const char* const kAcceptHelp;
extern const char* const kCalendarHelp;

int run_validate(const Options& o);
int run_merge(const Options& o);
int run_accept(const Options& o);
int run_import(const Options& o);
int run_export(const Options& o);
int run_match(const Options& o);
int run_preset(const Options& o);
int run_scheme_update(const Options& o);
int run_report(const Options& o);
int run_spread(const Options& o);
int run_requests(const Options& o);
int run_interest(const Options& o);
int run_introduce(const Options& o);
int run_pairing(const Options& o);
int run_person(const Options& o);
int run_escalate(const Options& o);
int run_calendar(const Options& o);

}  // namespace pairwise::cli
