#include "core/reports/csv_exports.hpp"

#include "core/checks/expectations.hpp"
#include "core/csv/csv_writer.hpp"

namespace pairwise {

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

SheetColumn text_column(const char* header) { return {header, SheetCellKind::text}; }
SheetColumn number_column(const char* header) { return {header, SheetCellKind::number}; }
SheetColumn date_column(const char* header) { return {header, SheetCellKind::date}; }

std::string roles_text(const Person& p) {
  if (p.is_mentor() && p.is_mentee()) return "both";
  return p.is_mentor() ? "mentor" : "mentee";
}

}  // namespace

SheetTable participants_table(const Workspace& ws, const std::string& scheme_id) {
  SheetTable table;
  table.name = "Participants";
  table.columns = {text_column("Email"), text_column("Name"), text_column("Role"), text_column("Status"), text_column("Country"), text_column("Region"),
                   text_column("Time zone"), number_column("UTC offset (minutes)"), text_column("Languages"), text_column("Topics"),
                   number_column("Experience (years)"), text_column("Career stage"), text_column("Face to face"), number_column("Capacity"),
                   text_column("Availability"), text_column("Organisation"), text_column("Line manager email"), date_column("Applied on")};
  for (const auto& p : ws.people_of_scheme(scheme_id)) {
    table.rows.push_back({p.email, p.name, roles_text(p), enum_to_string(kPersonStatusNames, p.status), p.country, p.region,
                    p.timezone_name, p.utc_offset_minutes ? std::to_string(*p.utc_offset_minutes) : "",
                    join(p.languages), join(p.topics), p.experience_years ? std::to_string(*p.experience_years) : "",
                    p.career_stage, p.face_to_face ? "yes" : "no", std::to_string(p.capacity), p.availability,
                    p.organisation, p.line_manager_email, p.applied_on});
  }
  return table;
}

SheetTable pairings_table(const Workspace& ws, const std::string& scheme_id) {
  SheetTable table;
  table.name = "Pairings";
  table.columns = {text_column("Pairing id"),  text_column("Scheme"),      text_column("Mentor email"),   text_column("Mentor name"),
                   text_column("Mentee email"), text_column("Mentee name"), text_column("Status"),         date_column("Since"),
                   date_column("Proposed on"), date_column("Requested on"), date_column("Active since"), text_column("Locked")};
  for (const auto& p : ws.pairings_of_scheme(scheme_id)) {
    const Person* mentor = ws.person_by_email(p.mentor_email);
    const Person* mentee = ws.person_by_email(p.mentee_email);
    const Scheme* s = ws.find<Scheme>(p.scheme_id);
    table.rows.push_back({p.meta.id, s ? s->name : p.scheme_id, p.mentor_email, mentor ? mentor->name : "", p.mentee_email,
                    mentee ? mentee->name : "", to_string(p.status()), p.status_since(),
                    p.history.empty() ? "" : p.history.front().date, p.requested_on(), p.active_since(),
                    p.locked ? "yes" : "no"});
  }
  return table;
}

