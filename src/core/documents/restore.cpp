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

}  // namespace pairwise
