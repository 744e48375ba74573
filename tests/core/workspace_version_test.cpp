// One workspace version drives every cache (issue 14 part 3): it moves on every change made through
// the workspace, including an import that only updates people (the row counts stay the same, which
// once left a stale match result with "Accept all" enabled), and never goes back when a workspace
// is replaced.
#include <doctest/doctest.h>

#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("an import that only updates an existing person moves the workspace version, with the row counts unchanged") {
  test::Fixture fx;
  // The mentee's corrected application: same person (id and e-mail), a new preference, a later revision.
  Person resubmitted = *fx.ws.person_by_email("mentee@example.org");
  resubmitted.preferences = {"mentor@example.org"};
  resubmitted.meta.revision += 1;
  resubmitted.meta.updated_at = "2024-03-02T09:00:00Z";
  const InputFile file{"resubmission.json", write_document(ApplicationDocument{resubmitted, "Scheme"}, "2024-03-02T09:00:00Z")};

  const std::size_t people = fx.ws.people().size();
  const std::size_t pairings = fx.ws.pairings().size();
  const std::uint64_t before = fx.ws.version();
  auto preview = preview_import(fx.ws, {file}, ImportOptions{});
  REQUIRE(preview.can_apply());
  CHECK(fx.ws.version() == before);  // previewing changes nothing
  REQUIRE(apply_import(fx.ws, preview).ok());
  CHECK(fx.ws.person_by_email("mentee@example.org")->preferences == std::vector<std::string>{"mentor@example.org"});
  CHECK(fx.ws.people().size() == people);
  CHECK(fx.ws.pairings().size() == pairings);
  CHECK(fx.ws.version() != before);
}

TEST_CASE("the workspace version moves on each kind of change and stays on refusals and no-ops") {
  test::Fixture fx;
  std::uint64_t v = fx.ws.version();
  auto moved = [&] {
    const bool changed = fx.ws.version() != v;
    v = fx.ws.version();
    return changed;
  };
  Person mentee = *fx.ws.person_by_email("mentee@example.org");
  REQUIRE(fx.ws.save(mentee).ok());
  CHECK_FALSE(moved());  // saving the same record stores nothing
  mentee.name = "Teo Mentée";
  REQUIRE(fx.ws.save(mentee).ok());
  CHECK(moved());
  REQUIRE(fx.ws.save(Pairing{}).errors().size() > 0);  // refused: no history, nobody named
  CHECK_FALSE(moved());
  (void)fx.ws.set_settings(Json{{"role", "coordinator"}});
  CHECK(moved());
  (void)fx.ws.set_settings(Json{{"role", "coordinator"}});
  CHECK_FALSE(moved());  // the same settings again
  REQUIRE(fx.ws.transition_pairing(fx.pairing_id, TransitionRequest{PairingStatus::completed, "2024-03-01", Actor::coordinator, "", 0}).ok());
  CHECK(moved());
  (void)fx.ws.remove<Pairing>("no-such-pairing");
  CHECK_FALSE(moved());
  (void)fx.ws.remove<Pairing>(fx.pairing_id);
  CHECK(moved());
  ChangeSet bad;
  bad.upserts.push_back({kStorePeople, "x", Json("not a person")});
  CHECK_FALSE(fx.ws.apply(bad).ok());
  CHECK_FALSE(moved());
  CHECK(fx.ws.apply(ChangeSet{}).ok());
  CHECK_FALSE(moved());
}

TEST_CASE("a workspace assigned over another (a reload) never shows a version either had before") {
  test::Fixture a;
  test::Fixture b;
  Workspace shown = a.ws;  // what the screens read
  const std::uint64_t seen = shown.version();
  shown = b.ws;  // replaced by a freshly loaded workspace that made as many changes
  CHECK(shown.version() > seen);
  CHECK(shown.version() > b.ws.version());
  const std::uint64_t after_load = shown.version();
  shown = a.ws;
  CHECK(shown.version() > after_load);
}
