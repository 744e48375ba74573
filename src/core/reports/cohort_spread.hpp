#pragma once
// Cochrane: "select projects for geographical, topic and cultural variation from across Cochrane
// globally". The spread of a cohort (countries, regions, topics, languages) as a report, and a
// selection of mentees that covers as many different values as possible.
#include <map>
#include <string>
#include <vector>

#include "core/workspace.hpp"

namespace pairwise {

struct SpreadCount {
  std::string value;  // as first written, e.g. "Brazil"
  int people = 0;
  bool operator==(const SpreadCount&) const = default;
};

struct CohortSpread {
  int people = 0;
  std::vector<SpreadCount> countries;  // most people first, then by name
  std::vector<SpreadCount> regions;
  std::vector<SpreadCount> topics;
  std::vector<SpreadCount> languages;  // the cultural spread the applications show
  bool operator==(const CohortSpread&) const = default;
};

enum class SpreadOf { mentees, mentors, everyone };

// Spread of the scheme's active people. `only_emails`, when not empty, limits it to those people
// (e.g. the mentees of the proposed matches, or a selection).
CohortSpread cohort_spread(const Workspace& workspace, const std::string& scheme_id, SpreadOf of,
                           const std::vector<std::string>& only_emails = {});

// Picks up to `places` of the scheme's active, undecided or selected mentees so that together they
// cover as many different values of the scheme's selection dimensions (cohort_spread.selection:
// geography = country and region, topics, languages) as possible: greedy maximum coverage, ties
// broken by earlier application, then e-mail. Returns e-mails in the order picked.
std::vector<std::string> select_for_spread(const Workspace& workspace, const std::string& scheme_id, int places);

// "countries 4 (Brazil 2, Kenya 1, ...)" lines for people and the command line.
std::vector<std::string> describe_spread(const CohortSpread& spread);

}  // namespace pairwise
