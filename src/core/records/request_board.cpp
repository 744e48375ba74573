#include "core/records/request_board.hpp"

namespace pairwise {

namespace {

// Record ids are 32 hex digits (core/records/ids.hpp); anything with spaces, an @ or punctuation
// (a name or an e-mail typed in by hand) cannot name a request.
bool looks_like_record_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
      return false;
  return true;
}

void required_request_id(const JsonReader& in, std::string& out) {
  in.required("request_id", out);
  if (!out.empty() && !looks_like_record_id(out))
    in.field("request_id").error("expected the request's id from the board (letters and digits), got \"" + out + "\"");
}

}  // namespace

Json encode(const PostedRequest& r) {
  return Json{{"request_id", r.request_id},
              {"posted_on", r.posted_on},
              {"topics", r.topics},
              {"project", Json{{"what", r.project.what},
                               {"how", r.project.how},
                               {"barriers", r.project.barriers},
                               {"mentor_role", r.project.mentor_role}}}};
}

void decode(const JsonReader& in, PostedRequest& r) {
  if (!in.expect_object()) return;
  required_request_id(in, r.request_id);
  in.optional_date("posted_on", r.posted_on);
  in.optional("topics", r.topics);
  JsonReader project = in.field("project");
  if (!project.present()) {
    project.error("missing; expected the request's answers (what, how, barriers, mentor_role)");
    return;
  }
  if (!project.expect_object()) return;
  project.optional("what", r.project.what);
  project.optional("how", r.project.how);
  project.optional("barriers", r.project.barriers);
  project.optional("mentor_role", r.project.mentor_role);
}

Json encode(const RequestInterest& i) {
  return Json{{"request_id", i.request_id}, {"date", i.date}, {"note", i.note}};
}

void decode(const JsonReader& in, RequestInterest& i) {
  if (!in.expect_object()) return;
  required_request_id(in, i.request_id);
  in.required_date("date", i.date);
  in.optional("note", i.note);
}

}  // namespace pairwise
