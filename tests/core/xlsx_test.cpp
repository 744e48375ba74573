// Survey exports as Excel workbooks: the reader on the survey tools' layouts (fixtures made by
// tests/fixtures/xlsx/make_fixtures.py), on damaged and hostile files, and the writer read back.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "core/import/batch_import.hpp"
#include "core/import/survey_table_file.hpp"
#include "core/reports/csv_exports.hpp"
#include "core/xlsx/spreadsheet_dates.hpp"
#include "core/xlsx/xlsx_reader.hpp"
#include "core/xlsx/xlsx_writer.hpp"
#include "core/xlsx/zip_archive.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

std::string fixture(const std::string& name) { return test::read_source_file("tests/fixtures/xlsx/" + name); }

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook from hand-written parts, to put exactly the XML a test needs in front of the reader.
std::string workbook(const std::string& sheet_data, const std::string& shared_strings = "",
                     const std::string& styles = "", const std::string& workbook_pr = "") {
  ZipWriter zip;
  zip.add("_rels/.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
          "Id=\"rId1\" Type=\"" + kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  zip.add("xl/workbook.xml", "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\">" + workbook_pr +
                                 "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"" + kRel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
  if (!shared_strings.empty()) {
    rels += "<Relationship Id=\"rId2\" Type=\"" + kRel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    zip.add("xl/sharedStrings.xml", "<sst xmlns=\"" + kMain + "\">" + shared_strings + "</sst>");
  }
  if (!styles.empty()) {
    rels += "<Relationship Id=\"rId3\" Type=\"" + kRel + "/styles\" Target=\"styles.xml\"/>";
    zip.add("xl/styles.xml", "<styleSheet xmlns=\"" + kMain + "\">" + styles + "</styleSheet>");
  }
  zip.add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  zip.add("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + kMain + "\"><sheetData>" + sheet_data + "</sheetData></worksheet>");
  return zip.finish();
}

// Sets the 32-bit field at `offset` of the central-directory entry of `part`.
void patch_directory(std::string& zip, const std::string& part, std::size_t offset, std::uint32_t value) {
  std::size_t at = zip.rfind(part);  // the directory comes after the local headers
  REQUIRE(at != std::string::npos);
  at -= 46;
  REQUIRE(zip.compare(at, 4, "PK\x01\x02", 4) == 0);
  for (int k = 0; k < 4; ++k) zip[at + offset + static_cast<std::size_t>(k)] = static_cast<char>(value >> (8 * k) & 0xff);
}

std::string cell(const CsvTable& t, std::size_t row, std::size_t column) {
  REQUIRE(row < t.rows.size());
  REQUIRE(column < t.rows[row].cells.size());
  return t.rows[row].cells[column];
}

}  // namespace

TEST_CASE("a Microsoft Forms export reads as its table: date cells as ISO times, every script and symbol intact") {
  const std::string bytes = fixture("microsoft-forms.xlsx");
  REQUIRE(looks_like_xlsx(bytes));
  auto t = read_xlsx_table(bytes, "forms.xlsx");
  INFO(t.error_text());
  REQUIRE(t.ok());
  CHECK(t->header == std::vector<std::string>{"ID", "Start time", "Completion time", "Email", "Name",
                                              "Do you want to be a mentor or a mentee?",
                                              "Which topics would you like to discuss?", "Years of experience",
                                              "Country", "Tell us about yourself"});
  REQUIRE(t->rows.size() == 8);
  CHECK(t->rows[0].row_number == 2);
  CHECK(t->rows[6].row_number == 8);
  CHECK(t->rows[7].row_number == 9);
  // ID 1 is a whole number: no ".0"; 7.5 years keeps its fraction.
  CHECK(cell(t.value(), 0, 0) == "1");
  CHECK(cell(t.value(), 0, 1) == "2024-05-01T09:50:24");
  CHECK(cell(t.value(), 0, 2) == "2024-05-01T10:06:09");
  CHECK(cell(t.value(), 0, 3) == "zoë.martínez@example.org");
  CHECK(cell(t.value(), 0, 6) == "Leadership;Research methods;");
  CHECK(cell(t.value(), 0, 7) == "12");
  CHECK(cell(t.value(), 0, 9) == "She said \"yes\";\nthen left");
  CHECK(cell(t.value(), 1, 4) == "Ελένη Παπαδοπούλου");
  CHECK(cell(t.value(), 2, 4) == "Дмитрий Иванов");
  CHECK(cell(t.value(), 2, 7) == "7.5");
  CHECK(cell(t.value(), 3, 3) == "anonymous");
  CHECK(cell(t.value(), 3, 4).empty());  // no cell in the sheet: an empty answer, the columns stay in place
  CHECK(cell(t.value(), 3, 8).empty());
  CHECK(cell(t.value(), 4, 4) == "Nguyễn Thị Minh Khai");
  CHECK(cell(t.value(), 4, 9) == "Xin chào 👋");
  CHECK(cell(t.value(), 5, 4) == "李伟");  // rich-text runs joined, the phonetic guide left out
  CHECK(cell(t.value(), 5, 6) == "研究方法;");
  CHECK(cell(t.value(), 6, 4) == "فاطمة الزهراء");
  CHECK(cell(t.value(), 6, 1) == "2024-05-04T00:00:00");  // midnight, in a format that shows the time
  CHECK(cell(t.value(), 6, 7) == "0");
  for (const auto& r : t->rows) CHECK(r.cells.size() == t->header.size());
}

TEST_CASE("a SurveyMonkey XLSX keeps its second header row as the first row, for the survey reader to recognise") {
  auto t = read_xlsx_table(fixture("surveymonkey.xlsx"), "monkey.xlsx");
  INFO(t.error_text());
  REQUIRE(t.ok());
  REQUIRE(t->header.size() == 13);
  CHECK(t->header[9] == "Which themes interest you? (select all that apply)");
  CHECK(t->header[10].empty());  // merged over the options: the following cells are empty
  REQUIRE(t->rows.size() == 4);
  CHECK(t->rows[0].row_number == 2);
  CHECK(cell(t.value(), 0, 8) == "Response");
  CHECK(cell(t.value(), 0, 11) == "Stakeholder engagement");
  CHECK(cell(t.value(), 1, 0) == "114356789001");
  CHECK(cell(t.value(), 1, 2) == "2024-04-01T09:00:00");
  CHECK(cell(t.value(), 1, 12) == "3");
  CHECK(cell(t.value(), 2, 7) == "O'Brien");
  CHECK(cell(t.value(), 3, 5).empty());  // the answer without an e-mail is still a row
}

TEST_CASE("hand-edited workbooks: 1904 dates, the first sheet only, blank rows, far cells, formulas' results") {
  auto t = read_xlsx_table(fixture("edge-cases-1904.xlsx"), "edge.xlsx");
  INFO(t.error_text());
  REQUIRE(t.ok());
  CHECK(t->header == std::vector<std::string>{"Email", "Joined", "Active", "Score", "Note", "Starts at"});
  REQUIRE(t->rows.size() == 3);  // row 3 is missing and row 5 holds only spaces
  CHECK(t->rows[0].row_number == 2);
  CHECK(t->rows[1].row_number == 4);
  CHECK(t->rows[2].row_number == 6);
  CHECK(cell(t.value(), 0, 1) == "1908-01-02");  // serial 1462 counted from 1904-01-01 (1903-12-31 in the 1900 system)
  CHECK(cell(t.value(), 0, 2) == "TRUE");
  CHECK(cell(t.value(), 0, 3) == "2");  // the cached result of =1+1, never the formula
  CHECK(cell(t.value(), 0, 4) == "inline ✓");
  CHECK(cell(t.value(), 0, 5) == "09:00:00");  // a time-only cell
  CHECK(cell(t.value(), 1, 2) == "FALSE");
  CHECK(cell(t.value(), 1, 3) == "0.1");
  CHECK(cell(t.value(), 1, 4) == "=SUM(A1)");  // a formula whose result is this text
  REQUIRE(t->rows[1].cells.size() == 28);
  CHECK(t->rows[1].cells[27] == "far right");  // column AB
  CHECK(cell(t.value(), 2, 3) == "123456789012");
  CHECK(cell(t.value(), 2, 4) == "\r is a carriage return");
}

TEST_CASE("spreadsheet serials: the 1900 system's phantom leap day, the 1904 system, rounding to the second") {
  CHECK(serial_to_iso(1, false, DateShown::date) == "1900-01-01");
  CHECK(serial_to_iso(59, false, DateShown::date) == "1900-02-28");
  CHECK(serial_to_iso(60, false, DateShown::date) == "1900-02-29");
  CHECK(serial_to_iso(61, false, DateShown::date) == "1900-03-01");
  CHECK(serial_to_iso(45413, false, DateShown::date) == "2024-05-01");
  CHECK(serial_to_iso(45413, false, DateShown::date_time) == "2024-05-01T00:00:00");
  CHECK(serial_to_iso(45413.75, false, DateShown::date) == "2024-05-01T18:00:00");
  CHECK(serial_to_iso(45413.999999999, false, DateShown::date) == "2024-05-02");
  CHECK(serial_to_iso(0, true, DateShown::date) == "1904-01-01");
  CHECK(serial_to_iso(43951, true, DateShown::date) == "2024-05-01");  // 45413 in the 1900 system
  CHECK(serial_to_iso(0.5, false, DateShown::time) == "12:00:00");
  CHECK(serial_to_iso(2958465, false, DateShown::date) == "9999-12-31");
  CHECK_FALSE(serial_to_iso(2958466, false, DateShown::date));
  CHECK_FALSE(serial_to_iso(-1, false, DateShown::date));
  CHECK(iso_to_serial("2024-05-01") == 45413.0);
  CHECK(iso_to_serial("2024-05-01T18:00:00Z") == 45413.75);
  CHECK(iso_to_serial("1900-03-01") == 61.0);
  CHECK_FALSE(iso_to_serial("2023-02-30"));
  CHECK_FALSE(iso_to_serial("1900-02-28"));
  CHECK_FALSE(iso_to_serial("2024-05-01 at noon"));
  CHECK_FALSE(iso_to_serial("01/05/2024"));
}

TEST_CASE("number formats decide which cells are dates: built-in ids and custom codes, not quoted text or colours") {
  // One style per format; each column holds 45413.5 in its own style.
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"yyyy-mm-dd", "2024-05-01T12:00:00"},   {"d mmm yyyy", "2024-05-01T12:00:00"},
      {"[$-409]mmmm d, yyyy;@", "2024-05-01T12:00:00"}, {"[h]:mm:ss", "2024-05-01T12:00:00"},
      {"0.00\" days\"", "45413.5"},            {"[Red]#,##0.00", "45413.5"},
      {"[Magenta]0.0", "45413.5"},             {"0.0 \\h", "45413.5"},
      {"General", "45413.5"},                  {"@", "45413.5"},
  };
  std::string fmts, xfs = "<xf numFmtId=\"0\"/>", cells;
  for (std::size_t k = 0; k < formats.size(); ++k) {
    std::string code;
    for (char c : formats[k].first) code += c == '"' ? std::string("&quot;") : std::string(1, c);
    fmts += "<numFmt numFmtId=\"" + std::to_string(164 + k) + "\" formatCode=\"" + code + "\"/>";
    xfs += "<xf numFmtId=\"" + std::to_string(164 + k) + "\"/>";
    cells += "<c s=\"" + std::to_string(k + 1) + "\"><v>45413.5</v></c>";
  }
  // Built-in: 14 a date, 22 date and time, 20 a time, 2 a number ("0.00").
  for (int id : {14, 22, 20, 2}) xfs += "<xf numFmtId=\"" + std::to_string(id) + "\"/>";
  for (std::size_t k = 0; k < 4; ++k) cells += "<c s=\"" + std::to_string(formats.size() + 1 + k) + "\"><v>45413.5</v></c>";
  std::string header;
  for (std::size_t k = 0; k < formats.size() + 4; ++k) header += "<c t=\"inlineStr\"><is><t>h" + std::to_string(k) + "</t></is></c>";
  auto t = read_xlsx_table(workbook("<row>" + header + "</row><row>" + cells + "</row>", "",
                                    "<numFmts>" + fmts + "</numFmts><cellXfs>" + xfs + "</cellXfs>"),
                           "formats.xlsx");
  INFO(t.error_text());
  REQUIRE(t.ok());
  REQUIRE(t->rows.size() == 1);
  for (std::size_t k = 0; k < formats.size(); ++k) {
    INFO(formats[k].first);
    CHECK(cell(t.value(), 0, k) == formats[k].second);
  }
  CHECK(cell(t.value(), 0, formats.size()) == "2024-05-01T12:00:00");
  CHECK(cell(t.value(), 0, formats.size() + 1) == "2024-05-01T12:00:00");
  CHECK(cell(t.value(), 0, formats.size() + 2) == "2024-05-01T12:00:00");
  CHECK(cell(t.value(), 0, formats.size() + 3) == "45413.5");
}

