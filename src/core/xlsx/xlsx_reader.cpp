#include "core/xlsx/xlsx_reader.hpp"

#include "core/text/utf8.hpp"

#include <pugixml.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include "core/xlsx/spreadsheet_dates.hpp"
#include "core/xlsx/zip_archive.hpp"

namespace pairwise {
namespace {

constexpr std::size_t kMaxColumns = 16384;  // XFD, the last column a spreadsheet has
constexpr std::size_t kMaxRows = 1048576;

// Element and attribute names without their namespace prefix: most writers use none ("c") but
// some write every name prefixed ("x:c"), and the relationship id is "r:id" under any prefix.
std::string_view local_name(const char* name) {
  std::string_view s(name);
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

std::string_view attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (local_name(a.name()) == name) return a.value();
  return {};
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Spreadsheet text escapes characters XML cannot hold as "_xHHHH_" (UTF-16 code units: a line's
// carriage return is "_x000D_", an underscore that would look like an escape "_x005F_").
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  auto unit_at = [&](std::size_t i) -> int {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    int v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
      const int h = hex_digit(s[k]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const int unit = unit_at(i);
    if (unit < 0) {
      out += s[i++];
      continue;
    }
    i += 7;
    auto cp = static_cast<std::uint32_t>(unit);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const int low = unit_at(i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

// A string item (<si>, or a cell's <is>): its own <t>, or the <t> of each rich-text run, without
// the phonetic guides (<rPh>) East Asian workbooks add above the text.
std::string string_item_text(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = local_name(c.name());
    if (name == "t") out += c.text().get();
    else if (name == "r") out += child(c, "t").text().get();
  }
  return decode_escapes(out);
}

struct Relationship {
  std::string type;
  std::string target;  // a part name, resolved
};

// "worksheets/sheet1.xml" from "xl/workbook.xml" is "xl/worksheets/sheet1.xml"; "/xl/x.xml" is absolute.
std::string resolve_target(std::string_view source_part, std::string_view target) {
  std::vector<std::string> parts;
  if (target.empty() || target.front() != '/') {
    const auto slash = source_part.rfind('/');
    std::string_view dir = slash == std::string_view::npos ? std::string_view() : source_part.substr(0, slash);
    while (!dir.empty()) {
      const auto next = dir.find('/');
      parts.emplace_back(dir.substr(0, next));
      dir = next == std::string_view::npos ? std::string_view() : dir.substr(next + 1);
    }
  }
  while (!target.empty()) {
    const auto next = target.find('/');
    const std::string_view piece = target.substr(0, next);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.emplace_back(piece);
    }
    target = next == std::string_view::npos ? std::string_view() : target.substr(next + 1);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string rels_part_of(std::string_view part) {
  const auto slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) + ".rels";
}

class WorkbookReader {
 public:
  WorkbookReader(ZipReader zip, std::string file) : zip_(std::move(zip)), file_(std::move(file)) {}

  Result<CsvTable> read() {
    // The package's relationships name the workbook part (xl/workbook.xml by convention).
    std::string workbook_part = "xl/workbook.xml";
    if (zip_.has("_rels/.rels")) {
      auto rels = read_relationships("_rels/.rels", "");
      if (!rels) return rels.errors();
      for (const auto& [id, r] : rels.value())
        if (ends_with(r.type, "/officeDocument")) workbook_part = r.target;
    }
    pugi::xml_document workbook;
    if (auto loaded = load(workbook_part, workbook); !loaded.empty()) return loaded;
    const pugi::xml_node root = workbook.document_element();
    const std::string_view date1904 = attribute(child(root, "workbookPr"), "date1904");
    date1904_ = date1904 == "1" || date1904 == "true";

    std::map<std::string, Relationship> rels;
    if (zip_.has(rels_part_of(workbook_part))) {
      auto read_rels = read_relationships(rels_part_of(workbook_part), workbook_part);
      if (!read_rels) return read_rels.errors();
      rels = std::move(read_rels.value());
    }
    // The first worksheet in tab order (a chart sheet there is passed over).
    std::string sheet_part;
    for (pugi::xml_node s = child(child(root, "sheets"), "sheet"); s; s = s.next_sibling()) {
      if (local_name(s.name()) != "sheet") continue;
      const auto it = rels.find(std::string(attribute(s, "id")));
      if (it == rels.end() || !ends_with(it->second.type, "/worksheet")) continue;
      sheet_name_ = s.attribute("name").value();
      sheet_part = it->second.target;
      break;
    }
    if (sheet_part.empty())
      return Result<CsvTable>::failure(file_, "part " + workbook_part, "the workbook has no worksheet");
    std::string shared_part, styles_part;
    for (const auto& [id, r] : rels) {
      if (ends_with(r.type, "/sharedStrings")) shared_part = r.target;
      if (ends_with(r.type, "/styles")) styles_part = r.target;
    }
    if (!shared_part.empty() && zip_.has(shared_part))
      if (auto e = read_shared_strings(shared_part); !e.empty()) return e;
    if (!styles_part.empty() && zip_.has(styles_part))
      if (auto e = read_styles(styles_part); !e.empty()) return e;
    return read_sheet(sheet_part);
  }

 private:
  Errors part_error(const std::string& part, const std::string& message) const {
    return {ValidationError{file_, "part " + part, message}};
  }
  Errors cell_error(const std::string& cell, const std::string& message) const {
    return {ValidationError{file_, "sheet \"" + sheet_name_ + "\", cell " + cell, message}};
  }

  // Parses a part in place: the document points into `texts_`, which keeps every part's bytes.
  Errors load(const std::string& part, pugi::xml_document& doc) {
    auto bytes = zip_.read(part);
    if (!bytes) return bytes.errors();
    texts_.push_back(std::move(bytes.value()));
    std::string& text = texts_.back();
    // Entities are only the XML ones (pugixml expands no DTD), so no "billion laughs".
    const auto parsed = doc.load_buffer_inplace(text.data(), text.size(),
                                                pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
    if (!parsed)
      return part_error(part, std::string("is not well-formed XML (") + parsed.description() + " at byte " +
                                  std::to_string(parsed.offset) + ")");
    if (!doc.document_element()) return part_error(part, "is empty");
    return {};
  }

  Result<std::map<std::string, Relationship>> read_relationships(const std::string& part, const std::string& source) {
    pugi::xml_document doc;
    if (auto e = load(part, doc); !e.empty()) return e;
    std::map<std::string, Relationship> out;
    for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
      if (local_name(r.name()) != "Relationship" || attribute(r, "TargetMode") == "External") continue;
      out[std::string(attribute(r, "Id"))] = {std::string(attribute(r, "Type")),
                                             resolve_target(source, attribute(r, "Target"))};
    }
    return out;
  }

  Errors read_shared_strings(const std::string& part) {
    pugi::xml_document doc;
    if (auto e = load(part, doc); !e.empty()) return e;
    for (pugi::xml_node si = doc.document_element().first_child(); si; si = si.next_sibling())
      if (local_name(si.name()) == "si") shared_.push_back(string_item_text(si));
    return {};
  }

  // Which number formats show a date or a time. Built in: 14-17 dates, 18-21 times, 22 date and
  // time, 45-47 times and durations; 27-36 and 50-58 are the East Asian dates.
  static std::optional<DateShown> builtin_format(long id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return DateShown::date;
    if (id == 22) return DateShown::date_time;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateShown::time;
    return std::nullopt;
  }
  // A custom format shows a date when, outside quoted text, escapes and [colour]/[$-locale]
  // brackets, its first section uses the letters y, m, d (date) or h, s (time). [h], [mm] and
  // [ss] are elapsed times.
  static std::optional<DateShown> custom_format(std::string_view code) {
    bool date = false, time = false, month_or_minute = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
      const char c = static_cast<char>(code[i] >= 'A' && code[i] <= 'Z' ? code[i] - 'A' + 'a' : code[i]);
      if (c == ';') break;
      if (c == '"') {
        const auto close = code.find('"', i + 1);
        if (close == std::string_view::npos) break;
        i = close;
      } else if (c == '\\' || c == '_' || c == '*') {
        ++i;  // the next character is shown as it is (or is spacing)
      } else if (c == '[') {
        const auto close = code.find(']', i + 1);
        if (close == std::string_view::npos) break;
        const std::string_view inside = code.substr(i + 1, close - i - 1);
        if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) time = true;
        i = close;
      } else if (c == 'y' || c == 'd') {
        date = true;
      } else if (c == 'h' || c == 's') {
        time = true;
      } else if (c == 'm') {
        month_or_minute = true;
      } else if (c == 'a' && (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm")) {
        time = true;
        i += 4;
      }
    }
    if (month_or_minute && !time) date = true;  // "mmm yyyy"; with h or s, m is the minutes
    if (date && time) return DateShown::date_time;
    if (date) return DateShown::date;
    if (time) return DateShown::time;
    return std::nullopt;
  }

  Errors read_styles(const std::string& part) {
    pugi::xml_document doc;
    if (auto e = load(part, doc); !e.empty()) return e;
    const pugi::xml_node root = doc.document_element();
    std::map<long, std::optional<DateShown>> custom;
    for (pugi::xml_node f = child(child(root, "numFmts"), "numFmt"); f; f = f.next_sibling())
      if (local_name(f.name()) == "numFmt")
        custom[std::strtol(std::string(attribute(f, "numFmtId")).c_str(), nullptr, 10)] =
            custom_format(attribute(f, "formatCode"));
    for (pugi::xml_node xf = child(child(root, "cellXfs"), "xf"); xf; xf = xf.next_sibling()) {
      if (local_name(xf.name()) != "xf") continue;
      const long id = std::strtol(std::string(attribute(xf, "numFmtId")).c_str(), nullptr, 10);
      const auto it = custom.find(id);
      date_styles_.push_back(it != custom.end() ? it->second : builtin_format(id));
    }
    return {};
  }

  // "AA12" -> column 26 (from 0); false if the reference has no letters or is beyond XFD.
  static bool column_of(std::string_view ref, std::size_t& column) {
    std::size_t i = 0, value = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
      value = value * 26 + static_cast<std::size_t>((ref[i] | 0x20) - 'a' + 1);
      if (value > kMaxColumns) return false;
      ++i;
    }
    if (i == 0) return false;
    column = value - 1;
    return true;
  }

  static std::string column_letters(std::size_t column) {
    std::string out;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
  }

  static std::string number_text(double v) {
    char buffer[40];
    if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buffer, sizeof buffer, "%.0f", v);
    else std::snprintf(buffer, sizeof buffer, "%.15g", v);
    std::string out = buffer;
    return out == "-0" ? "0" : out;
  }

  static bool parse_number(std::string_view text, double& value) {
    if (text.empty() || text.size() > 64) return false;
    char buffer[72];
    text.copy(buffer, text.size());
    buffer[text.size()] = '\0';
    char* end = nullptr;
    value = std::strtod(buffer, &end);
    return end == buffer + text.size() && std::isfinite(value);
  }

  // The text a cell shows, or an error naming the cell.
  Errors cell_text(pugi::xml_node c, const std::string& ref, std::string& out) {
    const std::string_view type = attribute(c, "t");
    const std::string_view value = child(c, "v").text().get();
    if (type == "s") {
      double index = 0;
      if (!parse_number(value, index) || index < 0 || index != std::floor(index))
        return cell_error(ref, "has a shared-string number \"" + std::string(value) + "\" that is not a number");
      if (index >= static_cast<double>(shared_.size()))
        return cell_error(ref, "refers to shared string " + number_text(index) + ", but the workbook has only " +
                                   std::to_string(shared_.size()));
      out = shared_[static_cast<std::size_t>(index)];
    } else if (type == "inlineStr") {
      out = string_item_text(child(c, "is"));
    } else if (type == "b") {
      out = value == "1" || value == "true" ? "TRUE" : "FALSE";
    } else if (type == "str" || type == "e" || type == "d") {
      out = decode_escapes(value);  // a formula's text result, an error such as #N/A, an ISO date
    } else if (value.empty()) {
      out.clear();
    } else {
      double number = 0;
      if (!parse_number(value, number))
        return cell_error(ref, "holds \"" + std::string(value.substr(0, 40)) + "\" where a number belongs");
      const long style = std::strtol(std::string(attribute(c, "s")).c_str(), nullptr, 10);
      std::optional<DateShown> shown;
      if (style >= 0 && static_cast<std::size_t>(style) < date_styles_.size()) shown = date_styles_[static_cast<std::size_t>(style)];
      std::optional<std::string> date;
      if (shown) date = serial_to_iso(number, date1904_, *shown);
      out = date ? *date : number_text(number);
    }
    if (!is_valid_utf8(out)) return cell_error(ref, "is not valid UTF-8 text");
    return {};
  }

  Result<CsvTable> read_sheet(const std::string& part) {
    pugi::xml_document doc;
    if (auto e = load(part, doc); !e.empty()) return e;
    const pugi::xml_node data = child(doc.document_element(), "sheetData");
    CsvTable table;
    bool have_header = false;
    std::size_t previous_row = 0, cells_so_far = 0;
    std::string text;
    for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
      if (local_name(row.name()) != "row") continue;
      std::size_t row_number = previous_row + 1;
      if (const std::string_view r = attribute(row, "r"); !r.empty()) {
        row_number = std::strtoul(std::string(r).c_str(), nullptr, 10);
        if (row_number == 0 || row_number > kMaxRows || row_number <= previous_row)
          return Result<CsvTable>::failure(file_, "sheet \"" + sheet_name_ + "\"",
                                           "has a row numbered \"" + std::string(r) + "\" after row " +
                                               std::to_string(previous_row) + "; rows must count up from 1");
      }
      previous_row = row_number;
      CsvRow out;
      out.row_number = row_number;
      std::size_t column = 0;
      bool blank = true;
      for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
        if (local_name(c.name()) != "c") continue;
        if (const std::string_view r = attribute(c, "r"); !r.empty()) {
          if (!column_of(r, column))
            return Result<CsvTable>::failure(file_, "sheet \"" + sheet_name_ + "\", row " + std::to_string(row_number),
                                             "has a cell at \"" + std::string(r.substr(0, 20)) +
                                                 "\", which is not a cell reference within A to XFD");
        }
        if (column >= kMaxColumns)
          return Result<CsvTable>::failure(file_, "sheet \"" + sheet_name_ + "\", row " + std::to_string(row_number),
                                           "has cells beyond column XFD");
        const std::string ref = column_letters(column) + std::to_string(row_number);
        if (auto e = cell_text(c, ref, text); !e.empty()) return e;
        if (!text.empty()) {
          if (column >= out.cells.size()) {
            cells_so_far += column + 1 - out.cells.size();
            if (cells_so_far > kMaxXlsxCells)
              return cell_error(ref, "brings the sheet to more than " + std::to_string(kMaxXlsxCells) +
                                         " cells, more than a survey export holds (a damaged file?)");
            out.cells.resize(column + 1);
          }
          blank = blank && text.find_first_not_of(" \t") == std::string::npos;
          out.cells[column] = std::move(text);
          text.clear();
        }
        ++column;
      }
      if (blank) continue;
      if (!have_header) {
        table.header = std::move(out.cells);
        have_header = true;
      } else {
        table.rows.push_back(std::move(out));
      }
    }
    if (!have_header)
      return Result<CsvTable>::failure(file_, "sheet \"" + sheet_name_ + "\"", "the sheet has no header row");
    // Every row as wide as the header, as a CSV export's rows are.
    for (CsvRow& r : table.rows) {
      if (r.cells.size() >= table.header.size()) continue;
      cells_so_far += table.header.size() - r.cells.size();
      if (cells_so_far > kMaxXlsxCells)
        return Result<CsvTable>::failure(file_, "sheet \"" + sheet_name_ + "\"",
                                         "has more than " + std::to_string(kMaxXlsxCells) + " cells");
      r.cells.resize(table.header.size());
    }
    return table;
  }

  ZipReader zip_;
  std::string file_;
  std::deque<std::string> texts_;  // every part's bytes, which the parsed documents point into (a deque: never moved)
  std::vector<std::string> shared_;
  std::vector<std::optional<DateShown>> date_styles_;  // by cell style index
  bool date1904_ = false;
  std::string sheet_name_;
};

}  // namespace

bool looks_like_xlsx(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

Result<CsvTable> read_xlsx_table(std::string_view bytes, const std::string& file_name) {
  auto zip = ZipReader::open(bytes, file_name);
  if (!zip) return zip.errors();
  return WorkbookReader(std::move(zip.value()), file_name).read();
}

}  // namespace pairwise
