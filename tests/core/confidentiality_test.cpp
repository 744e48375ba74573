#include <doctest/doctest.h>

#include "core/documents/documents.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("a progress report carries no free text from notes, agreements, objectives or feedback") {
  test::Fixture fx;
  auto report = make_progress_report(fx.ws, fx.pairing_id, "2024-03-01");
  REQUIRE(report.ok());
  const std::string text = write_document(ProgressReportDocument{report.value()}, "2024-03-01T09:00:00Z");
  CHECK(text.find("SECRET") == std::string::npos);
  // ...but it does carry the counts, dates, lengths, statuses, progress and ratings.
  CHECK(report->meeting_count == 1);
  CHECK(report->total_minutes == 45);
  CHECK(report->agreement_signed);
  CHECK(report->agreement_signed_on == "2024-01-13");
  CHECK(report->actions_open == 1);
  CHECK(report->actions_done == 1);
  REQUIRE(report->objectives.size() == 1);
  CHECK(report->objectives[0].progress_percent == 40);
  REQUIRE(report->feedback.size() == 1);
  CHECK(report->feedback[0].ratings[0].value == 4);
  CHECK(report->status == PairingStatus::active);
}

TEST_CASE("the fixture really puts markers in every free-text place (so the test above can fail)") {
  test::Fixture fx;
  const std::string self = write_document(make_pair_notebook(fx.ws, fx.pairing_id, NotebookAudience::self).value(), "2024-03-01T09:00:00Z");
  for (const char* marker : {"SECRET-agreement-confidentiality", "SECRET-meeting-topic", "SECRET-review-learned",
                             "SECRET-action-one", "SECRET-objective-measure", "SECRET-feedback-answer",
                             "SECRET-reason-request", "SECRET-private-note"})
    CHECK_MESSAGE(self.find(marker) != std::string::npos, marker);
}

TEST_CASE("a notebook for the partner never contains private notes; one for oneself does") {
  test::Fixture fx;
  auto partner = make_pair_notebook(fx.ws, fx.pairing_id, NotebookAudience::partner);
  REQUIRE(partner.ok());
  CHECK(partner->private_notes.empty());
  const std::string text = write_document(partner.value(), "2024-03-01T09:00:00Z");
  CHECK(text.find("SECRET-private-note") == std::string::npos);
  CHECK(text.find("private_notes") == std::string::npos);
  CHECK(text.find("SECRET-meeting-goal") != std::string::npos);  // shared notes are shared
  // The pairing as the pair may see it: a mentor's reason for accepting or declining is the
  // coordinator's (issue 12: one declaration of who may see what).
  CHECK(text.find("SECRET-reason-request") == std::string::npos);
  CHECK(text.find("SECRET-reason-accept") == std::string::npos);
  auto self = make_pair_notebook(fx.ws, fx.pairing_id, NotebookAudience::self);
  CHECK(self->private_notes.size() == 1);
}
