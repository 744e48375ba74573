#pragma once
// What the mentoring pair's screens remember between frames, held by the app (AppScreens::pair)
// instead of function statics and file globals, and started afresh when the scheme changes or the
// workspace is replaced (loaded, restored), so a half-typed meeting, a pending join or a chosen
// section of one workspace never shows over another.
#include <array>
#include <optional>
#include <string>

#include "app/screens/pair_shared.hpp"
#include "core/documents/documents.hpp"
#include "core/pair/feedback_forms.hpp"
#include "core/pair/pair_member.hpp"

namespace pairwise::app {

// An introduction pack read but not yet applied: the person checks it and says which side they are.
struct PendingJoin {
  std::string file_name;
  PairFilePreview preview;
  IntroductionPack pack;
  std::optional<Role> side;
};

// The pair workspace around its sections.
struct PairWorkspaceState {
  std::optional<PendingJoin> join;
  // The section on display (a tab on a wide screen, a choice on a phone).
  std::string section;
  std::string section_shown;  // the tab the tab bar showed last
};

struct AgreementState {
  RecordDraft<Agreement> draft;
};

struct PreparationState {
  RecordDraft<Person> mentee;
};

struct MeetingsState {
  std::string selected_id;
  ListDetailView panes;
  std::string new_date;
  RecordDraft<Meeting> draft;
};

struct ObjectivesState {
  std::string selected_id;
  ListDetailView panes;
  std::string new_statement;
  RecordDraft<Objective> draft;
};

struct NotesState {
  std::string selected_id;
  ListDetailView panes;
  RecordDraft<PrivateNote> draft;
};

using FeedbackRatings = std::array<int, std::size(kFeedbackRatingQuestions)>;  // 0: not rated yet

struct EndingState {
  std::string pairing_id;
  FeedbackRatings periodic{};
  std::string periodic_comment;
  FeedbackRatings ending{};
  std::string comment;
  std::string withdrawal_reason;
};

// A partner's notebook read but not yet merged.
struct PendingMerge {
  std::string file_name;
  PairFilePreview preview;
};

struct PairFilesState {
  std::optional<PendingMerge> merge;
  std::string last_export;  // what was last downloaded, said under the buttons
};

struct PairScreens {
  PairWorkspaceState workspace;
  AgreementState agreement;
  PreparationState preparation;
  MeetingsState meetings;
  ObjectivesState objectives;
  NotesState notes;
  EndingState ending;
  PairFilesState files;
};

}  // namespace pairwise::app
