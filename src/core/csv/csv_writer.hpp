#pragma once
// CSV that opens cleanly in Excel, LibreOffice and Google Sheets: UTF-8 with a byte-order mark,
// CRLF line ends, quoting where needed, and formula injection neutralised.
#include <string>
#include <string_view>
#include <vector>

namespace pairwise {

// A cell beginning with =, +, -, @ (or a tab / carriage return) would run as a formula in a
// spreadsheet; a leading apostrophe makes it text. Plain numbers such as -5 are left alone
// because they cannot be formulas and should stay numbers.
std::string neutralise_formula(std::string_view cell);
std::string quote_csv_cell(std::string_view cell);
std::string write_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace pairwise
