#pragma once
// Passphrase-locked files (format: assets/locked-file-format.md). The core owns the envelope (its
// layout, checks and every message); the cipher itself is the platform's: OpenSSL's libcrypto
// natively (src/native/), the browser's Web Crypto in the app (web/lock_library.js), which is
// asynchronous, so the steps are also offered one by one: plan_lock → seal → assemble_locked_file,
// and read_locked_file → open → judge_unlock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace pairwise {

// The first line of every locked file: the only readable text it holds.
inline constexpr std::string_view kLockedFileMarker = "PAIRWISE-LOCKED-FILE-1";
inline constexpr std::uint8_t kLockedEnvelopeVersion = 1;
inline constexpr std::uint32_t kLockIterations = 600000;      // PBKDF2-HMAC-SHA256 rounds written
inline constexpr std::uint32_t kMinLockIterations = 600000;   // fewer is refused as unsafe
inline constexpr std::uint32_t kMaxLockIterations = 10000000; // more would freeze the page opening it
inline constexpr std::size_t kSaltBytes = 16, kNonceBytes = 12, kCheckBytes = 16, kTagBytes = 16;
inline constexpr std::size_t kHeaderBytes = 1 + 4 + kSaltBytes + kNonceBytes;
// HMAC-SHA256 labels that turn the PBKDF2 output into the AES key and the passphrase check.
inline constexpr std::string_view kKeyLabel = "pairwise-locked-file-1 aes-256-gcm key";
inline constexpr std::string_view kCheckLabel = "pairwise-locked-file-1 passphrase check";
// Shortest passphrase a file is locked with (opening takes any).
inline constexpr std::size_t kMinPassphraseCharacters = 8;

// Bytes are carried in std::string (binary-safe).
struct LockKeys {
  std::string aes_key;  // 32 bytes
  std::string check;    // kCheckBytes: tells a wrong passphrase from a damaged file
};

// What a platform provides: the primitives, nothing about the file's layout.
class LockCipher {
 public:
  virtual ~LockCipher() = default;
  virtual std::string random_bytes(std::size_t count) = 0;
  // master = PBKDF2-HMAC-SHA256(passphrase, salt, iterations, 32 bytes);
  // aes_key = HMAC-SHA256(master, kKeyLabel); check = first kCheckBytes of HMAC-SHA256(master, kCheckLabel).
  virtual LockKeys derive_keys(std::string_view passphrase, std::string_view salt, std::uint32_t iterations) = 0;
  // AES-256-GCM: ciphertext followed by the 16-byte tag.
  virtual std::string seal(const LockKeys& keys, std::string_view nonce, std::string_view aad,
                           std::string_view plaintext) = 0;
  // The plaintext, or nothing when the tag does not match.
  virtual std::optional<std::string> open(const LockKeys& keys, std::string_view nonce, std::string_view aad,
                                          std::string_view sealed) = 0;
};

// The parameters of one locking; `header` is the additional authenticated data.
struct LockPlan {
  std::uint32_t iterations = kLockIterations;
  std::string salt, nonce;
  std::string header;
};

struct LockedEnvelope {
  LockPlan plan;
  std::string check;
  std::string sealed;  // ciphertext and tag
};

enum class UnlockStatus { opened, wrong_passphrase, damaged, not_locked };

struct Unlocked {
  UnlockStatus status = UnlockStatus::damaged;
  std::string text;     // the file as it was before locking, when opened
  std::string message;  // what went wrong, naming the file, otherwise ""
  bool ok() const { return status == UnlockStatus::opened; }
};

// Does the text start like a locked file? (Cheap: decides whether a passphrase is needed.)
bool is_locked_file(std::string_view text);

// "" when the passphrase may lock a file, else why not ("is empty", "is shorter than 8 characters").
std::string passphrase_problem(std::string_view passphrase);

// A strength hint for the person choosing a passphrase.
struct PassphraseStrength {
  int level = 0;  // 0 too short, 1 weak, 2 fair, 3 strong
  std::string hint;
};
PassphraseStrength passphrase_strength(std::string_view passphrase);

// random: kSaltBytes + kNonceBytes random bytes (salt first).
LockPlan plan_lock(std::string_view random, std::uint32_t iterations = kLockIterations);
std::string assemble_locked_file(const LockPlan& plan, std::string_view check, std::string_view sealed);

// The envelope of a locked file; a damaged, truncated or unsafe envelope is an error naming file_name.
// Checked before any passphrase is asked for.
Result<LockedEnvelope> read_locked_file(std::string_view text, const std::string& file_name);
// Decides from the passphrase check and the cipher's answer: opened, wrong passphrase or damaged.
Unlocked judge_unlock(const LockedEnvelope& envelope, const std::string& file_name, std::string_view computed_check,
                      std::optional<std::string> plaintext);

// The whole of it in one call, for a synchronous cipher (the command line, the native tests).
std::string lock_text(std::string_view plaintext, std::string_view passphrase, LockCipher& cipher,
                      std::uint32_t iterations = kLockIterations);
Unlocked unlock_text(std::string_view text, const std::string& file_name, std::string_view passphrase,
                     LockCipher& cipher);

// Helpers shared with the tests and the browser bridge.
std::string to_base64(std::string_view bytes);
std::optional<std::string> from_base64(std::string_view text);  // ignores line breaks; nothing on bad input
std::uint32_t crc32(std::string_view bytes);

}  // namespace pairwise
