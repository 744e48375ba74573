#include "core/import/batch_import.hpp"

#include <memory>

#include <algorithm>
#include <map>

#include "core/csv/csv_applications.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/records/text_fold.hpp"
#include "core/documents/documents.hpp"
#include "core/operations/reported_ending.hpp"
#include "core/operations/request_board.hpp"
#include "core/reports/progress_report.hpp"
#include "core/sync/field_merge.hpp"

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

// What makes a record the record it is, beyond its id: a person is their e-mail (the key), a
// pairing its two people, a pair's record its pairing. A file whose id names a record of another
// identity must not replace it.
std::string identity_of(const StoredRecord& r) {
  const Json& v = r.value;
  auto text = [&v](const char* key) {
    auto it = v.find(key);
    return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (r.store == kStorePairings) return normalize_email(text("mentor_email")) + " and " + normalize_email(text("mentee_email"));
  if (r.store == kStoreMeetings || r.store == kStoreObjectives || r.store == kStoreAgreements ||
      r.store == kStoreFeedback || r.store == kStorePrivateNotes)
    return "pairing " + text("pairing_id");
  return {};
}

// A backup is a whole workspace as its owner saw it; every other file is cut for its reader or
// carries one record of its sender's own.
bool is_full_copy(const ParsedDocument& parsed) { return parsed.kind == DocumentKind::backup; }

// Fields the coordinator alone decides: an applicant's file (JSON or survey row) never changes them.
constexpr const char* kCoordinatorOwnedPersonFields[] = {"status", "status_history", "decision", "decision_on"};

class Merger {
 public:
  Merger(const Workspace& ws, ImportPreview& preview) : ws_(ws), preview_(preview) {
    for (auto& r : ws.all_records()) {
      Candidate c{r, revision_of(r.value), updated_of(r.value), "this workspace"};
      ids_in_use_[r.store + "\n" + r.id] = key_of(r);
      existing_[key_of(r)] = c;
    }
  }

  // `from_applicant`: the record comes from an application file or a survey export. `full_copy`: a
  // copy of a workspace that may see everything (a backup, the person's own notebook), as opposed
  // to a file cut for its reader (a partner's notebook, an introduction pack).
  void add(StoredRecord r, const std::string& source, bool from_applicant = false, bool full_copy = false) {
    Candidate incoming{std::move(r), 0, "", source};
    incoming.revision = revision_of(incoming.record.value);
    incoming.updated_at = updated_of(incoming.record.value);
    const std::string key = key_of(incoming.record);
    if (!claim_id(incoming, key)) return;
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
    if (from_applicant && incoming.record.store == kStorePeople && incoming.record.value.is_object() &&
        current->record.value.is_object()) {
      for (const char* field : kCoordinatorOwnedPersonFields) {
        if (auto it = current->record.value.find(field); it != current->record.value.end())
          incoming.record.value[field] = *it;
        else
          incoming.record.value.erase(field);
      }
      keep_field_versions_of(current->record.value, incoming.record.value, kCoordinatorOwnedPersonFields);
    }
    if (substance(incoming.record.value) == substance(current->record.value)) {
      if (batch_it == batch_.end()) batch_[key] = *current;  // remember it as seen, unchanged
      return;
    }
    if (is_cut_copy_of(incoming.record, current->record)) {
      // The same record as the partner may see it (a notebook's pairing without the decline
      // reasons): nothing new, and nothing to set aside.
      if (batch_it == batch_.end()) batch_[key] = *current;
      return;
    }
    if (merges_field_by_field(incoming, *current, full_copy)) {
      merge_fields(incoming, *current, key);
      return;
    }
    std::string reason;
    bool take_incoming = false;
    const bool against_workspace = batch_it == batch_.end();
    if (from_applicant && against_workspace && incoming.record.store == kStorePeople &&
        incoming.updated_at != current->updated_at) {
      // The applicant's device and the coordinator's count revisions apart (every status change
      // adds one here), so against the workspace's copy the later edit of the answers wins.
      // Between two files of the applicant's own device, revisions still decide.
      take_incoming = incoming.updated_at > current->updated_at;
      reason = "the applicant's answers: later edit";
    } else if (incoming.revision != current->revision) {
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
        preview_.based_on.push_back({c.record.store, c.record.id, Json()});
      } else if (ws_it->second.record.value == c.record.value) {
        ++preview_.unchanged_records;
        continue;
      } else {
        ++preview_.updated_records;
        preview_.based_on.push_back(ws_it->second.record);
      }
      preview_.changes.upserts.push_back(c.record);
    }
  }

 private:
  // The pair's records always merge field by field. People and pairings do when both copies carry
  // field versions and come whole, from the coordinator's other device (a backup): a status changed
  // on one and a correction typed on the other are both kept, and two different changes of one
  // field are both kept until the coordinator chooses. A copy cut for its reader (a partner's
  // notebook, an introduction pack) lacks what its reader may not see, so field by field its
  // missing parts would read as edits; an applicant's file is one person's answers, taken by the
  // later edit with the coordinator's fields kept (above); and copies from before field versions
  // (a survey row, an old file) keep the whole-record rules too.
  static bool merges_field_by_field(const Candidate& incoming, const Candidate& current, bool full_copy) {
    const std::string& store = incoming.record.store;
    if (!is_field_merged_store(store)) return false;
    if (store != kStorePeople && store != kStorePairings) return true;
    return full_copy && has_field_versions(incoming.record.value) && has_field_versions(current.record.value);
  }

  // The field versions of `fields` in `into` become those of `from`, so a file that may not change
  // those fields cannot outvote them with versions of its own.
  template <std::size_t N>
  static void keep_field_versions_of(const Json& from, Json& into, const char* const (&fields)[N]) {
    if (!into.is_object() || !into.contains(kSyncKey) || !into[kSyncKey].is_object()) return;
    Json& sync = into[kSyncKey];
    const Json* theirs = from.is_object() && from.contains(kSyncKey) && from[kSyncKey].is_object() ? &from[kSyncKey] : nullptr;
    for (const char* field : fields) {
      const std::string name = field;
      for (auto it = sync.begin(); it != sync.end();) {
        if (top_level_field_of(it.key()) == name) it = sync.erase(it);
        else ++it;
      }
      if (theirs)
        for (auto it = theirs->begin(); it != theirs->end(); ++it)
          if (top_level_field_of(it.key()) == name) sync[it.key()] = it.value();
    }
  }

  static bool is_cut_copy_of(const StoredRecord& incoming, const StoredRecord& current) {
    if (!hidden_fields_present(incoming.value, incoming.store, Reader::partner).empty()) return false;
    if (hidden_fields_present(current.value, current.store, Reader::partner).empty()) return false;
    return substance(visible_part(incoming.value, incoming.store, Reader::partner)) ==
           substance(visible_part(current.value, current.store, Reader::partner));
  }

  // The pair's records merge field by field: nothing either side typed is set aside; a field edited
  // on both sides keeps both texts until the person chooses (core/sync/field_merge.hpp).
  void merge_fields(const Candidate& incoming, const Candidate& current, const std::string& key) {
    Json merged = merge_copies(current.record.value, incoming.record.value, ws_.clock().now());
    std::vector<std::string> known;
    for (const Json* side : {&current.record.value, &incoming.record.value})
      for (const auto& c : conflicts_in(*side)) known.push_back(c.path);
    for (const auto& c : conflicts_in(merged)) {
      if (std::find(known.begin(), known.end(), c.path) != known.end()) continue;
      preview_.conflicts.push_back(ImportConflict{incoming.record.store, incoming.record.id,
                                                  "both texts of \"" + c.path + "\" (" + describe(current) + " and " +
                                                      describe(incoming) + ")",
                                                  "nothing",
                                                  "edited on both sides: both are kept, side by side, until you choose"});
    }
    Candidate result = current;
    if (merged == current.record.value) {
      // Nothing new from the file.
    } else if (merged == incoming.record.value) {
      result = incoming;
    } else {
      // A combination neither copy had (a new revision).
      result.record.value = std::move(merged);
      result.revision = result.record.value["revision"].get<int>();
      result.updated_at = result.record.value["updated_at"].get<std::string>();
      result.source = current.source + " and " + incoming.source;
    }
    batch_[key] = std::move(result);
  }

  // An id stays with one identity: a person whose id another person already has gets a new id (two
  // people, both kept); any other record whose id names a record of another identity is refused.
  bool claim_id(Candidate& incoming, const std::string& key) {
    StoredRecord& r = incoming.record;
    const std::string id_key = r.store + "\n" + r.id;
    auto used = ids_in_use_.find(id_key);
    if (used != ids_in_use_.end() && used->second != key) {
      if (r.store == kStorePeople) {
        const std::string fresh = ws_.ids().next_id();
        preview_.renumbered.push_back(normalize_email(r.value.value("email", "")) + " (from " + incoming.source +
                                      ") had the id of another person, " + r.id + ", and was given a new one");
        r.id = fresh;
        if (r.value.is_object()) r.value["id"] = fresh;
        ids_in_use_[r.store + "\n" + fresh] = key;
        return true;
      }
      preview_.errors.push_back({incoming.source, "",
                                 "the " + r.store + " record " + r.id + " is already known here as another record; nothing from this file is stored"});
      return false;
    }
    const std::string identity = identity_of(r);
    if (!identity.empty()) {
      const Candidate* known = nullptr;
      if (auto b = batch_.find(key); b != batch_.end()) known = &b->second;
      else if (auto e = existing_.find(key); e != existing_.end()) known = &e->second;
      if (known && identity_of(known->record) != identity) {
        preview_.errors.push_back({incoming.source, "",
                                   "the " + r.store + " record " + r.id + " belongs to " + identity_of(known->record) +
                                       " here, but this file gives it to " + identity + "; nothing from this file is stored"});
        return false;
      }
    }
    ids_in_use_[id_key] = key;
    return true;
  }

  static std::string key_of(const StoredRecord& r) {
    if (r.store == kStorePeople && r.value.is_object() && r.value.contains("email") && r.value["email"].is_string())
      return r.store + "\n" + normalize_email(r.value["email"].get<std::string>());
    return r.store + "\n" + r.id;
  }

  const Workspace& ws_;
  ImportPreview& preview_;
  std::map<std::string, std::string> ids_in_use_;  // store + id -> key of the record holding it
  std::map<std::string, Candidate> existing_;
  std::map<std::string, Candidate> batch_;
};

}  // namespace

