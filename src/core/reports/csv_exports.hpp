#pragma once
// Spreadsheet exports for coordinators: participants, pairings and monitoring, as CSV or as an
// Excel workbook (.xlsx, with numbers and dates as real number and date cells) holding the same
// table. Empty scheme id means every scheme.
#include <string>

#include "core/workspace.hpp"
#include "core/xlsx/xlsx_writer.hpp"

namespace pairwise {

SheetTable participants_table(const Workspace& ws, const std::string& scheme_id);
SheetTable pairings_table(const Workspace& ws, const std::string& scheme_id);
SheetTable monitoring_table(const Workspace& ws, const std::string& scheme_id, const std::string& today);
// The table's header and rows through the one CSV writer.
std::string table_csv(const SheetTable& table);

std::string participants_csv(const Workspace& ws, const std::string& scheme_id);
std::string pairings_csv(const Workspace& ws, const std::string& scheme_id);
// One row per pairing: status, waiting time, meetings, minutes and whether it is on track
// (from the pair's own meetings, or else from their latest progress report).
std::string monitoring_csv(const Workspace& ws, const std::string& scheme_id, const std::string& today);
// The import history, newest first: one row per import and per answer left out, resubmission,
// note or missing required answer, so a coordinator can see later who came in and who did not.
std::string import_history_csv(const Workspace& ws);

std::string participants_xlsx(const Workspace& ws, const std::string& scheme_id);
std::string pairings_xlsx(const Workspace& ws, const std::string& scheme_id);
std::string monitoring_xlsx(const Workspace& ws, const std::string& scheme_id, const std::string& today);

}  // namespace pairwise
