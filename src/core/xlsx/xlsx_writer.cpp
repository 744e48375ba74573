#include "core/xlsx/xlsx_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "core/xlsx/spreadsheet_dates.hpp"
#include "core/xlsx/zip_archive.hpp"

namespace pairwise {
namespace {

constexpr const char* kMainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// Cell styles in styles.xml's cellXfs, in this order.
constexpr int kStyleHeader = 1, kStyleDate = 2, kStyleDateTime = 3;

// "_x" and four hex digits: read as an escape when an underscore follows, and one may follow
// without being in the text: the escape of the next character ("_x000D" then a form feed writes
// "_x000D_x000C_"). So the underscore is escaped whatever comes after the digits.
bool looks_like_escape(std::string_view s) {
  if (s.size() < 6 || s[1] != 'x') return false;
  for (std::size_t i = 2; i < 6; ++i)
    if (std::string_view("0123456789abcdefABCDEF").find(s[i]) == std::string_view::npos) return false;
  return true;
}

void append_escaped(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if ((c < 0x20 && c != '\t' && c != '\n') || (c == '_' && looks_like_escape(text.substr(i)))) {
          // XML cannot hold most control characters (and reads "\r" as a line end): spreadsheets
          // write them as _xHHHH_, and text that would read as such an escape begins with _x005F_.
          char escape[8];
          std::snprintf(escape, sizeof escape, "_x%04X_", c);
          out += escape;
        } else if (c == 0xEF && text.substr(i + 1, 1) == "\xBF" && text.size() > i + 2 &&
                   (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
          out += text[i + 2] == '\xBE' ? "_xFFFE_" : "_xFFFF_";  // not characters XML may hold
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

bool is_plain_number(std::string_view s) {
  std::size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
  const std::size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == start || i - start > 15) return false;  // beyond 15 digits a spreadsheet rounds it
  if (i < s.size() && s[i] == '.') {
    const std::size_t fraction = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == fraction) return false;
  }
  return i == s.size();
}

std::string column_letters(std::size_t column) {
  std::string out;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string sheet_name_of(const std::string& name) {
  std::string out;
  for (char c : name) out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  if (out.empty()) out = "Sheet1";
  // At most 31 characters, cut at a character boundary.
  std::size_t cut = 0, characters = 0;
  while (cut < out.size() && characters < 31) {
    ++cut;
    while (cut < out.size() && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) ++cut;
    ++characters;
  }
  return out.substr(0, cut);
}

void text_cell(std::string& out, const std::string& ref, std::string_view text, int style) {
  out += "<c r=\"" + ref + "\" t=\"inlineStr\"";
  if (style) out += " s=\"" + std::to_string(style) + "\"";
  out += "><is><t";
  const bool keep_spaces = !text.empty() && (text.front() == ' ' || text.back() == ' ' ||
                                             text.find_first_of("\n\t") != std::string_view::npos);
  if (keep_spaces) out += " xml:space=\"preserve\"";
  out += ">";
  append_escaped(out, text);
  out += "</t></is></c>";
}

std::string sheet_xml(const SheetTable& table) {
  std::string out = kHeader;
  out += std::string("<worksheet xmlns=\"") + kMainNamespace + "\" xmlns:r=\"" + kRelationshipNamespace + "\">";
  const std::size_t width = std::max<std::size_t>(1, table.columns.size());
  out += "<dimension ref=\"A1:" + column_letters(width - 1) + std::to_string(table.rows.size() + 1) + "\"/>";
  out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
         "state=\"frozen\"/></sheetView></sheetViews>";
  // Column widths from the longest text (in characters), so the sheet opens readable.
  if (!table.columns.empty()) {
    out += "<cols>";
    for (std::size_t k = 0; k < table.columns.size(); ++k) {
      std::size_t longest = table.columns[k].kind == SheetCellKind::date ? 19 : 0;
      auto characters = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
      };
      longest = std::max(longest, characters(table.columns[k].header));
      for (std::size_t r = 0; r < table.rows.size() && r < 500; ++r)
        if (k < table.rows[r].size()) longest = std::max(longest, characters(table.rows[r][k]));
      const std::size_t w = std::min<std::size_t>(60, std::max<std::size_t>(8, longest + 2));
      out += "<col min=\"" + std::to_string(k + 1) + "\" max=\"" + std::to_string(k + 1) + "\" width=\"" +
             std::to_string(w) + "\" customWidth=\"1\"/>";
    }
    out += "</cols>";
  }
  out += "<sheetData><row r=\"1\">";
  for (std::size_t k = 0; k < table.columns.size(); ++k)
    text_cell(out, column_letters(k) + "1", table.columns[k].header, kStyleHeader);
  out += "</row>";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string row_number = std::to_string(r + 2);
    out += "<row r=\"" + row_number + "\">";
    for (std::size_t k = 0; k < table.columns.size() && k < table.rows[r].size(); ++k) {
      const std::string& text = table.rows[r][k];
      if (text.empty()) continue;
      const std::string ref = column_letters(k) + row_number;
      const SheetCellKind kind = table.columns[k].kind;
      if (kind == SheetCellKind::number && is_plain_number(text)) {
        out += "<c r=\"" + ref + "\"><v>" + text + "</v></c>";
      } else if (const auto serial = kind == SheetCellKind::date ? iso_to_serial(text) : std::nullopt) {
        char value[32];
        std::snprintf(value, sizeof value, "%.10g", *serial);
        const int style = text.size() == 10 ? kStyleDate : kStyleDateTime;
        out += "<c r=\"" + ref + "\" s=\"" + std::to_string(style) + "\"><v>" + value + "</v></c>";
      } else {
        text_cell(out, ref, text, 0);
      }
    }
    out += "</row>";
  }
  out += "</sheetData></worksheet>";
  return out;
}

// Fonts, fills and borders as Excel requires them present (fills 0 and 1 are reserved), and the
// cell styles: 0 plain, 1 bold header, 2 date, 3 date and time.
std::string styles_xml() {
  return std::string(kHeader) + "<styleSheet xmlns=\"" + kMainNamespace + "\">" +
         "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
         "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
         "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
         "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
         "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
         "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
         "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
         "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
         "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
         "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         "</styleSheet>";
}

}  // namespace

std::string write_xlsx(const SheetTable& table) {
  std::string sheet_name;
  append_escaped(sheet_name, sheet_name_of(table.name));
  ZipWriter zip;
  zip.add("[Content_Types].xml",
          std::string(kHeader) +
              "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              "<Override PartName=\"/xl/workbook.xml\" "
              "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
              "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              "<Override PartName=\"/xl/styles.xml\" "
              "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
              "</Types>");
  zip.add("_rels/.rels",
          std::string(kHeader) +
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" "
              "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
              "Target=\"xl/workbook.xml\"/></Relationships>");
  zip.add("xl/workbook.xml", std::string(kHeader) + "<workbook xmlns=\"" + kMainNamespace + "\" xmlns:r=\"" +
                                 kRelationshipNamespace + "\"><sheets><sheet name=\"" + sheet_name +
                                 "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  zip.add("xl/_rels/workbook.xml.rels",
          std::string(kHeader) +
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" "
              "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
              "Target=\"worksheets/sheet1.xml\"/>"
              "<Relationship Id=\"rId2\" "
              "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
              "Target=\"styles.xml\"/></Relationships>");
  zip.add("xl/styles.xml", styles_xml());
  zip.add("xl/worksheets/sheet1.xml", sheet_xml(table));
  return zip.finish();
}

}  // namespace pairwise
