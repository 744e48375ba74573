#pragma once
// Importing many files at once: preview first, then apply all or nothing.
// People are merged by e-mail (trimmed, case-insensitive); two versions of one record are
// resolved by revision, then by update time, and every such conflict is reported.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/csv/column_mapping.hpp"
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

struct ImportPreview {
  Errors errors;                        // any error blocks the whole import
  Errors skipped_rows;                  // bad CSV rows left out by the coordinator's choice
  std::vector<ImportConflict> conflicts;
  std::vector<std::string> merged_people;  // e-mails seen more than once and merged
  std::vector<std::string> renumbered;     // people whose id another person had: given a new one
  // The workspace's records the changes were decided against (a null value: absent); applying is
  // refused if any of them has changed since.
  std::vector<StoredRecord> based_on;
  int new_records = 0;
  int updated_records = 0;
  int unchanged_records = 0;
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

// Applies a preview made against this same workspace; refuses if the preview had errors.
Result<ChangeSet> apply_import(Workspace& workspace, const ImportPreview& preview);

}  // namespace pairwise
