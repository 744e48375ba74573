#pragma once
// The journal of unsaved edits (issue 11: "close the tab at any moment"). IndexedDB writes are
// asynchronous, so a tab closed or crashed a tenth of a second after a key can lose what was
// typed; the app therefore also keeps, synchronously, a small journal of everything not yet
// confirmed written: the change sets handed to storage or waiting for it, and the drafts still
// waiting for their typing pause. On the next start the writer replays it through
// replay_journal(), which never puts an older copy over a newer stored one.
#include <string>
#include <vector>

#include "core/workspace.hpp"

namespace pairwise {

// Change sets not yet confirmed written, oldest first, as journal text.
std::string journal_changes_text(const std::vector<const ChangeSet*>& unsaved);
// Drafts (records as they would be saved, with the revision they were edited from) as journal text.
std::string journal_drafts_text(const std::vector<StoredRecord>& drafts);

struct JournalReplay {
  ChangeSet changes;                 // to record and write, already applied to the workspace
  std::vector<std::string> skipped;  // "meetings/abc: a newer copy is stored" and the like
  int restored = 0;                  // records brought back
};

// Applies what the journal holds and storage lacks: a record is restored only when the stored
// copy is missing or older than the journal's (a draft only when the stored copy is still the one
// it was edited from). Unreadable journal text is skipped, never an error.
JournalReplay replay_journal(Workspace& workspace, const std::string& changes_text, const std::string& drafts_text);

}  // namespace pairwise
