#include "core/checks/smart.hpp"

#include <cctype>

#include "core/records/record_meta.hpp"

namespace pairwise {

namespace {

std::string lower(const std::string& s) { return ascii_lower(s); }

bool has_word(const std::string& text, const std::string& word) {
  std::size_t pos = 0;
  while ((pos = text.find(word, pos)) != std::string::npos) {
    const bool start_ok = pos == 0 || !std::isalnum(static_cast<unsigned char>(text[pos - 1]));
    const std::size_t end = pos + word.size();
    const bool end_ok = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (start_ok && end_ok) return true;
    pos = end;
  }
  return false;
}

bool has_digit(const std::string& s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

}  // namespace

std::vector<SmartIssue> check_smart(const Objective& o, const std::string& today) {
  std::vector<SmartIssue> issues;
  const std::string statement = trim(o.statement);
  if (statement.empty()) {
    issues.push_back({SmartIssueKind::no_statement, "Say specifically what you want to achieve."});
  } else {
    // Words that promise effort rather than a result; a number in the statement is concrete enough.
    static const char* kVague[] = {"better", "more", "improve", "improved", "try", "some", "things", "stuff",
                                   "etc", "various", "learn about", "get good", "as much as", "somehow",
                                   "work on", "understand", "generally", "hopefully"};
    const std::string text = lower(statement);
    std::vector<std::string> found;
    for (const char* w : kVague)
      if (has_word(text, w)) found.push_back(w);
    const bool short_statement = statement.size() < 12;
    if ((!found.empty() && !has_digit(text)) || short_statement) {
      std::string msg = "The wording is vague";
      if (!found.empty()) {
        msg += " (";
        for (std::size_t i = 0; i < found.size(); ++i) msg += (i ? ", \"" : "\"") + found[i] + "\"";
        msg += ")";
      } else {
        msg += " (too short to say what will be done)";
      }
      msg += ": say exactly what will be different when it is done.";
      issues.push_back({SmartIssueKind::vague_wording, msg});
    }
  }
  if (trim(o.measure).empty())
    issues.push_back({SmartIssueKind::no_measure, "Add a measure: how will you both know it is achieved?"});
  if (o.due_date.empty()) {
    issues.push_back({SmartIssueKind::no_due_date, "Add a due date: by when should it be achieved?"});
  } else if (!is_valid_date(o.due_date)) {
    // Kept as typed, but a date nobody can read is no deadline.
    issues.push_back({SmartIssueKind::no_due_date, "The due date \"" + o.due_date +
                                                       "\" is not a date like 2024-05-31: enter it as year-month-day."});
  } else if (o.status != ObjectiveStatus::achieved && o.status != ObjectiveStatus::dropped &&
             o.due_date < today) {
    issues.push_back({SmartIssueKind::due_date_past,
                      std::string("The due date ") + o.due_date + " has passed: set a new date or close the objective."});
  }
  return issues;
}

bool is_smart(const Objective& objective, const std::string& today) { return check_smart(objective, today).empty(); }

}  // namespace pairwise
