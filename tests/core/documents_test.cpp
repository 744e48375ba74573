#include <doctest/doctest.h>

#include <algorithm>

#include "core/documents/documents.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

std::vector<Document> every_kind(test::Fixture& fx) {
  return {ApplicationDocument{*fx.ws.person_by_email("mentee@example.org"), "Co-production"},
          SchemeDocument{*fx.ws.find<Scheme>(fx.scheme_id)},
          make_introduction_pack(fx.ws, fx.pairing_id).value(),
          make_pair_notebook(fx.ws, fx.pairing_id, NotebookAudience::self).value(),
          ProgressReportDocument{make_progress_report(fx.ws, fx.pairing_id, "2024-03-01").value()},
          make_backup(fx.ws)};
}

}  // namespace

TEST_CASE("every document kind survives a write/read round trip unchanged") {
  test::Fixture fx;
  for (const Document& doc : every_kind(fx)) {
    const std::string text = write_document(doc, "2024-03-01T09:00:00Z");
    auto back = read_document(text, "round.json");
    INFO(to_string(kind_of(doc)), " ", back.error_text());
    REQUIRE(back.ok());
    CHECK(back->kind == kind_of(doc));
    CHECK(back->document == doc);
    CHECK(write_document(back->document, "2024-03-01T09:00:00Z") == text);
  }
}

TEST_CASE("every file names its kind and format version") {
  test::Fixture fx;
  for (const Document& doc : every_kind(fx)) {
    Json j = document_to_json(doc, "2024-03-01T09:00:00Z");
    CHECK(j["kind"] == to_string(kind_of(doc)));
    CHECK(j["format_version"] == kCurrentFormatVersion);
    CHECK(j["format"] == "pairwise");
  }
}

TEST_CASE("the example file of every kind in assets/examples loads and validates") {
  for (const char* name : {"application", "scheme", "introduction-pack", "pair-notebook", "progress-report", "backup"}) {
    const std::string file = std::string(name) + ".example.json";
    const std::string text = test::read_source_file("assets/examples/" + file);
    REQUIRE_MESSAGE(!text.empty(), file);
    auto doc = read_document(text, file);
    INFO(file, ": ", doc.error_text());
    REQUIRE(doc.ok());
    CHECK(to_string(doc->kind) == name);
    // Each example shows the current shape: written back, it is unchanged (new fields included).
    CHECK(write_document(doc->document, Json::parse(text)["exported_at"].get<std::string>()) == text);
  }
}

TEST_CASE("validation errors name the file, the JSON path and what was expected") {
  std::string text = test::read_source_file("assets/examples/application.example.json");
  Json j = Json::parse(text);
  j["person"]["languages"] = Json::array({"English", "Spanish", 42});
  auto r = read_document(j.dump(), "alice.json");
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.errors().size() == 1);
  CHECK(r.errors()[0].to_string() == "alice.json: $.person.languages[2]: expected a string, got 42 (line 1)");
  // In a file laid out on several lines, the line is where the bad value is.
  const std::string pretty = j.dump(2);
  const auto at = pretty.find("42");
  const auto line = 1 + std::count(pretty.begin(), pretty.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  r = read_document(pretty, "alice.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors()[0].to_string() ==
        "alice.json: $.person.languages[2]: expected a string, got 42 (line " + std::to_string(line) + ")");

  j = Json::parse(text);
  j["person"].erase("email");
  j["person"]["capacity"] = "two";
  j["person"]["roles"] = Json::array({"coach"});
  const auto errors = validate_document(j.dump(), "bob.json");
  std::vector<std::string> messages;
  for (const auto& e : errors) messages.push_back(e.to_string());
  CHECK(std::find(messages.begin(), messages.end(), "bob.json: $.person.email: missing; expected a string (line 1)") != messages.end());
  CHECK(std::find(messages.begin(), messages.end(), "bob.json: $.person.capacity: expected a whole number, got \"two\" (line 1)") != messages.end());
  CHECK(std::find(messages.begin(), messages.end(), "bob.json: $.person.roles[0]: expected one of \"mentor\", \"mentee\", got \"coach\" (line 1)") != messages.end());
}

TEST_CASE("malformed JSON, wrong kinds and non-objects are refused without throwing") {
  CHECK(validate_document("{\"kind\": ", "broken.json")[0].to_string().rfind("broken.json: $: not valid JSON", 0) == 0);
  CHECK(validate_document("[1,2]", "list.json")[0].to_string() == "list.json: $: expected an object, got an array");
  auto e = validate_document(R"({"format":"pairwise","kind":"letter","format_version":2})", "k.json");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "$.kind");
  CHECK(e[0].message.find("\"application\"") != std::string::npos);
  CHECK_FALSE(validate_document("", "empty.json").empty());
  CHECK_FALSE(validate_document(R"({"format":"pairwise","kind":"backup","format_version":2,"people":[{"email":null}]})", "b.json").empty());
}

TEST_CASE("a newer format version than the app knows is refused clearly") {
  auto r = read_document(test::read_source_file("tests/fixtures/application.v7-newer.json"), "new.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error_text() ==
        "new.json: $.format_version: format version 7 is newer than this version of Pairwise understands (up to 6); "
        "please update Pairwise (line 5)");
}

TEST_CASE("malformed JSON is reported with its line and column") {
  const auto e = validate_document("{\n  \"kind\": \"scheme\",\n  \"scheme\": {,}\n}", "hand-edited.json");
  REQUIRE(e.size() == 1);
  CHECK(e[0].to_string().find("hand-edited.json: $: not valid JSON") == 0);
  CHECK(e[0].message.find("line 3, column 14") != std::string::npos);
}

TEST_CASE("v1 application is migrated: language string -> languages list, role -> roles") {
  auto r = read_document(test::read_source_file("tests/fixtures/application.v1.json"), "application.v1.json");
  INFO(r.error_text());
  REQUIRE(r.ok());
  CHECK(r->source_format_version == 1);
  const auto& p = std::get<ApplicationDocument>(r->document).person;
  CHECK(p.languages == std::vector<std::string>{"Spanish", "English"});
  CHECK(p.is_mentor());
  CHECK(p.is_mentee());
  CHECK(p.meta.revision == 2);
  // Written back out it is a current-version file.
  CHECK(document_to_json(r->document, "2024-01-01T00:00:00Z")["format_version"] == kCurrentFormatVersion);
}

TEST_CASE("v1 pair notebook and backup are migrated: meeting minutes -> length_minutes, people languages") {
  auto n = read_document(test::read_source_file("tests/fixtures/pair-notebook.v1.json"), "pair-notebook.v1.json");
  INFO(n.error_text());
  REQUIRE(n.ok());
  CHECK(std::get<PairNotebook>(n->document).meetings.at(0).length_minutes == 40);
  auto b = read_document(test::read_source_file("tests/fixtures/backup.v1.json"), "backup.v1.json");
  INFO(b.error_text());
  REQUIRE(b.ok());
  const auto& kim = std::get<Backup>(b->document).people.at(0);
  CHECK(kim.languages == std::vector<std::string>{"Korean"});
  CHECK(kim.roles == std::vector<Role>{Role::mentor});
}
