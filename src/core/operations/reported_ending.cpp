#include "core/operations/reported_ending.hpp"

namespace pairwise {

std::optional<TransitionRequest> reported_ending(const Pairing& coordinator_copy, const ProgressReport& report) {
  if (report.pairing_id != coordinator_copy.meta.id) return std::nullopt;
  if (report.status != PairingStatus::withdrawn && report.status != PairingStatus::completed) return std::nullopt;
  if (coordinator_copy.status() == report.status) return std::nullopt;
  std::string date;
  std::optional<Actor> by;
  for (const StatusDate& change : report.history)
    if (change.status == report.status) {
      date = change.date;
      by = change.by;
    }
  if (date.empty()) date = report.generated_on;
  // The report leaves reasons out (free text stays with the pair); the coordinator's record says
  // where the change came from, and who of the two made it when the report says (v6).
  const bool by_the_pair = by && (*by == Actor::mentor || *by == Actor::mentee);
  return TransitionRequest{report.status, date, by_the_pair ? *by : Actor::coordinator,
                           "reported by the pair in their progress report of " + report.generated_on, 0};
}

}  // namespace pairwise
