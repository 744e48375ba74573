#include <cstdlib>
#include <map>

#include "platform/lock.hpp"

extern "C" {
void pw_lock_random(char* out, int length);
void pw_lock_seal(int id, const char* pass, int pass_length, const char* salt, int salt_length, unsigned iterations,
                  const char* nonce, int nonce_length, const char* aad, int aad_length, const char* data,
                  int data_length, const char* key_label, const char* check_label);
void pw_lock_open(int id, const char* pass, int pass_length, const char* salt, int salt_length, unsigned iterations,
                  const char* nonce, int nonce_length, const char* aad, int aad_length, const char* sealed,
                  int sealed_length, const char* key_label, const char* check_label);
}

namespace {
int g_next_id = 1;
std::map<int, pairwise::platform::SealDone> g_sealing;
std::map<int, pairwise::platform::OpenDone> g_opening;
const std::string g_key_label(pairwise::kKeyLabel);
const std::string g_check_label(pairwise::kCheckLabel);

// Takes the bytes JavaScript malloc'd for us, wiping them before they go back to the heap.
std::string take(char* ptr, int length) {
  if (ptr == nullptr) return {};
  std::string out(ptr, static_cast<std::size_t>(length));
  volatile char* p = ptr;
  for (int i = 0; i < length; ++i) p[i] = 0;
  std::free(ptr);
  return out;
}
int size_of(const std::string& s) { return static_cast<int>(s.size()); }
}  // namespace

extern "C" __attribute__((used)) void pairwise_on_lock_sealed(int id, int ok, char* check, int check_length,
                                                              char* sealed, int sealed_length) {
  std::string c = take(check, check_length), s = take(sealed, sealed_length);
  auto it = g_sealing.find(id);
  if (it == g_sealing.end()) return;
  auto done = std::move(it->second);
  g_sealing.erase(it);
  done(ok == 0, std::move(c), std::move(s));
}

extern "C" __attribute__((used)) void pairwise_on_lock_opened(int id, int ok, char* check, int check_length,
                                                              char* plain, int plain_length) {
  std::string c = take(check, check_length);
  std::optional<std::string> p;
  if (ok != 0) p = take(plain, plain_length);
  else take(plain, plain_length);
  auto it = g_opening.find(id);
  if (it == g_opening.end()) return;
  auto done = std::move(it->second);
  g_opening.erase(it);
  // "failed" only when the browser gave no check at all (no Web Crypto); a mismatch is the core's to judge.
  done(c.empty(), std::move(c), std::move(p));
}

namespace pairwise::platform {

std::string random_bytes(std::size_t count) {
  std::string out(count, '\0');
  pw_lock_random(out.data(), static_cast<int>(count));
  return out;
}

void seal_for_lock(const LockPlan& plan, const std::string& passphrase, const std::string& plaintext, SealDone done) {
  const int id = g_next_id++;
  g_sealing[id] = std::move(done);
  pw_lock_seal(id, passphrase.data(), size_of(passphrase), plan.salt.data(), size_of(plan.salt), plan.iterations,
               plan.nonce.data(), size_of(plan.nonce), plan.header.data(), size_of(plan.header), plaintext.data(),
               size_of(plaintext), g_key_label.c_str(), g_check_label.c_str());
}

void open_locked(const LockedEnvelope& envelope, const std::string& passphrase, OpenDone done) {
  const int id = g_next_id++;
  g_opening[id] = std::move(done);
  const LockPlan& plan = envelope.plan;
  pw_lock_open(id, passphrase.data(), size_of(passphrase), plan.salt.data(), size_of(plan.salt), plan.iterations,
               plan.nonce.data(), size_of(plan.nonce), plan.header.data(), size_of(plan.header), envelope.sealed.data(),
               size_of(envelope.sealed), g_key_label.c_str(), g_check_label.c_str());
}

}  // namespace pairwise::platform
