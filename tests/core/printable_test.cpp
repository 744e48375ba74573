// Printable pages: the agreement with both consents and a meeting's notes, HTML-escaped, private
// notes only on their author's printout, and a style the app page's policy allows by hash.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>

#include "core/print/printable.hpp"
#include "core/pair/pair_member.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// SHA-256 (FIPS 180-4), only to check the hash the Content-Security-Policy names.
std::array<std::uint8_t, 32> sha256(const std::string& message) {
  static const std::uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
      0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
      0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
      0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
      0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
      0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
      0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string m = message;
  const std::uint64_t bits = static_cast<std::uint64_t>(message.size()) * 8;
  m += static_cast<char>(0x80);
  while (m.size() % 64 != 56) m += '\0';
  for (int i = 7; i >= 0; --i) m += static_cast<char>((bits >> (i * 8)) & 0xff);
  auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (std::size_t chunk = 0; chunk < m.size(); chunk += 64) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
      w[i] = (static_cast<std::uint32_t>(static_cast<std::uint8_t>(m[chunk + 4 * i])) << 24) |
             (static_cast<std::uint32_t>(static_cast<std::uint8_t>(m[chunk + 4 * i + 1])) << 16) |
             (static_cast<std::uint32_t>(static_cast<std::uint8_t>(m[chunk + 4 * i + 2])) << 8) |
             static_cast<std::uint32_t>(static_cast<std::uint8_t>(m[chunk + 4 * i + 3]));
    for (int i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  std::array<std::uint8_t, 32> out{};
  for (int i = 0; i < 32; ++i) out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return out;
}

std::string base64(const std::array<std::uint8_t, 32>& bytes) {
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t n = (static_cast<std::uint32_t>(bytes[i]) << 16) |
                            (i + 1 < bytes.size() ? static_cast<std::uint32_t>(bytes[i + 1]) << 8 : 0) |
                            (i + 2 < bytes.size() ? bytes[i + 2] : 0);
    out += abc[(n >> 18) & 63];
    out += abc[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? abc[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? abc[n & 63] : '=';
  }
  return out;
}

}  // namespace

TEST_CASE("the test's SHA-256 is right (known answers)") {
  CHECK(base64(sha256("")) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(base64(sha256("abc")) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  CHECK(base64(sha256(std::string(1000, 'a'))) == "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=");
}

TEST_CASE("the app page's Content-Security-Policy allows exactly the printable page's style") {
  const std::string index = test::read_source_file("web/index.html");
  const std::string hash = "'sha256-" + base64(sha256(print_stylesheet())) + "'";
  INFO("web/index.html style-src must list ", hash);
  CHECK(contains(index, "style-src 'self' " + hash + ";"));
  CHECK_FALSE(contains(index, "'unsafe-inline'"));
}

TEST_CASE("the printable agreement shows both people, every section and both consents, all text escaped") {
  test::Fixture f;
  Agreement a = *f.ws.agreement_of(f.pairing_id);
  a.confidentiality = "<script>alert('x')</script> & \"quotes\"\nsecond line";
  apply_agreement_edit(*f.ws.agreement_of(f.pairing_id), a);
  give_consent(a, Role::mentor, "Mina <b>Mentor</b>", "2024-02-01");
  give_consent(a, Role::mentee, "Teo Mentee", "2024-02-02");
  REQUIRE(f.ws.save(a));
  const auto page = printable_agreement(f.ws, f.pairing_id);
  REQUIRE(page);
  CHECK(page->rfind("<!doctype html>", 0) == 0);
  CHECK_FALSE(contains(*page, "<script"));
  CHECK_FALSE(contains(*page, "<b>"));
  CHECK(contains(*page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\nsecond line"));
  CHECK(contains(*page, "<h1>Mentoring agreement</h1>"));
  CHECK(contains(*page, "<dd>Mina Mentor &lt;mentor@example.org&gt;</dd>"));
  CHECK(contains(*page, "<dd>Co-production Network mentoring</dd>"));
  CHECK(contains(*page, "<li>Mina Mentor (mentor): consented as \u201cMina &lt;b&gt;Mentor&lt;/b&gt;\u201d on 2024-02-01</li>"));
  CHECK(contains(*page, "<li>Teo Mentee (mentee): consented as \u201cTeo Mentee\u201d on 2024-02-02</li>"));
  CHECK(contains(*page, "Both have consented to these words."));
  CHECK(contains(*page, "<h2>Boundaries and conflicts of interest</h2>"));
  CHECK(contains(*page, "SECRET-agreement-boundaries"));
  CHECK(contains(*page, "<style>" + print_stylesheet() + "</style>"));
  CHECK(contains(*page, "@media print"));
  CHECK(contains(*page, "content=\"default-src 'none'; style-src 'unsafe-inline';"));
  CHECK(contains(*page, "Words of the agreement: " + terms_digest(a) + "."));

  // Words changed after one consent: that consent is printed as void, and not as agreement.
  Agreement changed = *f.ws.agreement_of(f.pairing_id);
  changed.boundaries = "new words";
  apply_agreement_edit(*f.ws.agreement_of(f.pairing_id), changed);
  give_consent(changed, Role::mentee, "Teo Mentee", "2024-02-05");
  REQUIRE(f.ws.save(changed));
  const auto later = printable_agreement(f.ws, f.pairing_id);
  REQUIRE(later);
  CHECK(contains(*later, "Teo Mentee (mentee): consented as \u201cTeo Mentee\u201d on 2024-02-05"));
  CHECK(contains(*later, "Not yet agreed by both to these words."));
  CHECK_FALSE(printable_agreement(f.ws, "no-such-pairing"));
}

TEST_CASE("printed meeting notes carry the ToGROW notes; private notes print only for their author") {
  test::Fixture f;  // the mentee's private note is dated 2024-02-21
  Meeting m;
  m.pairing_id = f.pairing_id;
  m.date = "2024-02-21";
  m.start_time = "14:30";
  m.time_zone = "UTC+05:30";
  m.length_minutes = 50;
  m.topic = "</p><script>steal()</script>";
  m.goal = "Ωμέγα 张伟";
  m.actions = {{"x1", "mentee", "write <draft>", "2024-03-01", false}};
  auto saved = f.ws.save(m);
  REQUIRE(saved);
  const std::string id = saved->upserts.front().id;

  const auto mentee_copy = printable_meeting_notes(f.ws, id, "Mentee@Example.org");
  REQUIRE(mentee_copy);
  CHECK_FALSE(contains(*mentee_copy, "<script"));
  CHECK(contains(*mentee_copy, "&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;"));
  CHECK(contains(*mentee_copy, "<h1>Meeting notes: 2024-02-21 at 14:30 (UTC+05:30)</h1>"));
  CHECK(contains(*mentee_copy, "Met by video, 50 minutes."));
  CHECK(contains(*mentee_copy, "Ωμέγα 张伟"));
  CHECK(contains(*mentee_copy, "<td>Teo Mentee</td><td class=\"text\">write &lt;draft&gt;</td><td>2024-03-01</td><td>open</td>"));
  CHECK(contains(*mentee_copy, "SECRET-private-note"));  // her own
  CHECK(contains(*mentee_copy, "My private notes of this day"));

  const auto mentor_copy = printable_meeting_notes(f.ws, id, "mentor@example.org");
  REQUIRE(mentor_copy);
  CHECK_FALSE(contains(*mentor_copy, "SECRET-private-note"));  // someone else's
  CHECK_FALSE(contains(*mentor_copy, "My private notes"));
  CHECK(contains(*mentor_copy, "&lt;/p&gt;&lt;script&gt;steal()"));

  // Another day's meeting carries no private note, even the author's.
  const std::string first = f.ws.meetings_of(f.pairing_id).front().meta.id;
  const auto earlier = printable_meeting_notes(f.ws, first, "mentee@example.org");
  REQUIRE(earlier);
  CHECK_FALSE(contains(*earlier, "SECRET-private-note"));
  CHECK(contains(*earlier, "SECRET-meeting-reality"));
  CHECK(contains(*earlier, "SECRET-review-learned"));
  CHECK_FALSE(printable_meeting_notes(f.ws, "no-such-meeting", "mentee@example.org"));
}

TEST_CASE("html_escape covers the five characters that can break out of text or an attribute") {
  CHECK(html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(html_escape("Ωμέγα") == "Ωμέγα");
}
