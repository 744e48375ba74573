// Any byte string given to the XLSX reader must not crash, and every table it reads must write
// back as a workbook that reads to the same cells. The first byte picks what the rest is
// (fuzz/xlsx_fuzz_input.hpp): a whole file, or a worksheet's and shared strings' XML.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/csv/csv_applications.hpp"
#include "core/xlsx/xlsx_reader.hpp"
#include "core/xlsx/xlsx_writer.hpp"
#include "xlsx_fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string bytes = pairwise::fuzz::xlsx_fuzz_file(std::string_view(reinterpret_cast<const char*>(data), size));
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
