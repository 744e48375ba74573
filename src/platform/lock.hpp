#pragma once
// The locked-file cipher of the browser (Web Crypto, web/lock_library.js). Asynchronous: each
// answer arrives in a later frame through the callback. The envelope around it is the core's
// (core/locking/locked_file.hpp). Implemented in lock_emscripten.cpp.
#include <functional>
#include <optional>
#include <string>

#include "core/locking/locked_file.hpp"

namespace pairwise::platform {

// kSaltBytes + kNonceBytes (or any count) from the browser's cryptographic random source.
std::string random_bytes(std::size_t count);

// check: the passphrase check; sealed: ciphertext and tag. `failed` says the browser could not do it.
using SealDone = std::function<void(bool failed, std::string check, std::string sealed)>;
void seal_for_lock(const LockPlan& plan, const std::string& passphrase, const std::string& plaintext, SealDone done);

// plaintext is empty when the tag did not match; check is what this passphrase gives.
using OpenDone = std::function<void(bool failed, std::string check, std::optional<std::string> plaintext)>;
void open_locked(const LockedEnvelope& envelope, const std::string& passphrase, OpenDone done);

}  // namespace pairwise::platform
