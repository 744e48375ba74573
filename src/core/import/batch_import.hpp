#pragma once
// Importing many files at once: preview first, then apply all or nothing.
// People are merged by e-mail (trimmed, case-insensitive); two versions of one record are
// resolved by revision, then by update time, and every such conflict is reported.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/csv/column_mapping.hpp"
#include "core/intake/survey_table.hpp"
#include "core/records/import_record.hpp"
#include "core/import/survey_table_file.hpp"
#include "core/privacy/audience.hpp"
#include "core/workspace.hpp"

namespace pairwise {

struct InputFile {
  std::string name;  // ".csv" and ".xlsx" files are read as survey exports, everything else as JSON
  std::string content;
};

struct ImportOptions {
  std::string scheme_id;                     // scheme that imported applications (JSON or CSV) join
  std::optional<ColumnMapping> csv_mapping;  // default: the scheme's saved mapping, else suggested
  bool skip_bad_csv_rows = false;            // the coordinator's decision about bad rows
  // Answers the coordinator keeps over a later resubmission of the same person: "file\nrow".
  std::vector<std::string> keep_rows;
  // How to read slashed dates in a column whose values could be read both ways (the command
  // line's --date-order; the app asks per column in its mapping dialog).
  DateOrder ambiguous_dates = DateOrder::automatic;
  // Whose workspace the files go into: a file holding anything this reader may not see (a pair's
  // meeting notes or private notes sent to the coordinator by mistake) is refused whole. No reader
  // for a person's own workspace (a pair member), whose previews check what they need themselves.
  std::optional<Reader> reader = Reader::coordinator;
};

struct ImportConflict {
  std::string store;
  std::string key;        // record id, or the e-mail for people
  std::string kept;       // "revision 3 of 2024-05-01T10:00:00Z from bob.json"
  std::string discarded;
  std::string reason;     // "higher revision", "same revision, later update", "identical revision and time"
};

// What one survey export was recognised as, and the mapping it was read through.
struct SurveyFileReading {
  std::string file;
  SurveyTool tool = SurveyTool::plain_table;
  SurveyTable survey;
  ColumnMapping mapping;
  std::vector<std::string> ambiguous_date_columns;  // only a person can tell month from day
  int answers = 0;
};

struct ImportPreview {
  Errors errors;                        // any error blocks the whole import
  Errors skipped_rows;                  // bad CSV rows left out by the coordinator's choice
  // Every survey answer not imported, by row and by the name it gives (skipped or blocking).
  std::vector<LeftOutAnswer> left_out;
  std::vector<Resubmission> resubmissions;  // one person's two answers: both shown, one kept
  std::vector<std::string> notes;           // answers read with a guess ("10+" read as 10)
  // Pairings the imported progress reports move to the ending the pair recorded (withdrawn,
  // completed), or cannot move, in plain words (see core/operations/reported_ending.hpp).
  std::vector<std::string> status_changes;
  // What each mentor's interest file does (KIND): a pairing proposed by the mentor to introduce
  // from Pairings, or why an interest is not recorded (the request already has a mentor…).
  std::vector<std::string> interests;
  std::vector<MissingAnswers> missing;      // required answers that came in empty, per person
  std::vector<SurveyFileReading> surveys;
  std::vector<ImportConflict> conflicts;
  std::vector<std::string> merged_people;  // e-mails seen more than once and merged
  std::vector<std::string> renumbered;     // people whose id another person had: given a new one
  // The workspace's records the changes were decided against (a null value: absent); applying is
  // refused if any of them has changed since.
  std::vector<StoredRecord> based_on;
  int new_records = 0;
  int updated_records = 0;
  int unchanged_records = 0;
  std::string scheme_id;  // the scheme imported people joined
  ChangeSet changes;  // what applying will store

  bool can_apply() const { return errors.empty(); }
  std::vector<std::string> summary() const;
};

ImportPreview preview_import(const Workspace& workspace, const std::vector<InputFile>& files,
                             const ImportOptions& options);

// The same preview made a few files at a time, so the app can show progress and keep drawing
// while hundreds of files are read. The workspace must outlive the job and stay unchanged.
class ImportPreviewJob {
 public:
  ImportPreviewJob(const Workspace& workspace, std::vector<InputFile> files, ImportOptions options);
  ~ImportPreviewJob();
  ImportPreviewJob(ImportPreviewJob&&) noexcept;
  ImportPreviewJob& operator=(ImportPreviewJob&&) noexcept;
  // Reads up to `max_files` more files (and checks the whole batch after the last); true when done.
  bool step(std::size_t max_files);
  bool done() const;
  std::size_t files_read() const;
  std::size_t file_count() const;
  const ImportPreview& preview() const;  // complete once done()

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Applies a preview made against this same workspace; refuses if the preview had errors. An
// import of survey exports also stores its ImportRecord (the lasting history).
Result<ChangeSet> apply_import(Workspace& workspace, const ImportPreview& preview);

// The history entry an applied preview leaves (apply_import stores it).
ImportRecord import_record_of(const ImportPreview& preview, const std::string& scheme_id, const Workspace& workspace);

// The key ImportOptions::keep_rows takes for a row of a file.
std::string row_choice_key(const std::string& file, int row);

}  // namespace pairwise
