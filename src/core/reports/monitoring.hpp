#pragma once
// What the coordinator's Monitoring screen charts, built only from the progress reports pairs
// chose to send (never from their notes): meetings over time, days since last contact, objective
// progress, feedback ratings and whether each pair meets the scheme's expectations.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/workspace.hpp"

namespace pairwise {

struct PairProgress {
  std::string pairing_id;
  std::string mentee;  // name if known to the coordinator, else e-mail
  std::string mentor;
  std::string report_date;              // when the pair generated the report
  PairingStatus status = PairingStatus::proposed;
  std::vector<MeetingSummary> meetings;  // by date
  int total_minutes = 0;
  int days_since_contact = -1;          // from the last meeting to today; -1: no meeting yet
  std::vector<int> objective_progress;  // percent, one per objective
  int actions_open = 0;
  int actions_done = 0;
  ExpectationStatus expectation = ExpectationStatus::not_applicable;
};

struct RatingAverage {
  std::string key;  // question key, e.g. "overall"
  double average = 0;
  int count = 0;
};

// Where a pairing stands, in the words the coordinator uses: a pair is "meeting" only once it is
// active, never while it has merely been accepted.
enum class PairingStage { proposed, requested, accepted, meeting, ended };
inline constexpr EnumNames<PairingStage, 5> kPairingStageNames{{{PairingStage::proposed, "proposed"},
                                                                {PairingStage::requested, "requested"},
                                                                {PairingStage::accepted, "accepted"},
                                                                {PairingStage::meeting, "meeting"},
                                                                {PairingStage::ended, "ended"}}};
PairingStage stage_of(PairingStatus status);

struct StageCounts {
  std::array<int, kPairingStageNames.size()> counts{};
  int& of(PairingStage stage) { return counts[static_cast<std::size_t>(stage)]; }
  int of(PairingStage stage) const { return counts[static_cast<std::size_t>(stage)]; }
};

struct MonitoringSummary {
  std::vector<PairProgress> pairs;             // most days since contact first
  std::vector<std::string> months;             // "2024-01" … the months meetings span, in order
  std::vector<int> meetings_per_month;         // across all pairs, one per month
  std::vector<RatingAverage> feedback;         // by question key
  int pairs_without_report = 0;                // accepted or meeting pairings that sent nothing yet
  StageCounts stages;                          // every pairing of the scheme, by stage
  StageCounts without_report;                  // of those, the ones no progress report came from
  int on_track = 0, behind = 0, not_started = 0;
};

// "2 pair(s) have accepted and 1 is meeting without sending a report yet", or "" when none: says
// "meeting" only of active pairs.
std::string describe_missing_reports(const MonitoringSummary& summary);
// "5 pairings: 1 proposed, 2 requested, 1 accepted, 1 meeting, 0 ended".
std::string describe_stages(const StageCounts& stages);

MonitoringSummary summarize_progress(const Workspace& workspace, const std::string& scheme_id, const std::string& today);

}  // namespace pairwise