TEST_CASE("workbooks from other writers: prefixed element names, no package relationships, cells without references") {
  ZipWriter zip;
  zip.add("xl/workbook.xml", "<x:workbook xmlns:x=\"" + kMain + "\" xmlns:rel=\"" + kRel +
                                 "\"><x:sheets><x:sheet name=\"Données\" sheetId=\"1\" rel:id=\"s1\"/></x:sheets></x:workbook>");
  zip.add("xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"s1\" "
          "Type=\"" + kRel + "/worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>");
  zip.add("xl/worksheets/data.xml",
          "<x:worksheet xmlns:x=\"" + kMain + "\"><x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>Email</x:t></x:is></x:c>"
          "<x:c t=\"inlineStr\"><x:is><x:t>Name</x:t></x:is></x:c></x:row><x:row><x:c t=\"str\"><x:v>a@b.org</x:v></x:c>"
          "<x:c t=\"inlineStr\"><x:is><x:r><x:t>Ren</x:t></x:r><x:r><x:t xml:space=\"preserve\">ée </x:t></x:r></x:is></x:c>"
          "</x:row></x:sheetData></x:worksheet>");
  auto t = read_xlsx_table(zip.finish(), "other.xlsx");
  INFO(t.error_text());
  REQUIRE(t.ok());
  CHECK(t->header == std::vector<std::string>{"Email", "Name"});
  REQUIRE(t->rows.size() == 1);
  CHECK(t->rows[0].row_number == 2);
  CHECK(t->rows[0].cells == std::vector<std::string>{"a@b.org", "Renée "});
}

