#include "core/operations/request_board.hpp"

#include <algorithm>
#include <set>

#include "core/operations/scheme_operations.hpp"
#include "core/privacy/audience.hpp"

namespace pairwise {

namespace {

// The scheme as an applicant may see it (the same cut as the scheme file handed to applicants).
Scheme published_scheme(const Scheme& scheme) {
  const Json visible = visible_part(encode(scheme), Scheme::kStore, Reader::anyone);
  Errors ignored;
  Scheme out;
  decode(JsonReader(&visible, Scheme::kStore, &ignored), out);
  return out;
}

PostedRequest posted(const Person& mentee) {
  PostedRequest r;
  r.request_id = mentee.meta.id;
  r.posted_on = mentee.applied_on;
  r.topics = mentee.topics;
  r.project.what = mentee.project.what;
  r.project.how = mentee.project.how;
  r.project.barriers = mentee.project.barriers;
  r.project.mentor_role = mentee.project.mentor_role;
  return r;
}

Result<InterestsTaken> refuse_taken(const std::string& file, const std::string& path, const std::string& message) {
  return Result<InterestsTaken>::failure(file, path, message);
}

}  // namespace

bool goes_on_board(const ProjectRequestView& open_request) { return open_request.mentee.request_published; }

RequestBoard make_request_board(const Workspace& ws, const std::string& scheme_id, const std::string& today) {
  RequestBoard board;
  if (const Scheme* scheme = ws.find<Scheme>(scheme_id)) board.scheme = published_scheme(*scheme);
  board.published_on = today;
  for (const auto& view : open_project_requests(ws, scheme_id))
    if (goes_on_board(view)) board.requests.push_back(posted(view.mentee));
  return board;
}

std::vector<Person> requests_not_on_board(const Workspace& ws, const std::string& scheme_id) {
  std::vector<Person> out;
  for (const auto& view : open_project_requests(ws, scheme_id))
    if (!goes_on_board(view)) out.push_back(view.mentee);
  return out;
}

std::vector<BoardEntry> board_entries(const RequestBoard& board, const std::string& topic) {
  std::vector<const PostedRequest*> oldest_first;
  for (const PostedRequest& r : board.requests) oldest_first.push_back(&r);
  std::stable_sort(oldest_first.begin(), oldest_first.end(),
                   [](const PostedRequest* a, const PostedRequest* b) { return a->posted_on < b->posted_on; });
  std::vector<BoardEntry> out;
  for (std::size_t i = 0; i < oldest_first.size(); ++i) {
    const PostedRequest& r = *oldest_first[i];
    if (!topic.empty() && std::find(r.topics.begin(), r.topics.end(), topic) == r.topics.end()) continue;
    out.push_back(BoardEntry{&r, static_cast<int>(i) + 1, check_project_request(board.scheme, r.project)});
  }
  return out;
}

std::vector<std::string> board_topics(const RequestBoard& board) {
  std::set<std::string> used;
  for (const auto& r : board.requests) used.insert(r.topics.begin(), r.topics.end());
  std::vector<std::string> out;
  for (const auto& t : board.scheme.topics)
    if (used.erase(t)) out.push_back(t);
  out.insert(out.end(), used.begin(), used.end());
  return out;
}

Result<InterestDocument> make_interest(const RequestBoard& board, const Person& mentor,
                                       const std::vector<RequestInterest>& interests) {
  Errors errors;
  if (trim(mentor.name).empty()) errors.push_back({"", "name", "your name is missing"});
  if (!looks_like_email(mentor.email))
    errors.push_back({"", "email", mentor.email.empty() ? "your e-mail address is missing"
                                                        : "\"" + mentor.email + "\" is not an e-mail address"});
  if (interests.empty()) errors.push_back({"", "requests", "choose at least one request you would mentor"});
  for (const auto& i : interests) {
    const auto found = std::find_if(board.requests.begin(), board.requests.end(),
                                    [&](const PostedRequest& r) { return r.request_id == i.request_id; });
    if (found == board.requests.end()) {
      errors.push_back({"", "requests", "request " + i.request_id + " is not on this board"});
      continue;
    }
    if (!check_project_request(board.scheme, found->project).empty())
      errors.push_back({"", "requests", "the request \"" + found->project.what +
                                            "\" is not short and precise yet, so it cannot take interest"});
    if (!is_valid_date(i.date)) errors.push_back({"", "requests", "the date \"" + i.date + "\" is not a date"});
  }
  if (!errors.empty()) return errors;
  InterestDocument doc;
  doc.scheme_id = board.scheme.meta.id;
  doc.scheme_name = board.scheme.name;
  doc.mentor = mentor;
  doc.mentor.scheme_id = board.scheme.meta.id;
  if (!doc.mentor.is_mentor()) doc.mentor.roles.push_back(Role::mentor);
  doc.interests = interests;
  return doc;
}

Result<InterestsTaken> take_interests(Workspace& ws, const InterestDocument& interest, const std::string& scheme_id,
                                      const std::string& file) {
  const Scheme* scheme = ws.find<Scheme>(scheme_id);
  if (!scheme) return refuse_taken(file, "$.scheme_id", "no scheme to take the interest into; choose the scheme first");
  if (scheme->matching_mode != MatchingMode::mentor_picks_requests)
    return refuse_taken(file, "$.scheme_id", scheme->name + " does not let mentors pick requests: the coordinator matches");
  // Every request must be one this workspace posted: an unknown one means the file was made from
  // another scheme's board (or edited), and nothing of it is taken.
  std::vector<const Person*> mentees;
  for (std::size_t k = 0; k < interest.interests.size(); ++k) {
    const std::string& id = interest.interests[k].request_id;
    const Person* mentee = ws.find<Person>(id);
    if (!mentee || mentee->scheme_id != scheme_id || !mentee->is_mentee())
      return refuse_taken(file, "$.interests[" + std::to_string(k) + "].request_id",
                          "request " + id + " was not posted on " + scheme->name +
                              "'s board: was this interest made from another scheme's board?");
    mentees.push_back(mentee);
  }
  InterestsTaken out;
  const std::string mentor_email = interest.mentor.email;
  for (std::size_t k = 0; k < interest.interests.size(); ++k) {
    const RequestInterest& i = interest.interests[k];
    InterestTaken taken{i.request_id, mentees[k]->email, false, ""};
    const std::string what = "\"" + mentees[k]->project.what + "\"";
    auto recorded = express_interest(ws, scheme_id, mentor_email, mentees[k]->email, i.date, i.note);
    if (recorded) {
      out.changes.append(recorded.value());
      taken.recorded = true;
      taken.said = ws.display_name(mentor_email) + " would mentor " + ws.display_name(mentees[k]->email) + "'s request " +
                   what + " (since " + i.date + "): introduce them from Pairings";
    } else {
      taken.said = ws.display_name(mentor_email) + "'s interest in " + ws.display_name(mentees[k]->email) +
                   "'s request " + what + " is not recorded: " + recorded.error_text();
    }
    out.interests.push_back(std::move(taken));
  }
  return out;
}

}  // namespace pairwise
