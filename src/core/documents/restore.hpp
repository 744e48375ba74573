#pragma once
// Restoring a backup: the workspace becomes exactly the backup, checked in full before anything
// changes, and the change set says what to store and what to delete.
#include "core/documents/documents.hpp"

namespace pairwise {

struct BackupSummary {
  int schemes = 0, people = 0, pairings = 0, meetings = 0, objectives = 0;
  std::string exported_at;
};
BackupSummary summarise_backup(const Backup& backup);

Result<ChangeSet> restore_backup(Workspace& workspace, const Backup& backup);

}  // namespace pairwise
