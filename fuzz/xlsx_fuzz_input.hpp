#pragma once
// How fuzz_xlsx_reader turns the fuzzer's bytes into a file, shared with the regression test
// (tests/core/fuzz_regressions_test.cpp) so a kept input replays exactly as the fuzzer read it.
// The first byte picks what the rest is:
//  - even: the bytes of a whole file (a workbook, damaged or not);
//  - odd: a worksheet's XML, then after a NUL byte the shared strings' XML, put into a valid
//    workbook, so the fuzzer reaches cells, styles and strings without first guessing CRC-32s.
#include <string>
#include <string_view>

#include "core/xlsx/zip_archive.hpp"

namespace pairwise::fuzz {

inline std::string workbook_around(std::string_view sheet, std::string_view strings) {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  ZipWriter zip;
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

// The file the fuzzer's input stands for (empty input: an empty file).
inline std::string xlsx_fuzz_file(std::string_view data) {
  if (data.empty()) return std::string();
  const std::string_view input = data.substr(1);
  if (static_cast<unsigned char>(data[0]) % 2 == 0) return std::string(input);
  const auto split = input.find('\0');
  return workbook_around(input.substr(0, split), split == std::string_view::npos ? "" : input.substr(split + 1));
}

}  // namespace pairwise::fuzz
