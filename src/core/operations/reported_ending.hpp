#pragma once
// A pair ends their relationship on their own devices (KIND's withdrawal form, either side; ending
// with feedback, MRC CTU LMIC and KIND); the coordinator learns it from the pair's progress report.
// Importing that report moves the coordinator's copy of the pairing to the reported ending through
// the lifecycle's own transition rules, so Pairings and Monitoring show it ended.
#include <optional>
#include <string>

#include "core/records/pairing.hpp"
#include "core/reports/progress_report.hpp"

namespace pairwise {

// The ending a report asks the coordinator to record: the report's status if it is "withdrawn" or
// "completed", dated as the report's history dates it, recorded by the coordinator on the pair's
// word. None when the coordinator's copy already has that status or the report is not an ending.
std::optional<TransitionRequest> reported_ending(const Pairing& coordinator_copy, const ProgressReport& report);

}  // namespace pairwise
