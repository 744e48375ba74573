#include "core/reports/monitoring.hpp"

#include <algorithm>
#include <set>

#include "core/records/timestamps.hpp"

namespace pairwise {
namespace {

// Every month from `first` to `last` inclusive ("2024-01" … "2024-04").
std::vector<std::string> month_range(const std::string& first, const std::string& last) {
  std::vector<std::string> out;
  int year = std::stoi(first.substr(0, 4)), month = std::stoi(first.substr(5, 2));
  const int end_year = std::stoi(last.substr(0, 4)), end_month = std::stoi(last.substr(5, 2));
  while ((year < end_year || (year == end_year && month <= end_month)) && out.size() < 240) {
    char text[8];
    std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    out.emplace_back(text);
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  return out;
}

}  // namespace

MonitoringSummary summarize_progress(const Workspace& workspace, const std::string& scheme_id, const std::string& today) {
  MonitoringSummary out;
  std::map<std::string, std::pair<double, int>> ratings;
  std::set<std::string> reported;
  std::string first_month, last_month;
  for (const auto& [id, report] : workspace.progress_reports()) {
    if (report.scheme_id != scheme_id) continue;
    reported.insert(report.pairing_id);
    PairProgress p;
    p.pairing_id = report.pairing_id;
    p.mentee = workspace.display_name(report.mentee_email);
    p.mentor = workspace.display_name(report.mentor_email);
    p.report_date = report.generated_on;
    p.status = report.status;
    p.meetings = report.meetings;
    std::sort(p.meetings.begin(), p.meetings.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    p.total_minutes = report.total_minutes;
    if (!p.meetings.empty()) {
      const auto days = days_between(p.meetings.back().date, today);
      p.days_since_contact = days ? static_cast<int>(std::max<std::int64_t>(0, *days)) : -1;
      const std::string a = p.meetings.front().date.substr(0, 7), b = p.meetings.back().date.substr(0, 7);
      if (first_month.empty() || a < first_month) first_month = a;
      if (last_month.empty() || b > last_month) last_month = b;
    }
    for (const ObjectiveSummary& o : report.objectives) p.objective_progress.push_back(o.progress_percent);
    p.actions_open = report.actions_open;
    p.actions_done = report.actions_done;
    p.expectation = report.expectation;
    if (p.expectation == ExpectationStatus::on_track) ++out.on_track;
    if (p.expectation == ExpectationStatus::behind) ++out.behind;
    if (p.expectation == ExpectationStatus::not_started) ++out.not_started;
    for (const FeedbackSummary& f : report.feedback)
      for (const Rating& r : f.ratings) {
        ratings[r.key].first += r.value;
        ratings[r.key].second += 1;
      }
    out.pairs.push_back(std::move(p));
  }
  std::sort(out.pairs.begin(), out.pairs.end(), [](const PairProgress& a, const PairProgress& b) {
    // Pairs never met first, then the longest silence: those are the ones to ask after.
    const int x = a.days_since_contact < 0 ? 1 << 30 : a.days_since_contact;
    const int y = b.days_since_contact < 0 ? 1 << 30 : b.days_since_contact;
    return x != y ? x > y : a.mentee < b.mentee;
  });
  if (!first_month.empty()) {
    out.months = month_range(first_month, std::max(last_month, today.substr(0, 7)));
    out.meetings_per_month.assign(out.months.size(), 0);
    for (const PairProgress& p : out.pairs)
      for (const MeetingSummary& m : p.meetings) {
        auto it = std::find(out.months.begin(), out.months.end(), m.date.substr(0, 7));
        if (it != out.months.end()) ++out.meetings_per_month[static_cast<std::size_t>(it - out.months.begin())];
      }
  }
  for (const auto& [key, sum] : ratings) out.feedback.push_back({key, sum.first / sum.second, sum.second});
  for (const Pairing& p : workspace.pairings_of_scheme(scheme_id)) {
    const PairingStage stage = stage_of(p.status());
    ++out.stages.of(stage);
    if (reported.count(p.meta.id)) continue;
    ++out.without_report.of(stage);
    if (stage == PairingStage::accepted || stage == PairingStage::meeting) ++out.pairs_without_report;
  }
  return out;
}

PairingStage stage_of(PairingStatus status) {
  switch (status) {
    case PairingStatus::proposed: return PairingStage::proposed;
    case PairingStatus::requested:
    case PairingStatus::no_response: return PairingStage::requested;  // still waiting for the mentor
    case PairingStatus::accepted: return PairingStage::accepted;
    case PairingStatus::active: return PairingStage::meeting;
    case PairingStatus::declined:
    case PairingStatus::completed:
    case PairingStatus::withdrawn: return PairingStage::ended;
  }
  return PairingStage::ended;
}

std::string describe_missing_reports(const MonitoringSummary& summary) {
  const int accepted = summary.without_report.of(PairingStage::accepted);
  const int meeting = summary.without_report.of(PairingStage::meeting);
  if (accepted == 0 && meeting == 0) return "";
  std::string text;
  if (accepted > 0) text = std::to_string(accepted) + (accepted == 1 ? " pair has accepted" : " pairs have accepted");
  if (meeting > 0) {
    if (!text.empty()) text += " and ";
    text += std::to_string(meeting) + (meeting == 1 ? " pair is meeting" : " pairs are meeting");
  }
  return text + " without sending a progress report yet.";
}

std::string describe_stages(const StageCounts& stages) {
  int total = 0;
  for (int n : stages.counts) total += n;
  std::string text = std::to_string(total) + (total == 1 ? " pairing: " : " pairings: ");
  for (std::size_t i = 0; i < kPairingStageNames.size(); ++i) {
    text += (i ? ", " : "") + std::to_string(stages.counts[i]) + " " + std::string(kPairingStageNames[i].second);
  }
  return text;
}

}  // namespace pairwise
