#pragma once
// What keeps an objective from being SMART, in words a mentee can act on.
#include <string>
#include <vector>

#include "core/records/objective.hpp"

namespace pairwise {

enum class SmartIssueKind { no_statement, no_measure, no_due_date, due_date_past, vague_wording };

struct SmartIssue {
  SmartIssueKind kind;
  std::string message;
};

// `today` is a YYYY-MM-DD date; achieved or dropped objectives are not flagged for a past date.
std::vector<SmartIssue> check_smart(const Objective& objective, const std::string& today);
bool is_smart(const Objective& objective, const std::string& today);

}  // namespace pairwise
