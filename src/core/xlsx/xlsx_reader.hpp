#pragma once
// Survey exports saved as Excel workbooks (.xlsx, Office Open XML): the first worksheet read as
// the same table a CSV export gives, so everything after reading treats both alike.
#include <string>
#include <string_view>

#include "core/csv/csv_reader.hpp"
#include "core/result.hpp"

namespace pairwise {

// Starts like a ZIP archive, as every XLSX workbook does.
bool looks_like_xlsx(std::string_view bytes);

// The first worksheet in the workbook's tab order. Cells are the text the spreadsheet shows, in
// plain form: shared and inline strings (rich text joined), numbers (whole numbers without ".0",
// others to 15 significant digits), TRUE/FALSE, a formula's last computed value (never the
// formula), and date cells (by their number format) as ISO 8601 "YYYY-MM-DD", or
// "YYYY-MM-DDTHH:MM:SS" when they hold a time, in the workbook's own date system (1900 or 1904).
// A cell reference ("AA12") places each cell, so missing cells stay empty. The first non-blank
// row is the header; blank rows are skipped and every row keeps its spreadsheet row number.
// Errors name the file and the part, sheet or cell; nothing is read past the zip-bomb limits.
Result<CsvTable> read_xlsx_table(std::string_view bytes, const std::string& file_name);

// The most cells (empty ones between filled ones included) a sheet may give: some 50 columns of
// 100,000 answers, and a guard against a few compressed kilobytes that claim billions of cells.
inline constexpr std::size_t kMaxXlsxCells = 5'000'000;

}  // namespace pairwise
