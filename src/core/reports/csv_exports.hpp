#pragma once
// Spreadsheet exports for coordinators: participants, pairings and monitoring. Empty scheme id
// means every scheme.
#include <string>

#include "core/workspace.hpp"

namespace pairwise {

std::string participants_csv(const Workspace& ws, const std::string& scheme_id);
std::string pairings_csv(const Workspace& ws, const std::string& scheme_id);
// One row per pairing: status, waiting time, meetings, minutes and whether it is on track
// (from the pair's own meetings, or else from their latest progress report).
std::string monitoring_csv(const Workspace& ws, const std::string& scheme_id, const std::string& today);
// The import history, newest first: one row per import and per answer left out, resubmission,
// note or missing required answer, so a coordinator can see later who came in and who did not.
std::string import_history_csv(const Workspace& ws);

}  // namespace pairwise