TEST_CASE("a bad cell is named by file, sheet and cell reference") {
  const std::string header = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>";
  auto missing = read_xlsx_table(workbook(header + "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v></c></row>", "<si><t>Email</t></si>"),
                                 "answers.xlsx");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error_text() == "answers.xlsx: sheet \"Sheet1\", cell B2: refers to shared string 7, but the workbook has only 1");
  auto not_number = read_xlsx_table(workbook(header + "<row r=\"2\"><c r=\"C2\"><v>12abc</v></c></row>", "<si><t>E</t></si>"),
                                    "answers.xlsx");
  REQUIRE_FALSE(not_number.ok());
  CHECK(not_number.error_text() == "answers.xlsx: sheet \"Sheet1\", cell C2: holds \"12abc\" where a number belongs");
  auto bad_ref = read_xlsx_table(workbook(header + "<row r=\"2\"><c r=\"$$1\"><v>1</v></c></row>", "<si><t>E</t></si>"),
                                 "answers.xlsx");
  REQUIRE_FALSE(bad_ref.ok());
  CHECK(bad_ref.error_text().find("sheet \"Sheet1\", row 2: has a cell at \"$$1\"") != std::string::npos);
  auto beyond = read_xlsx_table(workbook(header + "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>", "<si><t>E</t></si>"),
                                "answers.xlsx");
  CHECK_FALSE(beyond.ok());
  auto backwards = read_xlsx_table(workbook(header + "<row r=\"1\"><c><v>1</v></c></row>", "<si><t>E</t></si>"), "answers.xlsx");
  REQUIRE_FALSE(backwards.ok());
  CHECK(backwards.error_text().find("rows must count up") != std::string::npos);
  auto bad_xml = read_xlsx_table(workbook("<row><c><v>1</v></row>"), "answers.xlsx");
  REQUIRE_FALSE(bad_xml.ok());
  CHECK(bad_xml.error_text().find("answers.xlsx: part xl/worksheets/sheet1.xml: is not well-formed XML") == 0);
  auto empty = read_xlsx_table(workbook("<row r=\"3\"><c t=\"inlineStr\"><is><t> </t></is></c></row>"), "answers.xlsx");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error_text() == "answers.xlsx: sheet \"Sheet1\": the sheet has no header row");
  auto bad_utf8 = read_xlsx_table(workbook("<row><c t=\"inlineStr\"><is><t>caf\xE9</t></is></c></row>"), "answers.xlsx");
  REQUIRE_FALSE(bad_utf8.ok());
  CHECK(bad_utf8.error_text() == "answers.xlsx: sheet \"Sheet1\", cell A1: is not valid UTF-8 text");
}

