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
