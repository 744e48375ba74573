#include "core/csv/csv_applications.hpp"

#include "core/records/time_zones.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/intake/survey_answers.hpp"
#include "core/records/text_fold.hpp"

namespace pairwise {

std::vector<std::string> split_multi_value(const std::string& cell, const std::string& separators) {
  return list_in_answer(cell, separators, false);
}

std::string CsvApplicationRow::who() const {
  if (!given_name.empty()) return given_name;
  if (!given_email.empty()) return given_email;
  return "no name given";
}

namespace {

// "UTC+5:30", "GMT-5", "+01:00", "-300" (minutes) -> minutes east of UTC.
// A survey's UTC offset answer: as the applicant form reads it ("UTC+5:30", "+0530", "UTC"), or,
// from a column of minutes, a whole number of minutes east ("-300", "330").
std::optional<int> offset_in_answer(const std::string& text) {
  if (auto offset = parse_utc_offset(text)) return offset;
  const std::string t = trim(text);
  const bool negative = !t.empty() && t[0] == '-';
  const std::string digits = !t.empty() && (t[0] == '-' || t[0] == '+') ? t.substr(1) : t;
  if (digits.empty() || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const int minutes = (negative ? -1 : 1) * std::atoi(digits.c_str());
  if (minutes < -12 * 60 || minutes > 14 * 60) return std::nullopt;
  return minutes;
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& items) {
  for (const auto& item : items) {
    const std::string key = fold_text(item);
    if (std::none_of(to.begin(), to.end(), [&](const std::string& t) { return fold_text(t) == key; })) to.push_back(item);
  }
}

// An option column's cell says "chosen" by holding the option's name (SurveyMonkey), or a mark.
bool is_mark(const std::string& value) {
  const std::string t = fold_text(value);
  return t == "1" || t == "x" || t == "yes" || t == "true" || t == "\xE2\x9C\x93";  // check mark
}

}  // namespace

CsvApplications read_applications(const CsvTable& table, const ColumnMapping& mapping, const CsvReadOptions& options,
                                  IdGenerator& ids, const Clock& clock) {
  CsvApplications out;
  const std::string& file = options.file_name;
  // Each date column's order, decided once from all its values.
  std::vector<DateOrder> date_orders(table.header.size(), DateOrder::automatic);
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    if (mapping.field_for(table.header[c]) != "applied_on") continue;
    date_orders[c] = mapping.date_order_for(table.header[c]);
    if (date_orders[c] != DateOrder::automatic) continue;
    std::vector<std::string> values;
    for (const auto& row : table.rows)
      if (c < row.cells.size()) values.push_back(row.cells[c]);
    const auto decision = decide_date_order(values);
    date_orders[c] = decision.order;
    if (decision.contradictory)
      out.errors.push_back({file, "column \"" + table.header[c] + "\"",
                            "some dates only read month first and others only day first; fix the column or choose "
                            "the order"});
    if (decision.ambiguous) {
      out.ambiguous_date_columns.push_back(table.header[c]);
      out.errors.push_back({file, "column \"" + table.header[c] + "\"",
                            "every date could be read month first (05/01 = May 1) or day first (05/01 = 5 January); "
                            "choose the order in the column mapping"});
    }
  }
  // The option name of each "Question [Option]" column, for cells that only mark a choice.
  auto option_of = [](const std::string& header) {
    if (header.empty() || header.back() != ']') return std::string();
    const auto open = header.rfind(" [");
    return open == std::string::npos ? std::string() : header.substr(open + 2, header.size() - open - 3);
  };
  for (const auto& row : table.rows) {
    CsvApplicationRow result;
    result.row_number = row.row_number;
    Person p;
    p.meta = new_meta(ids, clock);
    p.scheme_id = options.scheme_id;
    p.applied_on = clock.today();
    const std::string where = "row " + std::to_string(row.row_number);
    auto fail = [&](const std::string& header, const std::string& message) {
      result.errors.push_back({file, where + ", column \"" + header + "\"", message});
    };
    auto note = [&](const std::string& header, const std::string& message) {
      result.notes.push_back(where + ", column \"" + header + "\": " + message);
    };
    bool role_cell_seen = false;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      const std::string& header = table.header[c];
      const std::string field = mapping.field_for(header);
      if (field.empty()) continue;
      const std::string value = c < row.cells.size() ? trim(row.cells[c]) : std::string();
      if (value.empty()) continue;
      // A cell of an option column is one chosen option, never a list.
      const std::string option = option_of(header);
      auto list = [&](const std::vector<std::string>& known) {
        if (!option.empty()) return std::vector<std::string>{is_mark(value) ? option : value};
        return list_in_answer(value, mapping.multi_value_separators, true, known);
      };
      if (field == "email") {
        result.given_email = value;
        p.email = value;
        if (fold_text(value) == "anonymous")
          fail(header, "an anonymous answer: no e-mail address to reach them by");
        else if (!looks_like_email(value))
          fail(header, "expected an e-mail address, got \"" + value + "\"");
      } else if (field == "name") {
        p.name = value;
        result.given_name = value;
      } else if (field == "roles") {
        role_cell_seen = true;
        std::vector<Role> roles = roles_in_answer(is_mark(value) && !option.empty() ? option : value);
        if (roles.empty()) fail(header, "expected \"mentor\", \"mentee\" or \"both\", got \"" + value + "\"");
        p.roles.insert(p.roles.end(), roles.begin(), roles.end());
      } else if (field == "country") p.country = value;
      else if (field == "region") p.region = value;
      else if (field == "timezone") {
        if (auto off = offset_in_answer(value)) p.utc_offset_minutes = *off;
        else p.timezone_name = value;
      } else if (field == "utc_offset_minutes") {
        if (auto off = offset_in_answer(value)) p.utc_offset_minutes = *off;
        else fail(header, "expected a UTC offset like \"UTC+5:30\", got \"" + value + "\"");
      } else if (field == "languages") add_unique(p.languages, list({}));
      else if (field == "topics") add_unique(p.topics, list(options.known_topics));
      else if (field == "preferences") {
        for (const auto& e : list({})) p.preferences.push_back(normalize_email(e));
      } else if (field == "experience_years") {
        if (auto v = number_in_answer(value)) {
          p.experience_years = v->value;
          if (!v->note.empty()) note(header, v->note);
        } else {
          p.career_stage = value;  // "early career" is an answer too, just not a number
        }
      } else if (field == "career_stage") p.career_stage = value;
      else if (field == "face_to_face") {
        if (auto b = yes_no_answer(value)) p.face_to_face = *b;
        else fail(header, "expected yes or no, got \"" + value + "\"");
      } else if (field == "capacity") {
        if (auto v = number_in_answer(value); v && v->value <= 1000) {
          p.capacity = v->value;
          if (!v->note.empty()) note(header, v->note);
        } else {
          fail(header, "expected a number of mentees, got \"" + value + "\"");
        }
      } else if (field == "availability") p.availability = value;
      else if (field == "organisation") p.organisation = value;
      else if (field == "line_manager_email") p.line_manager_email = value;
      else if (field == "project.what") p.project.what = value;
      else if (field == "project.how") p.project.how = value;
      else if (field == "project.barriers") p.project.barriers = value;
      else if (field == "project.mentor_role") p.project.mentor_role = value;
      else if (field == "project.success_outcome") p.project.success_outcome = value;
      else if (field == "applied_on") {
        if (auto when = time_in_answer(value, date_orders[c])) {
          result.submitted_at = *when;
          p.applied_on = date_of(*when);
          // The answers are as new as their submission, so a resubmission outranks the first one
          // and a coordinator's later correction outranks both.
          p.meta.created_at = *when;
          p.meta.updated_at = *when;
        } else if (date_orders[c] != DateOrder::automatic || value.find('/') == std::string::npos) {
          fail(header, "expected a date such as 2024-05-01 or 05/01/2024 10:23:11 AM, got \"" + value + "\"");
        }
      }
    }
    if (p.email.empty()) result.errors.push_back({file, where, "no e-mail address"});
    if (p.roles.empty() && !role_cell_seen) {
      const bool has_role_column = !mapping.headers_of("roles").empty();
      if (has_role_column)
        result.errors.push_back({file, where, "no role (mentor, mentee or both)"});
      else
        p.roles.push_back(Role::mentee);  // a form without a role question is a mentee form
    }
    std::sort(p.roles.begin(), p.roles.end());
    p.roles.erase(std::unique(p.roles.begin(), p.roles.end()), p.roles.end());
    if (result.errors.empty()) result.person = std::move(p);
    out.rows.push_back(std::move(result));
  }
  return out;
}

std::vector<CsvApplicationRow> applications_from_csv(const CsvTable& table, const ColumnMapping& mapping,
                                                     const std::string& scheme_id, const std::string& file,
                                                     IdGenerator& ids, const Clock& clock) {
  return read_applications(table, mapping, CsvReadOptions{scheme_id, file, {}}, ids, clock).rows;
}

}  // namespace pairwise