TEST_CASE("damaged, foreign and hostile files are refused with what is wrong, before anything is unpacked") {
  const std::string good = workbook("<row><c t=\"inlineStr\"><is><t>Email</t></is></c></row>");
  REQUIRE(read_xlsx_table(good, "ok.xlsx").ok());

  auto cut = read_xlsx_table(good.substr(0, good.size() / 2), "cut.xlsx");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error_text().find("cut.xlsx: is not a readable XLSX workbook") == 0);

  std::string flipped = good;
  const std::size_t sheet_data = flipped.find("xl/worksheets/sheet1.xml") + 24 + 10;  // inside its deflated bytes
  flipped[sheet_data] = static_cast<char>(flipped[sheet_data] ^ 0x5a);
  auto damaged = read_xlsx_table(flipped, "flipped.xlsx");
  REQUIRE_FALSE(damaged.ok());
  CHECK(damaged.error_text().find("flipped.xlsx: part xl/worksheets/sheet1.xml: is damaged") == 0);

  // A zip bomb claims a size far beyond any survey: refused by the directory alone.
  std::string bomb = good;
  patch_directory(bomb, "xl/worksheets/sheet1.xml", 24, 0xF0000000u);
  auto refused = read_xlsx_table(bomb, "bomb.xlsx");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error_text() ==
        "bomb.xlsx: part xl/worksheets/sheet1.xml: would unpack to 3840 MB, more than the 200 MB allowed for one part "
        "(a damaged file or a zip bomb)");
  // One that understates its size is stopped when the output is full.
  std::string liar = good;
  patch_directory(liar, "xl/worksheets/sheet1.xml", 24, 10);
  auto stopped = read_xlsx_table(liar, "liar.xlsx");
  REQUIRE_FALSE(stopped.ok());
  CHECK(stopped.error_text().find("liar.xlsx: part xl/worksheets/sheet1.xml: is damaged: it unpacks to more than the 10 bytes") == 0);

  // The same limits, smaller, on the archive alone.
  auto zip = ZipReader::open(good, "small.xlsx", ZipLimits{3, 100, 150});
  REQUIRE_FALSE(zip.ok());
  CHECK(zip.error_text() == "small.xlsx: holds 4 parts, more than the 3 a workbook may have here");
  auto generous = ZipReader::open(good, "small.xlsx");
  REQUIRE(generous.ok());
  const std::size_t rels_size = generous->read("_rels/.rels").value().size();
  auto tight = ZipReader::open(good, "small.xlsx", ZipLimits{10, 1u << 20, rels_size + 10});
  REQUIRE(tight.ok());
  CHECK(tight->read("_rels/.rels").ok());
  auto over = tight->read("xl/workbook.xml");
  REQUIRE_FALSE(over.ok());
  CHECK(over.error_text().find("would bring the workbook to more than") != std::string::npos);

  // A few kilobytes that would become billions of cells: a value at column XFD on every row.
  std::string far_rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Email</t></is></c></row>";
  for (int r = 2; r <= 400; ++r) far_rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
  auto wide = read_xlsx_table(workbook(far_rows), "wide.xlsx");
  REQUIRE_FALSE(wide.ok());
  CHECK(wide.error_text().find("wide.xlsx: sheet \"Sheet1\", cell XFD") == 0);
  CHECK(wide.error_text().find("more than 5000000 cells") != std::string::npos);

  std::string encrypted = good;
  patch_directory(encrypted, "xl/worksheets/sheet1.xml", 8, 1);  // flags (and the method field next to it: stored)
  auto locked = read_xlsx_table(encrypted, "locked.xlsx");
  REQUIRE_FALSE(locked.ok());
  CHECK(locked.error_text().find("is encrypted") != std::string::npos);

  auto old = read_survey_table(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(500, '\0'), "old.xls");
  REQUIRE_FALSE(old.ok());
  CHECK(old.error_text().find("old.xls: is an Excel 97-2003 workbook (.xls) or a password-protected one") == 0);
  auto not_zip = read_survey_table("Email,Name\na@b.org,A\n", "renamed.xlsx");
  REQUIRE_FALSE(not_zip.ok());
  CHECK(not_zip.error_text().find("renamed.xlsx: is not an Excel workbook") == 0);
  auto csv = read_survey_table("Email,Name\na@b.org,A\n", "survey.csv");
  REQUIRE(csv.ok());
  CHECK(csv->rows.size() == 1);
  auto xlsx_named_csv = read_survey_table(fixture("microsoft-forms.xlsx"), "export.csv");  // chosen by content
  REQUIRE(xlsx_named_csv.ok());
  CHECK(xlsx_named_csv->rows.size() == 8);
}

