#include "core/locking/locked_file.hpp"

#include <array>

namespace pairwise {
namespace {

constexpr std::string_view kBase64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t kLineLength = 76;  // as MIME wraps base64, so mail programs leave it alone
constexpr std::size_t kCrcBytes = 4;

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFFu));
}

std::uint32_t get_u32(std::string_view bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<std::uint8_t>(bytes[at + i]);
  return v;
}

// Compared in full whatever the bytes: no early exit that would time the first difference.
bool same_bytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned>(static_cast<std::uint8_t>(a[i]) ^ static_cast<std::uint8_t>(b[i]));
  return diff == 0;
}

// Code points, not bytes: "ÅÅÅÅ" is four characters a person typed.
std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<std::uint8_t>(c) & 0xC0u) != 0x80u ? 1 : 0;
  return n;
}

Result<LockedEnvelope> damaged(const std::string& file_name, const std::string& why) {
  return Result<LockedEnvelope>::failure(file_name, "", "the locked file is damaged (" + why +
                                                            "): it cannot be opened; ask for the file again");
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char ch : bytes) crc = table[(crc ^ static_cast<std::uint8_t>(ch)) & 0xFFu] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

std::string to_base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = bytes.size() - i < 3 ? bytes.size() - i : 3;
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k) v = (v << 8) | (k < n ? static_cast<std::uint8_t>(bytes[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k) out.push_back(k <= n ? kBase64Alphabet[(v >> (18 - 6 * k)) & 0x3Fu] : '=');
  }
  return out;
}

std::optional<std::string> from_base64(std::string_view text) {
  std::string out;
  std::uint32_t v = 0;
  int bits = 0;
  std::size_t padding = 0, symbols = 0;
  for (char c : text) {
    if (c == '\n' || c == '\r') continue;
    if (c == '=') {
      ++padding;
      ++symbols;
      continue;
    }
    if (padding > 0) return std::nullopt;  // data after the padding
    const auto at = kBase64Alphabet.find(c);
    if (at == std::string_view::npos) return std::nullopt;
    ++symbols;
    v = (v << 6) | static_cast<std::uint32_t>(at);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((v >> bits) & 0xFFu));
    }
  }
  if (symbols % 4 != 0 || padding > 2) return std::nullopt;
  return out;
}

bool is_locked_file(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark an editor added
  return text.substr(0, kLockedFileMarker.size()) == kLockedFileMarker;
}

std::string passphrase_problem(std::string_view passphrase) {
  if (passphrase.empty()) return "is empty";
  if (characters(passphrase) < kMinPassphraseCharacters)
    return "is shorter than " + std::to_string(kMinPassphraseCharacters) + " characters";
  return {};
}

PassphraseStrength passphrase_strength(std::string_view passphrase) {
  // A rough estimate of guesses: characters times the bits of the kinds of character used. Several
  // words ("correct horse battery staple") score well through their length alone.
  bool lower = false, upper = false, digit = false, other = false, beyond_ascii = false;
  for (char c : passphrase) {
    const auto u = static_cast<std::uint8_t>(c);
    if (u >= 0x80) beyond_ascii = true;
    else if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else other = true;
  }
  int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0) + (beyond_ascii ? 100 : 0);
  double bits_per_character = 0;
  for (int p = pool; p > 1; p /= 2) bits_per_character += 1;
  const double bits = bits_per_character * static_cast<double>(characters(passphrase));
  if (!passphrase_problem(passphrase).empty())
    return {0, "Too short: use at least " + std::to_string(kMinPassphraseCharacters) +
                   " characters; a few unrelated words are easy to remember."};
  if (bits < 50) return {1, "Weak: add more words or characters; anyone who gets the file could guess it."};
  if (bits < 75) return {2, "Fair: another word would make it much harder to guess."};
  return {3, "Strong. Tell it to the person by phone or in person, never in the same e-mail as the file."};
}

LockPlan plan_lock(std::string_view random, std::uint32_t iterations) {
  LockPlan plan;
  plan.iterations = iterations;
  plan.salt = std::string(random.substr(0, kSaltBytes));
  plan.nonce = std::string(random.substr(kSaltBytes, kNonceBytes));
  plan.header.push_back(static_cast<char>(kLockedEnvelopeVersion));
  put_u32(plan.header, iterations);
  plan.header += plan.salt;
  plan.header += plan.nonce;
  return plan;
}

