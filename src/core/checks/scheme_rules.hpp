#pragma once
// Whether a pairing, and a scheme as a whole, keep the rules its scheme states (the seed
// documents' rules made checkable): meetings, duration, agreement or contract, the
// getting-to-know-you meeting, preparation before the first meeting, SMART objectives, feedback on
// ending, mentor responses and escalation, decision dates, project requests and the six-monthly
// feedback invitations.
#include <string>
#include <vector>

#include "core/checks/rule_check.hpp"
#include "core/workspace.hpp"

namespace pairwise {

// Every rule of the pairing's scheme that applies to it, judged on `today` (YYYY-MM-DD).
// An unknown pairing id gives an empty list.
std::vector<RuleCheck> check_pairing_rules(const Workspace& workspace, const std::string& pairing_id,
                                           const std::string& today);

// Rules about the scheme as a whole: late applications, decisions after the decision date,
// requests waiting too long, mentors who consistently do not respond, project requests that are not
// short and precise, and unanswered feedback invitations.
std::vector<RuleCheck> check_scheme_rules(const Workspace& workspace, const std::string& scheme_id,
                                          const std::string& today);

// `date` plus `months` calendar months, clamped to the end of a shorter month (Aug 31 + 6 = Feb 28/29).
std::string add_months(const std::string& date, int months);

// IKT: "every six months mentors and mentees will be invited to give feedback". Invitations fall
// every feedback_every_months from the scheme's start date (or else the person's application date);
// one is answered by any feedback from that person before the next one falls due.
struct FeedbackInvitation {
  std::string email;
  std::string due_on;
  bool answered = false;
  bool operator==(const FeedbackInvitation&) const = default;
};
std::vector<FeedbackInvitation> feedback_invitations(const Workspace& workspace, const Scheme& scheme,
                                                     const Person& person, const std::string& today);
// The next invitation date after `today` for this person ("" when the scheme invites none).
std::string next_feedback_due(const Scheme& scheme, const Person& person, const std::string& today);

// IKT: a mentor's unanswered requests (pairings that reached "no response"), counted over the scheme.
int unanswered_requests(const Workspace& workspace, const std::string& scheme_id, const std::string& mentor_email);

}  // namespace pairwise
