#pragma once
// The lasting record of one import (format v5, store "imports"): which files, what each survey
// tool's export became, and above all who was left out and why, so nobody is lost quietly: a
// coordinator can look back weeks later and see that row 9, "Chen Wei", gave no e-mail.
#include <string>
#include <vector>

#include "core/records/record_meta.hpp"

namespace pairwise {

struct LeftOutAnswer {
  std::string file;
  int row = 0;          // as the spreadsheet shows it
  std::string name;     // the name the answer gives, else its e-mail, else "no name given"
  std::string email;    // as written, may be empty or "anonymous"
  std::string reason;   // "no e-mail address", "column "Capacity": expected a number..."
  bool operator==(const LeftOutAnswer&) const = default;
  std::string describe() const;  // "survey.csv row 9 (Chen Wei): no e-mail address"
};

// Two answers of one person (one e-mail, however written) in one file: the later submission is
// kept unless the coordinator chose the other.
struct Resubmission {
  std::string file;
  std::string email;
  int kept_row = 0;
  std::string kept_at;       // the tool's submission time, may be empty
  std::string kept_summary;  // "Ana López: mentor, 9 years, capacity 3, topics A; B"
  int set_aside_row = 0;
  std::string set_aside_at;
  std::string set_aside_summary;
  bool chosen = false;  // the coordinator kept this one over the later submission
  bool operator==(const Resubmission&) const = default;
  std::string describe() const;
};

// Required answers (the scheme's intake fields) a person's application came in without.
struct MissingAnswers {
  std::string email;
  std::string name;
  std::vector<std::string> fields;  // plain words: "Topics", "Years of experience"
  bool operator==(const MissingAnswers&) const = default;
  std::string describe() const;  // "Ana López (ana@x.org): Topics, Languages"
};

struct ImportedFile {
  std::string name;
  std::string layout;  // "SurveyMonkey", "Google Forms", "Microsoft Forms", "a table", "JSON"
  int answers = 0;     // rows read (survey files)
  bool operator==(const ImportedFile&) const = default;
};

struct ImportRecord {
  static constexpr const char* kStore = "imports";
  RecordMeta meta;
  std::string scheme_id;
  std::string imported_at;  // timestamp
  std::vector<ImportedFile> files;
  int new_records = 0;
  int updated_records = 0;
  int unchanged_records = 0;
  std::vector<LeftOutAnswer> left_out;
  std::vector<Resubmission> resubmissions;
  std::vector<std::string> notes;  // answers read with a guess ("10+" read as 10)
  std::vector<MissingAnswers> missing;
  bool operator==(const ImportRecord&) const = default;
};

Json encode(const ImportRecord& record);
void decode(const JsonReader& in, ImportRecord& record);

// One line per entry, for the command line, the history's export and the app.
std::vector<std::string> describe_import(const ImportRecord& record);

}  // namespace pairwise
