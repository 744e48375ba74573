#pragma once
// The feedback forms a pair fills in on their own devices: periodic feedback when the scheme's
// cadence says it is due (IKT: every six months), and ending feedback from each side (MRC CTU LMIC,
// KIND: "both give feedback to the scheme team"); withdrawing without fault is
// withdraw_without_fault (core/operations/scheme_operations.hpp). The progress report then carries
// the ending and the ratings, never the comments, to the coordinator.
#include <string>
#include <vector>

#include "core/records/feedback.hpp"
#include "core/workspace.hpp"

namespace pairwise {

struct RatingQuestion {
  const char* key;       // the stable key the coordinator's averages use
  const char* question;  // as the form asks it
};
// The questions every ending and periodic feedback form rates from 1 (poor) to 5 (excellent).
inline constexpr RatingQuestion kFeedbackRatingQuestions[] = {
    {"overall", "Overall, how was the mentoring?"},
    {"usefulness", "How useful was it for what you wanted to achieve?"},
};

// One side's ending feedback: stored, and the pairing completed if it is still active (the first of
// the two to answer ends it; the other answers after, from the notebook). Every rating of
// kFeedbackRatingQuestions is required, 1..5; comments stay with the pair. All or nothing.
Result<ChangeSet> end_with_feedback(Workspace& workspace, const std::string& pairing_id, Role side,
                                    const std::string& date, const std::vector<Rating>& ratings,
                                    const std::vector<QuestionAnswer>& comments);

// The ending feedback `side` already gave for this pairing, if any.
const Feedback* ending_feedback_of(const Workspace& workspace, const std::string& pairing_id, Role side);

// Where `side` stands with the scheme's periodic feedback. Rounds fall due every
// Scheme::feedback_every_months calendar months from the day the pairing became active; a round is
// answered by a periodic (not ending) feedback from that side dated on or after its due date. An
// ended pairing, or a scheme without a cadence, has none due.
struct PeriodicFeedbackDue {
  bool due = false;
  int round = 0;      // the latest round that has fallen due (1: the first six months), 0: none yet
  std::string since;  // when that round fell due
  std::string next;   // when the next round falls due ("" without a cadence)
};
PeriodicFeedbackDue periodic_feedback_due(const Workspace& workspace, const std::string& pairing_id, Role side,
                                          const std::string& today);

// One side's periodic feedback for the round now due; refused when none is due. The ratings
// follow the rules of end_with_feedback.
Result<ChangeSet> give_periodic_feedback(Workspace& workspace, const std::string& pairing_id, Role side,
                                         const std::string& date, const std::vector<Rating>& ratings,
                                         const std::vector<QuestionAnswer>& comments);

}  // namespace pairwise
