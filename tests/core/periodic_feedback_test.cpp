// Periodic feedback when due by the scheme's cadence (IKT: every six months), answered by mentor
// and mentee on their own devices; only the ratings reach the coordinator (issue 16).
#include <doctest/doctest.h>

#include "core/documents/documents.hpp"
#include "core/pair/feedback_forms.hpp"
#include "core/reports/progress_report.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

const std::vector<Rating> kGood = {{"overall", 4}, {"usefulness", 5}};

// The fixture's pairing became active on 2024-01-10; IKT asks for feedback every six months.
struct IktPair {
  test::Fixture fx{SchemePreset::ikt};
  IktPair() {
    // The fixture's own feedback (dated 2024-02-20) answers no round: start without it.
    for (const Feedback& f : fx.ws.feedback_of(fx.pairing_id)) (void)fx.ws.remove<Feedback>(f.meta.id);
  }
};

}  // namespace

TEST_CASE("periodic feedback falls due every six months from the start, for each side on its own") {
  IktPair pair;
  Workspace& ws = pair.fx.ws;
  const std::string id = pair.fx.pairing_id;
  auto before = periodic_feedback_due(ws, id, Role::mentee, "2024-07-09");
  CHECK_FALSE(before.due);
  CHECK(before.round == 0);
  CHECK(before.next == "2024-07-10");
  CHECK_FALSE(give_periodic_feedback(ws, id, Role::mentee, "2024-07-09", kGood, {}));

  auto first = periodic_feedback_due(ws, id, Role::mentee, "2024-07-10");
  CHECK(first.due);
  CHECK(first.round == 1);
  CHECK(first.since == "2024-07-10");
  CHECK(first.next == "2025-01-10");

  // Ratings are required; comments stay in the record for the pair.
  CHECK_FALSE(give_periodic_feedback(ws, id, Role::mentee, "2024-07-12", {{"overall", 4}}, {}));
  REQUIRE(give_periodic_feedback(ws, id, Role::mentee, "2024-07-12", kGood, {{"Comment", "PERIODIC-COMMENT useful"}}));
  CHECK_FALSE(periodic_feedback_due(ws, id, Role::mentee, "2024-08-01").due);
  CHECK(periodic_feedback_due(ws, id, Role::mentor, "2024-08-01").due);  // the mentor has not answered yet
  CHECK_FALSE(give_periodic_feedback(ws, id, Role::mentee, "2024-08-01", kGood, {}));  // answered already

  // The next round.
  auto second = periodic_feedback_due(ws, id, Role::mentee, "2025-01-10");
  CHECK(second.due);
  CHECK(second.round == 2);

  // The coordinator receives the ratings, never the comment.
  auto report = make_progress_report(ws, id, "2024-08-01");
  REQUIRE(report);
  REQUIRE(report->feedback.size() == 1);
  CHECK(report->feedback[0].ratings == kGood);
  CHECK_FALSE(report->feedback[0].end_of_relationship);
  const std::string sent = write_document(ProgressReportDocument{report.value()}, "2024-08-01T10:00:00Z");
  CHECK(sent.find("PERIODIC-COMMENT") == std::string::npos);
  CHECK(sent.find("Comment") == std::string::npos);
}

TEST_CASE("a month end start falls due on the last day of shorter months; ended pairings and other schemes ask none") {
  IktPair pair;
  Workspace& ws = pair.fx.ws;
  Pairing p = *ws.find<Pairing>(pair.fx.pairing_id);
  p.history.back().date = "2023-08-31";  // active since the last day of August
  p.history[2].date = "2023-08-30";
  p.history[1].date = "2023-08-29";
  p.history[0].date = "2023-08-28";
  REQUIRE(ws.save(p));
  CHECK(periodic_feedback_due(ws, p.meta.id, Role::mentor, "2024-02-29").since == "2024-02-29");
  REQUIRE(ws.transition_pairing(p.meta.id, {PairingStatus::completed, "2024-03-01", Actor::mentor, "", 0}));
  CHECK_FALSE(periodic_feedback_due(ws, p.meta.id, Role::mentor, "2024-03-02").due);

  test::Fixture coproduction;  // no cadence
  CHECK_FALSE(periodic_feedback_due(coproduction.ws, coproduction.pairing_id, Role::mentee, "2030-01-01").due);
}
