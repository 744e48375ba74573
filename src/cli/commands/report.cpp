// pairwise report
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kReportHelp =
    "Usage: pairwise report --from BACKUP.json [--scheme ID] [--pairing ID | --mentor E --mentee E]\n"
    "                       [--today YYYY-MM-DD] [--format text|json]\n"
    "Checks the scheme's rules: for one pairing (its progress report with every rule), or for the\n"
    "scheme as a whole and each of its pairings. Text lines read RULE: met|not_met|pending: why.\n";

namespace {

void print_checks(const std::vector<RuleCheck>& checks, const std::string& indent) {
  for (const auto& c : checks)
    std::cout << indent << c.rule << ": " << enum_to_string(kRuleStatusNames, c.status) << ": " << c.message << "\n";
}

}  // namespace

int run_report(const Options& o) {
  if (!o.positional.empty()) return o.usage("report takes no FILE");
  const std::string today = o.get("--today", system_clock().today()), format = o.get("--format", "text");
  if (!is_valid_date(today)) return o.usage("--today must be a date like 2024-05-31");
  if (format != "text" && format != "json") return o.usage("--format is text or json");
  if (!o.has("--from")) return o.usage("report needs --from BACKUP.json");
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  const Workspace& ws = loaded.ws;
  std::string pairing_id;
  if (int rc = pairing_from_options(ws, o, pairing_id); rc != kOk) return rc;
  if (!pairing_id.empty()) {
    auto report = make_progress_report(ws, pairing_id, today);
    if (!report) return std::cerr << "pairwise: " << report.error_text() << "\n", kInvalid;
    if (format == "json") return std::cout << encode(report.value()).dump(2) << "\n", kOk;
    std::cout << "pairing " << pairing_id << ": " << report->mentor_email << " mentoring " << report->mentee_email << ", "
              << to_string(report->status) << "; " << report->meeting_count << " meeting(s), " << report->total_minutes
              << " minutes\n";
    print_checks(report->checks, "  ");
    return kOk;
  }
  const Scheme* scheme = nullptr;
  if (int rc = choose_scheme(ws, o.get("--scheme"), scheme); rc != kOk) return rc;
  const auto scheme_checks = check_scheme_rules(ws, scheme->meta.id, today);
  if (format == "json") {
    Json j = Json::object();
    j["scheme_id"] = scheme->meta.id;
    j["today"] = today;
    j["scheme_checks"] = Json::array();
    for (const auto& c : scheme_checks) j["scheme_checks"].push_back(encode(c));
    j["pairings"] = Json::array();
    for (const Pairing& p : ws.pairings_of_scheme(scheme->meta.id)) {
      Json checks = Json::array();
      for (const auto& c : check_pairing_rules(ws, p.meta.id, today)) checks.push_back(encode(c));
      j["pairings"].push_back(Json{{"pairing_id", p.meta.id}, {"mentor_email", p.mentor_email},
                                   {"mentee_email", p.mentee_email}, {"status", to_string(p.status())}, {"checks", checks}});
    }
    return std::cout << j.dump(2) << "\n", kOk;
  }
  std::cout << scheme->name << " on " << today << "\n";
  print_checks(scheme_checks, "  ");
  for (const Pairing& p : ws.pairings_of_scheme(scheme->meta.id)) {
    std::cout << "pairing " << p.meta.id << ": " << p.mentor_email << " mentoring " << p.mentee_email << ", "
              << to_string(p.status()) << "\n";
    print_checks(check_pairing_rules(ws, p.meta.id, today), "  ");
  }
  return kOk;
}

}  // namespace pairwise::cli
