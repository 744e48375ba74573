// The mentee's preparation before the first meeting, answered in the pair workspace (issue 16):
// the form shows the scheme's questions, answers are stored as typed on the mentee's record, and the
// progress report then tells the coordinator the preparation is met, without the answers' words.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/checks/scheme_rules.hpp"
#include "core/pair/preparation.hpp"
#include "core/reports/progress_report.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

RuleStatus preparation_status(const std::vector<RuleCheck>& checks) {
  const auto it = std::find_if(checks.begin(), checks.end(), [](const RuleCheck& c) { return c.rule == "preparation"; });
  REQUIRE(it != checks.end());
  return it->status;
}

}  // namespace

TEST_CASE("only the mentee of a scheme with preparation questions answers them") {
  test::Fixture coproduction(SchemePreset::coproduction);
  const Scheme& s = *coproduction.ws.find<Scheme>(coproduction.scheme_id);
  CHECK(answers_preparation(s, Role::mentee));
  CHECK_FALSE(answers_preparation(s, Role::mentor));
  test::Fixture ikt(SchemePreset::ikt);
  CHECK_FALSE(answers_preparation(*ikt.ws.find<Scheme>(ikt.scheme_id), Role::mentee));
}

TEST_CASE("the preparation form follows the scheme's questions and stores answers as typed under them") {
  test::Fixture fx;
  const Scheme& s = *fx.ws.find<Scheme>(fx.scheme_id);
  REQUIRE(s.preparation_questions.size() == 2);
  Person mentee = *fx.ws.person_by_email("mentee@example.org");
  // Left from an older application: an answer without its question (by position) and one to a
  // question this scheme no longer asks.
  mentee.preparation = {{"", "  Уверенность в себе  "}, {"What is your favourite colour?", "blue"}};

  auto form = preparation_form(s, mentee);
  REQUIRE(form.size() == 2);
  CHECK(form[0].question == s.preparation_questions[0]);
  CHECK(form[0].answer == "  Уверенность в себе  ");
  CHECK(form[1].question == s.preparation_questions[1]);
  CHECK(form[1].answer.empty());

  form[1].answer = "Ένα εργαστήριο με την κοινότητα\nand a plan";
  const Person saved = with_preparation(s, mentee, form);
  REQUIRE(saved.preparation.size() == 2);
  CHECK(saved.preparation[0] == QuestionAnswer{s.preparation_questions[0], "  Уверенность в себе  "});
  CHECK(saved.preparation[1] == QuestionAnswer{s.preparation_questions[1], "Ένα εργαστήριο με την κοινότητα\nand a plan"});
  CHECK(saved.name == mentee.name);  // nothing else of the record changes

  // Clearing an answer (or typing only spaces) removes it, so the check sees it unanswered.
  form = preparation_form(s, saved);
  form[0].answer = "   ";
  const Person cleared = with_preparation(s, saved, form);
  REQUIRE(cleared.preparation.size() == 1);
  CHECK(cleared.preparation[0].question == s.preparation_questions[1]);
}

TEST_CASE("preparation answered in the pair workspace makes the progress report say it is met") {
  test::Fixture fx;  // Co-production, active, one meeting already held without preparation
  Meeting later = fx.ws.meetings_of(fx.pairing_id).front();
  const Scheme& s = *fx.ws.find<Scheme>(fx.scheme_id);
  auto before = make_progress_report(fx.ws, fx.pairing_id, "2024-03-01");
  REQUIRE(before);
  CHECK(preparation_status(before->checks) == RuleStatus::not_met);

  // A pairing accepted but not yet meeting: pending until the mentee answers, then met.
  (void)fx.ws.remove<Meeting>(later.meta.id);
  CHECK(preparation_status(check_pairing_rules(fx.ws, fx.pairing_id, "2024-03-01")) == RuleStatus::pending);

  std::vector<QuestionAnswer> form = preparation_form(s, *fx.ws.person_by_email("mentee@example.org"));
  form[0].answer = "PREP-ANSWER-one: confidence with grant writing";
  auto partly = fx.ws.save(with_preparation(s, *fx.ws.person_by_email("mentee@example.org"), form));
  REQUIRE(partly);
  CHECK(preparation_status(check_pairing_rules(fx.ws, fx.pairing_id, "2024-03-01")) == RuleStatus::pending);

  form[1].answer = "PREP-ANSWER-two: one application sent";
  REQUIRE(fx.ws.save(with_preparation(s, *fx.ws.person_by_email("mentee@example.org"), form)));
  CHECK(fx.ws.person_by_email("mentee@example.org")->preparation.size() == 2);
  later.meta = RecordMeta{};  // the meeting held again, now after preparing
  REQUIRE(fx.ws.save(later));

  auto after = make_progress_report(fx.ws, fx.pairing_id, "2024-03-01");
  REQUIRE(after);
  CHECK(preparation_status(after->checks) == RuleStatus::met);
  // The coordinator learns that the mentee prepared, never what they wrote.
  const std::string sent = encode(after.value()).dump();
  CHECK(sent.find("PREP-ANSWER") == std::string::npos);
  CHECK(sent.find("\"preparation\"") != std::string::npos);
}
