#include "core/csv/csv_reader.hpp"

namespace pairwise {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (c < 0x80) n = 0;
    else if ((c & 0xE0) == 0xC0 && c >= 0xC2) n = 1;
    else if ((c & 0xF0) == 0xE0) n = 2;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4) n = 3;
    else return false;
    if (n > 0 && i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}

Result<std::vector<CsvRow>> read_csv_rows(std::string_view text, const std::string& file) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!is_valid_utf8(text))
    return Result<std::vector<CsvRow>>::failure(file, "", "the file is not UTF-8 text; save it as \"CSV UTF-8\"");
  std::vector<CsvRow> rows;
  CsvRow row;
  row.row_number = 1;
  std::string cell;
  bool in_quotes = false;
  bool cell_was_quoted = false;
  bool row_has_content = false;
  std::size_t i = 0;
  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    cell_was_quoted = false;
  };
  auto end_row = [&] {
    end_cell();
    rows.push_back(std::move(row));
    row = CsvRow{};
    row.row_number = rows.size() + 1;
    row_has_content = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          i += 2;
          continue;
        }
        in_quotes = false;
      } else {
        cell += c;
      }
      ++i;
      continue;
    }
    if (c == '"' && cell.empty() && !cell_was_quoted) {
      in_quotes = true;
      cell_was_quoted = true;
      row_has_content = true;
    } else if (c == ',') {
      end_cell();
      row_has_content = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
    } else {
      // A stray quote inside an unquoted cell is kept as text, as spreadsheets do.
      cell += c;
      row_has_content = true;
    }
    ++i;
  }
  if (in_quotes)
    return Result<std::vector<CsvRow>>::failure(file, "row " + std::to_string(row.row_number),
                                                "a quoted cell is never closed (missing \")");
  if (row_has_content || !cell.empty() || !row.cells.empty()) end_row();
  return rows;
}

Result<CsvTable> read_csv_table(std::string_view text, const std::string& file) {
  auto rows = read_csv_rows(text, file);
  if (!rows) return rows.errors();
  CsvTable table;
  bool have_header = false;
  for (auto& r : rows.value()) {
    bool blank = true;
    for (const auto& c : r.cells) blank = blank && c.find_first_not_of(" \t") == std::string::npos;
    if (blank) continue;
    if (!have_header) {
      table.header = std::move(r.cells);
      have_header = true;
    } else {
      table.rows.push_back(std::move(r));
    }
  }
  if (!have_header) return Result<CsvTable>::failure(file, "", "the file has no header row");
  return table;
}

}  // namespace pairwise
