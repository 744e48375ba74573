#include <cstdlib>
#include <cstring>

#include "platform/storage.hpp"

extern "C" {
void pw_storage_open();
int pw_storage_write(const char* changes_json, int write_id);
void pw_storage_request_edit_here();
void pw_storage_reload();
void pw_journal_store(const char* key, const char* text);
char* pw_journal_load(const char* key);  // malloc'd, or null
void pw_journal_remove(const char* key);
}

namespace {
pairwise::platform::StorageHandlers g_handlers;
pairwise::platform::StorageState g_state = pairwise::platform::StorageState::Loading;
std::string g_message;
bool g_persisted = false;
}  // namespace

extern "C" {
__attribute__((used)) void pairwise_on_storage_state(const char* state, const char* message, int persisted) {
  using pairwise::platform::StorageState;
  if (std::strcmp(state, "writer") == 0) g_state = StorageState::Writer;
  else if (std::strcmp(state, "follower") == 0) g_state = StorageState::Follower;
  else if (std::strcmp(state, "memory") == 0) g_state = StorageState::Memory;
  else g_state = StorageState::Loading;
  g_message = message;
  g_persisted = persisted != 0;
}
__attribute__((used)) void pairwise_on_storage_loaded(const char* json) {
  if (g_handlers.loaded != nullptr) g_handlers.loaded(json);
}
__attribute__((used)) void pairwise_on_storage_external_change(const char* json) {
  if (g_handlers.external_change != nullptr) g_handlers.external_change(json);
}
__attribute__((used)) void pairwise_flush_now() {
  if (g_handlers.flush_now != nullptr) g_handlers.flush_now();
}
__attribute__((used)) void pairwise_on_storage_saved(int write_id) {
  if (g_handlers.saved != nullptr) g_handlers.saved(write_id);
}
__attribute__((used)) void pairwise_on_storage_write_failed(int write_id) {
  if (g_handlers.write_failed != nullptr) g_handlers.write_failed(write_id);
}
}

namespace pairwise::platform {

void open_storage(const StorageHandlers& handlers) {
  g_handlers = handlers;
  pw_storage_open();
}
bool write_to_storage(const std::string& changes_json, int write_id) {
  return pw_storage_write(changes_json.c_str(), write_id) != 0;
}
void reload_from_storage() { pw_storage_reload(); }
void journal_store(const char* key, const std::string& text) { pw_journal_store(key, text.c_str()); }
std::string journal_load(const char* key) {
  char* text = pw_journal_load(key);
  if (text == nullptr) return std::string();
  std::string out(text);
  std::free(text);
  return out;
}
void journal_remove(const char* key) { pw_journal_remove(key); }
StorageState storage_state() { return g_state; }
const std::string& storage_message() { return g_message; }
bool storage_persisted() { return g_persisted; }
void request_edit_here() { pw_storage_request_edit_here(); }

}  // namespace pairwise::platform
