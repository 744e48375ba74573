#include "core/import/batch_import.hpp"

#include <memory>

#include <algorithm>
#include <map>

#include "core/csv/csv_applications.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/documents/documents.hpp"

namespace pairwise {

namespace {

struct Candidate {
  StoredRecord record;
  int revision = 0;
  std::string updated_at;
  std::string source;
};

int revision_of(const Json& v) {
  auto it = v.find("revision");
  return it != v.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string updated_of(const Json& v) {
  auto it = v.find("updated_at");
  if (it != v.end() && it->is_string()) return it->get<std::string>();
  it = v.find("generated_on");  // progress reports are versioned by their date
  return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string describe(const Candidate& c) {
  return "revision " + std::to_string(c.revision) + " of " + (c.updated_at.empty() ? "unknown time" : c.updated_at) +
         " from " + c.source;
}

// Content without the identity fields, so two applications of one person compare by substance.
Json substance(Json v) {
  if (v.is_object()) {
    v.erase("id");
    v.erase("created_at");
  }
  return v;
}

class Merger {
 public:
  Merger(const Workspace& ws, ImportPreview& preview) : preview_(preview) {
    for (auto& r : ws.all_records()) {
      Candidate c{r, revision_of(r.value), updated_of(r.value), "this workspace"};
      existing_[key_of(r)] = c;
    }
  }

  void add(StoredRecord r, const std::string& source) {
    Candidate incoming{std::move(r), 0, "", source};
    incoming.revision = revision_of(incoming.record.value);
    incoming.updated_at = updated_of(incoming.record.value);
    const std::string key = key_of(incoming.record);
    auto batch_it = batch_.find(key);
    const Candidate* current = nullptr;
    if (batch_it != batch_.end()) current = &batch_it->second;
    else if (auto ws_it = existing_.find(key); ws_it != existing_.end()) current = &ws_it->second;
    if (!current) {
      batch_[key] = std::move(incoming);
      return;
    }
    if (incoming.record.store == kStorePeople && current->record.id != incoming.record.id) {
      const std::string email = normalize_email(incoming.record.value.value("email", ""));
      if (std::find(preview_.merged_people.begin(), preview_.merged_people.end(), email) == preview_.merged_people.end())
        preview_.merged_people.push_back(email);
    }
    // The record keeps the id already known, so references to it stay valid.
    incoming.record.id = current->record.id;
    if (incoming.record.value.is_object() && incoming.record.value.contains("id"))
      incoming.record.value["id"] = current->record.id;
    if (substance(incoming.record.value) == substance(current->record.value)) {
      if (batch_it == batch_.end()) batch_[key] = *current;  // remember it as seen, unchanged
      return;
    }
    std::string reason;
    bool take_incoming = false;
    if (incoming.revision != current->revision) {
      take_incoming = incoming.revision > current->revision;
      reason = "higher revision";
    } else if (incoming.updated_at != current->updated_at) {
      take_incoming = incoming.updated_at > current->updated_at;
      reason = "same revision, later update";
    } else {
      reason = "same revision and time but different content; the first one was kept";
    }
    const Candidate& winner = take_incoming ? incoming : *current;
    const Candidate& loser = take_incoming ? *current : incoming;
    preview_.conflicts.push_back(ImportConflict{incoming.record.store,
                                                incoming.record.store == kStorePeople
                                                    ? normalize_email(incoming.record.value.value("email", ""))
                                                    : incoming.record.id,
                                                describe(winner), describe(loser), reason});
    if (take_incoming) batch_[key] = std::move(incoming);
    else if (batch_it == batch_.end()) batch_[key] = *current;
  }

  void finish() {
    for (auto& [key, c] : batch_) {
      auto ws_it = existing_.find(key);
      if (ws_it == existing_.end()) {
        ++preview_.new_records;
      } else if (ws_it->second.record.value == c.record.value) {
        ++preview_.unchanged_records;
        continue;
      } else {
        ++preview_.updated_records;
      }
      preview_.changes.upserts.push_back(c.record);
    }
  }

 private:
  static std::string key_of(const StoredRecord& r) {
    if (r.store == kStorePeople && r.value.is_object() && r.value.contains("email") && r.value["email"].is_string())
      return r.store + "\n" + normalize_email(r.value["email"].get<std::string>());
    return r.store + "\n" + r.id;
  }

  ImportPreview& preview_;
  std::map<std::string, Candidate> existing_;
  std::map<std::string, Candidate> batch_;
};

}  // namespace

std::vector<std::string> ImportPreview::summary() const {
  std::vector<std::string> lines;
  lines.push_back(std::to_string(new_records) + " new, " + std::to_string(updated_records) + " updated, " +
                  std::to_string(unchanged_records) + " unchanged record(s)");
  for (const auto& e : merged_people) lines.push_back("merged duplicate applications of " + e);
  for (const auto& c : conflicts)
    lines.push_back("conflict in " + c.store + " " + c.key + ": kept " + c.kept + ", discarded " + c.discarded +
                    " (" + c.reason + ")");
  for (const auto& e : skipped_rows) lines.push_back("skipped " + e.to_string());
  for (const auto& e : errors) lines.push_back("error: " + e.to_string());
  return lines;
}

bool is_csv_file_name(const std::string& name) {
  if (name.size() < 4) return false;
  std::string ext = name.substr(name.size() - 4);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == ".csv";
}

struct ImportPreviewJob::State {
  State(const Workspace& workspace, std::vector<InputFile> input, ImportOptions opts)
      : ws(workspace), files(std::move(input)), options(std::move(opts)), merger(workspace, preview) {}
  const Workspace& ws;
  std::vector<InputFile> files;
  ImportOptions options;
  ImportPreview preview;
  Merger merger;  // refers to `preview`, so State never moves (held by pointer)
  std::size_t next = 0;
  bool finished = false;

  void read_file(const InputFile& file) {
    if (is_csv_file_name(file.name)) {
      auto table = read_csv_table(file.content, file.name);
      if (!table) {
        preview.errors.insert(preview.errors.end(), table.errors().begin(), table.errors().end());
        return;
      }
      ColumnMapping mapping;
      if (options.csv_mapping) {
        mapping = *options.csv_mapping;
      } else if (const Scheme* s = ws.find<Scheme>(options.scheme_id); s && !s->csv_mapping.columns.empty()) {
        mapping = s->csv_mapping;
      } else {
        mapping = suggest_mapping(table->header);
      }
      bool has_email = false;
      for (const auto& b : mapping.columns) has_email = has_email || b.field == "email";
      if (!has_email) {
        preview.errors.push_back({file.name, "row 1", "no column is mapped to the e-mail address"});
        return;
      }
      for (auto& row : applications_from_csv(table.value(), mapping, options.scheme_id, file.name, ws.ids(), ws.clock())) {
        if (row.person) {
          merger.add(StoredRecord{kStorePeople, row.person->meta.id, encode(*row.person)}, file.name);
        } else {
          auto& target = options.skip_bad_csv_rows ? preview.skipped_rows : preview.errors;
          target.insert(target.end(), row.errors.begin(), row.errors.end());
        }
      }
      return;
    }
    auto parsed = read_document(file.content, file.name);
    if (!parsed) {
      preview.errors.insert(preview.errors.end(), parsed.errors().begin(), parsed.errors().end());
      return;
    }
    auto records = stored_records_of(parsed->document);
    if (refuse_what_reader_may_not_see(file.name, records)) return;
    for (auto& r : records) {
      // An applicant's file names the scheme as their own device knew it; the coordinator imports
      // it into the scheme they run.
      if (parsed->kind == DocumentKind::application && r.store == kStorePeople && !options.scheme_id.empty())
        r.value["scheme_id"] = options.scheme_id;
      merger.add(std::move(r), file.name);
    }
  }

  // Checked before any record of the file is taken, so a refused file leaves nothing behind.
  bool refuse_what_reader_may_not_see(const std::string& file_name, const std::vector<StoredRecord>& records) {
    if (!options.reader) return false;
    std::string what;
    for (const auto& r : records) {
      const auto hidden = hidden_fields_present(r.value, r.store, *options.reader);
      if (hidden.empty()) continue;
      std::string entry = r.store + " (" ;
      for (std::size_t i = 0; i < hidden.size(); ++i) entry += (i ? ", " : "") + hidden[i];
      entry += ")";
      if (what.find(entry) == std::string::npos) what += (what.empty() ? "" : "; ") + entry;
    }
    if (what.empty()) return false;
    preview.errors.push_back(
        {file_name, "",
         options.reader == Reader::coordinator
             ? "this file holds what only the pair may read (" + what +
                   "): it is not for the coordinator, so nothing from it is stored. A pair sends a progress report instead."
             : "this file holds what you may not see (" + what + "), so nothing from it is stored"});
    return true;
  }

  void finish() {
    finished = true;
    if (!preview.errors.empty()) {
      preview.changes = ChangeSet{};
      return;
    }
    merger.finish();
    // Check the merged result as a whole (e.g. meetings of a pairing no file provides).
    Workspace trial = ws;
    auto applied = trial.apply(preview.changes);
    if (!applied) preview.errors = applied.errors();
  }
};

ImportPreviewJob::ImportPreviewJob(const Workspace& workspace, std::vector<InputFile> files, ImportOptions options)
    : state_(std::make_unique<State>(workspace, std::move(files), std::move(options))) {}
ImportPreviewJob::~ImportPreviewJob() = default;
ImportPreviewJob::ImportPreviewJob(ImportPreviewJob&&) noexcept = default;
ImportPreviewJob& ImportPreviewJob::operator=(ImportPreviewJob&&) noexcept = default;

bool ImportPreviewJob::step(std::size_t max_files) {
  State& s = *state_;
  for (std::size_t k = 0; k < max_files && s.next < s.files.size(); ++k) s.read_file(s.files[s.next++]);
  if (s.next == s.files.size() && !s.finished) s.finish();
  return s.finished;
}

bool ImportPreviewJob::done() const { return state_->finished; }
std::size_t ImportPreviewJob::files_read() const { return state_->next; }
std::size_t ImportPreviewJob::file_count() const { return state_->files.size(); }
const ImportPreview& ImportPreviewJob::preview() const { return state_->preview; }

ImportPreview preview_import(const Workspace& ws, const std::vector<InputFile>& files, const ImportOptions& options) {
  ImportPreviewJob job(ws, files, options);
  while (!job.step(files.size() + 1)) {
  }
  return job.preview();
}

Result<ChangeSet> apply_import(Workspace& ws, const ImportPreview& preview) {
  if (!preview.can_apply()) return preview.errors;
  return ws.apply(preview.changes);
}

}  // namespace pairwise
