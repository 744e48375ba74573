#include <doctest/doctest.h>

#include <filesystem>

#include "core/csv/csv_applications.hpp"
#include "core/documents/documents.hpp"
#include "core/xlsx/xlsx_reader.hpp"
#include "core/xlsx/xlsx_writer.hpp"
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
    // Files the fuzzer finds are kept whole; fuzz/fuzz_xlsx_reader.cpp's wrapped-XML mode is for
    // its own search, so a kept input is read as the file it is, past its first (mode) byte too.
    for (const std::string& input : {bytes, bytes.empty() ? bytes : bytes.substr(1)}) {
      auto table = read_xlsx_table(input, name);
      INFO(name);
      if (!table) {
        CHECK_FALSE(table.errors().empty());
        continue;
      }
      SheetTable sheet;
      for (const auto& h : table->header) sheet.columns.push_back({h});
      for (const auto& r : table->rows) sheet.rows.push_back(r.cells);
      CHECK(read_xlsx_table(write_xlsx(sheet), "again.xlsx").ok());
    }
    ++seen;
  }
  CHECK(seen >= 7);
}
