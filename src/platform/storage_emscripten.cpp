#include <cstring>

#include "platform/storage.hpp"

extern "C" {
void pw_storage_open();
int pw_storage_write(const char* changes_json);
void pw_storage_request_edit_here();
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
__attribute__((used)) void pairwise_on_storage_saved() {
  if (g_handlers.saved != nullptr) g_handlers.saved();
}
__attribute__((used)) void pairwise_on_storage_write_failed() {
  if (g_handlers.write_failed != nullptr) g_handlers.write_failed();
}
}

namespace pairwise::platform {

void open_storage(const StorageHandlers& handlers) {
  g_handlers = handlers;
  pw_storage_open();
}
bool write_to_storage(const std::string& changes_json) { return pw_storage_write(changes_json.c_str()) != 0; }
StorageState storage_state() { return g_state; }
const std::string& storage_message() { return g_message; }
bool storage_persisted() { return g_persisted; }
void request_edit_here() { pw_storage_request_edit_here(); }

}  // namespace pairwise::platform
