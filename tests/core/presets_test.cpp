// The built-in presets come from the scheme files in assets/presets/ and nowhere else.
#include <doctest/doctest.h>

#include "core/documents/documents.hpp"
#include "core/presets/presets.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("every preset file reads cleanly as a scheme document and writes back byte for byte") {
  for (SchemePreset preset : kAllPresets) {
    const std::string file = "assets/presets/" + preset_key(preset) + ".json";
    const std::string text = test::read_source_file(file);
    REQUIRE_MESSAGE(!text.empty(), file);
    auto doc = read_document(text, file);
    INFO(file, ": ", doc.error_text());
    REQUIRE(doc.ok());
    CHECK(doc->kind == DocumentKind::scheme);
    // Written in the app's own form, so an exported, edited and re-imported preset diffs cleanly.
    const std::string exported_at = Json::parse(text)["exported_at"].get<std::string>();
    CHECK(write_document(doc->document, exported_at) == text);
    // The program carries exactly the file in the source tree.
    CHECK(preset_file_text(preset) == text);
  }
}

TEST_CASE("make_preset gives the preset file's scheme with a fresh id each time") {
  SequentialIdGenerator ids;
  FixedClock clock("2024-05-01T10:00:00Z");
  for (SchemePreset preset : kAllPresets) {
    auto from_file = read_preset_file(preset);
    REQUIRE_MESSAGE(from_file.ok(), from_file.error_text());
    Scheme a = make_preset(preset, ids, clock);
    Scheme b = make_preset(preset, ids, clock);
    CHECK(a.meta.id != b.meta.id);
    CHECK(a.meta.created_at == "2024-05-01T10:00:00Z");
    Scheme expected = from_file.value();
    expected.meta = a.meta;
    CHECK(a == expected);
    CHECK(preset_from_key(preset_key(preset)) == preset);
  }
  CHECK_FALSE(preset_from_key("no-such-preset").has_value());
  const auto all = all_presets(ids, clock);
  REQUIRE(all.size() == 5);
  CHECK(all[0].name == "Cochrane KT mentoring");
  CHECK(all[1].name == "IKT mentoring");
  CHECK(all[2].name == "KIND mentoring");
  CHECK(all[3].name == "Co-production Network mentoring");
  CHECK(all[4].name == "MRC CTU LMIC mentoring");
}

TEST_CASE("a preset file with a mistake is refused with the file, the JSON path and what was expected") {
  Json j = Json::parse(std::string(preset_file_text(SchemePreset::kind)));
  j["scheme"]["duration_weeks"]["max"] = 4;  // shorter than its minimum of 8
  j["scheme"]["intake_fields"][1]["key"] = "nmae";
  j["scheme"]["cohort_spread"]["matching_group"] = "planet";
  auto r = read_document(j.dump(2), "kind.json");
  REQUIRE_FALSE(r.ok());
  const std::string text = r.error_text();
  CHECK(text.find("kind.json: $.scheme.duration_weeks.max: expected at least the minimum (8), got 4") != std::string::npos);
  CHECK(text.find("kind.json: $.scheme.intake_fields[1].key: expected an application field") != std::string::npos);
  CHECK(text.find("kind.json: $.scheme.cohort_spread.matching_group: expected \"region\" or \"country\", got \"planet\"") !=
        std::string::npos);
}

TEST_CASE("an application records only what the scheme's form asked, of the role applied for") {
  FixedClock clock{"2024-03-01T09:00:00Z"};
  SequentialIdGenerator ids;
  const Scheme ikt = make_preset(SchemePreset::ikt, ids, clock);
  // A draft that was a mentee's, then switched to mentor, with answers to questions IKT never asks.
  Person draft;
  draft.email = "eleni@example.org";
  draft.roles = {Role::mentor};
  draft.project.what = "left from when I ticked mentee";
  draft.preparation = {{"What do you want to get out of the mentoring?", "left over"}};
  draft.career_stage = "senior";
  draft.organisation = "Typed into a field the form never showed";
  draft.experience_years = 7;
  draft.capacity = 3;
  const Person sent = only_asked_answers(ikt, draft);
  CHECK(sent.project.empty());
  CHECK(sent.preparation.empty());
  CHECK(sent.email == draft.email);
  CHECK(sent.experience_years == 7);  // IKT asks for it
  REQUIRE(form_asks(ikt, "experience_years"));
  for (const char* key : {"career_stage", "organisation"}) {
    INFO(key);
    CHECK_FALSE(form_asks(ikt, key));
  }
  CHECK(sent.career_stage.empty());
  CHECK(sent.organisation.empty());
  CHECK(sent.capacity == (form_asks(ikt, "capacity") ? 3 : Person{}.capacity));

  // A mentee of a scheme with preparation questions keeps the answers to those questions only.
  const Scheme coproduction = make_preset(SchemePreset::coproduction, ids, clock);
  REQUIRE_FALSE(coproduction.preparation_questions.empty());
  Person mentee;
  mentee.email = "teo@example.org";
  mentee.roles = {Role::mentee};
  mentee.capacity = 4;
  mentee.preparation = {{coproduction.preparation_questions[0], "A plan for my first grant"}, {"An old question", "gone"}};
  const Person kept = only_asked_answers(coproduction, mentee);
  REQUIRE(kept.preparation.size() == 1);
  CHECK(kept.preparation[0].answer == "A plan for my first grant");
  CHECK(kept.capacity == Person{}.capacity);  // a mentee is not asked how many mentees they can take
}
