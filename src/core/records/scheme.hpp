#pragma once
// A mentoring scheme: what it offers, how people are matched, and what a pairing is expected to do.
#include <string>
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
  bool online = false;               // meetings expected to be online / virtual
  bool operator==(const MeetingExpectations&) const = default;
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

  bool operator==(const Scheme&) const = default;
};

Json encode(const Scheme& scheme);
void decode(const JsonReader& in, Scheme& scheme);

// The five seed schemes as editable starting points.
enum class SchemePreset { cochrane_kt, ikt, kind, coproduction, mrc_ctu_lmic };
Scheme make_preset(SchemePreset preset, IdGenerator& ids, const Clock& clock);
std::vector<Scheme> all_presets(IdGenerator& ids, const Clock& clock);

// Which required intake fields an application leaves empty (IKT only needs e-mail, role and
// its three criteria; other schemes ask for more).
std::vector<std::string> missing_intake_fields(const Scheme& scheme, const Person& person);

}  // namespace pairwise
