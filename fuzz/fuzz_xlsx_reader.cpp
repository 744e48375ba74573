// Any byte string given to the XLSX reader must not crash, and every table it reads must write
// back as a workbook that reads to the same cells. The first byte picks what the rest is:
//  - even: the bytes of a whole file (a workbook, damaged or not);
//  - odd: a worksheet's XML, then after a NUL byte the shared strings' XML, put into a valid
//    workbook, so the fuzzer reaches cells, styles and strings without first guessing CRC-32s.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/csv/csv_applications.hpp"
#include "core/xlsx/xlsx_reader.hpp"
#include "core/xlsx/xlsx_writer.hpp"
#include "core/xlsx/zip_archive.hpp"

namespace {

std::string workbook_around(std::string_view sheet, std::string_view strings) {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  pairwise::ZipWriter zip;
  zip.add("xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel +
                                 "\"><workbookPr date1904=\"" + (sheet.size() % 2 ? "1" : "0") +
                                 "\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  zip.add("xl/_rels/workbook.xml.rels",
          "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"sheet.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"strings.xml\"/>"
          "<Relationship Id=\"rId3\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
  zip.add("xl/styles.xml",
          "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"d/m/yy h:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/>"
          "<xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"46\"/></cellXfs></styleSheet>");
  zip.add("xl/sheet.xml", sheet);
  zip.add("xl/strings.xml", strings);
  return zip.finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes;
  if (data[0] % 2 == 0) {
    bytes.assign(input);
  } else {
    const auto split = input.find('\0');
    bytes = workbook_around(input.substr(0, split), split == std::string_view::npos ? "" : input.substr(split + 1));
  }
  auto table = pairwise::read_xlsx_table(bytes, "fuzz.xlsx");
  if (!table) {
    if (table.errors().empty()) std::abort();
    return 0;
  }
  pairwise::SequentialIdGenerator ids;
  pairwise::FixedClock clock("2024-01-01T00:00:00Z");
  (void)pairwise::applications_from_csv(table.value(), pairwise::suggest_mapping(table->header), "s", "fuzz.xlsx", ids,
                                        clock);
  // Written as text cells (one column per cell of the widest row) and read again: the same cells.
  pairwise::SheetTable sheet;
  std::size_t width = table->header.size();
  for (const auto& r : table->rows) width = std::max(width, r.cells.size());
  for (std::size_t k = 0; k < width; ++k)
    sheet.columns.push_back({k < table->header.size() ? table->header[k] : std::string()});
  for (const auto& r : table->rows) sheet.rows.push_back(r.cells);
  auto back = pairwise::read_xlsx_table(pairwise::write_xlsx(sheet), "back.xlsx");
  if (!back || back->header != table->header || back->rows.size() != table->rows.size()) std::abort();
  for (std::size_t i = 0; i < back->rows.size(); ++i)
    if (back->rows[i].cells != table->rows[i].cells) std::abort();
  return 0;
}
