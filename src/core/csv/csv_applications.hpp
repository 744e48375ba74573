#pragma once
// Applications from a survey tool's CSV export, through a column mapping. Each row either
// becomes a Person or lists its problems with its row number; the coordinator decides about
// bad rows (fix the file, or skip them).
#include <optional>
#include <string>
#include <vector>

#include "core/csv/column_mapping.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/records/person.hpp"

namespace pairwise {

struct CsvApplicationRow {
  std::size_t row_number = 0;
  std::optional<Person> person;  // set when the row is usable
  Errors errors;                 // path "row N, column \"Header\""
};

std::vector<std::string> split_multi_value(const std::string& cell, const std::string& separators);

std::vector<CsvApplicationRow> applications_from_csv(const CsvTable& table, const ColumnMapping& mapping,
                                                     const std::string& scheme_id, const std::string& file_name,
                                                     IdGenerator& ids, const Clock& clock);

}  // namespace pairwise