TEST_CASE("the XLSX writer: inline strings that are never formulas, numbers and real dates, read back intact") {
  SheetTable table;
  table.name = "Participants [2024]: all?";
  table.columns = {{"Name", SheetCellKind::text}, {"Capacity", SheetCellKind::number}, {"Applied on", SheetCellKind::date}};
  table.rows = {
      {"=HYPERLINK(\"http://evil\")", "3", "2024-05-01"},
      {"+1 cmd|' /C calc'!A0", "-5", "2024-05-01T10:30:00Z"},
      {"  Zoë \"Z\" Martínez  ", "2.5", "someday"},
      {"Ελένη\nΠαπαδοπούλου\r\nline", "n/a", ""},
      {"_x000D_ literally, and \x01 a control, \xEF\xBF\xBE no character", "", "2023-02-30"},
      {"李伟 فاطمة 👋 & <tags>", "0012345678901234567", "1900-01-01"},
  };
  const std::string bytes = write_xlsx(table);
  auto zip = ZipReader::open(bytes, "out.xlsx");
  REQUIRE(zip.ok());
  auto sheet = zip->read("xl/worksheets/sheet1.xml");
  REQUIRE(sheet.ok());
  CHECK(sheet->find("<f>") == std::string::npos);
  CHECK(sheet->find("<c r=\"A2\" t=\"inlineStr\">") != std::string::npos);
  CHECK(sheet->find("<c r=\"B2\"><v>3</v></c>") != std::string::npos);
  CHECK(sheet->find("<c r=\"C2\" s=\"2\"><v>45413</v></c>") != std::string::npos);
  CHECK(sheet->find("<c r=\"C3\" s=\"3\"><v>45413.4375</v></c>") != std::string::npos);
  auto workbook_part = zip->read("xl/workbook.xml");
  REQUIRE(workbook_part.ok());
  CHECK(workbook_part->find("name=\"Participants -2024-- all-\"") != std::string::npos);

  auto back = read_xlsx_table(bytes, "out.xlsx");
  INFO(back.error_text());
  REQUIRE(back.ok());
  CHECK(back->header == std::vector<std::string>{"Name", "Capacity", "Applied on"});
  REQUIRE(back->rows.size() == table.rows.size());
  const std::vector<std::vector<std::string>> expected = {
      {"=HYPERLINK(\"http://evil\")", "3", "2024-05-01"},
      {"+1 cmd|' /C calc'!A0", "-5", "2024-05-01T10:30:00"},
      {"  Zoë \"Z\" Martínez  ", "2.5", "someday"},
      {"Ελένη\nΠαπαδοπούλου\r\nline", "n/a", ""},
      {"_x000D_ literally, and \x01 a control, \xEF\xBF\xBE no character", "", "2023-02-30"},
      {"李伟 فاطمة 👋 & <tags>", "0012345678901234567", "1900-01-01"},  // too long for a number, too early for a date
  };
  for (std::size_t r = 0; r < expected.size(); ++r) {
    INFO("row ", r + 2);
    CHECK(back->rows[r].cells == expected[r]);
  }
  CHECK(write_xlsx(table) == bytes);  // the same table gives the same bytes
}

