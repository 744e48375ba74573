#pragma once
// A mentoring scheme: what it offers, how people are matched, and what a pairing is expected to do.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/csv/column_mapping.hpp"
#include "core/records/person.hpp"
#include "core/records/record_meta.hpp"

namespace pairwise {

enum class MatchingMode { coordinator, mentor_picks_requests, cohort_variation };
inline constexpr EnumNames<MatchingMode, 3> kMatchingModeNames{
    {{MatchingMode::coordinator, "coordinator"},
     {MatchingMode::mentor_picks_requests, "mentor_picks_requests"},
     {MatchingMode::cohort_variation, "cohort_variation"}}};

// Criterion keys the matching engine understands: "topics", "geography", "timezone", "language",
// "experience", "face_to_face"; hard rules: "capacity", "same_organisation", "line_management".
struct MatchingCriterion {
  std::string key;
  double weight = 1.0;
  bool hard_rule = false;
  bool operator==(const MatchingCriterion&) const = default;
};

// Zero means "no expectation" for every number here.
struct MeetingExpectations {
  int meetings_total = 0;            // Co-production: 3 over the scheme
  int min_meeting_minutes = 0;       // Co-production: at least 30 minutes each
  int monthly_minutes_min = 0;       // Cochrane: 60..90 minutes a month
  int monthly_minutes_max = 0;
  int meetings_per_year = 0;         // MRC CTU LMIC: at least two a year
  // Meetings are expected online / virtual. With meetings_per_year set, only video and phone
  // meetings count towards it (MRC CTU LMIC: "meet online at least twice per year").
  bool online = false;
  // MRC CTU LMIC: a short getting-to-know-you first meeting (e.g. 30 minutes), after which either
  // side may decide not to continue, without the ending feedback a later ending needs.
  int first_meeting_minutes = 0;
  bool either_may_stop_after_first_meeting = false;
  bool operator==(const MeetingExpectations&) const = default;
};

// Who a request goes to when a mentor does not answer in time (IKT: "mentees are invited to
// contact the mentoring supervisor").
struct EscalationContact {
  std::string role;  // e.g. "mentoring supervisor"
  std::string name;
  std::string email;
  bool operator==(const EscalationContact&) const = default;
  bool empty() const { return role.empty() && name.empty() && email.empty(); }
  std::string describe() const;  // "mentoring supervisor <sup@ikt.org>"
};

// KIND: "successful project proposals should be short and precise": every answer of the project
// form present, none too long, and none matching a kind of request the scheme turns away.
// Zero disables a limit.
struct ProjectRequestRules {
  bool required = false;             // mentees must post a project request
  int min_words_per_answer = 0;      // "precise": more than a word or two
  int max_words_per_answer = 0;      // "short"
  int max_words_total = 0;
  // Phrases naming requests the scheme says are not a good fit, each with the reason shown,
  // e.g. {"teach me how to", "open-ended projects aren't a good fit for 8 weeks"}.
  struct Phrase {
    std::string phrase;
    std::string reason;
    bool operator==(const Phrase&) const = default;
  };
  std::vector<Phrase> unsuitable_phrases;
  bool operator==(const ProjectRequestRules&) const = default;
};

// Cochrane: "select projects for geographical, topic and cultural variation". `matching_group`
// is the cohort goal the matcher maximises in cohort_variation mode (one bonus per covered
// group); `selection` lists the dimensions select_for_spread() covers.
struct CohortSpreadGoal {
  std::string matching_group = "region";  // "region" or "country"
  int bonus = 200;                        // matcher points per covered group
  std::vector<std::string> selection = {"geography", "topics", "languages"};
  bool operator==(const CohortSpreadGoal&) const = default;
};

struct IntakeField {
  std::string key;  // an application field key, see application_field_keys()
  bool required = false;
  bool operator==(const IntakeField&) const = default;
};

struct EmailPair {
  std::string mentor_email;
  std::string mentee_email;
  bool operator==(const EmailPair&) const = default;
};

struct Scheme {
  static constexpr const char* kStore = "schemes";
  RecordMeta meta;
  std::string name;
  std::string description;
  std::vector<Role> roles_offered;
  std::vector<MatchingCriterion> criteria;
  std::vector<std::string> topics;
  int duration_weeks_min = 0;
  int duration_weeks_max = 0;
  MeetingExpectations expectations;
  int feedback_every_months = 0;  // IKT: 6
  MatchingMode matching_mode = MatchingMode::coordinator;
  int no_response_days = 14;
  std::vector<IntakeField> intake_fields;
  std::vector<std::string> preparation_questions;
  ColumnMapping csv_mapping;
  std::vector<EmailPair> forbidden_pairs;
  std::vector<EmailPair> locked_pairs;
  std::string starts_on;  // date, optional

