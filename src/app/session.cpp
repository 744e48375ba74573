#include "app/session.hpp"

#include "core/documents/file_names.hpp"
#include "core/documents/restore.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"
#include "platform/storage.hpp"

namespace pairwise::app {
namespace {

// A draft is stored after this pause in typing, and nothing waits longer than the second limit.
constexpr double kDraftPauseMs = 400;
constexpr double kWriteAfterChangeMs = 150;
constexpr double kMaxUnsavedMs = 1000;

const char* role_key(UserRole role) {
  switch (role) {
    case UserRole::applicant: return "applicant";
    case UserRole::coordinator: return "coordinator";
    case UserRole::pair: return "pair";
    case UserRole::none: break;
  }
  return "none";
}

UserRole role_from_key(const std::string& key) {
  if (key == "applicant") return UserRole::applicant;
  if (key == "coordinator") return UserRole::coordinator;
  if (key == "pair") return UserRole::pair;
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
    case UserRole::none: break;
  }
  return "Start";
}

Session::Session() : workspace_(clock_, ids_) {}

bool Session::can_edit() const {
  const auto state = platform::storage_state();
  return loaded_ && (state == platform::StorageState::Writer || state == platform::StorageState::Memory);
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
  scheme_id_ = scheme_id;
  save_settings();
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
  settings["display"] = {{"dark", display_.dark}, {"text_size", display_.text_size}};
  record(workspace_.set_settings(settings));
}

void Session::apply_settings() {
  const Json& settings = workspace_.settings();
  if (!settings.is_object()) return;
  if (auto it = settings.find("role"); it != settings.end() && it->is_string()) role_ = role_from_key(it->get<std::string>());
  if (auto it = settings.find("scheme_id"); it != settings.end() && it->is_string()) scheme_id_ = it->get<std::string>();
  if (auto it = settings.find("display"); it != settings.end() && it->is_object()) {
    display_.dark = it->value("dark", display_.dark);
    const double size = it->value("text_size", static_cast<double>(display_.text_size));
    if (size >= 12 && size <= 32) display_.text_size = static_cast<float>(size);
  }
}

void Session::record(const ChangeSet& changes) {
  if (changes.empty()) return;
  ++changes_recorded_;
  pending_.append(changes);
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

void Session::save_soon(const std::string& key, std::function<void()> save) {
  drafts_[key] = std::move(save);
  last_draft_ms_ = now_ms_;
  if (first_pending_ms_ < 0) first_pending_ms_ = now_ms_;
  platform::request_frame_after(static_cast<int>(kDraftPauseMs) + 10);
}

void Session::tick(double now_ms) {
  now_ms_ = now_ms;
  const bool overdue = first_pending_ms_ >= 0 && now_ms - first_pending_ms_ >= kMaxUnsavedMs;
  if (!drafts_.empty() && (now_ms - last_draft_ms_ >= kDraftPauseMs || overdue)) run_drafts();
  if (!pending_.empty() && (now_ms - last_change_ms_ >= kWriteAfterChangeMs || overdue)) write_pending();
  if (!drafts_.empty() || !pending_.empty()) platform::request_frame_after(60);
}

void Session::flush_now() {
  run_drafts();
  write_pending();
}

void Session::run_drafts() {
  // A draft's save may queue another draft; it runs on the next tick.
  auto drafts = std::move(drafts_);
  drafts_.clear();
  for (auto& [key, save] : drafts) save();
}

void Session::write_pending() {
  if (pending_.empty()) {
    first_pending_ms_ = -1;
    return;
  }
  // In memory-only mode the changes stay pending, so the banner can say how much is unsaved.
  if (platform::write_to_storage(changes_to_json(pending_).dump())) {
    pending_ = ChangeSet{};
    first_pending_ms_ = -1;
  }
}

void Session::on_loaded(const std::string& json) {
  const Json parsed = Json::parse(json, nullptr, false);
  const std::vector<StoredRecord> records =
      records_from_json(parsed.is_object() ? parsed.value("records", Json::array()) : Json::array());
  auto loaded = Workspace::load_records(records, clock_, ids_);
  if (!loaded) {
    notify("Some stored records could not be read and were left untouched in storage: " + loaded.error_text(), true);
  } else {
    workspace_ = std::move(loaded.value());
    // Changes made before loading finished (there should be none) would be lost: keep them.
    if (!pending_.empty()) (void)workspace_.apply(pending_);
  }
  loaded_ = true;
  ++data_generation_;
  apply_settings();
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
  ++data_generation_;
  apply_settings();
}

void Session::on_saved() { last_saved_at_ = clock_.now(); }

void Session::back_up_now() {
  const std::string now = clock_.now();
  Json settings = workspace_.settings();
  settings["last_backup_at"] = now;
  if (can_edit()) record(workspace_.set_settings(settings));
  const std::string text = write_document(make_backup(workspace_), now);
  platform::download_file(export_file_name({"backup", clock_.today()}, "json"), "application/json", text);
}

int Session::days_since_backup() const {
  // Asked every frame: look at the tables, never encode them (10,000 people took 80 ms a frame).
  const Workspace& ws = workspace_;
  const bool has_work = !ws.schemes().empty() || !ws.people().empty() || !ws.pairings().empty() ||
                        !ws.agreements().empty() || !ws.meetings().empty() || !ws.objectives().empty() ||
                        !ws.feedback().empty() || !ws.private_notes().empty() || !ws.progress_reports().empty();
  if (!has_work) return 0;
  const Json& settings = workspace_.settings();
  if (!settings.contains("last_backup_at") || !settings["last_backup_at"].is_string()) return -1;
  const std::string last = settings["last_backup_at"].get<std::string>();
  const auto days = days_between(date_of(last), clock_.today());
  return days ? static_cast<int>(*days) : -1;
}

bool Session::restore(const Backup& backup, const std::string& file_name) {
  auto restored = restore_backup(workspace_, backup);
  if (!restored) {
    notify(file_name + ": the backup was not restored: " + restored.error_text(), true);
    return false;
  }
  record(restored.value());
  ++data_generation_;
  apply_settings();
  notify("Restored everything from " + file_name + ".");
  return true;
}

void Session::notify(std::string text, bool error) {
  notices_.push_back({std::move(text), error});
  if (notices_.size() > 5) notices_.erase(notices_.begin());
}

void Session::dismiss_notice(std::size_t index) {
  if (index < notices_.size()) notices_.erase(notices_.begin() + static_cast<long>(index));
}

}  // namespace pairwise::app
