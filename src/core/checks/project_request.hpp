#pragma once
// KIND: a mentee's project request must be "short and precise": what, how, which barriers and
// what the mentor should do, each answered briefly, and not one of the kinds of request the scheme
// turns away (open-ended teaching, consultancy, cheerleading, one-off fixes).
#include <string>
#include <vector>

#include "core/records/person.hpp"
#include "core/records/scheme.hpp"

namespace pairwise {

struct ProjectRequestIssue {
  std::string field;    // "project.what", ..., or "project" for the request as a whole
  std::string message;  // what to change, in words the mentee can act on
  bool operator==(const ProjectRequestIssue&) const = default;
};

// Words as a reader counts them: runs of non-space characters.
int count_words(const std::string& text);

// Empty when the request follows the scheme's rules (or the scheme sets none).
std::vector<ProjectRequestIssue> check_project_request(const Scheme& scheme, const MenteeProject& project);

}  // namespace pairwise
