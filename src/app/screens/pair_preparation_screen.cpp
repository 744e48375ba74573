// The mentee's preparation before the first meeting (Co-production, MRC CTU LMIC): the scheme's
// questions, answered on the mentee's own record and saved as typed. The rules (who answers, which
// questions, what counts as answered) are in core/pair/preparation and core/checks/scheme_rules.
#include <imgui.h>

#include <algorithm>

#include "app/screens/pair_screen_states.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/checks/scheme_rules.hpp"
#include "core/pair/preparation.hpp"

namespace pairwise::app {
namespace {

// Where the preparation stands, in the words the progress report gives the coordinator.
void draw_preparation_check(const Session& session, const PairView& view) {
  const auto checks = check_pairing_rules(session.workspace(), view.pairing->meta.id, view.today);
  const auto it = std::find_if(checks.begin(), checks.end(), [](const RuleCheck& c) { return c.rule == "preparation"; });
  if (it == checks.end()) return;
  const std::string line = "Preparation: " + std::string(it->status == RuleStatus::met       ? "done"
                                                         : it->status == RuleStatus::pending ? "to do"
                                                                                             : "missed") +
                           " (" + it->message + ")";
  capture_text("preparation", line);
  wrapped_format("%s", line.c_str());
}

}  // namespace

bool pair_has_preparation(const Session& session, const PairView& view) {
  const Scheme* scheme = session.workspace().find<Scheme>(view.pairing->scheme_id);
  return scheme && !scheme->preparation_questions.empty();
}

void draw_pair_preparation_screen(Session& session, const PairView& view, PairScreens& screens) {
  const Scheme* scheme = session.workspace().find<Scheme>(view.pairing->scheme_id);
  const Person* mentee = session.workspace().person_by_email(view.pairing->mentee_email);
  if (!scheme || !mentee) {
    help_text("The introduction pack holds no record of the mentee, so there is nothing to prepare here.");
    return;
  }
  draw_preparation_check(session, view);
  ImGui::Spacing();
  if (!answers_preparation(*scheme, view.side)) {
    help_text("Your mentee answers these questions before your first meeting; their answers reach you in the notebook "
              "they send you. The coordinator only learns whether they prepared, never what they wrote.");
    for (const QuestionAnswer& qa : preparation_form(*scheme, *mentee)) {
      bullet_format("%s", qa.question.c_str());
      if (!qa.answer.empty()) wrapped_format("%s", qa.answer.c_str());
    }
    return;
  }
  help_text("Before your first meeting, think about what you want from the mentoring and write it down here. "
            "Your answers are saved as you type; the coordinator only learns whether you prepared, never what you wrote.");
  PreparationState& s = screens.preparation;
  s.mentee.sync(session, mentee->meta.id);
  if (draw_conflicts(session, *mentee, s.mentee)) return;
  std::vector<QuestionAnswer> form = preparation_form(*scheme, s.mentee.value);
  bool edited = false;
  ImGui::BeginDisabled(!session.can_edit());
  for (QuestionAnswer& qa : form) edited |= text_area(qa.question.c_str(), qa.answer, 4);
  ImGui::EndDisabled();
  if (edited) {
    s.mentee.value = with_preparation(*scheme, s.mentee.value, form);
    s.mentee.save_soon(session, "your preparation");
  }
}

}  // namespace pairwise::app