TEST_CASE("participants, pairings and monitoring export as workbooks holding the CSV export's table") {
  test::Fixture f;
  Person tricky;
  tricky.scheme_id = f.scheme_id;
  tricky.email = "tricky@example.org";
  tricky.name = "=cmd|'/C calc'!A0";
  tricky.roles = {Role::mentee};
  tricky.applied_on = "2024-02-10";
  tricky.capacity = 2;
  REQUIRE(f.ws.save(tricky).ok());
  struct Export {
    std::string name, csv, xlsx;
  };
  const std::vector<Export> exports = {
      {"participants", participants_csv(f.ws, f.scheme_id), participants_xlsx(f.ws, f.scheme_id)},
      {"pairings", pairings_csv(f.ws, f.scheme_id), pairings_xlsx(f.ws, f.scheme_id)},
      {"monitoring", monitoring_csv(f.ws, f.scheme_id, "2024-03-01"), monitoring_xlsx(f.ws, f.scheme_id, "2024-03-01")},
  };
  for (const Export& e : exports) {
    INFO(e.name);
    auto csv = read_csv_table(e.csv, e.name + ".csv");
    auto xlsx = read_xlsx_table(e.xlsx, e.name + ".xlsx");
    INFO(xlsx.error_text());
    REQUIRE(csv.ok());
    REQUIRE(xlsx.ok());
    CHECK(xlsx->header == csv->header);
    REQUIRE(xlsx->rows.size() == csv->rows.size());
    REQUIRE_FALSE(xlsx->rows.empty());
    for (std::size_t r = 0; r < csv->rows.size(); ++r) {
      std::vector<std::string> csv_cells = csv->rows[r].cells;
      // The CSV neutralises a formula with a leading apostrophe; the workbook's text cell needs none.
      for (auto& c : csv_cells)
        if (c.size() > 1 && c[0] == '\'' && std::string("=+-@").find(c[1]) != std::string::npos) c.erase(0, 1);
      CHECK(xlsx->rows[r].cells == csv_cells);
    }
  }
  auto zip = ZipReader::open(exports[0].xlsx, "participants.xlsx");
  REQUIRE(zip.ok());
  auto sheet = zip->read("xl/worksheets/sheet1.xml");
  REQUIRE(sheet.ok());
  CHECK(sheet->find("<f>") == std::string::npos);
  CHECK(sheet->find("s=\"2\"><v>45332</v>") != std::string::npos);  // Applied on 2024-02-10, a date cell
}

