#include "core/intake/survey_table.hpp"

#include <algorithm>
#include <set>

#include "core/records/record_meta.hpp"

namespace pairwise {

namespace {

std::string lower_ascii(const std::string& s) { return ascii_lower(s); }

bool header_is(const std::string& header, const char* name) { return lower_ascii(trim(header)) == name; }

bool has_header(const std::vector<std::string>& header, const char* name) {
  return std::any_of(header.begin(), header.end(), [name](const std::string& h) { return header_is(h, name); });
}

bool column_is_empty(const CsvTable& t, std::size_t c) {
  return std::all_of(t.rows.begin(), t.rows.end(),
                     [c](const CsvRow& r) { return c >= r.cells.size() || trim(r.cells[c]).empty(); });
}

// SurveyMonkey's second header row: every cell under a question names how it is answered.
bool is_second_header_row(const CsvRow& row) {
  for (const auto& cell : row.cells) {
    const std::string t = lower_ascii(trim(cell));
    if (t == "response" || t == "open-ended response") return true;
  }
  return false;
}

void make_keys_unique(std::vector<SurveyColumn>& columns) {
  std::set<std::string> taken;
  for (auto& c : columns) {
    std::string key = c.key;
    for (int n = 2; taken.count(key) != 0; ++n) key = c.key + " (" + std::to_string(n) + ")";
    c.key = key;
    taken.insert(key);
  }
}

}  // namespace

const char* survey_tool_name(SurveyTool tool) {
  switch (tool) {
    case SurveyTool::surveymonkey: return "SurveyMonkey";
    case SurveyTool::google_forms: return "Google Forms";
    case SurveyTool::microsoft_forms: return "Microsoft Forms";
    case SurveyTool::plain_table: break;
  }
  return "a table";
}

const SurveyColumn* SurveyTable::column(const std::string& key) const {
  for (const auto& c : columns)
    if (c.key == key) return &c;
  return nullptr;
}

SurveyTable recognise_survey(const CsvTable& raw) {
  SurveyTable out;
  const auto& h = raw.header;
  const bool two_header_rows = !raw.rows.empty() && is_second_header_row(raw.rows.front());
  if (two_header_rows || (has_header(h, "respondent id") && has_header(h, "collector id")))
    out.tool = SurveyTool::surveymonkey;
  else if (has_header(h, "id") && has_header(h, "start time") && has_header(h, "completion time"))
    out.tool = SurveyTool::microsoft_forms;
  else if (!h.empty() && header_is(h.front(), "timestamp"))
    out.tool = SurveyTool::google_forms;

  const CsvRow* second = two_header_rows ? &raw.rows.front() : nullptr;
  std::string question;
  for (std::size_t c = 0; c < h.size(); ++c) {
    SurveyColumn col;
    const std::string first = trim(h[c]);
    // A blank first-row cell continues the "select all that apply" question to its left.
    if (!first.empty() || !second) question = first;
    col.question = question;
    const std::string sub = second && c < second->cells.size() ? trim(second->cells[c]) : std::string();
    const std::string sub_lower = lower_ascii(sub);
    if (!sub.empty() && sub_lower != "response" && sub_lower != "open-ended response") col.option = sub;
    col.key = col.option.empty() ? col.question : col.question + " [" + col.option + "]";
    if (col.key.empty()) col.key = "Column " + std::to_string(c + 1);
    const std::string q = lower_ascii(col.question);
    switch (out.tool) {
      case SurveyTool::surveymonkey:
        col.identifying = q == "respondent id" || q == "collector id" || q == "ip address" ||
                          q.rfind("custom data", 0) == 0 ||
                          // filled only by e-mail collectors; the form's own question asks the rest
                          ((q == "email address" || q == "first name" || q == "last name") && column_is_empty(raw, c));
        col.submitted_at = q == "end date";
        if (q == "start date" || q == "end date") col.date_order = DateOrder::month_first;
        break;
      case SurveyTool::microsoft_forms:
        col.identifying = q == "id" || q == "last modified time";
        col.submitted_at = q == "completion time";
        break;
      case SurveyTool::google_forms: col.submitted_at = q == "timestamp"; break;
      case SurveyTool::plain_table: break;
    }
    out.columns.push_back(std::move(col));
  }
  make_keys_unique(out.columns);
  for (const auto& col : out.columns) out.table.header.push_back(col.key);
  for (std::size_t r = second ? 1 : 0; r < raw.rows.size(); ++r) out.table.rows.push_back(raw.rows[r]);
  return out;
}

}  // namespace pairwise