  // ---- rules from the seed documents; every one is optional and off by default ----
  int duration_months_min = 0;  // Cochrane: 6..9 months (when set, used instead of weeks)
  int duration_months_max = 0;
  std::string applications_close_on;  // Cochrane: apply by 30 September
  std::string decisions_by;           // Cochrane: decisions by the end of October
  EscalationContact escalate_to;      // IKT: the mentoring supervisor
  // IKT: a mentor with this many unanswered requests shows a consistent lack of response and is
  // offered removal from the list (0 = never flagged).
  int unresponsive_mentor_threshold = 0;
  ProjectRequestRules project_request;  // KIND
  // KIND (v6): where mentors find the board of open requests the coordinator publishes, relative
  // to the app's own site (e.g. "request-board.json" next to index.html); "" when not published.
  std::string request_board_url;
  bool agreement_before_active = false;  // KIND: both sign the contract before mentoring starts
  bool preparation_before_first_meeting = false;  // Co-production: the mentee's questions
  std::string meeting_template;  // "review_togrow" (Co-production) or "" for free notes
  bool objectives_smart = false;  // MRC CTU LMIC: objectives are expected to be SMART
  bool feedback_on_ending = false;  // MRC CTU LMIC: both give feedback to the team on ending
  CohortSpreadGoal cohort_spread;   // Cochrane

  bool operator==(const Scheme&) const = default;
};

// The expected length of a pairing in days (months count as 30.44 days), from the scheme's
// months if set, else its weeks; 0 when the scheme sets none.
int scheme_duration_days_min(const Scheme& scheme);
int scheme_duration_days_max(const Scheme& scheme);

inline constexpr const char* kMeetingTemplateReviewToGrow = "review_togrow";

Json encode(const Scheme& scheme);
void decode(const JsonReader& in, Scheme& scheme);

// The five seed schemes as editable starting points. Each is the scheme document
// assets/presets/<preset_key>.json, embedded at build time (src/core/presets/presets.cpp); every
// call gives a fresh id and times.
enum class SchemePreset { cochrane_kt, ikt, kind, coproduction, mrc_ctu_lmic };
Scheme make_preset(SchemePreset preset, IdGenerator& ids, const Clock& clock);
std::vector<Scheme> all_presets(IdGenerator& ids, const Clock& clock);

// Which required intake fields an application leaves empty (IKT only needs e-mail, role and
// its three criteria; other schemes ask for more).
std::vector<std::string> missing_intake_fields(const Scheme& scheme, const Person& person);

// Whether the scheme's application form asks this question (a scheme that lists no intake fields
// asks them all). The applicant screen shows exactly these.
bool form_asks(const Scheme& scheme, std::string_view key);
// The application as the form asked it: answers to questions the form does not ask, or asks only
// of the other role (a project for a mentor, a capacity for a mentee, the answers left in the draft
// after switching role), are dropped, so the file records nothing the person was never asked.
Person only_asked_answers(const Scheme& scheme, Person person);

}  // namespace pairwise
