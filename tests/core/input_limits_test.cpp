// Issue 11 part 8: inputs over a stated size, or nested deeper than a stated limit, are refused
// with a message before anything recursive reads them.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/documents/documents.hpp"
#include "core/validation/json_reader.hpp"

using namespace pairwise;

TEST_CASE("a JSON file nested deeper than the limit is refused before parsing, with the line") {
  // 200,000 levels: a parser tree and every recursive walk of it would be at risk.
  const std::size_t levels = 200000;
  std::string text = "{\"kind\": \"backup\",\n \"people\": ";
  text += std::string(levels, '[');
  text += std::string(levels, ']');
  text += "}";
  const auto start = std::chrono::steady_clock::now();
  const Errors errors = validate_document(text, "deep.json");
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() ==
        "deep.json: $: lists and objects are nested more than 64 levels deep (line 2); no Pairwise file nests that "
        "deep, so it was not read");
  CHECK(ms < 2000);
}

TEST_CASE("nesting up to the limit is read, and brackets inside strings do not count") {
  std::string inside = "\"" + std::string(500, '[') + "{{{\\\"\"";  // a name full of brackets and an escaped quote
  std::string text = std::string(63, '[') + "{\"name\": " + inside + "}" + std::string(63, ']');
  auto parsed = parse_json_text(text, "ok.json");
  INFO(parsed.error_text());
  CHECK(parsed.ok());
  auto refused = parse_json_text("[" + text + "]", "one-more.json");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error_text().find("nested more than 64 levels deep") != std::string::npos);
}

TEST_CASE("a JSON input over the stated size is refused with a message naming both sizes") {
  CHECK(kJsonLimits.max_bytes == 64u * 1024u * 1024u);
  std::string text = "{\"kind\": \"backup\"}";
  text += std::string(kJsonLimits.max_bytes, ' ');  // valid JSON, just too big
  const Errors errors = validate_document(text, "huge.json");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() == "huge.json: $: the file is too large (64.1 MiB; at most 64 MiB is read): is it the right file?");
  // A smaller stated limit applies the same way.
  auto small = parse_json_text("[1, 2, 3]", "small.json", JsonLimits{4, 64});
  REQUIRE_FALSE(small.ok());
  CHECK(small.error_text() == "small.json: $: the file is too large (9 bytes; at most 4 bytes is read): is it the right file?");
}

TEST_CASE("the limit checks cost little beside parsing itself (timing printed, baseline in the same run)") {
  // A backup-shaped file of about 8 MB: 20,000 people with names in several scripts.
  Json people = Json::array();
  for (int i = 0; i < 20000; ++i)
    people.push_back(Json{{"email", "p" + std::to_string(i) + "@example.org"},
                          {"name", "Zoë Ωμέγα Юлия 𠮷 [" + std::to_string(i) + "]"},
                          {"languages", Json::array({"English", "Español"})},
                          {"topics", Json::array({"policy", "{braces} in text"})}});
  const std::string text = Json{{"kind", "backup"}, {"people", people}}.dump(1);
  auto time_ms = [](auto&& fn) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  bool plain_ok = false, checked_ok = false;
  const double plain = time_ms([&] { plain_ok = !Json::parse(text, nullptr, false).is_discarded(); });
  const double checked = time_ms([&] { checked_ok = parse_json_text(text, "big.json").ok(); });
  CHECK(plain_ok);
  CHECK(checked_ok);
  MESSAGE("parse of a " << text.size() / 1024 << " KiB backup: " << plain << " ms plain nlohmann parse (baseline), "
                        << checked << " ms with the size and depth checks");
  CHECK(checked < plain * 2 + 50);
}
