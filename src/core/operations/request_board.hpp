#pragma once
// KIND's request board, end to end: the coordinator publishes the open requests, a mentor browses
// them (by topic, each with whether it is short and precise) and sends an interest file, and the
// coordinator's import turns each interest into a pairing proposed by the mentor, to introduce
// from the Pairings tab (core/operations/scheme_operations.hpp: introduce).
#include <string>
#include <vector>

#include "core/checks/project_request.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/documents/documents.hpp"
#include "core/workspace.hpp"

namespace pairwise {

// What the coordinator publishes: the scheme as applicants see it and every open request whose
// mentee agreed to post it, cut to its project answers and topics (no name, e-mail, organisation
// or anything else of the mentee's).
// Whether an open request goes on the board: its mentee agreed to post it.
bool goes_on_board(const ProjectRequestView& open_request);

RequestBoard make_request_board(const Workspace& workspace, const std::string& scheme_id, const std::string& today);

// Open requests left off the board because their mentee has not agreed to post them (applied
// before the board existed, or said no): the coordinator can ask them.
std::vector<Person> requests_not_on_board(const Workspace& workspace, const std::string& scheme_id);

// What a mentor sees of one posted request.
struct BoardEntry {
  const PostedRequest* request = nullptr;
  int number = 0;  // its place on the whole board, oldest first, whatever topic is shown
  std::vector<ProjectRequestIssue> issues;  // empty: short and precise, open to interest
};

// The board's requests on `topic` ("" for every topic), oldest first, each numbered on the whole
// board and checked against the board's own scheme rules.
std::vector<BoardEntry> board_entries(const RequestBoard& board, const std::string& topic);
// Every topic of the board's requests, in the scheme's order, then any others alphabetically.
std::vector<std::string> board_topics(const RequestBoard& board);

// The interest file a mentor sends: refused (saying what to fix) without a name, a valid e-mail,
// or any request, or for a request that is not on the board or not short and precise.
Result<InterestDocument> make_interest(const RequestBoard& board, const Person& mentor,
                                       const std::vector<RequestInterest>& interests);

// One interest of an imported file, as the coordinator's workspace takes it.
struct InterestTaken {
  std::string request_id;
  std::string mentee_email;  // "" when the request is unknown here
  bool recorded = false;     // a pairing proposed by the mentor was added
  std::string said;          // in plain words, for the import preview
};

// Records the file's interests in `workspace` (a trial copy during an import preview): each one a
// pairing proposed by the mentor through express_interest. A request this workspace never posted
// is an error (nothing is recorded); one already placed, withdrawn or already answered is said
// and left alone. The mentor must already be in the workspace (the import adds their profile
// first when they are new).
struct InterestsTaken {
  std::vector<InterestTaken> interests;
  ChangeSet changes;  // what was stored in `workspace`
};
Result<InterestsTaken> take_interests(Workspace& workspace, const InterestDocument& interest,
                                                  const std::string& scheme_id, const std::string& file_name);

}  // namespace pairwise
