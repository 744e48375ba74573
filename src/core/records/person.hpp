#pragma once
// A person as they apply to a scheme: mentor, mentee or both (IKT lets someone be on both lists).
// The contact e-mail is the identity; see normalize_email().
#include <optional>
#include <string>
#include <vector>

#include "core/records/record_meta.hpp"

namespace pairwise {

enum class Role { mentor, mentee };
inline constexpr EnumNames<Role, 2> kRoleNames{{{Role::mentor, "mentor"}, {Role::mentee, "mentee"}}};

// IKT: mentors can ask to be removed, inactive mentors may be removed, abusive mentees are.
enum class PersonStatus { active, paused, left, removed };
inline constexpr EnumNames<PersonStatus, 4> kPersonStatusNames{{{PersonStatus::active, "active"},
                                                                {PersonStatus::paused, "paused"},
                                                                {PersonStatus::left, "left"},
                                                                {PersonStatus::removed, "removed"}}};

// KIND's project form and Co-production's "what would success look like".
struct MenteeProject {
  std::string what;             // what are you trying to do?
  std::string how;              // how are you trying to do it?
  std::string barriers;         // which barriers do you have?
  std::string mentor_role;      // what do you need a mentor to do?
  std::string success_outcome;  // what outcome would mean success?
  bool operator==(const MenteeProject&) const = default;
  bool empty() const;
};

struct QuestionAnswer {
  std::string question;
  std::string answer;
  bool operator==(const QuestionAnswer&) const = default;
};

// A dated change of a person's status, e.g. a mentor pausing when overloaded or a mentee
// removed for abuse (the reason is required for a removal).
struct PersonStatusChange {
  PersonStatus status = PersonStatus::active;
  std::string date;
  std::string reason;
  bool operator==(const PersonStatusChange&) const = default;
};

// The coordinator's selection decision on an application (Cochrane notifies every applicant by
// a decision date).
enum class Decision { pending, selected, not_selected };
inline constexpr EnumNames<Decision, 3> kDecisionNames{
    {{Decision::pending, "pending"}, {Decision::selected, "selected"}, {Decision::not_selected, "not_selected"}}};

struct Person {
  static constexpr const char* kStore = "people";
  RecordMeta meta;
  std::string scheme_id;
  std::string email;  // identity
  std::string name;
  std::vector<Role> roles;
  std::string country;
  std::string region;
  std::string timezone_name;                // IANA name, e.g. "Europe/London"
  std::optional<int> utc_offset_minutes;    // e.g. 60 for UTC+1; used for time-zone distance
  std::vector<std::string> languages;
  std::vector<std::string> topics;          // areas of activity / scheme topics
  std::optional<int> experience_years;
  std::string career_stage;                 // e.g. "early career", "senior"
  bool face_to_face = false;                // face-to-face meetings possible/wanted
  int capacity = 1;                         // mentors: how many mentees at once
  std::string availability;                 // e.g. "60-90 minutes a month"
  std::string organisation;                 // for conflict-of-interest rules
  std::string line_manager_email;           // line-management conflicts
  MenteeProject project;
  // KIND (v6): the mentee agreed that the project answers and topics are posted on the scheme's
  // request board for mentors to browse (never the name or contact details).
  bool request_published = false;
  std::vector<QuestionAnswer> preparation;  // answers to the scheme's preparation questions
  std::vector<std::string> preferences;     // e-mails in order of preference (rankings)
  PersonStatus status = PersonStatus::active;
  std::string applied_on;                   // date
  std::vector<PersonStatusChange> status_history;  // how `status` came to be, oldest first
  Decision decision = Decision::pending;
  std::string decision_on;                  // date the decision was made

  bool is_mentor() const;
  bool is_mentee() const;
  bool operator==(const Person&) const = default;
};

Json encode(const Person& person);
void decode(const JsonReader& in, Person& person);
// Rules that need more than types: a valid e-mail and at least one role.
void check_person_rules(const JsonReader& in, const Person& person);

}  // namespace pairwise
