#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "core/csv/csv_applications.hpp"
#include "core/documents/documents.hpp"
#include "core/xlsx/xlsx_reader.hpp"
#include "core/xlsx/xlsx_writer.hpp"
#include "fuzz/xlsx_fuzz_input.hpp"
#include "test_support.hpp"

using namespace pairwise;

// Inputs that once crashed (or nearly did) a reader: they must now give a result or errors.
TEST_CASE("fuzz regression inputs are read without crashing") {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(PAIRWISE_SOURCE_DIR) / "tests/fixtures/fuzz-regressions";
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(root / "json")) {
    const std::string text = test::read_source_file(fs::relative(entry.path(), PAIRWISE_SOURCE_DIR).string());
    auto doc = read_document(text, entry.path().filename().string());
    if (doc) {
      // The fuzz target's property: what reads must write and read back equal.
      auto again = read_document(write_document(doc->document, "2024-01-01T00:00:00Z"), "again.json");
      INFO(entry.path().filename().string(), ": ", again.error_text());
      REQUIRE(again.ok());
      CHECK(again->document == doc->document);
    } else {
      CHECK_FALSE(doc.errors().empty());
    }
    ++seen;
  }
  for (const auto& entry : fs::directory_iterator(root / "csv")) {
    const std::string text = test::read_source_file(fs::relative(entry.path(), PAIRWISE_SOURCE_DIR).string());
    auto table = read_csv_table(text, entry.path().filename().string());
    if (table) {
      SequentialIdGenerator ids;
      FixedClock clock("2024-01-01T00:00:00Z");
      (void)applications_from_csv(table.value(), suggest_mapping(table->header), "s", "f.csv", ids, clock);
    } else {
      CHECK_FALSE(table.errors().empty());
    }
    ++seen;
  }
  for (const auto& entry : fs::directory_iterator(root / "xlsx")) {
    const std::string bytes = test::read_source_file(fs::relative(entry.path(), PAIRWISE_SOURCE_DIR).string());
    const std::string name = entry.path().filename().string();
    // Files the fuzzer finds are kept whole: each is read as the file it is, past its first
    // (mode) byte too, and as the fuzzer read it (fuzz/xlsx_fuzz_input.hpp: an odd first byte
    // wraps worksheet XML in a workbook).
    for (const std::string& input : {bytes, bytes.empty() ? bytes : bytes.substr(1), fuzz::xlsx_fuzz_file(bytes)}) {
      auto table = read_xlsx_table(input, name);
      INFO(name);
      if (!table) {
        CHECK_FALSE(table.errors().empty());
        continue;
      }
      // The fuzz target's property: written as text cells and read again, the same cells.
      SheetTable sheet;
      std::size_t width = table->header.size();
      for (const auto& r : table->rows) width = std::max(width, r.cells.size());
      for (std::size_t k = 0; k < width; ++k)
        sheet.columns.push_back({k < table->header.size() ? table->header[k] : std::string()});
      for (const auto& r : table->rows) sheet.rows.push_back(r.cells);
      auto again = read_xlsx_table(write_xlsx(sheet), "again.xlsx");
      REQUIRE(again.ok());
      CHECK(again->header == table->header);
      REQUIRE(again->rows.size() == table->rows.size());
      for (std::size_t i = 0; i < again->rows.size(); ++i) CHECK(again->rows[i].cells == table->rows[i].cells);
    }
    ++seen;
  }
  CHECK(seen >= 9);
}
