#pragma once
// Passphrase-locked files in the app (format: assets/locked-file-format.md): the lock choice in the
// export step, and the dialog that asks for the passphrase of a locked file someone opened. The
// passphrase is never stored or journaled: it lives in this struct while typed, and is wiped as
// soon as the browser's Web Crypto has used it (platform/lock.hpp).
#include <deque>
#include <string>

#include "core/locking/locked_file.hpp"
#include "platform/files.hpp"

namespace pairwise::app {

class Session;

struct ExportLockChoice {
  bool lock = false;
  std::string passphrase, repeat;
};

struct WaitingLockedFile {
  platform::OpenedFile file;
  std::string purpose;  // of the button that opened it, handed on once it opens
  LockedEnvelope envelope;
};

struct LockedFilesState {
  ExportLockChoice choice;
  std::deque<WaitingLockedFile> waiting;  // opened, asking for their passphrase, first in front
  std::string passphrase;                 // typed into the dialog
  std::string problem;                    // "the passphrase is wrong", shown in the dialog
  bool opening = false;                   // Web Crypto is deriving the key
  int sealing = 0;                        // exports being locked
  // An answer from Web Crypto arrives between frames, not as input: a few frames are drawn after
  // it so what it opens (a dialog that sizes itself on its first frame) is drawn complete.
  int frames_to_settle = 0;
};

// The lock choice of the export step. `for_mail`: the files exported here are meant to be
// e-mailed (notebooks, introduction packs), so locking is recommended in words.
void draw_export_lock_choice(Session& session, bool for_mail);
// Offers an export as a download, locked with the chosen passphrase when the person chose to.
// Returns the file name the download gets ("" when nothing was exported, after a notice saying why).
std::string deliver_export(Session& session, const std::string& file_name, const std::string& mime_type,
                           const std::string& content);
// Takes locked files the person opened and asks for their passphrase; an opened file then reaches
// the screen as any other file would. Drawn every frame.
void draw_locked_file_dialog(Session& session);

}  // namespace pairwise::app
