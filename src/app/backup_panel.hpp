#pragma once
#include "app/session.hpp"

#include <optional>
#include <string>

#include "core/documents/documents.hpp"

namespace pairwise::app {

// Backup and restore: the buttons (inside the Settings popup), the confirmation before a restore
// replaces everything, and a gentle reminder when no backup was made for a while.
void draw_backup_controls(Session& session);
// The reminder sits in a footer under the screen: appearing as the first answer is typed, it then
// moves nothing under the pointer or the caret (above the screen it pushed every field down).
// Empty when there is nothing to remind of.
std::string backup_reminder_text(const Session& session);
float backup_reminder_height(const std::string& text);
void draw_backup_reminder(Session& session, const std::string& text);
// A backup file opened for a restore, waiting for the person to confirm it replaces everything.
// Owned by the app (AppScreens) and dropped with the other screens' state when the workspace is
// replaced, so a confirmation can never apply to a workspace it was not asked about.
struct RestoreDialogState {
  struct Pending {
    Backup backup;
    std::string file_name;
  };
  std::optional<Pending> pending;
};

// Takes files opened for a restore; draws the confirmation dialog.
void handle_restore(Session& session, RestoreDialogState& state);

}  // namespace pairwise::app
