// Passphrase-locked files (assets/locked-file-format.md): the envelope everywhere (native and WASM),
// the cipher natively through OpenSSL. The committed fixture was locked once by the command line
// and must keep opening; the browser suite opens it in the app too (tests/browser/locked.test.mjs).
#include <doctest/doctest.h>

#include <string>

#include "core/documents/documents.hpp"
#include "core/locking/locked_file.hpp"
#include "test_support.hpp"
#ifndef __EMSCRIPTEN__
#include "native/openssl_lock_cipher.hpp"
#endif

using namespace pairwise;

namespace {

const char* const kFixture = "tests/fixtures/locked-backup.v1.pwlock";

std::string fixture_text() { return test::read_source_file(kFixture); }

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("locked files: base64 and CRC-32 match their published test vectors") {
  CHECK(to_base64("") == "");
  CHECK(to_base64("f") == "Zg==");
  CHECK(to_base64("fo") == "Zm8=");
  CHECK(to_base64("foobar") == "Zm9vYmFy");
  CHECK(from_base64("Zm9vYmE=").value() == "fooba");
  CHECK(from_base64("Zm9v\nYmFy\n").value() == "foobar");
  CHECK_FALSE(from_base64("Zm9vY").has_value());     // not a whole group
  CHECK_FALSE(from_base64("Zm9v!mFy").has_value());  // not a base64 letter
  CHECK_FALSE(from_base64("Zg==Zg==").has_value());  // data after padding
  CHECK(crc32("123456789") == 0xCBF43926u);
}

TEST_CASE("locked files: the committed fixture's envelope reads, and every damage to it is refused before any passphrase") {
  const std::string text = fixture_text();
  REQUIRE(is_locked_file(text));
  auto envelope = read_locked_file(text, "locked-backup.v1.pwlock");
  REQUIRE_MESSAGE(envelope.ok(), envelope.error_text());
  CHECK(envelope->plan.iterations == kLockIterations);
  CHECK(envelope->plan.salt.size() == kSaltBytes);
  CHECK(envelope->plan.nonce.size() == kNonceBytes);
  CHECK(envelope->plan.header.size() == kHeaderBytes);

  // Only the marker is readable: no kind, no name, no format version, no field name.
  const std::string body = text.substr(kLockedFileMarker.size());
  // (Words of six letters or more: a shorter one turns up in random base64 now and then.)
  for (const std::string plain : {"backup", "format_version", "\"kind\"", "Mina Mentor", "Mentee", "Mentor",
                                  "pairwise", "Pairwise", "Co-production"})
    CHECK_MESSAGE(!contains(body, plain), plain);

  const auto damaged = [](const std::string& t) {
    auto r = read_locked_file(t, "x.pwlock");
    return !r.ok() && contains(r.error_text(), "x.pwlock: the locked file is damaged");
  };
  CHECK(damaged(text.substr(0, text.size() / 2)));                    // cut short
  CHECK(damaged(text.substr(0, kLockedFileMarker.size() + 20)));      // cut very short
  CHECK(damaged(std::string(kLockedFileMarker) + "\n"));             // nothing after the marker
  std::string bad_letter = text;
  bad_letter[kLockedFileMarker.size() + 5] = '*';
  CHECK(damaged(bad_letter));
  // Every base64 letter changed in turn: the checksum refuses each before a passphrase is asked for.
  int refused = 0, tried = 0;
  for (std::size_t i = kLockedFileMarker.size() + 1; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '=') continue;
    std::string changed = text;
    changed[i] = text[i] == 'A' ? 'B' : 'A';
    ++tried;
    refused += damaged(changed) ? 1 : 0;
  }
  CHECK(tried > 100);
  CHECK(refused == tried);

  auto plain = read_locked_file("{\"kind\":\"backup\"}", "plain.json");
  CHECK_FALSE(plain.ok());
  CHECK(contains(plain.error_text(), "is not a locked Pairwise file"));
}

