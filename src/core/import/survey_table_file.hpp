#pragma once
// A survey export as a table, whichever form it came in: a CSV file or an Excel workbook (.xlsx).
// The one place that tells them apart, by their bytes rather than their names.
#include <string>
#include <string_view>

#include "core/csv/csv_reader.hpp"
#include "core/result.hpp"

namespace pairwise {

// ".csv", ".xlsx" or ".xls" in any letter case: read as a survey export rather than as a JSON document.
bool is_survey_table_file_name(const std::string& name);

// An XLSX workbook's first sheet when the bytes are a ZIP archive, else CSV text. An old binary
// Excel file (.xls), a password-protected workbook, or a ".xlsx" that is no workbook, is refused
// with a message saying what to save it as.
Result<CsvTable> read_survey_table(std::string_view bytes, const std::string& file_name);

}  // namespace pairwise
