#pragma once
// KIND: "a mentee puts a request on the Teams channel; a mentor sees the request and expresses
// interest". With no server, the channel is a file: the coordinator publishes the board of open
// requests (next to the app on the scheme's site, or sent as a file), a mentor browses it and sends
// back an interest file, and the coordinator imports that and introduces the pair.
#include <string>
#include <vector>

#include "core/records/person.hpp"
#include "core/validation/json_reader.hpp"

namespace pairwise {

// One open request as every mentor sees it: what the mentee agreed to publish, and nothing that
// names or reaches them. `request_id` is the mentee's record id in the coordinator's workspace (a
// random id, not derived from the e-mail), so an interest can name the request and nothing else.
struct PostedRequest {
  std::string request_id;
  std::string posted_on;  // the date the mentee applied
  std::vector<std::string> topics;
  MenteeProject project;  // what, how, barriers, what the mentor should do (success_outcome is not posted)
  bool operator==(const PostedRequest&) const = default;
};

// A mentor's interest in one posted request, with what they would like the coordinator to know.
struct RequestInterest {
  std::string request_id;
  std::string date;
  std::string note;
  bool operator==(const RequestInterest&) const = default;
};

Json encode(const PostedRequest& request);
void decode(const JsonReader& in, PostedRequest& request);
Json encode(const RequestInterest& interest);
void decode(const JsonReader& in, RequestInterest& interest);

}  // namespace pairwise
