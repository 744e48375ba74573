#pragma once
#include "app/session.hpp"

namespace pairwise::app {

// Backup and restore: the buttons (inside the Settings popup), the confirmation before a restore
// replaces everything, and a gentle reminder when no backup was made for a while.
void draw_backup_controls(Session& session);
void draw_backup_reminder(Session& session);
// Takes files opened for a restore; draws the confirmation dialog.
void handle_restore(Session& session);

}  // namespace pairwise::app
