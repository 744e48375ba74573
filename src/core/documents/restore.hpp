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

// The settings entry holding an applicant's half-filled forms, one per scheme id.
inline constexpr const char* kApplicationDraftSetting = "application_draft";
// The settings entry holding a mentor's interest form on the request board (KIND): name, e-mail
// and the note for each chosen request, so a reload or a closed tab loses none of it.
inline constexpr const char* kInterestDraftSetting = "interest_draft";

// Whether the workspace holds work that exists only here and a backup would save: any person,
// pairing, agreement, meeting, objective, feedback, private note or report, a scheme edited after
// it was added, or an application form with answers typed in. A scheme just taken from a preset or
// a coordinator's file can be had again, so an applicant who has typed nothing yet has nothing to
// lose. Looks at the tables only (asked every frame; encoding 10,000 people took 80 ms).
bool has_work_worth_a_backup(const Workspace& workspace);

}  // namespace pairwise