TEST_CASE("an XLSX survey export imports like a CSV one: the same preview, rows named by their sheet row") {
  test::Fixture f;
  ImportOptions options;
  options.scheme_id = f.scheme_id;
  auto strict = preview_import(f.ws, {{"Form responses.xlsx", fixture("microsoft-forms.xlsx")}}, options);
  REQUIRE_FALSE(strict.can_apply());
  REQUIRE_FALSE(strict.errors.empty());
  CHECK(strict.errors[0].file == "Form responses.xlsx");
  CHECK(strict.errors[0].path.find("row 5") == 0);  // the "anonymous" answer, row 5 of the sheet
  options.skip_bad_csv_rows = true;
  auto preview = preview_import(f.ws, {{"Form responses.xlsx", fixture("microsoft-forms.xlsx")}}, options);
  INFO(join_errors(preview.errors));
  REQUIRE(preview.can_apply());
  CHECK(preview.new_records == 6);
  // Dmitry answered twice (the second time with his e-mail in capitals): the later answer is kept.
  REQUIRE(preview.resubmissions.size() == 1);
  CHECK(preview.resubmissions[0].kept_row == 9);
  REQUIRE(apply_import(f.ws, preview).ok());
  const Person* dmitry = f.ws.person_by_email("dmitry@example.ru");
  REQUIRE(dmitry != nullptr);
  CHECK(dmitry->experience_years == 8);
  CHECK(dmitry->roles == std::vector<Role>{Role::mentor});
  const Person* eleni = f.ws.person_by_email("ελένη@example.gr");
  REQUIRE(eleni != nullptr);
  CHECK(eleni->name == "Ελένη Παπαδοπούλου");
  const Person* li = f.ws.person_by_email("li.wei@example.cn");
  REQUIRE(li != nullptr);
  CHECK(li->name == "李伟");
}

#ifndef __EMSCRIPTEN__
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.hpp"

