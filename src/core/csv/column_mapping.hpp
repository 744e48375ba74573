#pragma once
// How the columns of a survey tool's export become application fields. Suggested from the
// recognised layout (core/intake/survey_table.hpp) and the questions' wording, editable by the
// coordinator, and saved with the scheme for the next intake.
// Since format v5 several columns may feed one list field (the option columns of a "select all
// that apply" question all feed topics); any other field takes one column.
#include <string>
#include <vector>

#include "core/intake/date_order.hpp"
#include "core/validation/json_reader.hpp"

namespace pairwise {

struct SurveyTable;

struct ColumnBinding {
  std::string header;  // the column's key (see SurveyColumn::key): its header text, or "Question [Option]"
  std::string field;   // an application field key (see application_field_keys()), "" = ignore
  // Slashed dates in this column: month or day first; automatic = decided from the values.
  DateOrder date_order = DateOrder::automatic;
  bool operator==(const ColumnBinding&) const = default;
};

struct ColumnMapping {
  std::vector<ColumnBinding> columns;
  // Separators for multi-value cells such as "Spanish; English" (and the word " and ").
  std::string multi_value_separators = ";,/\n";
  bool operator==(const ColumnMapping&) const = default;

  std::string field_for(const std::string& header) const;
  DateOrder date_order_for(const std::string& header) const;
  // Binds `header` to `field`: a single-valued field leaves the column that held it; a list field
  // keeps its other columns.
  void bind(const std::string& header, const std::string& field);
  std::vector<std::string> headers_of(const std::string& field) const;
};

// Field keys a column can map to, e.g. "email", "languages", "project.barriers".
const std::vector<std::string>& application_field_keys();
bool is_multi_value_field(const std::string& field);
// What the coordinator reads for a field key: "Applied on", "Years of experience".
std::string field_label(const std::string& field);

// Suggests a field for each header from its wording ("E-mail address" -> "email",
// "Preferred language(s)" -> "languages"); unknown headers map to "".
ColumnMapping suggest_mapping(const std::vector<std::string>& headers);
// The same for a recognised survey: its submission time becomes "applied_on", identifying
// columns are left out, and each option column of a question takes the question's field.
ColumnMapping suggest_mapping(const SurveyTable& survey);

// The mapping for a new file's headers: the coordinator's saved choice for every header it knows,
// a suggestion for the others (never binding a single-valued field twice), in the file's column order.
ColumnMapping mapping_for_headers(const ColumnMapping& saved, const std::vector<std::string>& headers);
ColumnMapping mapping_for_survey(const ColumnMapping& saved, const SurveyTable& survey);

Json encode(const ColumnMapping& mapping);
void decode(const JsonReader& in, ColumnMapping& mapping);

}  // namespace pairwise
