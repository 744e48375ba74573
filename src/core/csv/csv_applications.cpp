#include "core/csv/csv_applications.hpp"

#include <algorithm>
#include <cstdlib>

namespace pairwise {

std::vector<std::string> split_multi_value(const std::string& cell, const std::string& separators) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string t = trim(current);
    if (!t.empty()) out.push_back(t);
    current.clear();
  };
  for (char c : cell) {
    if (separators.find(c) != std::string::npos) flush();
    else current += c;
  }
  flush();
  return out;
}

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::optional<int> leading_int(const std::string& text) {
  const std::string t = trim(text);
  std::size_t i = 0;
  bool neg = false;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) neg = t[i++] == '-';
  long long v = 0;
  const std::size_t start = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9' && v < 100000000) v = v * 10 + (t[i++] - '0');
  if (i == start) return std::nullopt;
  return static_cast<int>(neg ? -v : v);
}

// "UTC+5:30", "GMT-5", "+01:00", "-300" (minutes) -> minutes east of UTC.
std::optional<int> parse_utc_offset(const std::string& text) {
  std::string t = lower(trim(text));
  if (t.rfind("utc", 0) == 0 || t.rfind("gmt", 0) == 0) t = trim(t.substr(3));
  if (t.empty()) return 0;
  if (t[0] != '+' && t[0] != '-') return std::nullopt;
  const int sign = t[0] == '-' ? -1 : 1;
  const std::string rest = t.substr(1);
  const auto colon = rest.find(':');
  auto hours = leading_int(rest.substr(0, colon));
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (colon != std::string::npos) {
    auto m = leading_int(rest.substr(colon + 1));
    if (!m) return std::nullopt;
    minutes = *m;
  }
  if (colon == std::string::npos && rest.size() > 2 && *hours > 14) return sign * *hours;  // already minutes
  return sign * (*hours * 60 + minutes);
}

std::optional<bool> parse_yes_no(const std::string& text) {
  const std::string t = lower(trim(text));
  if (t == "yes" || t == "y" || t == "true" || t == "1" || t == "x" || t.rfind("yes", 0) == 0) return true;
  if (t == "no" || t == "n" || t == "false" || t == "0" || t.empty() || t.rfind("no", 0) == 0) return false;
  return std::nullopt;
}

}  // namespace

std::vector<CsvApplicationRow> applications_from_csv(const CsvTable& table, const ColumnMapping& mapping,
                                                     const std::string& scheme_id, const std::string& file,
                                                     IdGenerator& ids, const Clock& clock) {
  std::vector<CsvApplicationRow> out;
  for (const auto& row : table.rows) {
    CsvApplicationRow result;
    result.row_number = row.row_number;
    Person p;
    p.meta = new_meta(ids, clock);
    p.scheme_id = scheme_id;
    p.applied_on = clock.today();
    auto fail = [&](const std::string& header, const std::string& message) {
      result.errors.push_back(
          {file, "row " + std::to_string(row.row_number) + ", column \"" + header + "\"", message});
    };
    bool role_cell_seen = false;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      const std::string& header = table.header[c];
      const std::string field = mapping.field_for(header);
      if (field.empty()) continue;
      const std::string value = c < row.cells.size() ? trim(row.cells[c]) : std::string();
      if (value.empty()) continue;
      const auto list = split_multi_value(value, mapping.multi_value_separators);
      if (field == "email") {
        p.email = value;
        if (!looks_like_email(value)) fail(header, "expected an e-mail address, got \"" + value + "\"");
      } else if (field == "name") p.name = value;
      else if (field == "roles") {
        for (const auto& item : split_multi_value(lower(value), mapping.multi_value_separators + " ")) {
          if (item == "mentor" || item == "both") p.roles.push_back(Role::mentor);
          if (item == "mentee" || item == "both") p.roles.push_back(Role::mentee);
        }
        role_cell_seen = true;
        if (p.roles.empty()) fail(header, "expected \"mentor\", \"mentee\" or \"both\", got \"" + value + "\"");
      } else if (field == "country") p.country = value;
      else if (field == "region") p.region = value;
      else if (field == "timezone") {
        if (auto off = parse_utc_offset(value)) p.utc_offset_minutes = *off;
        else p.timezone_name = value;
      } else if (field == "utc_offset_minutes") {
        if (auto off = parse_utc_offset(value)) p.utc_offset_minutes = *off;
        else fail(header, "expected a UTC offset like \"UTC+5:30\", got \"" + value + "\"");
      } else if (field == "languages") p.languages = list;
      else if (field == "topics") p.topics = list;
      else if (field == "preferences") {
        for (const auto& e : list) p.preferences.push_back(normalize_email(e));
      } else if (field == "experience_years") {
        if (auto v = leading_int(value); v && *v >= 0) p.experience_years = *v;
        else p.career_stage = value;  // "early career" is an answer too, just not a number
      } else if (field == "career_stage") p.career_stage = value;
      else if (field == "face_to_face") {
        if (auto b = parse_yes_no(value)) p.face_to_face = *b;
        else fail(header, "expected yes or no, got \"" + value + "\"");
      } else if (field == "capacity") {
        if (auto v = leading_int(value); v && *v >= 0 && *v <= 1000) p.capacity = *v;
        else fail(header, "expected a number of mentees, got \"" + value + "\"");
      } else if (field == "availability") p.availability = value;
      else if (field == "organisation") p.organisation = value;
      else if (field == "line_manager_email") p.line_manager_email = value;
      else if (field == "project.what") p.project.what = value;
      else if (field == "project.how") p.project.how = value;
      else if (field == "project.barriers") p.project.barriers = value;
      else if (field == "project.mentor_role") p.project.mentor_role = value;
      else if (field == "project.success_outcome") p.project.success_outcome = value;
      else if (field == "applied_on") {
        // Survey tools write "2024-05-01 10:23:11" or local formats; keep only what is unambiguous.
        if (is_valid_date(value.substr(0, 10))) p.applied_on = value.substr(0, 10);
      }
    }
    if (p.email.empty()) result.errors.push_back({file, "row " + std::to_string(row.row_number), "no e-mail address"});
    if (p.roles.empty() && !role_cell_seen) {
      bool has_role_column = false;
      for (const auto& b : mapping.columns) has_role_column = has_role_column || b.field == "roles";
      if (has_role_column)
        result.errors.push_back({file, "row " + std::to_string(row.row_number), "no role (mentor, mentee or both)"});
      else
        p.roles.push_back(Role::mentee);  // a form without a role question is a mentee form
    }
    std::sort(p.roles.begin(), p.roles.end());
    p.roles.erase(std::unique(p.roles.begin(), p.roles.end()), p.roles.end());
    if (result.errors.empty()) result.person = std::move(p);
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace pairwise
