#pragma once
// The locked-file cipher for native programs (the command line, the native tests): OpenSSL's
// libcrypto from Debian (libssl-dev). The browser's counterpart is web/lock_library.js.
#include "core/locking/locked_file.hpp"

namespace pairwise::native {

class OpenSslLockCipher final : public LockCipher {
 public:
  std::string random_bytes(std::size_t count) override;
  LockKeys derive_keys(std::string_view passphrase, std::string_view salt, std::uint32_t iterations) override;
  std::string seal(const LockKeys& keys, std::string_view nonce, std::string_view aad,
                   std::string_view plaintext) override;
  std::optional<std::string> open(const LockKeys& keys, std::string_view nonce, std::string_view aad,
                                  std::string_view sealed) override;
};

}  // namespace pairwise::native