namespace {

std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("pairwise-xlsx-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// python3's zipfile and XML parser judge the workbook (tests/fixtures/xlsx/check_xlsx.py).
std::string python_verdict(const std::filesystem::path& file) {
  const std::string command = "python3 " + std::string(PAIRWISE_SOURCE_DIR) + "/tests/fixtures/xlsx/check_xlsx.py '" +
                              file.string() + "' 2>&1";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  pclose(pipe);
  return out;
}

}  // namespace

TEST_CASE("the exported workbooks pass python3's zipfile and XML checks of what spreadsheet tools require") {
  test::Fixture f;
  const auto dir = scratch_dir("python");
  const std::vector<std::pair<std::string, std::string>> files = {
      {"participants.xlsx", participants_xlsx(f.ws, f.scheme_id)},
      {"pairings.xlsx", pairings_xlsx(f.ws, f.scheme_id)},
      {"monitoring.xlsx", monitoring_xlsx(f.ws, f.scheme_id, "2024-03-01")},
      {"empty.xlsx", write_xlsx(SheetTable{})},
  };
  for (const auto& [name, bytes] : files) {
    INFO(name);
    write_bytes(dir / name, bytes);
    CHECK(python_verdict(dir / name) == "ok\n");
  }
  // The checker does catch what it looks for: the fixture holding a formula.
  CHECK(python_verdict(std::filesystem::path(PAIRWISE_SOURCE_DIR) / "tests/fixtures/xlsx/edge-cases-1904.xlsx") ==
        "xl/worksheets/sheet1.xml holds a formula\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("pairwise import reads an XLSX survey export, and pairwise export writes the tables as XLSX") {
  const auto dir = scratch_dir("cli");
  const std::string backup = (dir / "backup.json").string();
  const std::string forms = std::string(PAIRWISE_SOURCE_DIR) + "/tests/fixtures/xlsx/microsoft-forms.xlsx";
  auto refused = test::run_cli("import --into " + backup + " '" + forms + "'");
  CHECK(refused.exit_code == 1);
  // The anonymous answer is named by row and refused (issue 13 part 6: nobody left out quietly).
  CHECK(refused.output.find("microsoft-forms.xlsx: row 5, column \"Email\": an anonymous answer: no e-mail address to "
                            "reach them by") != std::string::npos);
  CHECK(refused.output.find("left out: microsoft-forms.xlsx row 5 (anonymous)") != std::string::npos);
  auto imported = test::run_cli("import --into " + backup + " --skip-bad-rows '" + forms + "'");
  INFO(imported.output);
  CHECK(imported.exit_code == 0);
  CHECK(imported.output.find("6 new, 0 updated, 0 unchanged record(s)") != std::string::npos);
  const std::string out = (dir / "participants.xlsx").string();
  auto exported = test::run_cli("export --from " + backup + " --kind participants-xlsx -o " + out);
  INFO(exported.output);
  REQUIRE(exported.exit_code == 0);
  std::ifstream in(out, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto table = read_xlsx_table(bytes, "participants.xlsx");
  INFO(table.error_text());
  REQUIRE(table.ok());
  CHECK(table->header[0] == "Email");
  REQUIRE(table->rows.size() == 6);
  bool found_vietnamese = false;
  for (const auto& r : table->rows) found_vietnamese |= r.cells[1] == "Nguyễn Thị Minh Khai";
  CHECK(found_vietnamese);
  CHECK(python_verdict(out) == "ok\n");
  auto mapping = test::run_cli("export --kind csv-mapping --csv '" + forms + "'");
  CHECK(mapping.exit_code == 0);
  CHECK(mapping.output.find("\"header\": \"Completion time\"") != std::string::npos);
  std::filesystem::remove_all(dir);
}
#endif

TEST_CASE("text that looks like an escape beside a character written as one reads back as it was") {
  // Found by fuzz_xlsx_reader: "_x000D" then a form feed was written "_x000D_x000C_", which reads
  // as a carriage return and "x000C_".
  SheetTable table;
  table.columns = {{"Answer", SheetCellKind::text}};
  table.rows = {{"x_x000D\x0cy"}, {"_x0041\x01"}, {"_x00FF\xEF\xBF\xBE"}, {"_x000D"}, {"a_x12"}, {"_x005F_x0041_"}, {"_X0041_"}};
  auto back = read_xlsx_table(write_xlsx(table), "out.xlsx");
  INFO(back.error_text());
  REQUIRE(back.ok());
  REQUIRE(back->rows.size() == table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    INFO("row ", r + 2);
    CHECK(back->rows[r].cells == table.rows[r]);
  }
}
