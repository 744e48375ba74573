#include "native/openssl_lock_cipher.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace pairwise::native {
namespace {

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes_of(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }
int size_of(std::string_view s) { return static_cast<int>(s.size()); }

// Failures here are the library's own (out of memory, no entropy), never the file's: they throw.
void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("OpenSSL: ") + what + " failed");
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  std::string out(32, '\0');
  unsigned int length = 0;
  require(HMAC(EVP_sha256(), key.data(), size_of(key), bytes_of(message), message.size(), bytes_of(out), &length) !=
              nullptr && length == 32,
          "HMAC-SHA256");
  return out;
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext start_gcm(const LockKeys& keys, std::string_view nonce, std::string_view aad, bool encrypt) {
  CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  require(ctx != nullptr, "EVP_CIPHER_CTX_new");
  require(EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) == 1, "GCM init");
  require(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, size_of(nonce), nullptr) == 1, "GCM nonce length");
  require(keys.aes_key.size() == 32, "AES-256 key length");
  require(EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, bytes_of(keys.aes_key), bytes_of(nonce), -1) == 1, "GCM key");
  int ignored = 0;
  require(EVP_CipherUpdate(ctx.get(), nullptr, &ignored, bytes_of(aad), size_of(aad)) == 1, "GCM additional data");
  return ctx;
}

}  // namespace

std::string OpenSslLockCipher::random_bytes(std::size_t count) {
  std::string out(count, '\0');
  require(RAND_bytes(bytes_of(out), static_cast<int>(count)) == 1, "RAND_bytes");
  return out;
}

LockKeys OpenSslLockCipher::derive_keys(std::string_view passphrase, std::string_view salt, std::uint32_t iterations) {
  std::string master(32, '\0');
  require(PKCS5_PBKDF2_HMAC(passphrase.data(), size_of(passphrase), bytes_of(salt), size_of(salt),
                            static_cast<int>(iterations), EVP_sha256(), 32, bytes_of(master)) == 1,
          "PBKDF2-HMAC-SHA256");
  LockKeys keys{hmac_sha256(master, kKeyLabel), hmac_sha256(master, kCheckLabel).substr(0, kCheckBytes)};
  OPENSSL_cleanse(master.data(), master.size());
  return keys;
}

std::string OpenSslLockCipher::seal(const LockKeys& keys, std::string_view nonce, std::string_view aad,
                                    std::string_view plaintext) {
  CipherContext ctx = start_gcm(keys, nonce, aad, true);
  std::string out(plaintext.size() + kTagBytes, '\0');
  int written = 0, last = 0;
  require(EVP_CipherUpdate(ctx.get(), bytes_of(out), &written, bytes_of(plaintext), size_of(plaintext)) == 1,
          "GCM encrypt");
  require(EVP_CipherFinal_ex(ctx.get(), bytes_of(out) + written, &last) == 1, "GCM finish");
  require(static_cast<std::size_t>(written + last) == plaintext.size(), "GCM length");
  require(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                              bytes_of(out) + plaintext.size()) == 1,
          "GCM tag");
  return out;
}

std::optional<std::string> OpenSslLockCipher::open(const LockKeys& keys, std::string_view nonce, std::string_view aad,
                                                   std::string_view sealed) {
  if (sealed.size() < kTagBytes) return std::nullopt;
  const std::string_view ciphertext = sealed.substr(0, sealed.size() - kTagBytes);
  std::string tag(sealed.substr(ciphertext.size()));
  CipherContext ctx = start_gcm(keys, nonce, aad, false);
  std::string out(ciphertext.size(), '\0');
  int written = 0, last = 0;
  require(EVP_CipherUpdate(ctx.get(), bytes_of(out), &written, bytes_of(ciphertext), size_of(ciphertext)) == 1,
          "GCM decrypt");
  require(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), bytes_of(tag)) == 1,
          "GCM tag");
  if (EVP_CipherFinal_ex(ctx.get(), bytes_of(out) + written, &last) != 1) {
    OPENSSL_cleanse(out.data(), out.size());  // never hand out text whose tag did not match
    return std::nullopt;
  }
  return out;
}

}  // namespace pairwise::native
