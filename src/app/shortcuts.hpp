#pragma once
// Keyboard shortcuts that mean the same on every screen. Ctrl+S (Cmd+S on a Mac) exports the work
// on display: a screen offers its export each frame; without one, Ctrl+S saves a backup of
// everything.
#include <functional>
#include <string>

#include "app/session.hpp"

namespace pairwise::app {

// Called by a screen while it is drawn, e.g. ("Export application file", …).
void offer_export_shortcut(const std::string& description, std::function<void()> action);
// What Ctrl+S does on the screen on display (for hints).
std::string export_shortcut_description();
// Runs the shortcut if pressed this frame and forgets the screen's offer; call once per frame
// after the screens are drawn.
void handle_shortcuts(Session& session);

}  // namespace pairwise::app
