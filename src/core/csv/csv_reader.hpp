#pragma once
// RFC 4180 CSV: quoted fields with embedded commas, quotes ("") and line breaks, CRLF or LF,
// UTF-8 with or without a byte-order mark (survey tools add one).
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace pairwise {

struct CsvRow {
  std::size_t row_number = 0;  // as a spreadsheet shows it: the header is row 1
  std::vector<std::string> cells;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
};

// Records all rows; an unterminated quote or invalid UTF-8 is an error naming the row.
Result<std::vector<CsvRow>> read_csv_rows(std::string_view text, const std::string& file_name);
// The first row is the header; blank lines are skipped.
Result<CsvTable> read_csv_table(std::string_view text, const std::string& file_name);

bool is_valid_utf8(std::string_view text);

}  // namespace pairwise
