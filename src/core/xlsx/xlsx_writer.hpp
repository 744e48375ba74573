#pragma once
// Spreadsheet exports as Excel workbooks (.xlsx): one sheet, a bold frozen header, numbers as
// numbers and dates as real date cells. Every text is an inline string, so no cell is ever a
// formula, whatever it begins with ("=HYPERLINK(…)" stays text).
#include <string>
#include <vector>

namespace pairwise {

enum class SheetCellKind {
  text,
  number,  // a decimal number ("12", "-5", "2.5"); any other text in the column stays text
  date,    // "YYYY-MM-DD", or a timestamp "YYYY-MM-DDTHH:MM:SS[Z]"; any other text stays text
};

struct SheetColumn {
  std::string header;
  SheetCellKind kind = SheetCellKind::text;
};

struct SheetTable {
  std::string name = "Sheet1";  // the sheet's tab, at most 31 characters, none of []:*?/\ (replaced)
  std::vector<SheetColumn> columns;
  std::vector<std::vector<std::string>> rows;  // one text per column (missing cells are empty)
};

std::string write_xlsx(const SheetTable& table);

// The MIME type of an .xlsx download.
inline constexpr const char* kXlsxMimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace pairwise
