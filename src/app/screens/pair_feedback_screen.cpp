// Feedback and ending from the pair's side: periodic feedback when the scheme's cadence says it is
// due (IKT), ending feedback from each of them (MRC CTU LMIC, KIND) and KIND's withdrawal form,
// without fault, for either side. All reach the coordinator through the progress report (ratings
// only); the rules are in core/pair/feedback_forms and core/operations/scheme_operations.
#include <imgui.h>

#include <array>

#include "app/layout.hpp"
#include "app/screens/pair_screen_states.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/pair/feedback_forms.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kWithdrawPopup = "Withdraw from this mentoring?";
constexpr const char* kEndPopup = "End the mentoring?";
constexpr std::size_t kRatingCount = std::size(kFeedbackRatingQuestions);

using Ratings = FeedbackRatings;

Actor actor_of(Role side) { return side == Role::mentor ? Actor::mentor : Actor::mentee; }

// The rating questions as rows of 1..5 choices; `form` keeps the two forms' buttons apart. Returns
// true when every question is rated.
bool draw_ratings(Ratings& ratings, const char* form) {
  bool all_rated = true;
  for (std::size_t i = 0; i < kRatingCount; ++i) {
    const RatingQuestion& q = kFeedbackRatingQuestions[i];
    text_line(q.question);
    for (int v = 1; v <= 5; ++v) {
      // The five choices line up in columns under each other, whatever the question's length.
      // (On a phone the choices go on the line under the question, side by side.)
      if (narrow_layout()) {
        if (v > 1) ImGui::SameLine();
      } else {
        ImGui::SameLine(ImGui::GetFontSize() * (24.0f + 3.0f * static_cast<float>(v - 1)));
      }
      const std::string label = std::to_string(v) + "##" + form + "-" + q.key;
      if (ImGui::RadioButton(label.c_str(), ratings[i] == v)) ratings[i] = v;
    }
    all_rated &= ratings[i] > 0;
  }
  help_text("1 is poor, 5 excellent. The coordinator sees only these ratings; your comment stays with the two of you.");
  return all_rated;
}

std::vector<Rating> ratings_of(const Ratings& ratings) {
  std::vector<Rating> out;
  for (std::size_t i = 0; i < kRatingCount; ++i) out.push_back(Rating{kFeedbackRatingQuestions[i].key, ratings[i]});
  return out;
}

void draw_periodic_feedback(Session& session, const PairView& view, EndingState& s) {
  const Scheme* scheme = session.workspace().find<Scheme>(view.pairing->scheme_id);
  if (!scheme || scheme->feedback_every_months <= 0 || is_final(view.pairing->status())) return;
  section_heading(("Feedback every " + std::to_string(scheme->feedback_every_months) + " months").c_str());
  const PeriodicFeedbackDue due = periodic_feedback_due(session.workspace(), view.pairing->meta.id, view.side, view.today);
  std::string line;
  if (due.due)
    line = "Your feedback is due (since " + due.since + ").";
  else if (due.next.empty())
    line = "Feedback falls due once you have started meeting.";
  else
    line = "Your next feedback falls due on " + due.next + ".";
  capture_text("feedback", line);
  text_line(line.c_str());
  if (!due.due) return;
  const bool all_rated = draw_ratings(s.periodic, "periodic");
  text_area("Comment for your partner on this round (optional)", s.periodic_comment, 3);
  if (button("Send my feedback", all_rated && session.can_edit(), "Rate both questions first.")) {
    session.flush_now();
    if (session.record(give_periodic_feedback(session.workspace(), view.pairing->meta.id, view.side, view.today,
                                              ratings_of(s.periodic), {{"Comment", s.periodic_comment}}),
                       "Saving your feedback")) {
      s.periodic = {};
      s.periodic_comment.clear();
      session.notify("Your feedback is saved. Export your progress report so the coordinator receives the ratings.");
    }
  }
}

void draw_status(const PairView& view) {
  const Pairing& p = *view.pairing;
  const std::string line = "This mentoring is " + to_string(p.status()) + " since " + p.status_since() + ".";
  capture_text("ending", line);
  text_line(line.c_str());
  if (is_final(p.status()))
    help_text("Export your progress report on the \"Share and report\" tab so the coordinator learns it.");
}

