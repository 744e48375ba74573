// The participant filter and sort, once in the core (issue 14 part 3): the Participants screen
// kept its own copy, which lower-cased ASCII only, so "ана" never found "Ана Петрова".
#include <doctest/doctest.h>

#include "core/reports/participant_list.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

struct People {
  FixedClock clock{"2024-03-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  Scheme scheme;

  People() {
    scheme = make_preset(SchemePreset::ikt, ids, clock);
    scheme.topics = {"policy", "evaluation"};
    REQUIRE(ws.save(scheme).ok());
    scheme = *ws.find<Scheme>(scheme.meta.id);
    add("ana@example.org", "Ана Петрова", {Role::mentee}, {"Bulgarian", "English"}, {"policy"}, 120, 2);
    add("ELENI@example.org", "Ελένη Παπαδοπούλου", {Role::mentor}, {"Ελληνικά"}, {"Оценка"}, 120, 15);
    add("jose@example.org", "José Núñez", {Role::mentor, Role::mentee}, {"Español"}, {"policy"}, -300, std::nullopt);
    add("bo@example.org", "", {Role::mentee}, {"English"}, {}, std::nullopt, 1);
    Person other;  // another scheme's person never shows
    other.scheme_id = "another-scheme";
    other.email = "other@example.org";
    other.name = "Ана Other";
    other.roles = {Role::mentee};
    REQUIRE(ws.save(other).ok());
  }

  void add(const std::string& email, const std::string& name, std::vector<Role> roles, std::vector<std::string> languages,
           std::vector<std::string> topics, std::optional<int> offset, std::optional<int> experience) {
    Person p;
    p.scheme_id = scheme.meta.id;
    p.email = email;
    p.name = name;
    p.roles = std::move(roles);
    p.languages = std::move(languages);
    p.topics = std::move(topics);
    p.utc_offset_minutes = offset;
    p.experience_years = experience;
    REQUIRE(ws.save(p).ok());
  }

  std::vector<std::string> emails(const ParticipantFilter& f, const ParticipantSort& s = {}) const {
    std::vector<std::string> out;
    for (const std::string& id : list_participants(ws, scheme, f, s).ids) out.push_back(ws.find<Person>(id)->email);
    return out;
  }
};

ParticipantFilter search(std::string text) {
  ParticipantFilter f;
  f.search = std::move(text);
  return f;
}

}  // namespace

TEST_CASE("the participant search folds case in every script it knows, and names the e-mail for the nameless") {
  People p;
  CHECK(p.emails(search("ана")) == std::vector<std::string>{"ana@example.org"});
  CHECK(p.emails(search("ΕΛΈΝΗ")) == std::vector<std::string>{"ELENI@example.org"});
  CHECK(p.emails(search("eleni@")) == std::vector<std::string>{"ELENI@example.org"});
  CHECK(p.emails(search("JOSÉ")) == std::vector<std::string>{"jose@example.org"});
  CHECK(p.emails(search("оценка")) == std::vector<std::string>{"ELENI@example.org"});  // a topic
  CHECK(p.emails(search("nobody")).empty());
  const ParticipantList all = list_participants(p.ws, p.scheme, {}, {});
  CHECK(all.total == 4);
  CHECK(all.ids.size() == 4);
}

TEST_CASE("the participant filters combine, and each offers only the values given") {
  People p;
  ParticipantFilter f;
  f.role = RoleFilter::mentors;
  CHECK(p.emails(f, {ParticipantColumn::email, true}) == std::vector<std::string>{"ELENI@example.org", "jose@example.org"});
  f.role = RoleFilter::mentees;
  f.topic = "policy";
  CHECK(p.emails(f, {ParticipantColumn::email, true}) == std::vector<std::string>{"ana@example.org", "jose@example.org"});
  f.time_zone = "UTC-05:00";
  CHECK(p.emails(f) == std::vector<std::string>{"jose@example.org"});
  f = ParticipantFilter{};
  f.status = PersonStatus::paused;
  CHECK(p.emails(f).empty());
  f.status = PersonStatus::active;
  CHECK(p.emails(f).size() == 4);
  f = ParticipantFilter{};
  f.language = "English";
  CHECK(p.emails(f, {ParticipantColumn::email, true}) == std::vector<std::string>{"ana@example.org", "bo@example.org"});

  const ParticipantList all = list_participants(p.ws, p.scheme, {}, {});
  CHECK(all.languages == std::vector<std::string>{"Bulgarian", "English", "Español", "Ελληνικά"});
  CHECK(all.topics == std::vector<std::string>{"policy", "evaluation", "Оценка"});  // the scheme's first
  CHECK(all.time_zones == std::vector<std::string>{"UTC-05:00", "UTC+02:00"});      // west to east
}

TEST_CASE("the participant sort: names as folded text (the e-mail for the nameless), experience with none first") {
  People p;
  CHECK(p.emails({}, {ParticipantColumn::name, true}) ==
        std::vector<std::string>{"bo@example.org", "jose@example.org", "ELENI@example.org", "ana@example.org"});
  CHECK(p.emails({}, {ParticipantColumn::name, false}) ==
        std::vector<std::string>{"ana@example.org", "ELENI@example.org", "jose@example.org", "bo@example.org"});
  CHECK(p.emails({}, {ParticipantColumn::experience, true}) ==
        std::vector<std::string>{"jose@example.org", "bo@example.org", "ana@example.org", "ELENI@example.org"});
  CHECK(p.emails({}, {ParticipantColumn::experience, false}) ==
        std::vector<std::string>{"ELENI@example.org", "ana@example.org", "bo@example.org", "jose@example.org"});
  CHECK(p.emails({}, {ParticipantColumn::email, true}) ==
        std::vector<std::string>{"ana@example.org", "bo@example.org", "ELENI@example.org", "jose@example.org"});
}
