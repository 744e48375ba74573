#pragma once
// CSV that opens cleanly in Excel, LibreOffice and Google Sheets: UTF-8 with a byte-order mark,
// CRLF line ends, quoting where needed, and formula injection neutralised.
#include <string>
#include <string_view>
#include <vector>

namespace pairwise {

// The one CSV writer: every CSV the app and the command line write goes through write_csv, so
// every export is neutralised and quoted the same way.

// A cell beginning with =, +, -, @, a tab, a carriage return or NUL would run as a formula in a
// spreadsheet (or hide what follows); a leading apostrophe makes it text. Plain numbers such as
// -5 are left alone because they cannot be formulas and should stay numbers.
std::string neutralise_formula(std::string_view cell);
// Quotes a cell holding the separator of either convention (`,` and `;`, which European
// spreadsheets split on), a quote, a line break, or leading/trailing spaces (which readers trim).
std::string quote_csv_cell(std::string_view cell);
std::string write_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace pairwise
