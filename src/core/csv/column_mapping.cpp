#include "core/csv/column_mapping.hpp"

#include <algorithm>
#include <utility>

#include "core/intake/survey_table.hpp"

namespace pairwise {

std::string ColumnMapping::field_for(const std::string& header) const {
  for (const auto& c : columns)
    if (c.header == header) return c.field;
  return std::string();
}

DateOrder ColumnMapping::date_order_for(const std::string& header) const {
  for (const auto& c : columns)
    if (c.header == header) return c.date_order;
  return DateOrder::automatic;
}

void ColumnMapping::bind(const std::string& header, const std::string& field) {
  if (!field.empty() && !is_multi_value_field(field))
    for (auto& c : columns)
      if (c.field == field && c.header != header) c.field.clear();
  for (auto& c : columns)
    if (c.header == header) {
      c.field = field;
      return;
    }
  columns.push_back(ColumnBinding{header, field});
}

std::vector<std::string> ColumnMapping::headers_of(const std::string& field) const {
  std::vector<std::string> out;
  for (const auto& c : columns)
    if (c.field == field) out.push_back(c.header);
  return out;
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

std::string field_label(const std::string& field) {
  static const std::vector<std::pair<const char*, const char*>> labels = {
      {"email", "E-mail address"},
      {"name", "Name"},
      {"roles", "Role (mentor, mentee or both)"},
      {"country", "Country"},
      {"region", "Region"},
      {"timezone", "Time zone"},
      {"utc_offset_minutes", "Hours from UTC"},
      {"languages", "Languages"},
      {"topics", "Topics"},
      {"experience_years", "Years of experience"},
      {"career_stage", "Career stage"},
      {"face_to_face", "Can meet face to face"},
      {"capacity", "How many mentees"},
      {"availability", "Availability"},
      {"organisation", "Organisation"},
      {"line_manager_email", "Line manager's e-mail"},
      {"project.what", "Project: what they are trying to do"},
      {"project.how", "Project: how they are doing it"},
      {"project.barriers", "Project: barriers"},
      {"project.mentor_role", "Project: what they need a mentor to do"},
      {"project.success_outcome", "Project: what success would look like"},
      {"preferences", "Preferred people (e-mails)"},
      {"applied_on", "Applied on"},
  };
  if (field.empty()) return "(not imported)";
  for (const auto& [key, label] : labels)
    if (field == key) return label;
  return field;
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

// A rule's word matches at the start of a word only: "utc" is in "UTC offset", not in "outcome".
bool contains(const std::string& haystack, const char* needle) {
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
    if (at == 0 || haystack[at - 1] == ' ') return true;
  return false;
}

// Ordered: the first rule whose words all appear wins, so specific rules come before general ones.
std::string guess_field(const std::string& header) {
  const std::string h = simplify(header);
  struct Rule {
    std::vector<const char*> words;
    const char* field;
  };
  static const std::vector<Rule> rules = {
      {{"how many mentees"}, "capacity"},
      {{"capacity"}, "capacity"},
      {{"mentor", "mentee"}, "roles"},  // "Do you want to be a mentor or a mentee?"
      {{"line manager"}, "line_manager_email"},
      {{"manager"}, "line_manager_email"},
      {{"mail"}, "email"},
      {{"email"}, "email"},
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
      {{"completion time"}, "applied_on"},
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
  CsvTable plain;
  plain.header = headers;
  SurveyTable survey;
  for (const auto& h : headers) survey.columns.push_back(SurveyColumn{h, h, "", false, false, DateOrder::automatic});
  survey.table = plain;
  return suggest_mapping(survey);
}

ColumnMapping suggest_mapping(const SurveyTable& survey) {
  ColumnMapping mapping;
  std::vector<std::string> used;
  const bool has_submission_time = std::any_of(survey.columns.begin(), survey.columns.end(),
                                               [](const SurveyColumn& c) { return c.submitted_at; });
  if (has_submission_time) used.push_back("applied_on");
  for (const auto& col : survey.columns) {
    std::string field;
    if (col.submitted_at) field = "applied_on";
    else if (!col.identifying) field = guess_field(col.question);
    // "Other (please specify)" beside a single-answer question is free text, not the answer.
    if (!col.option.empty() && !is_multi_value_field(field) && simplify(col.option).rfind("other", 0) == 0) field.clear();
    // One column per single-valued field: a second "name" column (e.g. "Manager name") must not
    // overwrite; list fields gather every column bound to them.
    if (!col.submitted_at && !field.empty() && !is_multi_value_field(field) &&
        std::find(used.begin(), used.end(), field) != used.end())
      field.clear();
    if (!field.empty()) used.push_back(field);
    mapping.columns.push_back(ColumnBinding{col.key, field, field == "applied_on" ? col.date_order : DateOrder::automatic});
  }
  return mapping;
}

ColumnMapping mapping_for_headers(const ColumnMapping& saved, const std::vector<std::string>& headers) {
  SurveyTable survey;
  for (const auto& h : headers) survey.columns.push_back(SurveyColumn{h, h, "", false, false, DateOrder::automatic});
  return mapping_for_survey(saved, survey);
}

ColumnMapping mapping_for_survey(const ColumnMapping& saved, const SurveyTable& survey) {
  ColumnMapping mapping;
  mapping.multi_value_separators = saved.multi_value_separators;
  std::vector<std::string> used;
  std::vector<bool> known(survey.columns.size(), false);
  for (std::size_t k = 0; k < survey.columns.size(); ++k) {
    for (const ColumnBinding& b : saved.columns) {
      if (b.header != survey.columns[k].key) continue;
      known[k] = true;
      if (!b.field.empty()) used.push_back(b.field);
    }
  }
  const ColumnMapping suggested = suggest_mapping(survey);
  for (std::size_t k = 0; k < survey.columns.size(); ++k) {
    const std::string& key = survey.columns[k].key;
    ColumnBinding binding{key, ""};
    if (known[k]) {
      binding.field = saved.field_for(key);
      binding.date_order = saved.date_order_for(key);
    } else {
      binding.field = suggested.columns[k].field;
      binding.date_order = suggested.columns[k].date_order;
      if (!binding.field.empty() && !is_multi_value_field(binding.field) &&
          std::find(used.begin(), used.end(), binding.field) != used.end())
        binding.field.clear();
      if (!binding.field.empty()) used.push_back(binding.field);
    }
    mapping.columns.push_back(binding);
  }
  return mapping;
}

Json encode(const ColumnMapping& mapping) {
  Json cols = Json::array();
  for (const auto& c : mapping.columns) {
    Json col{{"header", c.header}, {"field", c.field}};
    if (c.date_order != DateOrder::automatic) col["date_order"] = enum_to_string(kDateOrderNames, c.date_order);
    cols.push_back(col);
  }
  return Json{{"columns", cols}, {"multi_value_separators", mapping.multi_value_separators}};
}

void decode(const JsonReader& in, ColumnMapping& mapping) {
  if (!in.expect_object()) return;
  in.optional_list<ColumnBinding>("columns", mapping.columns, [](const JsonReader& r, ColumnBinding& c) {
    r.required("header", c.header);
    r.optional("field", c.field);
    r.optional_enum("date_order", c.date_order, kDateOrderNames);
    const auto& keys = application_field_keys();
    if (!c.field.empty() && std::find(keys.begin(), keys.end(), c.field) == keys.end())
      r.field("field").error("expected an application field such as \"email\" or \"languages\", got \"" +
                             c.field + "\"");
  });
  in.optional("multi_value_separators", mapping.multi_value_separators);
}

}  // namespace pairwise
