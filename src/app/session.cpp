#include "app/session.hpp"

#include <algorithm>
#include <cmath>

#include "core/documents/file_names.hpp"
#include "core/documents/restore.hpp"
#include "core/journal.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"
#include "platform/storage.hpp"

namespace pairwise::app {
namespace {

// A draft is stored after this pause in typing, and nothing waits longer than the second limit.
constexpr double kDraftPauseMs = 400;
constexpr double kWriteAfterChangeMs = 150;
constexpr double kMaxUnsavedMs = 1000;
// localStorage keys of the journal: change sets, and drafts (rewritten on every key typed).
constexpr const char* kJournalChangesKey = "pairwise-journal-changes";
constexpr const char* kJournalDraftsKey = "pairwise-journal-drafts";

const char* role_key(UserRole role) {
  switch (role) {
    case UserRole::applicant: return "applicant";
    case UserRole::coordinator: return "coordinator";
    case UserRole::pair: return "pair";
    case UserRole::request_board: return "request_board";
    case UserRole::none: break;
  }
  return "none";
}

UserRole role_from_key(const std::string& key) {
  if (key == "applicant") return UserRole::applicant;
  if (key == "coordinator") return UserRole::coordinator;
  if (key == "pair") return UserRole::pair;
  if (key == "request_board") return UserRole::request_board;
  return UserRole::none;
}

// Records as the storage layer hands them over: [{"store","id","value"}...]; malformed entries
// (which storage never writes) are skipped.
std::vector<StoredRecord> records_from_json(const Json& list) {
  std::vector<StoredRecord> records;
  if (!list.is_array()) return records;
  for (const Json& r : list) {
    if (r.is_object() && r.contains("store") && r.contains("id") && r.contains("value") && r["store"].is_string() &&
        r["id"].is_string())
      records.push_back({r["store"].get<std::string>(), r["id"].get<std::string>(), r["value"]});
  }
  return records;
}

Json changes_to_json(const ChangeSet& changes) {
  Json puts = Json::array();
  for (const StoredRecord& r : changes.upserts) puts.push_back({{"store", r.store}, {"id", r.id}, {"value", r.value}});
  Json deletes = Json::array();
  for (const RecordKey& k : changes.deletes) deletes.push_back({{"store", k.store}, {"id", k.id}});
  return {{"puts", std::move(puts)}, {"deletes", std::move(deletes)}};
}

}  // namespace

const char* role_title(UserRole role) {
  switch (role) {
    case UserRole::applicant: return "Applicant";
    case UserRole::coordinator: return "Coordinator";
    case UserRole::pair: return "Mentoring pair";
    case UserRole::request_board: return "Project requests";
    case UserRole::none: break;
  }
  return "Start";
}

Session::Session() : workspace_(clock_, ids_) {}

bool Session::can_edit() const {
  const auto state = platform::storage_state();
  return loaded_ && (state == platform::StorageState::Writer || state == platform::StorageState::Memory);
}

std::size_t Session::unsaved_count() const {
  std::size_t n = pending_.upserts.size() + pending_.deletes.size() + drafts_.size();
  for (const auto& [id, batch] : in_flight_) n += batch.upserts.size() + batch.deletes.size();
  return n;
}

bool Session::has_work_at_risk() const {
  if (unsaved_count() > 0) return true;
  if (platform::storage_state() != platform::StorageState::Memory) return false;
  const Workspace& ws = workspace_;
  return !ws.people().empty() || !ws.pairings().empty() || !ws.meetings().empty() || !ws.objectives().empty() ||
         !ws.private_notes().empty() || ws.settings().contains("application_draft");
}

void Session::set_role(UserRole role) {
  role_ = role;
  save_settings();
}

void Session::set_scheme(const std::string& scheme_id) {
  if (scheme_id != scheme_id_) reset_screen_states(screens_, scheme_id);
  scheme_id_ = scheme_id;
  save_settings();
}

float DisplaySettings::text_size(float browser_scale) const {
  if (chosen_text_size) return *chosen_text_size;
  const float followed = kDefaultTextSize * (browser_scale > 0 ? browser_scale : 1.0f);
  return std::clamp(std::round(followed), kSmallestTextSize, kLargestTextSize);
}

void Session::set_display(const DisplaySettings& display) {
  display_ = display;
  save_settings();
}

void Session::save_settings() {
  if (!can_edit()) return;
  Json settings = workspace_.settings();
  settings["role"] = role_key(role_);
  settings["scheme_id"] = scheme_id_;
  settings["display"] = Json::object();
  if (display_.chosen_text_size) settings["display"]["text_size"] = *display_.chosen_text_size;
  if (display_.chosen_dark) settings["display"]["theme"] = *display_.chosen_dark ? "dark" : "light";
  record(workspace_.set_settings(settings));
}

void Session::apply_settings() {
  // Edits of the pair's records are versioned field by field under this tab's own name, so copies
  // merged later keep what each side typed (core/sync/field_merge.hpp). A new name per tab is
  // always safe: a name only has to differ from every other device's.
  if (device_name_.empty()) device_name_ = "tab-" + ids_.next_id().substr(0, 12);
  workspace_.set_device(device_name_);
  const Json& settings = workspace_.settings();
  if (!settings.is_object()) return;
  if (auto it = settings.find("role"); it != settings.end() && it->is_string()) role_ = role_from_key(it->get<std::string>());
  if (auto it = settings.find("scheme_id"); it != settings.end() && it->is_string() && it->get<std::string>() != scheme_id_) {
    scheme_id_ = it->get<std::string>();
    reset_screen_states(screens_, scheme_id_);
  }
  if (auto it = settings.find("display"); it != settings.end() && it->is_object()) {
    // "theme" is the person's pick. Older versions stored "dark" on every save with dark as the
    // default, so only "dark": false is known to be a choice; true follows the system from now on.
    if (auto theme = it->find("theme"); theme != it->end() && theme->is_string())
      display_.chosen_dark = theme->get<std::string>() == "dark";
    else if (auto dark = it->find("dark"); dark != it->end() && dark->is_boolean() && !dark->get<bool>())
      display_.chosen_dark = false;
    // Older versions stored the size on every save, 17 unless changed: only another size is known
    // to be a choice; 17 follows the browser's text size from now on (the same size by default).
    const double size = it->value("text_size", static_cast<double>(kDefaultTextSize));
    if (size >= kSmallestTextSize && size <= kLargestTextSize && size != kDefaultTextSize)
      display_.chosen_text_size = static_cast<float>(size);
    else display_.chosen_text_size.reset();
  }
}

void Session::record(const ChangeSet& changes_in) {
  if (changes_in.empty()) return;
  if (!can_edit()) {
    // A read-only tab never queues a change: it would be replayed over newer data when this tab
    // becomes the writer. The operation already changed this tab's copy, so read it again.
    notify("This tab is read-only (Pairwise is open in another tab), so that change was not made. "
           "Choose \"Edit here\" to edit in this tab.",
           true);
    if (loaded_) platform::reload_from_storage();
    return;
  }
  ChangeSet changes = changes_in;
  keep_damaged_untouched(changes);
  if (changes.empty()) return;
  pending_.append(changes);
  journal_changes();
  if (first_pending_ms_ < 0) first_pending_ms_ = now_ms_;
  last_change_ms_ = now_ms_;
  platform::request_frame_after(static_cast<int>(kWriteAfterChangeMs) + 10);
}

bool Session::record(const Result<ChangeSet>& result, const std::string& failure_context) {
  if (!result) {
    notify(failure_context + ": " + result.error_text(), true);
    return false;
  }
  record(result.value());
  return true;
}

void Session::save_soon(const std::string& key, std::function<void()> save, std::optional<StoredRecord> journal) {
  if (!can_edit()) return;  // nothing is queued in a read-only tab (see record())
  drafts_[key] = std::move(save);
  if (journal) {
    draft_journal_[key] = std::move(*journal);
    journal_drafts();
  }
  last_draft_ms_ = now_ms_;
  if (first_pending_ms_ < 0) first_pending_ms_ = now_ms_;
  platform::request_frame_after(static_cast<int>(kDraftPauseMs) + 10);
}

void Session::tick(double now_ms) {
  now_ms_ = now_ms;
  const bool overdue = first_pending_ms_ >= 0 && now_ms - first_pending_ms_ >= kMaxUnsavedMs;
  if (!drafts_.empty() && (now_ms - last_draft_ms_ >= kDraftPauseMs || overdue)) run_drafts();
  // Where nothing can be written (memory only, read-only) pending changes wait without frames.
  const bool can_write = platform::storage_state() == platform::StorageState::Writer;
  if (can_write && !pending_.empty() && (now_ms - last_change_ms_ >= kWriteAfterChangeMs || overdue)) write_pending();
  if (!drafts_.empty() || (can_write && !pending_.empty())) platform::request_frame_after(60);
}

void Session::flush_now() {
  run_drafts();
  write_pending();
}

void Session::run_drafts() {
  // A draft's save may queue another draft; it runs on the next tick.
  if (drafts_.empty()) return;
  auto drafts = std::move(drafts_);
  drafts_.clear();
  for (auto& [key, save] : drafts) save();
  // Their changes are journaled as change sets now (record() did it before this line).
  for (const auto& [key, save] : drafts) draft_journal_.erase(key);
  journal_drafts();
}

void Session::journal_changes() {
  if (!can_edit()) return;  // the journal belongs to the tab that writes
  std::vector<const ChangeSet*> unsaved;
  for (const auto& [id, batch] : in_flight_) unsaved.push_back(&batch);
  if (!pending_.empty()) unsaved.push_back(&pending_);
  if (unsaved.empty()) platform::journal_remove(kJournalChangesKey);
  else platform::journal_store(kJournalChangesKey, journal_changes_text(unsaved));
}

void Session::journal_drafts() {
  if (!can_edit()) return;
  if (draft_journal_.empty()) {
    platform::journal_remove(kJournalDraftsKey);
    return;
  }
  std::vector<StoredRecord> drafts;
  for (const auto& [key, record] : draft_journal_) drafts.push_back(record);
  platform::journal_store(kJournalDraftsKey, journal_drafts_text(drafts));
}

void Session::replay_journal_from_last_visit() {
  const std::string changes = platform::journal_load(kJournalChangesKey);
  const std::string drafts = platform::journal_load(kJournalDraftsKey);
  if (changes.empty() && drafts.empty()) return;
  JournalReplay replay = replay_journal(workspace_, changes, drafts);
  // The journal now lives on as these pending changes (record() journals them again).
  platform::journal_remove(kJournalDraftsKey);
  if (!replay.changes.empty()) {
    record(replay.changes);
    notify("Restored " + std::to_string(replay.restored) +
           " unsaved change(s) from the last time Pairwise was open here (the tab was closed before they were written).");
  } else {
    journal_changes();
  }
  if (!replay.skipped.empty()) {
    std::string text = "Not restored from the last visit:";
    for (const auto& why : replay.skipped) text += " " + why + ";";
    notify(text, true);
  }
}

void Session::keep_damaged_untouched(ChangeSet& changes) {
  if (damaged_.empty()) return;
  auto is_damaged = [&](const std::string& store, const std::string& id) {
    for (const auto& d : damaged_)
      if (d.key.store == store && d.key.id == id) return true;
    return false;
  };
  std::size_t before = changes.upserts.size() + changes.deletes.size();
  std::erase_if(changes.upserts, [&](const StoredRecord& r) { return is_damaged(r.store, r.id); });
  std::erase_if(changes.deletes, [&](const RecordKey& k) { return is_damaged(k.store, k.id); });
  if (changes.upserts.size() + changes.deletes.size() != before)
    notify("A damaged stored record was left as it is rather than overwritten (see the message at the top).", true);
}

void Session::write_pending() {
  if (pending_.empty()) {
    first_pending_ms_ = -1;
    return;
  }
  // In memory-only mode the changes stay pending, so the banner can say how much is unsaved.
  if (platform::storage_state() != platform::StorageState::Writer) {
    first_pending_ms_ = -1;
    return;
  }
  // Handed to storage, a batch stays "in flight" (unsaved, journaled) until its transaction
  // completes; if it fails it is pending again.
  const int id = next_write_id_;
  if (platform::write_to_storage(changes_to_json(pending_).dump(-1, ' ', false, Json::error_handler_t::replace), id)) {
    ++next_write_id_;
    in_flight_[id] = std::move(pending_);
    pending_ = ChangeSet{};
    first_pending_ms_ = -1;
  }
}

void Session::on_loaded(const std::string& json) {
  const Json parsed = Json::parse(json, nullptr, false);
  const std::vector<StoredRecord> records =
      records_from_json(parsed.is_object() ? parsed.value("records", Json::array()) : Json::array());
  // Whatever decodes is shown; a record that does not is listed as damaged and left untouched.
  auto loaded = Workspace::load_records_keeping_damaged(records, clock_, ids_);
  workspace_ = std::move(loaded.workspace);
  damaged_ = std::move(loaded.damaged);
  // Changes not yet written (none normally) would be lost: keep them.
  for (const auto& [id, batch] : in_flight_) (void)workspace_.apply(batch);
  if (!pending_.empty()) (void)workspace_.apply(pending_);
  loaded_ = true;
  apply_settings();
  // Only the tab that writes replays the journal: a read-only tab's writer is alive and owns it.
  if (platform::storage_state() == platform::StorageState::Writer) {
    replay_journal_from_last_visit();
    apply_settings();  // the journal may have brought back settings (an applicant's draft, the role)
  }
  reset_screen_states(screens_, scheme_id_);  // a new workspace: nothing on screen belongs to it yet
}

void Session::on_external_change(const std::string& json) {
  const Json parsed = Json::parse(json, nullptr, false);
  if (!parsed.is_object()) return;
  ChangeSet changes;
  changes.upserts = records_from_json(parsed.value("puts", Json::array()));
  for (const Json& k : parsed.value("deletes", Json::array())) {
    if (k.is_object() && k.contains("store") && k.contains("id") && k["store"].is_string() && k["id"].is_string())
      changes.deletes.push_back({k["store"].get<std::string>(), k["id"].get<std::string>()});
  }
  auto applied = workspace_.apply(changes);
  if (!applied) notify("Changes from the other tab could not be shown: " + applied.error_text(), true);
  apply_settings();
}

void Session::on_saved(int write_id) {
  last_saved_at_ = clock_.now();
  in_flight_.erase(write_id);
  journal_changes();
}

void Session::on_write_failed(int write_id) {
  auto it = in_flight_.find(write_id);
  if (it == in_flight_.end()) return;
  // The failed batch is older than anything pending: it goes first, and nothing is dropped.
  ChangeSet again = std::move(it->second);
  in_flight_.erase(it);
  again.append(pending_);
  pending_ = std::move(again);
  write_failed_ = true;
  journal_changes();
  notify("Saving failed: " + std::to_string(unsaved_count()) +
             " change(s) are kept in this tab only, and offered again the next time Pairwise opens here. "
             "Export a backup now.",
         true);
}

void Session::back_up_now() {
  // What was typed in the last moments is in the backup too: drafts waiting for a pause in
  // typing go into the workspace first (a backup is most often made because saving failed).
  run_drafts();
  const std::string now = clock_.now();
  Json settings = workspace_.settings();
  settings["last_backup_at"] = now;
  if (can_edit()) record(workspace_.set_settings(settings));
  const std::string text = write_document(make_backup(workspace_), now);
  deliver_export(*this, export_file_name({"backup", clock_.today()}, "json"), "application/json", text);
}

int Session::days_since_backup() const {
  if (!has_work_worth_a_backup(workspace_)) return 0;
  const Json& settings = workspace_.settings();
  if (!settings.contains("last_backup_at") || !settings["last_backup_at"].is_string()) return -1;
  const std::string last = settings["last_backup_at"].get<std::string>();
  const auto days = days_between(date_of(last), clock_.today());
  return days ? static_cast<int>(*days) : -1;
}

bool Session::restore(const Backup& backup, const std::string& file_name) {
  if (!can_edit()) {
    notify(file_name + ": the backup was not restored: this tab is read-only (Pairwise is open in another tab). "
                       "Choose \"Edit here\" first.",
           true);
    return false;
  }
  auto restored = restore_backup(workspace_, backup);
  if (!restored) {
    notify(file_name + ": the backup was not restored: " + restored.error_text(), true);
    return false;
  }
  record(restored.value());
  apply_settings();
  reset_screen_states(screens_, scheme_id_);
  notify("Restored everything from " + file_name + ".");
  return true;
}

void Session::notify(std::string text, bool error, std::string cause) {
  if (!cause.empty()) withdraw_notices(cause);
  notices_.push_back({std::move(text), error, std::move(cause)});
  if (notices_.size() > 5) notices_.erase(notices_.begin());
}

void Session::withdraw_notices(const std::string& cause) {
  if (cause.empty()) return;
  std::erase_if(notices_, [&](const Notice& n) { return n.cause == cause; });
}

void Session::dismiss_notice(std::size_t index) {
  if (index < notices_.size()) notices_.erase(notices_.begin() + static_cast<long>(index));
}

}  // namespace pairwise::app
