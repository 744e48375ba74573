#pragma once
// The browser's IndexedDB as the app sees it: load everything once, then write change sets, each in
// one transaction. Implemented in storage_emscripten.cpp on top of web/storage_library.js.
#include <string>

namespace pairwise::platform {

enum class StorageState {
  Loading,   // nothing is shown as editable until stored data has arrived
  Writer,    // this tab saves changes
  Follower,  // another tab saves; this one shows its changes read-only
  Memory,    // storage is unavailable, full or taken over: work stays in memory, export offered
};

struct StorageHandlers {
  // All stored records as JSON: {"records":[{"store","id","value"}...],"meta":[{"key",...}...]}.
  void (*loaded)(const std::string& json) = nullptr;
  // Another tab saved these changes: {"puts":[...],"deletes":[...]}.
  void (*external_change)(const std::string& json) = nullptr;
  // The page is being hidden or closed, or editing moves to another tab: save now.
  void (*flush_now)() = nullptr;
  // The write with this id is durably stored (its transaction completed) / failed or was aborted.
  void (*saved)(int write_id) = nullptr;
  void (*write_failed)(int write_id) = nullptr;
};

void open_storage(const StorageHandlers& handlers);
// Writes {"puts":[{"store","id","value"}],"deletes":[{"store","id"}],"meta":[{"key",...}]} in one
// transaction, reported back under `write_id`. Returns false when this tab cannot write now
// (follower or memory only).
bool write_to_storage(const std::string& changes_json, int write_id);
// Reads every stored record again (handlers.loaded): a read-only tab drops a change it refused.
void reload_from_storage();

// The synchronous journal of unsaved edits (localStorage: written before the call returns, so it
// survives the tab closing right after). Failures (no localStorage, full) are silent: the
// journal is a second line of defence, IndexedDB the first.
void journal_store(const char* key, const std::string& text);
std::string journal_load(const char* key);  // "" when absent
void journal_remove(const char* key);
StorageState storage_state();
// Why storage is not normal (empty when it is), for a banner.
const std::string& storage_message();
bool storage_persisted();
// Asks the tab that writes to hand editing over to this one.
void request_edit_here();

}  // namespace pairwise::platform
