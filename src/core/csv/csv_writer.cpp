#include "core/csv/csv_writer.hpp"

namespace pairwise {

namespace {

bool is_plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') digits = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digits;
}

}  // namespace

std::string neutralise_formula(std::string_view cell) {
  if (cell.empty()) return std::string();
  const char c = cell.front();
  if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0') && !is_plain_number(cell))
    return "'" + std::string(cell);
  return std::string(cell);
}

std::string quote_csv_cell(std::string_view cell) {
  const bool padded = !cell.empty() && (cell.front() == ' ' || cell.back() == ' ');
  if (!padded && cell.find_first_of(std::string_view(",;\"\r\n\0", 6)) == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += quote_csv_cell(neutralise_formula(row[i]));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace pairwise
