#pragma once
// What the coordinator's screens remember between frames, owned by the Session (Session::screens)
// instead of function statics: a filter, a selection, a pending dialog or a match result belongs
// to one scheme of one workspace, and starts afresh when the scheme changes or the workspace is
// replaced (loaded, restored), so nothing from one shows over another.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/checks/rule_check.hpp"
#include "core/csv/column_mapping.hpp"
#include "core/import/batch_import.hpp"
#include "core/intake/survey_table.hpp"
#include "core/matching/from_records.hpp"
#include "core/matching/matcher.hpp"
#include "core/operations/participant_correction.hpp"
#include "core/reports/monitoring.hpp"
#include "core/reports/participant_list.hpp"

namespace pairwise::app {

// ---- Import ----
struct ImportState {
  std::vector<InputFile> files;
  std::vector<std::string> unreadable;
  bool skip_bad_rows = false;
  bool has_preview = false;
  ImportPreview preview;
  std::optional<ImportPreviewJob> job;  // reading the files, a few per frame
  // The survey export's columns and what each becomes (the first CSV's header; files from the
  // same survey share it).
  std::string csv_file;
  SurveyTool csv_tool = SurveyTool::plain_table;
  std::vector<SurveyColumn> csv_columns;  // the recognised question (and option) of each column
  std::vector<std::string> csv_samples;   // a few distinct answers, to recognise a column by them
  std::optional<ColumnMapping> mapping;
  bool remember_mapping = true;
  std::vector<std::string> keep_rows;  // answers kept over a later resubmission, by the coordinator
};

// ---- Participants ----
// What the table shows (core/reports/participant_list.hpp), rebuilt only when the workspace, the
// filters or the sort order change: with 10,000 people, filtering and sorting every frame would
// make scrolling stutter.
struct ParticipantsView {
  std::string scheme_id;
  std::optional<std::uint64_t> version;
  ParticipantFilter filter;
  ParticipantSort sort;
  ParticipantList list;  // ids, not pointers: an import replaces the workspace's records
};

// The participant the coordinator is correcting, and the answers as edited so far.
struct ParticipantEditor {
  std::string person_id;  // "" = closed
  ParticipantCorrection draft;
  std::string error;
  // A status change being prepared (IKT: a mentor pauses or leaves, a person is removed).
  int new_status = 1;  // index into kPersonStatusNames; "paused" first offered
  std::string status_reason;
  std::string status_error;
};

// The participants changed differently on two devices, found again whenever the workspace changes.
struct ConflictedPeople {
  std::optional<std::uint64_t> version;
  std::vector<std::string> ids;
};

struct ParticipantsState {
  ParticipantFilter filter;
  ParticipantSort sort;
  ParticipantsView view;
  ParticipantEditor editor;
  ConflictedPeople conflicted;
};

// ---- Matching ----
struct MatchingState {
  std::string scheme_id;
  matching::RecordsMatchingInput sent;  // the input of the run on display (or running)
  std::optional<matching::MatchResult> result;
  bool running = false;
  double started_ms = 0;
  std::string error;
  bool out_of_date = false;  // weights, locks or people changed since the run on display
  // The workspace version when the run on display started, and of `preview`: any change to the
  // records since (a weight, a lock, one person's updated answers) makes the run out of date.
  std::uint64_t run_version = 0;
  std::optional<std::uint64_t> preview_version;
  matching::RecordsMatchingInput preview;  // who would be matched now (counts on screen)
  // Rows in the order shown (indices into result->pairs), kept steady across re-runs, and the
  // mentees in that order for the next run.
  std::vector<std::size_t> row_order;
  std::vector<std::string> shown_mentees;
  bool row_order_stale = true;
};

// ---- Pairings ----
// A closing step waiting for the coordinator's confirmation.
struct PendingEnd {
  std::string pairing_id;
  PairingStatus to = PairingStatus::withdrawn;
  std::string reason;
  std::string question;
  bool open = false;  // the dialog opens from the table's rows but lives outside them (popup ids)
};


struct PairingsState {
  PendingEnd end;
  // When each pairing last changed (ImGui time): its buttons settle for a moment after.
  std::map<std::string, double> changed_at;
  // The scheme's rules that need attention, checked again only when a record changed.
  std::string checked_key;
  std::vector<RuleCheck> attention;
};

// ---- Monitoring ----
struct MonitoringState {
  std::string summarized_key;  // summarised again only when a record changed
  MonitoringSummary summary;
};

struct ScreenStates {
  std::string scheme_id;  // the scheme these belong to
  // Counts the fresh starts: the screens the app holds (AppScreens) start afresh when it moves.
  std::uint64_t generation = 0;
  ImportState import;
  ParticipantsState participants;
  MatchingState matching;
  PairingsState pairings;
  MonitoringState monitoring;
};

// Starts every screen afresh for `scheme_id` (a running match is stopped: its result would belong
// to what was left).
void reset_screen_states(ScreenStates& states, const std::string& scheme_id);

}  // namespace pairwise::app
