#include "core/checks/project_request.hpp"
#include "core/records/record_meta.hpp"

#include <cctype>

namespace pairwise {

namespace {

std::string lower(const std::string& s) { return ascii_lower(s); }

struct Answer {
  const char* field;
  const char* question;
  const std::string* text;
};

}  // namespace

int count_words(const std::string& text) {
  int words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool space = std::isspace(c) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::vector<ProjectRequestIssue> check_project_request(const Scheme& scheme, const MenteeProject& project) {
  const ProjectRequestRules& rules = scheme.project_request;
  std::vector<ProjectRequestIssue> issues;
  const Answer answers[] = {{"project.what", "what are you trying to do?", &project.what},
                            {"project.how", "how are you trying to do it?", &project.how},
                            {"project.barriers", "which barrier(s) do you have in place?", &project.barriers},
                            {"project.mentor_role", "what do you need a mentor to do?", &project.mentor_role}};
  int total = 0;
  for (const Answer& a : answers) {
    const int words = count_words(*a.text);
    total += words;
    if (words == 0) {
      if (rules.required) issues.push_back({a.field, std::string("Answer \"") + a.question + "\""});
      continue;
    }
    if (rules.min_words_per_answer > 0 && words < rules.min_words_per_answer)
      issues.push_back({a.field, std::string("Say a little more about \"") + a.question + "\" (" + std::to_string(words) +
                                     " word(s); at least " + std::to_string(rules.min_words_per_answer) +
                                     " make it precise)"});
    if (rules.max_words_per_answer > 0 && words > rules.max_words_per_answer)
      issues.push_back({a.field, std::string("Shorten \"") + a.question + "\" to at most " +
                                     std::to_string(rules.max_words_per_answer) + " words (now " +
                                     std::to_string(words) + "): successful proposals are short and precise"});
  }
  if (rules.max_words_total > 0 && total > rules.max_words_total)
    issues.push_back({"project", "The whole request has " + std::to_string(total) + " words; keep it to " +
                                     std::to_string(rules.max_words_total) + " so it can be finished in the scheme's time"});
  for (const Answer& a : answers) {
    const std::string text = lower(*a.text);
    for (const auto& p : rules.unsuitable_phrases) {
      const std::string phrase = lower(trim(p.phrase));
      if (phrase.empty() || text.find(phrase) == std::string::npos) continue;
      issues.push_back({a.field, "\"" + p.phrase + "\": " + (p.reason.empty() ? "not a good fit for this scheme" : p.reason)});
    }
  }
  return issues;
}

}  // namespace pairwise
