// The coordinator's monitoring figures come from the progress reports pairs sent, and only those.
#include <doctest/doctest.h>

#include "core/reports/monitoring.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("monitoring summarises the progress reports a coordinator imported") {
  test::Fixture pair;  // the pair's own workspace
  Meeting second;
  second.pairing_id = pair.pairing_id;
  second.date = "2024-02-14";
  second.length_minutes = 30;
  REQUIRE(pair.ws.save(second));
  auto report = make_progress_report(pair.ws, pair.pairing_id, "2024-03-01");
  REQUIRE(report);

  // The coordinator's workspace: the scheme, both people and the pairing, and now the report.
  FixedClock clock{"2024-03-10T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace coordinator(clock, ids);
  ChangeSet copy;
  for (const StoredRecord& r : pair.ws.all_records())
    if (r.store == kStoreSchemes || r.store == kStorePeople || r.store == kStorePairings) copy.upserts.push_back(r);
  REQUIRE(coordinator.apply(copy));

  MonitoringSummary before = summarize_progress(coordinator, pair.scheme_id, "2024-03-10");
  CHECK(before.pairs.empty());
  CHECK(before.pairs_without_report == 1);

  coordinator.store_progress_report(report.value());
  const MonitoringSummary s = summarize_progress(coordinator, pair.scheme_id, "2024-03-10");
  CHECK(s.pairs_without_report == 0);
  REQUIRE(s.pairs.size() == 1);
  const PairProgress& p = s.pairs[0];
  CHECK(p.mentee == "Teo Mentee");
  CHECK(p.mentor == "Mina Mentor");
  REQUIRE(p.meetings.size() == 2);
  CHECK(p.meetings[0].date == "2024-01-15");
  CHECK(p.days_since_contact == 25);  // 14 February to 10 March
  CHECK(p.objective_progress == std::vector<int>{40});
  CHECK(p.actions_open == 1);
  CHECK(p.actions_done == 1);
  CHECK(s.months == std::vector<std::string>{"2024-01", "2024-02", "2024-03"});
  CHECK(s.meetings_per_month == std::vector<int>{1, 1, 0});
  REQUIRE(s.feedback.size() == 1);
  CHECK(s.feedback[0].key == "overall");
  CHECK(s.feedback[0].average == doctest::Approx(4.0));
  CHECK(s.on_track + s.behind + s.not_started <= 1);

  CHECK(summarize_progress(coordinator, "another-scheme", "2024-03-10").pairs.empty());
}

TEST_CASE("monitoring tells proposed, requested, accepted, meeting and ended apart; 'meeting' only for active pairs") {
  test::Fixture pair;  // its pairing is active: that pair is meeting
  Workspace& ws = pair.ws;
  // A second pair has only been accepted: they have not met.
  Person mentor, mentee;
  mentor.scheme_id = mentee.scheme_id = pair.scheme_id;
  mentor.email = "rafael@example.org";
  mentor.roles = {Role::mentor};
  mentee.email = "ana@example.org";
  mentee.roles = {Role::mentee};
  REQUIRE(ws.save(mentor));
  REQUIRE(ws.save(mentee));
  Pairing accepted = make_pairing(ws.new_meta(), pair.scheme_id, "rafael@example.org", "ana@example.org", "2024-01-01");
  accepted.history.push_back({PairingStatus::requested, "2024-01-02", Actor::coordinator, ""});
  accepted.history.push_back({PairingStatus::accepted, "2024-01-05", Actor::mentor, ""});
  REQUIRE(ws.save(accepted));

  MonitoringSummary s = summarize_progress(ws, pair.scheme_id, "2024-03-10");
  CHECK(s.stages.of(PairingStage::accepted) == 1);
  CHECK(s.stages.of(PairingStage::meeting) == 1);
  // Found by a coordinator: the screen said "2 pair(s) are meeting" of an accepted and an active pair.
  CHECK(describe_missing_reports(s) == "1 pair has accepted and 1 pair is meeting without sending a progress report yet.");
  CHECK(describe_stages(s.stages) == "2 pairings: 0 proposed, 0 requested, 1 accepted, 1 meeting, 0 ended");

  REQUIRE(ws.transition_pairing(accepted.meta.id, {PairingStatus::withdrawn, "2024-03-01", Actor::mentee, "moved abroad", 0}));
  s = summarize_progress(ws, pair.scheme_id, "2024-03-10");
  CHECK(s.stages.of(PairingStage::ended) == 1);
  CHECK(describe_missing_reports(s) == "1 pair is meeting without sending a progress report yet.");

  for (PairingStatus status : {PairingStatus::requested, PairingStatus::no_response}) CHECK(stage_of(status) == PairingStage::requested);
  for (PairingStatus status : {PairingStatus::declined, PairingStatus::completed, PairingStatus::withdrawn})
    CHECK(stage_of(status) == PairingStage::ended);
  CHECK(stage_of(PairingStatus::proposed) == PairingStage::proposed);
  CHECK(stage_of(PairingStatus::accepted) == PairingStage::accepted);
  CHECK(stage_of(PairingStatus::active) == PairingStage::meeting);
}
