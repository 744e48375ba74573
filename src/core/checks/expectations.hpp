#pragma once
// Whether a pairing meets its scheme's meeting expectations, e.g. Co-production's "3 meetings of
// at least 30 minutes", Cochrane's "60-90 minutes a month", MRC CTU LMIC's "at least two a year".
#include <string>
#include <vector>

#include "core/records/meeting.hpp"
#include "core/records/pairing.hpp"
#include "core/records/scheme.hpp"

namespace pairwise {

enum class ExpectationStatus { on_track, behind, not_started, not_applicable };
inline constexpr EnumNames<ExpectationStatus, 4> kExpectationStatusNames{
    {{ExpectationStatus::on_track, "on_track"},
     {ExpectationStatus::behind, "behind"},
     {ExpectationStatus::not_started, "not_started"},
     {ExpectationStatus::not_applicable, "not_applicable"}}};

struct ExpectationResult {
  ExpectationStatus status = ExpectationStatus::not_applicable;
  std::vector<std::string> reasons;  // why behind, or what is on track
};

// Counts meetings from the day the pairing became active up to `today` (or until it ended).
ExpectationResult check_expectations(const Scheme& scheme, const Pairing& pairing,
                                     const std::vector<Meeting>& meetings, const std::string& today);

}  // namespace pairwise