void draw_ending_feedback(Session& session, const PairView& view, EndingState& s) {
  section_heading("End with feedback");
  const Pairing& p = *view.pairing;
  const Scheme* scheme = session.workspace().find<Scheme>(p.scheme_id);
  if (scheme && scheme->feedback_on_ending)
    help_text("Your scheme asks both of you for feedback to the scheme team when the mentoring ends.");
  if (const Feedback* given = ending_feedback_of(session.workspace(), p.meta.id, view.side)) {
    const std::string line = "You gave your ending feedback on " + given->date + ".";
    capture_text("ending", line);
    text_line(line.c_str());
    return;
  }
  const PairingStatus st = p.status();
  if (st != PairingStatus::active && st != PairingStatus::completed && st != PairingStatus::withdrawn) {
    help_text("Ending feedback comes once you have started meeting.");
    return;
  }
  const bool all_rated = draw_ratings(s.ending, "ending");
  text_area("Comment for your partner on the ending (optional)", s.comment, 3);
  if (button("Send my ending feedback", all_rated && session.can_edit(), "Rate both questions first."))
    ImGui::OpenPopup(kEndPopup);
  const std::string question = st == PairingStatus::active
                                   ? "Give your ending feedback and end the mentoring for both of you?"
                                   : "Give your ending feedback?";
  if (confirm_dialog(kEndPopup, question, "Send the feedback")) {
    session.flush_now();
    const bool ok = session.record(end_with_feedback(session.workspace(), p.meta.id, view.side, view.today, ratings_of(s.ending),
                                                     {{"Comment", s.comment}}),
                                   "Ending the mentoring");
    if (ok) {
      s.ending = {};
      s.comment.clear();
      session.notify("Your ending feedback is saved. Export your progress report so the coordinator learns it.");
    }
  }
}

// MRC CTU LMIC: after the getting-to-know-you meeting either side may decide not to continue,
// without the ending feedback a later ending asks for.
void draw_stop_after_first_meeting(Session& session, const PairView& view) {
  const Scheme* scheme = session.workspace().find<Scheme>(view.pairing->scheme_id);
  if (!scheme || !scheme->expectations.either_may_stop_after_first_meeting) return;
  if (view.pairing->status() != PairingStatus::active) return;
  if (session.workspace().meetings_of(view.pairing->meta.id).size() != 1) return;
  section_heading("After the getting-to-know-you meeting");
  help_text("Either of you may now decide not to continue; no ending feedback is needed then.");
  if (button("We will not continue", session.can_edit())) ImGui::OpenPopup("Not continue?");
  if (confirm_dialog("Not continue?", "End the mentoring with " + view.partner_name + " after your first meeting?",
                     "End it", {.enter_confirms = false})) {
    session.flush_now();
    session.record(stop_after_first_meeting(session.workspace(), view.pairing->meta.id, actor_of(view.side), view.today),
                   "Ending after the first meeting");
  }
}

void draw_withdrawal(Session& session, const PairView& view, EndingState& s) {
  if (is_final(view.pairing->status())) return;
  section_heading("Withdraw without fault");
  help_text("Either of you may end the mentoring at any time, without fault and without having to give a reason.");
  if (button("Withdraw from this mentoring", session.can_edit())) {
    s.withdrawal_reason.clear();
    ImGui::OpenPopup(kWithdrawPopup);
  }
  ConfirmOptions options;
  options.reason = &s.withdrawal_reason;
  options.reason_label = "Reason (optional, stays with the two of you)";
  options.enter_confirms = false;
  if (confirm_dialog(kWithdrawPopup, "Withdraw from the mentoring with " + view.partner_name + "? This ends it for both of you.",
                     "Withdraw", options)) {
    session.flush_now();
    if (session.record(withdraw_without_fault(session.workspace(), view.pairing->meta.id, actor_of(view.side), view.today,
                                              trim(s.withdrawal_reason)),
                       "Withdrawing"))
      session.notify("You withdrew from the mentoring. Export your progress report so the coordinator learns it.");
  }
}

}  // namespace

void draw_pair_feedback_screen(Session& session, const PairView& view, PairScreens& screens) {
  EndingState& s = screens.ending;
  if (s.pairing_id != view.pairing->meta.id) {
    s = EndingState{};
    s.pairing_id = view.pairing->meta.id;
  }
  draw_status(view);
  draw_periodic_feedback(session, view, s);
  draw_stop_after_first_meeting(session, view);
  draw_ending_feedback(session, view, s);
  draw_withdrawal(session, view, s);
}

}  // namespace pairwise::app
