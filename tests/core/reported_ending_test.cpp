// A pair withdraws without fault or ends with feedback on their own devices; the coordinator learns
// it from the pair's progress report, and importing that report moves the coordinator's pairing to
// the same ending through the lifecycle's rules, so Monitoring counts it ended (issue 16).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/pair/feedback_forms.hpp"
#include "core/reports/monitoring.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

InputFile report_file(const Workspace& pair, const std::string& pairing_id, const std::string& today) {
  auto report = make_progress_report(pair, pairing_id, today);
  REQUIRE(report);
  return {"progress-report.json", write_document(ProgressReportDocument{report.value()}, today + "T12:00:00Z")};
}

bool has_note(const ImportPreview& preview, const std::string& part) {
  return std::any_of(preview.status_changes.begin(), preview.status_changes.end(),
                     [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("a withdrawal without fault on the pair's device reaches the coordinator with their progress report") {
  test::Fixture coordinator(SchemePreset::kind);
  Workspace pair = coordinator.ws;  // the mentee's device, joined from the introduction pack
  REQUIRE(withdraw_without_fault(pair, coordinator.pairing_id, Actor::mentee, "2024-02-28"));
  REQUIRE(pair.find<Pairing>(coordinator.pairing_id)->status() == PairingStatus::withdrawn);
  REQUIRE(coordinator.ws.find<Pairing>(coordinator.pairing_id)->status() == PairingStatus::active);

  const auto preview = preview_import(coordinator.ws, {report_file(pair, coordinator.pairing_id, "2024-03-01")}, {});
  REQUIRE(preview.can_apply());
  CHECK(has_note(preview, "the pairing of Mina Mentor and Teo Mentee is now withdrawn (since 2024-02-28)"));
  REQUIRE(apply_import(coordinator.ws, preview));

  const Pairing& p = *coordinator.ws.find<Pairing>(coordinator.pairing_id);
  CHECK(p.status() == PairingStatus::withdrawn);
  CHECK(p.history.back().date == "2024-02-28");
  // Who withdrew travels in the report (v6), so the coordinator's record says the mentee did.
  CHECK(p.history.back().by == Actor::mentee);
  CHECK(p.history.back().reason == "reported by the pair in their progress report of 2024-03-01");
  const MonitoringSummary m = summarize_progress(coordinator.ws, coordinator.scheme_id, "2024-03-01");
  CHECK(m.stages.of(PairingStage::ended) == 1);
  CHECK(m.stages.of(PairingStage::meeting) == 0);
  REQUIRE(m.pairs.size() == 1);
  CHECK(m.pairs[0].status == PairingStatus::withdrawn);

  // The same report again changes nothing more.
  const auto again = preview_import(coordinator.ws, {report_file(pair, coordinator.pairing_id, "2024-03-01")}, {});
  REQUIRE(again.can_apply());
  CHECK_FALSE(has_note(again, "is now withdrawn"));
  CHECK(again.changes.upserts.empty());
}

TEST_CASE("ending with feedback from both sides completes the coordinator's pairing, with the ratings only") {
  test::Fixture coordinator(SchemePreset::mrc_ctu_lmic);
  Workspace pair = coordinator.ws;
  const std::vector<QuestionAnswer> comment = {{"What would you change?", "ENDING-COMMENT more time"}};
  // Every rating is required, 1..5.
  auto unrated = end_with_feedback(pair, coordinator.pairing_id, Role::mentee, "2024-02-29", {{"overall", 4}}, comment);
  REQUIRE_FALSE(unrated);
  CHECK(unrated.error_text().find("How useful was it") != std::string::npos);
  CHECK_FALSE(end_with_feedback(pair, coordinator.pairing_id, Role::mentee, "2024-02-29", {{"overall", 6}, {"usefulness", 3}}, comment));
  CHECK(pair.find<Pairing>(coordinator.pairing_id)->status() == PairingStatus::active);  // nothing changed
  CHECK(pair.feedback_of(coordinator.pairing_id).size() == 1);

  // The first to answer ends the mentoring; the other answers afterwards; nobody answers twice.
  REQUIRE(end_with_feedback(pair, coordinator.pairing_id, Role::mentee, "2024-02-29", {{"overall", 3}, {"usefulness", 4}}, comment));
  CHECK(pair.find<Pairing>(coordinator.pairing_id)->status() == PairingStatus::completed);
  CHECK(pair.find<Pairing>(coordinator.pairing_id)->history.back().by == Actor::mentee);
  REQUIRE(end_with_feedback(pair, coordinator.pairing_id, Role::mentor, "2024-03-01", {{"overall", 5}, {"usefulness", 5}}, {}));
  CHECK_FALSE(end_with_feedback(pair, coordinator.pairing_id, Role::mentor, "2024-03-01", {{"overall", 5}, {"usefulness", 5}}, {}));
  CHECK(ending_feedback_of(pair, coordinator.pairing_id, Role::mentor) != nullptr);

  const InputFile file = report_file(pair, coordinator.pairing_id, "2024-03-01");
  CHECK(file.content.find("ENDING-COMMENT") == std::string::npos);
  const auto preview = preview_import(coordinator.ws, {file}, {});
  REQUIRE(preview.can_apply());
  CHECK(has_note(preview, "is now completed (since 2024-02-29)"));
  REQUIRE(apply_import(coordinator.ws, preview));
  CHECK(coordinator.ws.find<Pairing>(coordinator.pairing_id)->status() == PairingStatus::completed);
  const auto& report = coordinator.ws.progress_reports().at(coordinator.pairing_id);
  CHECK(std::count_if(report.feedback.begin(), report.feedback.end(),
                      [](const FeedbackSummary& f) { return f.end_of_relationship; }) == 2);
  const MonitoringSummary m = summarize_progress(coordinator.ws, coordinator.scheme_id, "2024-03-01");
  CHECK(m.stages.of(PairingStage::ended) == 1);
}

TEST_CASE("ending feedback waits until the pair has started meeting") {
  test::Fixture fx(SchemePreset::kind);
  Pairing proposed = make_pairing(fx.ws.new_meta(), fx.scheme_id, "mentor@example.org", "other@example.org", "2024-02-01");
  REQUIRE(fx.ws.save(proposed));
  auto refused = end_with_feedback(fx.ws, proposed.meta.id, Role::mentor, "2024-02-02", {{"overall", 4}, {"usefulness", 4}}, {});
  REQUIRE_FALSE(refused);
  CHECK(refused.error_text().find("the mentoring is proposed") != std::string::npos);
}

TEST_CASE("an ending the coordinator's lifecycle refuses is said, and the report is still stored") {
  test::Fixture coordinator(SchemePreset::kind);
  Workspace pair = coordinator.ws;
  REQUIRE(withdraw_without_fault(pair, coordinator.pairing_id, Actor::mentor, "2024-02-28"));
  // Meanwhile the coordinator recorded the pairing completed: final, so the withdrawal cannot follow.
  REQUIRE(coordinator.ws.transition_pairing(coordinator.pairing_id,
                                            {PairingStatus::completed, "2024-02-27", Actor::coordinator, "", 0}));
  const auto preview = preview_import(coordinator.ws, {report_file(pair, coordinator.pairing_id, "2024-03-01")}, {});
  REQUIRE(preview.can_apply());
  CHECK(has_note(preview, "is reported withdrawn but stays completed"));
  REQUIRE(apply_import(coordinator.ws, preview));
  CHECK(coordinator.ws.find<Pairing>(coordinator.pairing_id)->status() == PairingStatus::completed);
  CHECK(coordinator.ws.progress_reports().count(coordinator.pairing_id) == 1);
}

TEST_CASE("a report from before v6 names nobody: the coordinator records the reported ending themself") {
  test::Fixture coordinator(SchemePreset::kind);
  Workspace pair = coordinator.ws;
  REQUIRE(withdraw_without_fault(pair, coordinator.pairing_id, Actor::mentor, "2024-02-28"));
  Json old = Json::parse(report_file(pair, coordinator.pairing_id, "2024-03-01").content);
  REQUIRE(old["report"]["history"].back()["by"] == "mentor");
  old["format_version"] = 5;
  for (Json& change : old["report"]["history"]) change.erase("by");
  const auto preview = preview_import(coordinator.ws, {{"old-report.json", old.dump(2)}}, {});
  REQUIRE(preview.can_apply());
  REQUIRE(apply_import(coordinator.ws, preview));
  const Pairing& p = *coordinator.ws.find<Pairing>(coordinator.pairing_id);
  CHECK(p.status() == PairingStatus::withdrawn);
  CHECK(p.history.back().by == Actor::coordinator);
}
