#include "core/documents/migration.hpp"

#include "core/records/record_meta.hpp"

namespace pairwise {

namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ';' || c == ',' || c == '/') {
      if (!trim(current).empty()) out.push_back(trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!trim(current).empty()) out.push_back(trim(current));
  return out;
}

void person_v1_to_v2(Json& person) {
  if (!person.is_object()) return;
  if (auto it = person.find("language"); it != person.end()) {
    Json languages = Json::array();
    if (it->is_string())
      for (const auto& l : split_list(it->get<std::string>())) languages.push_back(l);
    person.erase("language");
    if (!person.contains("languages")) person["languages"] = languages;
  }
  if (auto it = person.find("role"); it != person.end()) {
    Json roles = Json::array();
    if (it->is_string()) {
      const std::string r = normalize_email(it->get<std::string>());  // trims and lower-cases
      if (r == "mentor" || r == "both") roles.push_back("mentor");
      if (r == "mentee" || r == "both") roles.push_back("mentee");
      if (roles.empty()) roles.push_back(*it);  // left for validation to report
    }
    person.erase("role");
    if (!person.contains("roles")) person["roles"] = roles;
  }
}

void meeting_v1_to_v2(Json& meeting) {
  if (!meeting.is_object()) return;
  if (auto it = meeting.find("minutes"); it != meeting.end()) {
    Json minutes = *it;
    meeting.erase("minutes");
    if (!meeting.contains("length_minutes")) meeting["length_minutes"] = minutes;
  }
}

void each_in(Json& doc, const char* key, void (*fn)(Json&)) {
  auto it = doc.find(key);
  if (it == doc.end()) return;
  if (it->is_array()) {
    for (auto& x : *it) fn(x);
  } else {
    fn(*it);
  }
}

void v1_to_v2(Json& doc) {
  each_in(doc, "person", person_v1_to_v2);
  each_in(doc, "mentor", person_v1_to_v2);
  each_in(doc, "mentee", person_v1_to_v2);
  each_in(doc, "people", person_v1_to_v2);
  each_in(doc, "meetings", meeting_v1_to_v2);
  doc["format_version"] = 2;
}

// v3 adds optional fields only ("invalid_fields"): a v2 document reads as it is.
void v2_to_v3(Json& doc) { doc["format_version"] = 3; }

// v4 adds "terms_digest" to consents; decode fills it for a consent without one, so a v3 document
// reads as it is.
void v3_to_v4(Json& doc) { doc["format_version"] = 4; }

void scheme_v4_to_v5(Json& scheme) {
  if (!scheme.is_object()) return;
  auto mapping = scheme.find("csv_mapping");
  if (mapping == scheme.end() || !mapping->is_object()) return;
  auto columns = mapping->find("columns");
  if (columns == mapping->end() || !columns->is_array()) return;
  Json kept = Json::array();
  for (auto& c : *columns) {
    auto header = c.is_object() ? c.find("header") : c.end();
    const bool blank = c.is_object() && header != c.end() && header->is_string() && trim(header->get<std::string>()).empty();
    if (!blank) kept.push_back(c);
  }
  *columns = std::move(kept);
}

// v5 lets several columns feed a list field and names option columns; a v4 mapping's blank
// headers named no column for certain and are dropped. It also adds a meeting's optional
// "start_time" and "time_zone", which a v4 meeting simply lacks.
void v4_to_v5(Json& doc) {
  each_in(doc, "scheme", scheme_v4_to_v5);
  each_in(doc, "schemes", scheme_v4_to_v5);
  doc["format_version"] = 5;
}

// v6 only adds: new kinds and optional fields whose absence reads as before.
void v5_to_v6(Json& doc) { doc["format_version"] = 6; }

}  // namespace

Result<Json> migrate_to_current(Json doc, const std::string& file) {
  auto it = doc.find("format_version");
  if (it == doc.end() || !it->is_number_integer())
    return Result<Json>::failure(file, "$.format_version",
                                 std::string("expected a whole number, got ") +
                                     (it == doc.end() ? "nothing" : describe_json_value(*it)));
  const auto version = it->get<std::int64_t>();
  if (version > kCurrentFormatVersion)
    return Result<Json>::failure(file, "$.format_version",
                                 "format version " + std::to_string(version) +
                                     " is newer than this version of Pairwise understands (up to " +
                                     std::to_string(kCurrentFormatVersion) + "); please update Pairwise");
  if (version < kOldestFormatVersion)
    return Result<Json>::failure(file, "$.format_version",
                                 "expected a format version from " + std::to_string(kOldestFormatVersion) +
                                     " to " + std::to_string(kCurrentFormatVersion) + ", got " +
                                     std::to_string(version));
  if (version == 1) v1_to_v2(doc);
  if (doc["format_version"] == 2) v2_to_v3(doc);
  if (doc["format_version"] == 3) v3_to_v4(doc);
  if (doc["format_version"] == 4) v4_to_v5(doc);
  if (doc["format_version"] == 5) v5_to_v6(doc);
  return doc;
}

}  // namespace pairwise
