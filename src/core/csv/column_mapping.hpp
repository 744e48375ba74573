#pragma once
// How the columns of a survey tool's CSV export become application fields. Suggested from the
// header names, editable by the coordinator, and saved with the scheme for the next intake.
#include <string>
#include <vector>

#include "core/validation/json_reader.hpp"

namespace pairwise {

struct ColumnBinding {
  std::string header;  // the CSV column's header text
  std::string field;   // an application field key (see application_field_keys()), "" = ignore
  bool operator==(const ColumnBinding&) const = default;
};

struct ColumnMapping {
  std::vector<ColumnBinding> columns;
  // Separators for multi-value cells such as "Spanish; English".
  std::string multi_value_separators = ";,/\n";
  bool operator==(const ColumnMapping&) const = default;

  std::string field_for(const std::string& header) const;
};

// Field keys a column can map to, e.g. "email", "languages", "project.barriers".
const std::vector<std::string>& application_field_keys();
bool is_multi_value_field(const std::string& field);

// Suggests a field for each header from its wording ("E-mail address" -> "email",
// "Preferred language(s)" -> "languages"); unknown headers map to "".
ColumnMapping suggest_mapping(const std::vector<std::string>& headers);

// The mapping for a new file's headers: the coordinator's saved choice for every header it knows,
// a suggestion for the others (never binding a field twice), in the file's column order.
ColumnMapping mapping_for_headers(const ColumnMapping& saved, const std::vector<std::string>& headers);

Json encode(const ColumnMapping& mapping);
void decode(const JsonReader& in, ColumnMapping& mapping);

}  // namespace pairwise
