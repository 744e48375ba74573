#pragma once
// What the coordinator's Monitoring screen charts, built only from the progress reports pairs
// chose to send (never from their notes): meetings over time, days since last contact, objective
// progress, feedback ratings and whether each pair meets the scheme's expectations.
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

struct MonitoringSummary {
  std::vector<PairProgress> pairs;             // most days since contact first
  std::vector<std::string> months;             // "2024-01" … the months meetings span, in order
  std::vector<int> meetings_per_month;         // across all pairs, one per month
  std::vector<RatingAverage> feedback;         // by question key
  int pairs_without_report = 0;                // live pairings of the scheme that sent nothing yet
  int on_track = 0, behind = 0, not_started = 0;
};

MonitoringSummary summarize_progress(const Workspace& workspace, const std::string& scheme_id, const std::string& today);

}  // namespace pairwise