TEST_CASE("locked files: the worked example of assets/locked-file-format.md reads as the document says") {
  auto envelope = read_locked_file(test::read_source_file("assets/examples/progress-report.example.pwlock"), "ex");
  REQUIRE_MESSAGE(envelope.ok(), envelope.error_text());
  CHECK(envelope->plan.iterations == 600000);
  const std::string doc = test::read_source_file("assets/locked-file-format.md");
  const auto hex = [](const std::string& bytes) {
    std::string out;
    for (unsigned char c : bytes) out += "0123456789abcdef"[c >> 4], out += "0123456789abcdef"[c & 15];
    return out;
  };
  CHECK(contains(doc, "| salt | `" + hex(envelope->plan.salt) + "` |"));
  CHECK(contains(doc, "| nonce | `" + hex(envelope->plan.nonce) + "` |"));
  CHECK(contains(doc, "| check | `" + hex(envelope->check) + "` |"));
  CHECK(contains(doc, "| sealed | " + std::to_string(envelope->sealed.size() / 1000) + "," +
                          std::to_string(envelope->sealed.size() % 1000) + " bytes"));
}

TEST_CASE("locked files: the envelope refuses a newer version and unsafe key strengths, with the checksum intact") {
  const auto with_header = [](std::uint8_t version, std::uint32_t iterations) {
    LockPlan plan = plan_lock(std::string(kSaltBytes + kNonceBytes, '\x07'), iterations);
    plan.header[0] = static_cast<char>(version);
    return assemble_locked_file(plan, std::string(kCheckBytes, 'c'), std::string(40, 's'));
  };
  CHECK(read_locked_file(with_header(1, kLockIterations), "f").ok());
  CHECK(contains(read_locked_file(with_header(2, kLockIterations), "f").error_text(), "newer version"));
  CHECK(contains(read_locked_file(with_header(1, 1000), "f").error_text(), "key strength 1000"));
  CHECK(contains(read_locked_file(with_header(1, 4000000000u), "f").error_text(), "key strength"));
}

TEST_CASE("locked files: the verdict tells a wrong passphrase from a damaged file") {
  LockedEnvelope env;
  env.check = std::string(kCheckBytes, 'k');
  CHECK(judge_unlock(env, "f", env.check, std::string("text")).ok());
  CHECK(judge_unlock(env, "f", env.check, std::string("text")).text == "text");
  const Unlocked wrong = judge_unlock(env, "f", std::string(kCheckBytes, 'x'), std::nullopt);
  CHECK(wrong.status == UnlockStatus::wrong_passphrase);
  CHECK(wrong.message == "f: the passphrase is wrong: check it (capitals, spaces) and try again");
  CHECK(judge_unlock(env, "f", env.check, std::nullopt).status == UnlockStatus::damaged);
  CHECK(judge_unlock(env, "f", std::string(kCheckBytes, 'x'), std::string("t")).status == UnlockStatus::damaged);
}

TEST_CASE("locked files: passphrases shorter than 8 characters are refused and the hint grows with strength") {
  CHECK(passphrase_problem("") == "is empty");
  CHECK(passphrase_problem("seven77") == "is shorter than 8 characters");
  CHECK(passphrase_problem("ΩΩΩΩΩΩΩΩ").empty());  // characters, not bytes
  CHECK(passphrase_strength("short").level == 0);
  CHECK(passphrase_strength("password").level == 1);
  CHECK(passphrase_strength("kettle lantern").level == 2);
  CHECK(passphrase_strength("correct horse battery staple").level == 3);
}

#ifndef __EMSCRIPTEN__
const char* const kFixturePassphrase = "Ωmega kettle 7 lanterns";  // tests/fixtures/locked-backup.passphrase.txt