SheetTable monitoring_table(const Workspace& ws, const std::string& scheme_id, const std::string& today) {
  SheetTable table;
  table.name = "Monitoring";
  table.columns = {text_column("Pairing id"), text_column("Mentor email"), text_column("Mentee email"), text_column("Status"), date_column("Since"),
                   number_column("Days waiting for response"), number_column("Meetings"), number_column("Minutes"),
                   text_column("Agreement signed"), number_column("Objectives"), number_column("Objectives achieved"), text_column("On track"),
                   text_column("Reason"), text_column("Source")};
  for (const auto& p : ws.pairings_of_scheme(scheme_id)) {
    const Scheme* s = ws.find<Scheme>(p.scheme_id);
    std::string waiting;
    if (p.status() == PairingStatus::requested || p.status() == PairingStatus::no_response)
      if (auto d = days_between(p.requested_on(), today)) waiting = std::to_string(*d);
    const auto meetings = ws.meetings_of(p.meta.id);
    auto report_it = ws.progress_reports().find(p.meta.id);
    const ProgressReport* report = report_it == ws.progress_reports().end() ? nullptr : &report_it->second;
    std::string source = "own records";
    int count = 0, minutes = 0, objectives = 0, achieved = 0;
    bool signed_agreement = false;
    std::string on_track, reason;
    if (meetings.empty() && report) {
      source = "progress report of " + report->generated_on;
      count = report->meeting_count;
      minutes = report->total_minutes;
      signed_agreement = report->agreement_signed;
      objectives = static_cast<int>(report->objectives.size());
      for (const auto& o : report->objectives) achieved += o.status == ObjectiveStatus::achieved;
      on_track = enum_to_string(kExpectationStatusNames, report->expectation);
      // Recompute the reasons from the report's dated meeting lengths.
      if (s) {
        std::vector<Meeting> rebuilt;
        for (const auto& m : report->meetings) {
          Meeting x;
          x.pairing_id = p.meta.id;
          x.date = m.date;
          x.length_minutes = m.length_minutes;
          rebuilt.push_back(x);
        }
        const auto r = check_expectations(*s, p, rebuilt, today);
        on_track = enum_to_string(kExpectationStatusNames, r.status);
        reason = join(r.reasons);
      }
    } else {
      count = static_cast<int>(meetings.size());
      for (const auto& m : meetings) minutes += m.length_minutes;
      const Agreement* a = ws.agreement_of(p.meta.id);
      signed_agreement = a && a->is_agreed_by_both();
      for (const auto& o : ws.objectives_of(p.meta.id)) {
        ++objectives;
        achieved += o.status == ObjectiveStatus::achieved;
      }
      if (s) {
        const auto r = check_expectations(*s, p, meetings, today);
        on_track = enum_to_string(kExpectationStatusNames, r.status);
        reason = join(r.reasons);
      }
    }
    table.rows.push_back({p.meta.id, p.mentor_email, p.mentee_email, to_string(p.status()), p.status_since(), waiting,
                    std::to_string(count), std::to_string(minutes), signed_agreement ? "yes" : "no",
                    std::to_string(objectives), std::to_string(achieved), on_track, reason, source});
  }
  return table;
}

std::string table_csv(const SheetTable& table) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size() + 1);
  rows.emplace_back();
  for (const SheetColumn& c : table.columns) rows.back().push_back(c.header);
  rows.insert(rows.end(), table.rows.begin(), table.rows.end());
  return write_csv(rows);
}

std::string import_history_csv(const Workspace& ws) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"Imported at", "Files", "What", "File", "Row", "Name", "E-mail", "Details"});
  for (const auto& r : ws.import_history()) {
    std::string files;
    for (const auto& f : r.files) files += (files.empty() ? "" : "; ") + f.name + " (" + f.layout + ")";
    rows.push_back({r.imported_at, files, "import", "", "", "", "",
                    std::to_string(r.new_records) + " new, " + std::to_string(r.updated_records) + " updated, " +
                        std::to_string(r.unchanged_records) + " unchanged"});
    for (const auto& l : r.left_out)
      rows.push_back({r.imported_at, files, "left out", l.file, std::to_string(l.row), l.name, l.email, l.reason});
    for (const auto& x : r.resubmissions)
      rows.push_back({r.imported_at, files, "resubmission", x.file, std::to_string(x.kept_row), "", x.email, x.describe()});
    for (const auto& n : r.notes) rows.push_back({r.imported_at, files, "note", "", "", "", "", n});
    for (const auto& m : r.missing) {
      std::string fields;
      for (const auto& f : m.fields) fields += (fields.empty() ? "" : ", ") + f;
      rows.push_back({r.imported_at, files, "missing required answers", "", "", m.name, m.email, fields});
    }
  }
  return write_csv(rows);
}

std::string participants_csv(const Workspace& ws, const std::string& scheme_id) {
  return table_csv(participants_table(ws, scheme_id));
}
std::string pairings_csv(const Workspace& ws, const std::string& scheme_id) {
  return table_csv(pairings_table(ws, scheme_id));
}
std::string monitoring_csv(const Workspace& ws, const std::string& scheme_id, const std::string& today) {
  return table_csv(monitoring_table(ws, scheme_id, today));
}
std::string participants_xlsx(const Workspace& ws, const std::string& scheme_id) {
  return write_xlsx(participants_table(ws, scheme_id));
}
std::string pairings_xlsx(const Workspace& ws, const std::string& scheme_id) {
  return write_xlsx(pairings_table(ws, scheme_id));
}
std::string monitoring_xlsx(const Workspace& ws, const std::string& scheme_id, const std::string& today) {
  return write_xlsx(monitoring_table(ws, scheme_id, today));
}

}  // namespace pairwise