std::vector<std::string> ImportPreview::summary() const {
  std::vector<std::string> lines;
  lines.push_back(std::to_string(new_records) + " new, " + std::to_string(updated_records) + " updated, " +
                  std::to_string(unchanged_records) + " unchanged record(s)");
  for (const auto& e : merged_people) lines.push_back("merged duplicate applications of " + e);
  for (const auto& e : renumbered) lines.push_back(e);
  for (const auto& c : conflicts)
    lines.push_back("conflict in " + c.store + " " + c.key + ": kept " + c.kept + ", discarded " + c.discarded +
                    " (" + c.reason + ")");
  for (const auto& s : surveys)
    lines.push_back(s.file + ": " +
                    (s.tool == SurveyTool::plain_table ? std::string("a table with one header row")
                                                       : std::string(survey_tool_name(s.tool)) + " export") +
                    ", " + std::to_string(s.answers) + " answer(s)");
  for (const auto& l : left_out) lines.push_back("left out: " + l.describe());
  for (const auto& r : resubmissions) lines.push_back("resubmitted: " + r.describe());
  for (const auto& n : notes) lines.push_back("note: " + n);
  for (const auto& s : status_changes) lines.push_back("pairing: " + s);
  for (const auto& s : interests) lines.push_back("interest: " + s);
  for (const auto& m : missing) lines.push_back("missing required answers: " + m.describe());
  for (const auto& e : errors) lines.push_back("error: " + e.to_string());
  return lines;
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

  // A survey export read as its tool lays it out (core/intake/survey_table.hpp), through the
  // coordinator's mapping, the scheme's saved one, or the one suggested for the layout.
  void read_survey(const std::string& file_name, const CsvTable& raw) {
    SurveyFileReading reading;
    reading.file = file_name;
    reading.survey = recognise_survey(raw);
    reading.tool = reading.survey.tool;
    const Scheme* scheme = ws.find<Scheme>(options.scheme_id);
    if (options.csv_mapping) reading.mapping = *options.csv_mapping;
    else if (scheme && !scheme->csv_mapping.columns.empty()) reading.mapping = mapping_for_survey(scheme->csv_mapping, reading.survey);
    else reading.mapping = suggest_mapping(reading.survey);
    reading.answers = static_cast<int>(reading.survey.table.rows.size());
    if (options.ambiguous_dates != DateOrder::automatic)
      for (auto& c : reading.mapping.columns)
        if (c.field == "applied_on" && c.date_order == DateOrder::automatic) c.date_order = options.ambiguous_dates;
    preview.surveys.push_back(std::move(reading));
    SurveyFileReading& read = preview.surveys.back();  // nothing else is added to surveys below
    const ColumnMapping& mapping = read.mapping;
    const SurveyTable& survey = read.survey;
    if (mapping.headers_of("email").empty()) {
      preview.errors.push_back({file_name, "row 1", "no column is mapped to the e-mail address"});
      return;
    }
    CsvReadOptions read_options{options.scheme_id, file_name, scheme ? scheme->topics : std::vector<std::string>{}};
    auto applications = read_applications(survey.table, mapping, read_options, ws.ids(), ws.clock());
    read.ambiguous_date_columns = applications.ambiguous_date_columns;
    preview.errors.insert(preview.errors.end(), applications.errors.begin(), applications.errors.end());
    // One person answering twice: the later submission (by the tool's time, else the later row)
    // is kept unless the coordinator chose the other.
    std::map<std::string, std::vector<const CsvApplicationRow*>> by_email;
    std::vector<std::string> order;
    for (const auto& row : applications.rows) {
      if (!row.person) {
        std::string reason;
        for (const auto& e : row.errors) {
          const std::string where = "row " + std::to_string(row.row_number);
          std::string path = e.path.rfind(where, 0) == 0 ? e.path.substr(where.size()) : e.path;
          if (path.rfind(", ", 0) == 0) path = path.substr(2);
          reason += (reason.empty() ? "" : "; ") + (path.empty() ? "" : path + ": ") + e.message;
        }
        preview.left_out.push_back(LeftOutAnswer{file_name, static_cast<int>(row.row_number), row.who(),
                                                 row.given_email, reason});
        auto& target = options.skip_bad_csv_rows ? preview.skipped_rows : preview.errors;
        target.insert(target.end(), row.errors.begin(), row.errors.end());
        continue;
      }
      for (const auto& n : row.notes) preview.notes.push_back(file_name + " " + n + " (" + row.who() + ")");
      const std::string key = normalize_email(row.person->email);
      if (!by_email.count(key)) order.push_back(key);
      by_email[key].push_back(&row);
    }
    for (const auto& key : order) {
      const auto& rows = by_email[key];
      const CsvApplicationRow* kept = rows.front();
      for (const auto* r : rows)
        if (r->submitted_at > kept->submitted_at || (r->submitted_at == kept->submitted_at && r->row_number > kept->row_number))
          kept = r;
      const CsvApplicationRow* latest = kept;
      bool chosen = false;
      for (const auto* r : rows) {
        if (std::find(options.keep_rows.begin(), options.keep_rows.end(),
                      row_choice_key(file_name, static_cast<int>(r->row_number))) != options.keep_rows.end()) {
          chosen = r != latest;
          kept = r;
        }
      }
      for (const auto* r : rows) {
        if (r == kept) continue;
        preview.resubmissions.push_back(Resubmission{file_name, r->person->email, static_cast<int>(kept->row_number),
                                                     kept->submitted_at, summary_of(*kept->person),
                                                     static_cast<int>(r->row_number), r->submitted_at,
                                                     summary_of(*r->person), chosen});
      }
      merger.add(StoredRecord{kStorePeople, kept->person->meta.id, encode(*kept->person)}, file_name, true);
    }
  }

  static std::string summary_of(const Person& p) {
    std::string out = p.name.empty() ? p.email : p.name;
    std::string roles;
    if (p.is_mentor() && p.is_mentee()) roles = "mentor and mentee";
    else if (p.is_mentor()) roles = "mentor";
    else if (p.is_mentee()) roles = "mentee";
    out += ": " + roles;
    if (p.experience_years) out += ", " + std::to_string(*p.experience_years) + " years";
    if (p.is_mentor()) out += ", capacity " + std::to_string(p.capacity);
    if (!p.topics.empty()) {
      out += ", topics ";
      for (std::size_t i = 0; i < p.topics.size(); ++i) out += (i ? "; " : "") + p.topics[i];
    }
    return out;
  }

  void read_file(const InputFile& file) {
    if (is_survey_table_file_name(file.name)) {
      auto table = read_survey_table(file.content, file.name);
      if (!table) {
        preview.errors.insert(preview.errors.end(), table.errors().begin(), table.errors().end());
        return;
      }
      read_survey(file.name, table.value());
      return;
    }
    auto parsed = read_document(file.content, file.name);
    if (!parsed) {
      preview.errors.insert(preview.errors.end(), parsed.errors().begin(), parsed.errors().end());
      return;
    }
    if (parsed->kind == DocumentKind::request_board) {
      preview.errors.push_back({file.name, "",
                                "this is a request board, which mentors browse; the coordinator imports the interest "
                                "files mentors send back"});
      return;
    }
    auto records = stored_records_of(parsed->document);
    if (refuse_what_reader_may_not_see(file.name, records)) return;
    if (parsed->kind == DocumentKind::interest) {
      read_interest(file.name, std::get<InterestDocument>(parsed->document));
      return;
    }
    for (auto& r : records) {
      // An applicant's file names the scheme as their own device knew it; the coordinator imports
      // it into the scheme they run.
      if (parsed->kind == DocumentKind::application && r.store == kStorePeople && !options.scheme_id.empty())
        r.value["scheme_id"] = options.scheme_id;
      merger.add(std::move(r), file.name, parsed->kind == DocumentKind::application, is_full_copy(parsed.value()));
    }
  }

  // A mentor's interest file: their profile joins like an application when the scheme does not
  // know them yet (a known mentor's stored profile is kept: the form on the board asks for less);
  // the interests become pairings once the whole batch is merged (finish).
  void read_interest(const std::string& file_name, InterestDocument interest) {
    interest.mentor.scheme_id = options.scheme_id.empty() ? interest.scheme_id : options.scheme_id;
    const Person* known = ws.person_by_email(interest.mentor.email);
    if (!known || known->scheme_id != interest.mentor.scheme_id)
      merger.add(StoredRecord{kStorePeople, interest.mentor.meta.id, encode(interest.mentor)}, file_name, true);
    interests.emplace_back(file_name, std::move(interest));
  }
  std::vector<std::pair<std::string, InterestDocument>> interests;

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
    preview.scheme_id = options.scheme_id;
    // Required answers that came in empty, per person, by the scheme each person joins.
    for (const auto& r : preview.changes.upserts) {
      if (r.store != kStorePeople) continue;
      Errors ignored;
      Person p;
      decode(JsonReader(&r.value, "$", &ignored), p);
      const Scheme* scheme = ws.find<Scheme>(p.scheme_id);
      if (!scheme) continue;
      MissingAnswers m{p.email, p.name, {}};
      for (const auto& key : missing_intake_fields(*scheme, p)) m.fields.push_back(field_label(key));
      if (!m.fields.empty()) preview.missing.push_back(std::move(m));
    }
    // Check the merged result as a whole (e.g. meetings of a pairing no file provides).
    Workspace trial = ws;
    auto applied = trial.apply(preview.changes);
    if (!applied) {
      preview.errors = applied.errors();
      return;
    }
    take_reported_endings(trial);
    take_interests_of_files(trial);
  }

  // A record a lifecycle step changed on the trial workspace replaces the batch's copy of it.
  void take_over_upserts(const ChangeSet& changes) {
    auto& ups = preview.changes.upserts;
    for (const auto& up : changes.upserts) {
      ups.erase(std::remove_if(ups.begin(), ups.end(),
                               [&](const StoredRecord& x) { return x.store == up.store && x.id == up.id; }),
                ups.end());
      ups.push_back(up);
    }
  }

  void take_interests_of_files(Workspace& trial) {
    for (const auto& [file_name, interest] : interests) {
      auto taken = take_interests(trial, interest, interest.mentor.scheme_id, file_name);
      if (!taken) {
        preview.errors.insert(preview.errors.end(), taken.errors().begin(), taken.errors().end());
        continue;
      }
      for (const auto& t : taken->interests) preview.interests.push_back(t.said);
      preview.new_records += static_cast<int>(taken->changes.upserts.size());
      take_over_upserts(taken->changes);
    }
    if (!preview.errors.empty()) preview.changes = ChangeSet{};
  }

  // A progress report saying the pair withdrew or completed moves the coordinator's pairing there
  // too, through the lifecycle's rules; a move those rules refuse is said, and the report is still stored.
  void take_reported_endings(Workspace& trial) {
    std::vector<ProgressReport> reports;
    for (const auto& r : preview.changes.upserts) {
      if (r.store != kStoreProgressReports) continue;
      Errors ignored;
      ProgressReport report;
      decode(JsonReader(&r.value, "$", &ignored), report);
      if (ignored.empty()) reports.push_back(std::move(report));
    }
    for (const ProgressReport& report : reports) {
      const Pairing* pairing = trial.find<Pairing>(report.pairing_id);
      if (!pairing) continue;
      const auto request = reported_ending(*pairing, report);
      if (!request) continue;
      const std::string who = trial.display_name(pairing->mentor_email) + " and " + trial.display_name(pairing->mentee_email);
      auto moved = trial.transition_pairing(report.pairing_id, *request);
      if (!moved) {
        preview.status_changes.push_back("the pairing of " + who + " is reported " + to_string(report.status) +
                                " but stays " + to_string(pairing->status()) + ": " + moved.error_text());
        continue;
      }
      const bool seen = std::any_of(preview.based_on.begin(), preview.based_on.end(), [&](const StoredRecord& b) {
        return b.store == kStorePairings && b.id == report.pairing_id;
      });
      if (!seen)
        if (const Pairing* stored = ws.find<Pairing>(report.pairing_id))
          preview.based_on.push_back(StoredRecord{kStorePairings, report.pairing_id, encode(*stored)});
      take_over_upserts(moved.value());
      ++preview.updated_records;
      preview.status_changes.push_back("the pairing of " + who + " is now " + to_string(report.status) + " (since " +
                              request->date + "), as their progress report says");
    }
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
  // The preview decided against the records it saw: if any of them changed since (an edit made
  // while the preview was open), applying it would overwrite that edit unseen.
  if (!preview.based_on.empty()) {
    std::map<std::string, const StoredRecord*> now;
    const auto records = ws.all_records();
    for (const auto& r : records) now[r.store + "\n" + r.id] = &r;
    Errors moved;
    for (const auto& seen : preview.based_on) {
      auto it = now.find(seen.store + "\n" + seen.id);
      const bool same = seen.value.is_null() ? it == now.end() : it != now.end() && it->second->value == seen.value;
      if (!same)
        moved.push_back({seen.store + "/" + seen.id, "",
                         "changed in this workspace since the import was previewed; nothing was imported: preview the "
                         "import again to see it against the newer data"});
    }
    if (!moved.empty()) return moved;
  }
  ChangeSet changes = preview.changes;
  if (!preview.surveys.empty()) {
    const ImportRecord record = import_record_of(preview, preview.scheme_id, ws);
    changes.upserts.push_back(StoredRecord{kStoreImports, record.meta.id, encode(record)});
  }
  return ws.apply(changes);
}

std::string row_choice_key(const std::string& file, int row) { return file + "\n" + std::to_string(row); }

ImportRecord import_record_of(const ImportPreview& preview, const std::string& scheme_id, const Workspace& ws) {
  ImportRecord r;
  r.meta = ws.new_meta();
  r.scheme_id = scheme_id;
  r.imported_at = ws.clock().now();
  for (const auto& s : preview.surveys) r.files.push_back(ImportedFile{s.file, survey_tool_name(s.tool), s.answers});
  r.new_records = preview.new_records;
  r.updated_records = preview.updated_records;
  r.unchanged_records = preview.unchanged_records;
  r.left_out = preview.left_out;
  r.resubmissions = preview.resubmissions;
  r.notes = preview.notes;
  r.missing = preview.missing;
  return r;
}

}  // namespace pairwise