TEST_CASE("locked files (OpenSSL): round trip, wrong passphrase, tampering, truncation, no readable text") {
  native::OpenSslLockCipher cipher;
  test::Fixture f;
  const std::string plain = write_document(make_backup(f.ws), "2024-03-02T10:00:00Z");
  REQUIRE(contains(plain, "Mina Mentor"));
  const std::string locked = lock_text(plain, "kettle lantern 42", cipher);

  const Unlocked opened = unlock_text(locked, "notebook.pwlock", "kettle lantern 42", cipher);
  REQUIRE_MESSAGE(opened.ok(), opened.message);
  CHECK(opened.text == plain);

  // Locking twice gives different files (fresh salt and nonce), both opening.
  const std::string again = lock_text(plain, "kettle lantern 42", cipher);
  CHECK(again != locked);
  CHECK(read_locked_file(again, "a")->plan.salt != read_locked_file(locked, "b")->plan.salt);

  const std::string body = locked.substr(kLockedFileMarker.size());
  for (const std::string marker : {"SECRET-", "Mina Mentor", "Mentor", "backup", "\"kind\"", "format_version",
                                   "Co-production"})
    CHECK_MESSAGE(!contains(body, marker), marker);

  const Unlocked wrong = unlock_text(locked, "notebook.pwlock", "kettle lantern 43", cipher);
  CHECK(wrong.status == UnlockStatus::wrong_passphrase);
  CHECK(contains(wrong.message, "notebook.pwlock: the passphrase is wrong"));
  CHECK(wrong.text.empty());

  // A byte changed anywhere in the binary body (header, check, ciphertext, tag, checksum), with
  // the checksum recomputed as a deliberate forger would: refused as damaged, never opened. Bytes
  // sampled across the body keep the PBKDF2 cost (0.3 s each) out of the test's time.
  auto envelope = read_locked_file(locked, "n");
  REQUIRE(envelope.ok());
  std::string raw = envelope->plan.header + envelope->check + envelope->sealed;
  const std::size_t positions[] = {0, 3, 10, kHeaderBytes - 1, kHeaderBytes + 2, kHeaderBytes + kCheckBytes + 5,
                                   raw.size() - 1};
  for (std::size_t at : positions) {
    std::string changed = raw;
    changed[at] = static_cast<char>(changed[at] ^ 0x01);
    LockPlan plan;
    plan.header = changed.substr(0, kHeaderBytes);
    const std::string forged = assemble_locked_file(plan, changed.substr(kHeaderBytes, kCheckBytes),
                                                    changed.substr(kHeaderBytes + kCheckBytes));
    const Unlocked r = unlock_text(forged, "n", "kettle lantern 42", cipher);
    CAPTURE(at);
    CHECK_FALSE(r.ok());
    CHECK(r.text.empty());
    if (at >= kHeaderBytes + kCheckBytes) CHECK(r.status == UnlockStatus::damaged);  // past the check: always "damaged"
    if (at == 0) CHECK(contains(r.message, "envelope version is unknown"));
  }
  // And a plain change (no forger): the checksum refuses it before the key is derived.
  std::string flipped = locked;
  const std::size_t mid = kLockedFileMarker.size() + 1 + 40;
  flipped[mid] = flipped[mid] == 'Q' ? 'R' : 'Q';
  CHECK(unlock_text(flipped, "n", "kettle lantern 42", cipher).status == UnlockStatus::damaged);
  CHECK(unlock_text(locked.substr(0, locked.size() - 30), "n", "kettle lantern 42", cipher).status ==
        UnlockStatus::damaged);
  CHECK(unlock_text(plain, "n", "kettle lantern 42", cipher).status == UnlockStatus::not_locked);
}

TEST_CASE("locked files (OpenSSL): the fixture the command line locked once still opens to a valid backup") {
  native::OpenSslLockCipher cipher;
  const std::string passphrase_file = test::read_source_file("tests/fixtures/locked-backup.passphrase.txt");
  CHECK(passphrase_file == std::string(kFixturePassphrase) + "\n");
  const Unlocked opened = unlock_text(fixture_text(), "locked-backup.v1.pwlock", kFixturePassphrase, cipher);
  REQUIRE_MESSAGE(opened.ok(), opened.message);
  auto doc = read_document(opened.text, "locked-backup.v1.pwlock");
  REQUIRE_MESSAGE(doc.ok(), doc.error_text());
  CHECK(doc->kind == DocumentKind::backup);
  CHECK(contains(opened.text, "Mina Mentor"));
  CHECK(unlock_text(fixture_text(), "f", "Ωmega kettle 7 lantern", cipher).status == UnlockStatus::wrong_passphrase);

  const Unlocked example = unlock_text(test::read_source_file("assets/examples/progress-report.example.pwlock"), "ex",
                                       "correct horse battery staple", cipher);
  REQUIRE_MESSAGE(example.ok(), example.message);
  auto report = read_document(example.text, "ex");
  REQUIRE_MESSAGE(report.ok(), report.error_text());
  CHECK(report->kind == DocumentKind::progress_report);
}
#endif
