// Any byte string given to the CSV reader and the application mapping must not crash, and
// every table we write must read back to the same cells.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/csv/csv_applications.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/csv/csv_writer.hpp"
#include "core/intake/survey_answers.hpp"
#include "core/intake/survey_table.hpp"
#include "core/records/text_fold.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = pairwise::read_csv_table(text, "fuzz.csv");
  if (!table) return 0;
  pairwise::SequentialIdGenerator ids;
  pairwise::FixedClock clock("2024-01-01T00:00:00Z");
  (void)pairwise::applications_from_csv(table.value(), pairwise::suggest_mapping(table->header), "s", "fuzz.csv", ids,
                                        clock);
  // The survey layer too: layout recognition, the suggested mapping, dates, lists and folding.
  const pairwise::SurveyTable survey = pairwise::recognise_survey(table.value());
  (void)pairwise::read_applications(survey.table, pairwise::suggest_mapping(survey), {"s", "fuzz.csv", {"a and b"}}, ids,
                                    clock);
  (void)pairwise::fold_text(text);
  (void)pairwise::time_in_answer(std::string(text.substr(0, 64)), pairwise::DateOrder::day_first);
  auto rows = pairwise::read_csv_rows(text, "fuzz.csv");
  if (!rows) return 0;
  std::vector<std::vector<std::string>> cells;
  for (const auto& r : rows.value()) cells.push_back(r.cells);
  auto back = pairwise::read_csv_rows(pairwise::write_csv(cells), "back.csv");
  if (!back || back->size() != cells.size()) std::abort();
  return 0;
}
