#include "core/reports/participant_list.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/records/text_fold.hpp"

namespace pairwise {

namespace {

void add_once(std::vector<std::string>& values, const std::string& value) {
  if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string sort_key(const Person& p, ParticipantColumn column) {
  switch (column) {
    case ParticipantColumn::email: return fold_text(p.email);
    case ParticipantColumn::roles: return roles_text(p);
    case ParticipantColumn::country: return fold_text(p.country);
    case ParticipantColumn::languages: return fold_text(joined_values(p.languages));
    case ParticipantColumn::topics: return fold_text(joined_values(p.topics));
    case ParticipantColumn::name:
    case ParticipantColumn::experience: break;
  }
  return fold_text(p.name.empty() ? p.email : p.name);
}

}  // namespace

std::string utc_offset_text(const Person& p) {
  if (!p.utc_offset_minutes) return "";
  const int m = *p.utc_offset_minutes;
  char text[16];
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", m < 0 ? '-' : '+', std::abs(m) / 60, std::abs(m) % 60);
  return text;
}

std::string roles_text(const Person& p) {
  if (p.is_mentor() && p.is_mentee()) return "mentor & mentee";
  return p.is_mentor() ? "mentor" : (p.is_mentee() ? "mentee" : "");
}

std::string joined_values(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : "; ") + v;
  return out;
}

namespace {

// `search` already folded: folded once per list, not once per person.
bool passes_folded(const Person& p, const ParticipantFilter& f, const std::string& search) {
  if (f.role == RoleFilter::mentors && !p.is_mentor()) return false;
  if (f.role == RoleFilter::mentees && !p.is_mentee()) return false;
  if (!f.language.empty() && !contains(p.languages, f.language)) return false;
  if (!f.topic.empty() && !contains(p.topics, f.topic)) return false;
  if (!f.time_zone.empty() && utc_offset_text(p) != f.time_zone) return false;
  if (f.status && p.status != *f.status) return false;
  if (search.empty()) return true;
  // Field by field: most fields are ASCII and take fold_text's quick path; only a field in another
  // script (a country written "Україна") pays for the full folding, 10,000 people per keystroke.
  std::string haystack;
  auto add = [&haystack](std::string_view text) {
    haystack += fold_text(text);
    haystack += ' ';
  };
  add(p.name);
  add(p.email);
  add(p.country);
  add(p.region);
  for (const auto& l : p.languages) add(l);
  for (const auto& t : p.topics) add(t);
  add(p.organisation);
  return haystack.find(search) != std::string::npos;
}

}  // namespace

bool passes(const Person& p, const ParticipantFilter& f) { return passes_folded(p, f, fold_text(f.search)); }

ParticipantList list_participants(const Workspace& ws, const Scheme& scheme, const ParticipantFilter& filter,
                                  const ParticipantSort& sort) {
  ParticipantList list;
  list.topics = scheme.topics;
  std::vector<int> offsets;
  std::vector<const Person*> rows;
  const std::string search = fold_text(filter.search);
  for (const auto& [id, p] : ws.people()) {
    if (p.scheme_id != scheme.meta.id) continue;
    ++list.total;
    for (const auto& l : p.languages) add_once(list.languages, l);
    for (const auto& t : p.topics) add_once(list.topics, t);
    if (p.utc_offset_minutes && std::find(offsets.begin(), offsets.end(), *p.utc_offset_minutes) == offsets.end())
      offsets.push_back(*p.utc_offset_minutes);
    if (passes_folded(p, filter, search)) rows.push_back(&p);
  }
  std::sort(list.languages.begin(), list.languages.end());
  std::sort(offsets.begin(), offsets.end());
  for (int m : offsets) {
    Person at;
    at.utc_offset_minutes = m;
    list.time_zones.push_back(utc_offset_text(at));
  }

  const bool ascending = sort.ascending;
  if (sort.column == ParticipantColumn::experience) {
    // No experience given sorts before any.
    std::stable_sort(rows.begin(), rows.end(), [ascending](const Person* a, const Person* b) {
      const int x = a->experience_years.value_or(-1), y = b->experience_years.value_or(-1);
      return ascending ? x < y : x > y;
    });
  } else {
    // Keys computed once per person, not once per comparison (10,000 people).
    std::vector<std::pair<std::string, const Person*>> keyed;
    keyed.reserve(rows.size());
    for (const Person* p : rows) keyed.emplace_back(sort_key(*p, sort.column), p);
    std::stable_sort(keyed.begin(), keyed.end(), [ascending](const auto& a, const auto& b) {
      return ascending ? a.first < b.first : b.first < a.first;
    });
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = keyed[k].second;
  }
  list.ids.reserve(rows.size());
  for (const Person* p : rows) list.ids.push_back(p->meta.id);
  return list;
}

}  // namespace pairwise
