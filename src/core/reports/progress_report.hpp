#pragma once
// The redacted progress report a pair sends to the coordinator. By construction it holds only
// counts, dates, lengths, statuses, progress and ratings: no type here can carry free text from
// notes, agreements, objectives or feedback comments.
#include <optional>
#include <string>
#include <vector>

#include "core/checks/expectations.hpp"
#include "core/checks/rule_check.hpp"
#include "core/records/pairing.hpp"
#include "core/records/feedback.hpp"
#include "core/records/objective.hpp"
#include "core/records/person.hpp"

namespace pairwise {

struct MeetingSummary {
  std::string date;
  int length_minutes = 0;
  MeetingMode mode = MeetingMode::video;
  bool operator==(const MeetingSummary&) const = default;
};

struct ObjectiveSummary {
  ObjectiveStatus status = ObjectiveStatus::not_started;
  int progress_percent = 0;
  std::string due_date;
  bool smart = false;
  bool operator==(const ObjectiveSummary&) const = default;
};

struct FeedbackSummary {
  Role from_role = Role::mentee;
  std::string date;
  bool end_of_relationship = false;
  std::vector<Rating> ratings;  // rating keys are the scheme's fixed question keys
  bool operator==(const FeedbackSummary&) const = default;
};

struct StatusDate {
  PairingStatus status = PairingStatus::proposed;
  std::string date;
  // v6: who made the change (the mentee who withdrew, the mentor who ended with feedback), so the
  // coordinator's record of a reported ending says who; absent in older reports.
  std::optional<Actor> by;
  bool operator==(const StatusDate&) const = default;
};

struct ProgressReport {
  std::string pairing_id;
  std::string scheme_id;
  std::string mentor_email;
  std::string mentee_email;
  std::string generated_on;  // date
  PairingStatus status = PairingStatus::proposed;
  std::vector<StatusDate> history;  // reasons are free text and are left out
  bool agreement_signed = false;
  std::string agreement_signed_on;
  int meeting_count = 0;
  int total_minutes = 0;
  std::vector<MeetingSummary> meetings;
  int actions_open = 0;
  int actions_done = 0;
  std::vector<ObjectiveSummary> objectives;
  std::vector<FeedbackSummary> feedback;
  ExpectationStatus expectation = ExpectationStatus::not_applicable;
  std::vector<RuleCheck> checks;  // every scheme rule for this pairing (see check_pairing_rules)

  bool operator==(const ProgressReport&) const = default;
};

Json encode(const ProgressReport& report);
void decode(const JsonReader& in, ProgressReport& report);

class Workspace;
// Builds the report for one pairing; an unknown pairing id gives an error.
Result<ProgressReport> make_progress_report(const Workspace& workspace, const std::string& pairing_id,
                                            const std::string& today);

}  // namespace pairwise