std::string assemble_locked_file(const LockPlan& plan, std::string_view check, std::string_view sealed) {
  std::string body = plan.header;
  body += check;
  body += sealed;
  put_u32(body, crc32(body));
  const std::string encoded = to_base64(body);
  std::string out(kLockedFileMarker);
  out.push_back('\n');
  for (std::size_t i = 0; i < encoded.size(); i += kLineLength) {
    out += encoded.substr(i, kLineLength);
    out.push_back('\n');
  }
  return out;
}

Result<LockedEnvelope> read_locked_file(std::string_view text, const std::string& file_name) {
  if (!is_locked_file(text))
    return Result<LockedEnvelope>::failure(file_name, "", "is not a locked Pairwise file");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  text.remove_prefix(kLockedFileMarker.size());
  auto body = from_base64(text);
  if (!body) return damaged(file_name, "its text is not the letters a locked file is written in");
  const std::size_t smallest = kHeaderBytes + kCheckBytes + kTagBytes + kCrcBytes;
  if (body->size() < smallest) return damaged(file_name, "it is cut short");
  const std::string_view all(*body);
  const std::string_view covered = all.substr(0, all.size() - kCrcBytes);
  if (crc32(covered) != get_u32(all, covered.size()))
    return damaged(file_name, "it was changed or cut short after it was locked");
  const auto version = static_cast<std::uint8_t>(all[0]);
  if (version > kLockedEnvelopeVersion)
    return damaged(file_name, "it was locked by a newer version of Pairwise: update it");
  if (version != kLockedEnvelopeVersion) return damaged(file_name, "its envelope version is unknown");
  LockedEnvelope env;
  env.plan.iterations = get_u32(all, 1);
  if (env.plan.iterations < kMinLockIterations || env.plan.iterations > kMaxLockIterations)
    return damaged(file_name, "its key strength " + std::to_string(env.plan.iterations) + " is outside " +
                                  std::to_string(kMinLockIterations) + " to " + std::to_string(kMaxLockIterations));
  env.plan.salt = std::string(all.substr(5, kSaltBytes));
  env.plan.nonce = std::string(all.substr(5 + kSaltBytes, kNonceBytes));
  env.plan.header = std::string(all.substr(0, kHeaderBytes));
  env.check = std::string(all.substr(kHeaderBytes, kCheckBytes));
  env.sealed = std::string(covered.substr(kHeaderBytes + kCheckBytes));
  return env;
}

Unlocked judge_unlock(const LockedEnvelope& envelope, const std::string& file_name, std::string_view computed_check,
                      std::optional<std::string> plaintext) {
  const bool passphrase_matches = same_bytes(envelope.check, computed_check);
  Unlocked out;
  if (passphrase_matches && plaintext) {
    out.status = UnlockStatus::opened;
    out.text = std::move(*plaintext);
    return out;
  }
  if (!passphrase_matches && !plaintext) {
    out.status = UnlockStatus::wrong_passphrase;
    out.message = file_name + ": the passphrase is wrong: check it (capitals, spaces) and try again";
    return out;
  }
  // The passphrase is right but the content fails its tag, or the content opens but the check
  // was altered: either way the file is not as it was locked.
  out.status = UnlockStatus::damaged;
  out.message = file_name + ": the locked file is damaged (its content was changed after it was locked): it "
                            "cannot be opened; ask for the file again";
  return out;
}

std::string lock_text(std::string_view plaintext, std::string_view passphrase, LockCipher& cipher,
                      std::uint32_t iterations) {
  const LockPlan plan = plan_lock(cipher.random_bytes(kSaltBytes + kNonceBytes), iterations);
  const LockKeys keys = cipher.derive_keys(passphrase, plan.salt, plan.iterations);
  return assemble_locked_file(plan, keys.check, cipher.seal(keys, plan.nonce, plan.header, plaintext));
}

Unlocked unlock_text(std::string_view text, const std::string& file_name, std::string_view passphrase,
                     LockCipher& cipher) {
  auto envelope = read_locked_file(text, file_name);
  if (!envelope) {
    Unlocked out;
    out.status = is_locked_file(text) ? UnlockStatus::damaged : UnlockStatus::not_locked;
    out.message = envelope.error_text();
    return out;
  }
  const LockKeys keys = cipher.derive_keys(passphrase, envelope->plan.salt, envelope->plan.iterations);
  return judge_unlock(envelope.value(), file_name, keys.check,
                      cipher.open(keys, envelope->plan.nonce, envelope->plan.header, envelope->sealed));
}

}  // namespace pairwise
