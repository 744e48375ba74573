#pragma once
// Coordinator and pair operations the seed schemes need beyond saving records. Each one checks
// everything first and then changes the workspace in one step (all or nothing), returning the
// ChangeSet to store, or errors saying what to do instead.
#include <string>
#include <string_view>
#include <vector>

#include "core/checks/project_request.hpp"
#include "core/workspace.hpp"

namespace pairwise {

// A coordinator edits a scheme by exporting its file, editing it and importing it again: the file
// is validated like any document, then replaces the scheme with the same id (as a new revision,
// keeping its creation time) or adds it. Refuses anything but a scheme file.
Result<ChangeSet> import_scheme_file(Workspace& workspace, std::string_view text, const std::string& file_name);

// IKT: a mentor pauses or leaves the list when overloaded; a person is removed (e.g. a mentee who
// abused the system), which needs a reason. Leaving withdraws the mentor's unanswered requests;
// removal withdraws every live pairing of the person. Paused, left and removed people are left
// out of matching and cannot receive expressions of interest.
Result<ChangeSet> set_person_status(Workspace& workspace, const std::string& email, PersonStatus status,
                                    const std::string& date, const std::string& reason);

// Cochrane: the coordinator's selection decision, notified by the scheme's decision date.
Result<ChangeSet> record_decision(Workspace& workspace, const std::string& email, Decision decision,
                                  const std::string& date);

// KIND: a mentor who has seen a mentee's posted request expresses interest. Only in a scheme where
// mentors pick requests, for a request that passes check_project_request, from an active mentor
// with room. Creates a pairing proposed by the mentor (origin "mentor_interest").
Result<ChangeSet> express_interest(Workspace& workspace, const std::string& scheme_id, const std::string& mentor_email,
                                   const std::string& mentee_email, const std::string& date, const std::string& note);

// KIND: the coordinator puts an interested mentor and the mentee in touch. The pairing becomes
// "accepted" (the mentor already said yes by expressing interest); it becomes active once both
// have signed the contract. Other mentors' interest in the same request is closed.
Result<ChangeSet> introduce(Workspace& workspace, const std::string& pairing_id, const std::string& date);

// KIND's withdrawal form: either the mentor or the mentee ends the relationship at any time,
// without fault and without having to give a reason.
Result<ChangeSet> withdraw_without_fault(Workspace& workspace, const std::string& pairing_id, Actor by,
                                         const std::string& date, const std::string& reason = "");

// MRC CTU LMIC: after the getting-to-know-you meeting either side may decide not to continue;
// no ending feedback is expected then. Refused before that meeting and after later ones.
Result<ChangeSet> stop_after_first_meeting(Workspace& workspace, const std::string& pairing_id, Actor by,
                                           const std::string& date);

// KIND: what mentors browse: each active mentee's request not yet placed with a mentor, whether it
// is short and precise, and which mentors have expressed interest.
struct ProjectRequestView {
  Person mentee;
  std::vector<ProjectRequestIssue> issues;
  std::vector<std::string> interested_mentors;  // e-mails
};
std::vector<ProjectRequestView> open_project_requests(const Workspace& workspace, const std::string& scheme_id);

// The live pairing of a mentor and mentee (or else their latest one); "" if none.
std::string find_pairing_id(const Workspace& workspace, const std::string& mentor_email, const std::string& mentee_email);

}  // namespace pairwise
