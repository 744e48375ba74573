#include "core/import/survey_table_file.hpp"

#include "core/xlsx/xlsx_reader.hpp"

namespace pairwise {
namespace {

bool has_extension(const std::string& name, std::string_view extension) {
  if (name.size() < extension.size()) return false;
  for (std::size_t i = 0; i < extension.size(); ++i) {
    char c = name[name.size() - extension.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != extension[i]) return false;
  }
  return true;
}

// Microsoft's Compound File format: Excel 97-2003 workbooks, and Excel's encrypted workbooks.
bool looks_like_compound_file(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

}  // namespace

bool is_survey_table_file_name(const std::string& name) {
  // ".xls" too, so an old Excel file is refused with what to save it as rather than as bad JSON.
  return has_extension(name, ".csv") || has_extension(name, ".xlsx") || has_extension(name, ".xls");
}

Result<CsvTable> read_survey_table(std::string_view bytes, const std::string& file_name) {
  if (looks_like_xlsx(bytes)) return read_xlsx_table(bytes, file_name);
  if (looks_like_compound_file(bytes))
    return Result<CsvTable>::failure(
        file_name, "",
        "is an Excel 97-2003 workbook (.xls) or a password-protected one, which cannot be read: open it in your "
        "spreadsheet and save it as \"Excel Workbook (.xlsx)\" without a password, or as \"CSV UTF-8\"");
  if (has_extension(file_name, ".xlsx"))
    return Result<CsvTable>::failure(file_name, "",
                                     "is not an Excel workbook (an .xlsx file is a ZIP archive, and this one is not): "
                                     "it may be cut short; download or save it again");
  return read_csv_table(bytes, file_name);
}

}  // namespace pairwise
