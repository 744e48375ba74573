#pragma once
// What the app holds while it runs: the person's workspace (from IndexedDB), where they are in the
// app, their display settings, and the changes not yet written. Screens read it and call its
// operations; it decides when changes reach storage (at most about a second behind typing).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/locked_files.hpp"
#include "app/screens/screen_states.hpp"
#include "core/documents/documents.hpp"
#include "core/workspace.hpp"

namespace pairwise::app {

// request_board: a mentor browsing the requests a KIND coordinator published.
enum class UserRole { none, applicant, coordinator, pair, request_board };

struct DisplaySettings {
  // The theme the person picked; none: follow the system's prefers-color-scheme.
  std::optional<bool> chosen_dark;
  // The text size (CSS px) the person picked; none: follow the browser's own text size.
  std::optional<float> chosen_text_size;
  bool dark(bool system_prefers_dark) const { return chosen_dark.value_or(system_prefers_dark); }
  // `browser_scale`: the browser's text size setting over its usual 16 px (1.5 for "Very large").
  float text_size(float browser_scale) const;
};

constexpr float kDefaultTextSize = 17.0f;
constexpr float kSmallestTextSize = 13.0f;
constexpr float kLargestTextSize = 28.0f;

struct Notice {
  std::string text;
  bool error = false;
  // What the notice is about, when it can stop being true (e.g. "answers missing"); the screen that
  // raised it withdraws it when the cause is gone. Empty: it stays until dismissed.
  std::string cause;
};

class Session {
 public:
  Session();

  Workspace& workspace() { return workspace_; }
  const Workspace& workspace() const { return workspace_; }
  bool loaded() const { return loaded_; }
  // False while another tab edits or before data loaded: screens show data read-only.
  bool can_edit() const;

  UserRole role() const { return role_; }
  void set_role(UserRole role);
  const std::string& scheme_id() const { return scheme_id_; }
  void set_scheme(const std::string& scheme_id);
  const DisplaySettings& display() const { return display_; }
  void set_display(const DisplaySettings& display);

  // Records a change made through the workspace; it is written within about a second.
  void record(const ChangeSet& changes);
  // Applies a workspace result, recording its changes or reporting its errors. True on success.
  bool record(const Result<ChangeSet>& result, const std::string& failure_context);
  // Runs `save` after a short pause in typing (the latest call per key wins), so a draft is
  // stored once per pause rather than once per keystroke. `journal` is the record as `save` will
  // store it: it goes into the synchronous journal at once, so closing the tab before the pause
  // ends loses nothing (it is replayed at the next start).
  void save_soon(const std::string& key, std::function<void()> save, std::optional<StoredRecord> journal = std::nullopt);

  // Drives saving; call once a frame.
  void tick(double now_ms);
  // Runs pending drafts and writes everything now (page hidden or closing).
  void flush_now();
  // Everything not yet confirmed written: queued, handed to storage but not yet complete, or
  // still waiting for the typing pause. "All changes saved" only when this is 0.
  std::size_t unsaved_count() const;
  // A write failed or was aborted: its changes are pending again (and journaled), not lost.
  bool write_failed() const { return write_failed_; }
  // Stored records that did not decode at load: shown as damaged and never overwritten.
  const std::vector<DamagedRecord>& damaged_records() const { return damaged_; }
  // True while leaving the page could lose something: changes not yet written, or a device where
  // nothing is written at all (storage refused) and the person has entered data.
  bool has_work_at_risk() const;
  // The workspace's one version (Workspace::version): it moves whenever any record changes, here,
  // from storage or from another tab. Everything a screen derives from the records is keyed on it.
  std::uint64_t workspace_version() const { return workspace_.version(); }
  const std::string& last_saved_at() const { return last_saved_at_; }

  // Storage callbacks.
  void on_loaded(const std::string& json);
  void on_external_change(const std::string& json);
  void on_saved(int write_id);
  void on_write_failed(int write_id);

  // Downloads a backup of everything and remembers when, for the reminder.
  void back_up_now();
  // Days since the last backup (-1 if never); 0 when there is nothing to back up yet.
  int days_since_backup() const;
  // Replaces everything on this device with the backup (checked in full first).
  bool restore(const Backup& backup, const std::string& file_name);

  // A notice with a cause replaces the one already shown for that cause.
  void notify(std::string text, bool error = false, std::string cause = {});
  void withdraw_notices(const std::string& cause);
  const std::vector<Notice>& notices() const { return notices_; }
  void dismiss_notice(std::size_t index);
  // The lock choice of the export step and the passphrase dialog (app/locked_files.hpp).
  LockedFilesState& locked_files() { return locked_files_; }
  // What the coordinator's screens remember (app/screens/screen_states.hpp): started afresh when
  // the scheme changes or the workspace is replaced (loaded, restored).
  ScreenStates& screens() { return screens_; }

 private:
  void save_settings();
  void apply_settings();
  void write_pending();
  void run_drafts();
  // Rewrites the synchronous journal (see core/journal.hpp) of what is not yet written.
  void journal_changes();
  void journal_drafts();
  void replay_journal_from_last_visit();
  // Drops from `changes` anything that would overwrite a damaged stored record.
  void keep_damaged_untouched(ChangeSet& changes);

  SystemClock clock_;
  RandomIdGenerator ids_;
  std::string device_name_;  // this tab's name in field versions (see apply_settings)
  Workspace workspace_;
  bool loaded_ = false;
  UserRole role_ = UserRole::none;
  std::string scheme_id_;
  DisplaySettings display_;
  ChangeSet pending_;
  std::map<int, ChangeSet> in_flight_;  // by write id, oldest first
  int next_write_id_ = 1;
  bool write_failed_ = false;
  std::map<std::string, StoredRecord> draft_journal_;  // by draft key
  std::vector<DamagedRecord> damaged_;
  double first_pending_ms_ = -1;
  double last_change_ms_ = -1;
  std::map<std::string, std::function<void()>> drafts_;
  double last_draft_ms_ = -1;
  double now_ms_ = 0;
  std::string last_saved_at_;
  std::vector<Notice> notices_;
  LockedFilesState locked_files_;
  ScreenStates screens_;
};

const char* role_title(UserRole role);

}  // namespace pairwise::app
