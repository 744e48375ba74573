#include "core/csv/column_mapping.hpp"

#include <algorithm>
#include <utility>

namespace pairwise {

std::string ColumnMapping::field_for(const std::string& header) const {
  for (const auto& c : columns)
    if (c.header == header) return c.field;
  return std::string();
}

const std::vector<std::string>& application_field_keys() {
  static const std::vector<std::string> keys = {
      "email", "name", "roles", "country", "region", "timezone", "utc_offset_minutes", "languages",
      "topics", "experience_years", "career_stage", "face_to_face", "capacity", "availability",
      "organisation", "line_manager_email", "project.what", "project.how", "project.barriers",
      "project.mentor_role", "project.success_outcome", "preferences", "applied_on"};
  return keys;
}

bool is_multi_value_field(const std::string& field) {
  return field == "roles" || field == "languages" || field == "topics" || field == "preferences";
}

namespace {

std::string simplify(const std::string& header) {
  std::string out;
  for (char c : header) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool contains(const std::string& haystack, const char* needle) { return haystack.find(needle) != std::string::npos; }

// Ordered: the first rule whose words all appear wins, so specific rules come before general ones.
std::string guess_field(const std::string& header) {
  const std::string h = simplify(header);
  struct Rule {
    std::vector<const char*> words;
    const char* field;
  };
  static const std::vector<Rule> rules = {
      {{"line manager"}, "line_manager_email"},
      {{"manager"}, "line_manager_email"},
      {{"mail"}, "email"},
      {{"time zone"}, "timezone"},
      {{"timezone"}, "timezone"},
      {{"utc"}, "utc_offset_minutes"},
      {{"language"}, "languages"},
      {{"barrier"}, "project.barriers"},
      {{"success"}, "project.success_outcome"},
      {{"outcome"}, "project.success_outcome"},
      {{"need", "mentor"}, "project.mentor_role"},
      {{"mentor", "to do"}, "project.mentor_role"},
      {{"how are you"}, "project.how"},
      {{"approach"}, "project.how"},
      {{"trying to do"}, "project.what"},
      {{"project"}, "project.what"},
      {{"role"}, "roles"},
      {{"mentor or mentee"}, "roles"},
      {{"apply as"}, "roles"},
      {{"years"}, "experience_years"},
      {{"experience"}, "experience_years"},
      {{"career"}, "career_stage"},
      {{"face"}, "face_to_face"},
      {{"in person"}, "face_to_face"},
      {{"capacity"}, "capacity"},
      {{"how many mentees"}, "capacity"},
      {{"availab"}, "availability"},
      {{"organi"}, "organisation"},
      {{"institution"}, "organisation"},
      {{"employer"}, "organisation"},
      {{"country"}, "country"},
      {{"region"}, "region"},
      {{"location"}, "country"},
      {{"topic"}, "topics"},
      {{"area"}, "topics"},
      {{"theme"}, "topics"},
      {{"interest"}, "topics"},
      {{"prefer"}, "preferences"},
      {{"name"}, "name"},
      {{"date"}, "applied_on"},
      {{"timestamp"}, "applied_on"},
      {{"submitted"}, "applied_on"},
  };
  for (const auto& rule : rules) {
    bool all = true;
    for (const char* w : rule.words) all = all && contains(h, w);
    if (all) return rule.field;
  }
  return std::string();
}

}  // namespace

ColumnMapping suggest_mapping(const std::vector<std::string>& headers) {
  ColumnMapping mapping;
  std::vector<std::string> used;
  for (const auto& header : headers) {
    std::string field = guess_field(header);
    // One column per field: a second "name" column (e.g. "Manager name") must not overwrite.
    if (!field.empty() && std::find(used.begin(), used.end(), field) != used.end()) field.clear();
    if (!field.empty()) used.push_back(field);
    mapping.columns.push_back(ColumnBinding{header, field});
  }
  return mapping;
}

ColumnMapping mapping_for_headers(const ColumnMapping& saved, const std::vector<std::string>& headers) {
  ColumnMapping mapping;
  mapping.multi_value_separators = saved.multi_value_separators;
  std::vector<std::string> used;
  std::vector<bool> known(headers.size(), false);
  for (std::size_t k = 0; k < headers.size(); ++k) {
    for (const ColumnBinding& b : saved.columns) {
      if (b.header != headers[k]) continue;
      known[k] = true;
      if (!b.field.empty()) used.push_back(b.field);
    }
  }
  const ColumnMapping suggested = suggest_mapping(headers);
  for (std::size_t k = 0; k < headers.size(); ++k) {
    std::string field;
    if (known[k]) {
      field = saved.field_for(headers[k]);
    } else {
      field = suggested.columns[k].field;
      if (!field.empty() && std::find(used.begin(), used.end(), field) != used.end()) field.clear();
      if (!field.empty()) used.push_back(field);
    }
    mapping.columns.push_back(ColumnBinding{headers[k], field});
  }
  return mapping;
}

Json encode(const ColumnMapping& mapping) {
  Json cols = Json::array();
  for (const auto& c : mapping.columns) cols.push_back(Json{{"header", c.header}, {"field", c.field}});
  return Json{{"columns", cols}, {"multi_value_separators", mapping.multi_value_separators}};
}

void decode(const JsonReader& in, ColumnMapping& mapping) {
  if (!in.expect_object()) return;
  in.optional_list<ColumnBinding>("columns", mapping.columns, [](const JsonReader& r, ColumnBinding& c) {
    r.required("header", c.header);
    r.optional("field", c.field);
    const auto& keys = application_field_keys();
    if (!c.field.empty() && std::find(keys.begin(), keys.end(), c.field) == keys.end())
      r.field("field").error("expected an application field such as \"email\" or \"languages\", got \"" +
                             c.field + "\"");
  });
  in.optional("multi_value_separators", mapping.multi_value_separators);
}

}  // namespace pairwise
