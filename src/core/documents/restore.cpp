#include "core/documents/restore.hpp"

#include <set>
#include <utility>

namespace pairwise {

BackupSummary summarise_backup(const Backup& backup) {
  BackupSummary s;
  s.schemes = static_cast<int>(backup.schemes.size());
  s.people = static_cast<int>(backup.people.size());
  s.pairings = static_cast<int>(backup.pairings.size());
  s.meetings = static_cast<int>(backup.meetings.size());
  s.objectives = static_cast<int>(backup.objectives.size());
  return s;
}

namespace {

// A record of a pairing the backup does not contain would be unreachable after the restore.
template <class T>
void check_pairing_references(const std::vector<T>& records, const std::set<std::string>& pairings, const char* what,
                              Errors& errors) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string& id = records[i].pairing_id;
    if (!id.empty() && !pairings.count(id))
      errors.push_back({"backup", "$." + std::string(what) + "[" + std::to_string(i) + "].pairing_id",
                        "refers to pairing \"" + id + "\", which is not in the backup"});
  }
}

}  // namespace

Result<ChangeSet> restore_backup(Workspace& workspace, const Backup& backup) {
  std::set<std::string> pairings;
  for (const Pairing& p : backup.pairings) pairings.insert(p.meta.id);
  Errors errors;
  check_pairing_references(backup.agreements, pairings, "agreements", errors);
  check_pairing_references(backup.meetings, pairings, "meetings", errors);
  check_pairing_references(backup.objectives, pairings, "objectives", errors);
  check_pairing_references(backup.private_notes, pairings, "private_notes", errors);
  if (!errors.empty()) return errors;
  const std::vector<StoredRecord> records = stored_records_of(Document{backup});
  auto restored = Workspace::load_records(records, workspace.clock(), workspace.ids());
  if (!restored) return restored.errors();
  ChangeSet changes;
  std::set<std::pair<std::string, std::string>> kept;
  for (const StoredRecord& r : records) {
    changes.upserts.push_back(r);
    kept.emplace(r.store, r.id);
  }
  for (const StoredRecord& r : workspace.all_records())
    if (!kept.count({r.store, r.id})) changes.deletes.push_back({r.store, r.id});
  workspace = std::move(restored.value());
  return changes;
}

namespace {

// Whether an encoded application draft holds anything the applicant typed: a field that differs from
// a blank form's, apart from the record's identity and the defaults the form fills in itself (the
// scheme, the preparation questions without answers).
bool holds_answers(const Json& draft) {
  if (!draft.is_object()) return false;
  static const Json blank = encode(Person{});
  for (auto it = draft.begin(); it != draft.end(); ++it) {
    const std::string& key = it.key();
    if (key == "id" || key == "scheme_id" || key == "created_at" || key == "updated_at" || key == "revision" ||
        key == "applied_on" || key == "sync")
      continue;
    if (key == "preparation" && it->is_array()) {
      for (const Json& entry : *it)
        if (entry.is_object() && entry.value("answer", std::string()) != "") return true;
      continue;
    }
    if (!blank.contains(key) || blank[key] != *it) return true;
  }
  return false;
}

}  // namespace

bool has_work_worth_a_backup(const Workspace& ws) {
  if (!ws.people().empty() || !ws.pairings().empty() || !ws.agreements().empty() || !ws.meetings().empty() ||
      !ws.objectives().empty() || !ws.feedback().empty() || !ws.private_notes().empty() ||
      !ws.progress_reports().empty())
    return true;
  for (const auto& [id, scheme] : ws.schemes())
    if (scheme.meta.revision > 1) return true;
  const Json& settings = ws.settings();
  if (settings.is_object())
    if (auto drafts = settings.find(kApplicationDraftSetting); drafts != settings.end() && drafts->is_object())
      for (const auto& draft : *drafts)
        if (holds_answers(draft)) return true;
  if (settings.is_object())
    if (auto interest = settings.find(kInterestDraftSetting); interest != settings.end() && holds_answers(*interest))
      return true;
  return false;
}

}  // namespace pairwise
