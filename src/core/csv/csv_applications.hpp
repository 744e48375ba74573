#pragma once
// Applications from a survey tool's export, through a column mapping. Each row either becomes a
// Person or lists its problems with its row number and the name it gives; the coordinator decides
// about bad rows (fix the file, or skip them). Answers are read as people write them
// (core/intake/survey_answers.hpp); the tool's own submission time is when they applied.
#include <optional>
#include <string>
#include <vector>

#include "core/csv/column_mapping.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/records/person.hpp"

namespace pairwise {

struct CsvApplicationRow {
  std::size_t row_number = 0;
  std::optional<Person> person;  // set when the row is usable
  Errors errors;                 // path "row N, column \"Header\""
  std::string given_name;        // the name the row gives, else ""
  std::string given_email;       // the e-mail as written, else ""
  std::string submitted_at;      // the tool's submission time ("YYYY-MM-DDTHH:MM:SSZ"), else ""
  std::vector<std::string> notes;  // answers read with a guess: "column "Years": "10+" was read as 10"
  // How the row names its person in a message: its name, else its e-mail, else "no name given".
  std::string who() const;
};

struct CsvApplications {
  std::vector<CsvApplicationRow> rows;
  Errors errors;  // about the whole table, e.g. a date column whose order only a person can tell
  std::vector<std::string> ambiguous_date_columns;  // asked about in the mapping dialog
};

struct CsvReadOptions {
  std::string scheme_id;
  std::string file_name;
  std::vector<std::string> known_topics;  // the scheme's topics stay whole when a cell lists them
};

std::vector<std::string> split_multi_value(const std::string& cell, const std::string& separators);

CsvApplications read_applications(const CsvTable& table, const ColumnMapping& mapping, const CsvReadOptions& options,
                                  IdGenerator& ids, const Clock& clock);

std::vector<CsvApplicationRow> applications_from_csv(const CsvTable& table, const ColumnMapping& mapping,
                                                     const std::string& scheme_id, const std::string& file_name,
                                                     IdGenerator& ids, const Clock& clock);

}  // namespace pairwise
