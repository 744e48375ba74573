#include "core/reports/cohort_spread.hpp"
#include "core/records/record_meta.hpp"

#include <algorithm>
#include <set>

namespace pairwise {

namespace {

std::string key_of(const std::string& text) { return ascii_lower(trim(text)); }

// Counts values case-insensitively, keeping the first spelling seen.
class Tally {
 public:
  void add(const std::string& value) {
    const std::string key = key_of(value);
    if (key.empty()) return;
    auto [it, added] = counts_.emplace(key, SpreadCount{trim(value), 0});
    (void)added;
    it->second.people += 1;
  }
  std::vector<SpreadCount> sorted() const {
    std::vector<SpreadCount> out;
    for (const auto& [key, c] : counts_) out.push_back(c);
    std::stable_sort(out.begin(), out.end(), [](const SpreadCount& a, const SpreadCount& b) { return a.people > b.people; });
    return out;
  }

 private:
  std::map<std::string, SpreadCount> counts_;
};

bool included(const Person& p, SpreadOf of) {
  if (of == SpreadOf::mentees) return p.is_mentee();
  if (of == SpreadOf::mentors) return p.is_mentor();
  return true;
}

// The distinct values a mentee adds to the cohort, tagged by dimension so "Kenya" the country and
// "Kenya" a topic never count as one.
std::set<std::string> features(const Person& p, const std::vector<std::string>& dimensions) {
  std::set<std::string> out;
  for (const std::string& d : dimensions) {
    if (d == "geography") {
      if (!key_of(p.country).empty()) out.insert("country:" + key_of(p.country));
      if (!key_of(p.region).empty()) out.insert("region:" + key_of(p.region));
    } else if (d == "topics") {
      for (const auto& t : p.topics)
        if (!key_of(t).empty()) out.insert("topic:" + key_of(t));
    } else if (d == "languages") {
      for (const auto& l : p.languages)
        if (!key_of(l).empty()) out.insert("language:" + key_of(l));
    }
  }
  return out;
}

}  // namespace

CohortSpread cohort_spread(const Workspace& ws, const std::string& scheme_id, SpreadOf of,
                           const std::vector<std::string>& only_emails) {
  std::set<std::string> only;
  for (const auto& e : only_emails) only.insert(normalize_email(e));
  Tally countries, regions, topics, languages;
  CohortSpread out;
  for (const Person& p : ws.people_of_scheme(scheme_id)) {
    if (p.status == PersonStatus::removed || p.status == PersonStatus::left || !included(p, of)) continue;
    if (!only.empty() && !only.count(normalize_email(p.email))) continue;
    ++out.people;
    countries.add(p.country);
    regions.add(p.region);
    for (const auto& t : p.topics) topics.add(t);
    for (const auto& l : p.languages) languages.add(l);
  }
  out.countries = countries.sorted();
  out.regions = regions.sorted();
  out.topics = topics.sorted();
  out.languages = languages.sorted();
  return out;
}

std::vector<std::string> select_for_spread(const Workspace& ws, const std::string& scheme_id, int places) {
  std::vector<std::string> picked;
  const Scheme* scheme = ws.find<Scheme>(scheme_id);
  if (!scheme || places <= 0) return picked;
  std::vector<Person> candidates;
  for (const Person& p : ws.people_of_scheme(scheme_id))
    if (p.is_mentee() && p.status == PersonStatus::active && p.decision != Decision::not_selected) candidates.push_back(p);
  std::sort(candidates.begin(), candidates.end(), [](const Person& a, const Person& b) {
    return a.applied_on != b.applied_on ? a.applied_on < b.applied_on : normalize_email(a.email) < normalize_email(b.email);
  });
  std::set<std::string> covered;
  std::vector<bool> taken(candidates.size(), false);
  while (static_cast<int>(picked.size()) < places) {
    int best = -1;
    std::size_t best_gain = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (taken[i]) continue;
      std::size_t gain = 0;
      for (const auto& f : features(candidates[i], scheme->cohort_spread.selection)) gain += covered.count(f) == 0;
      if (best < 0 || gain > best_gain) {
        best = static_cast<int>(i);
        best_gain = gain;
      }
    }
    if (best < 0) break;
    taken[static_cast<std::size_t>(best)] = true;
    for (const auto& f : features(candidates[static_cast<std::size_t>(best)], scheme->cohort_spread.selection))
      covered.insert(f);
    picked.push_back(candidates[static_cast<std::size_t>(best)].email);
  }
  return picked;
}

std::vector<std::string> describe_spread(const CohortSpread& spread) {
  auto line = [](const char* what, const std::vector<SpreadCount>& counts) {
    std::string out = std::string(what) + " " + std::to_string(counts.size());
    if (counts.empty()) return out;
    out += " (";
    for (std::size_t i = 0; i < counts.size(); ++i)
      out += (i ? ", " : "") + counts[i].value + " " + std::to_string(counts[i].people);
    return out + ")";
  };
  return {"people " + std::to_string(spread.people), line("countries", spread.countries), line("regions", spread.regions),
          line("topics", spread.topics), line("languages", spread.languages)};
}

}  // namespace pairwise
