#pragma once
// A mentor-mentee pairing and its lifecycle, an explicit state machine with a dated history:
//   proposed -> requested -> accepted | declined | no_response;  no_response -> requested (escalated,
//   sent again) | accepted | declined;  accepted -> active;  active -> completed;
//   proposed/requested/no_response/accepted/active -> withdrawn (either side, without fault).
#include <optional>
#include <string>
#include <vector>

#include "core/records/record_meta.hpp"
#include "core/result.hpp"

namespace pairwise {

enum class PairingStatus { proposed, requested, accepted, declined, no_response, active, completed, withdrawn };
inline constexpr EnumNames<PairingStatus, 8> kPairingStatusNames{{{PairingStatus::proposed, "proposed"},
                                                                  {PairingStatus::requested, "requested"},
                                                                  {PairingStatus::accepted, "accepted"},
                                                                  {PairingStatus::declined, "declined"},
                                                                  {PairingStatus::no_response, "no_response"},
                                                                  {PairingStatus::active, "active"},
                                                                  {PairingStatus::completed, "completed"},
                                                                  {PairingStatus::withdrawn, "withdrawn"}}};

// Who caused a change: withdrawal may come from either side, a decline only from the mentor.
enum class Actor { coordinator, mentor, mentee, system };
inline constexpr EnumNames<Actor, 4> kActorNames{{{Actor::coordinator, "coordinator"},
                                                  {Actor::mentor, "mentor"},
                                                  {Actor::mentee, "mentee"},
                                                  {Actor::system, "system"}}};

struct StatusChange {
  PairingStatus status = PairingStatus::proposed;
  std::string date;  // YYYY-MM-DD
  Actor by = Actor::coordinator;
  std::string reason;  // optional free text (a mentor may decline without a reason: IKT)
  bool operator==(const StatusChange&) const = default;
};

// How a pairing came about: proposed by matching (or the coordinator), or a mentor's expression
// of interest in a mentee's posted project request (KIND).
enum class PairingOrigin { matching, mentor_interest };
inline constexpr EnumNames<PairingOrigin, 2> kPairingOriginNames{
    {{PairingOrigin::matching, "matching"}, {PairingOrigin::mentor_interest, "mentor_interest"}}};

// A request left unanswered and passed on (IKT: to the mentoring supervisor).
struct Escalation {
  std::string date;
  std::string to;  // who it went to, e.g. "mentoring supervisor <sup@ikt.org>"
  bool operator==(const Escalation&) const = default;
};

struct Pairing {
  static constexpr const char* kStore = "pairings";
  RecordMeta meta;
  std::string scheme_id;
  std::string mentor_email;
  std::string mentee_email;
  std::vector<StatusChange> history;  // never empty for a valid pairing; first entry is "proposed"
  bool locked = false;                // the coordinator fixed this pair for matching re-runs
  std::string score_explanation;      // from matching, shown to the coordinator
  PairingOrigin origin = PairingOrigin::matching;
  std::string introduced_on;          // KIND: the coordinator put them in touch (date)
  std::vector<Escalation> escalations;

  PairingStatus status() const;
  std::string status_since() const;  // date of the latest change
  // Date this pairing first became active, or "" if it never did.
  std::string active_since() const;
  std::string requested_on() const;  // date of the latest request
  bool operator==(const Pairing&) const = default;
};

Pairing make_pairing(RecordMeta meta, std::string scheme_id, std::string mentor_email, std::string mentee_email,
                     std::string proposed_on);

std::string to_string(PairingStatus status);
bool is_final(PairingStatus status);
// The pairing takes one of its mentor's places and the mentee is spoken for: proposed, requested,
// accepted or active. A request left without response frees both (matching may try again).
bool holds_mentor_place(PairingStatus status);
bool can_transition(PairingStatus from, PairingStatus to);
std::vector<PairingStatus> allowed_next(PairingStatus from);

struct TransitionRequest {
  PairingStatus to = PairingStatus::requested;
  std::string date;
  Actor by = Actor::coordinator;
  std::string reason;
  // Required for no_response: the scheme's number of days a mentor has to answer.
  int no_response_days = 0;
};

// Refuses, with a message, any move the lifecycle does not allow (wrong order, a date earlier
// than the last change, "no response" before the scheme's waiting time, declines by a mentee).
Outcome transition(Pairing& pairing, const TransitionRequest& request);

// Requested pairings whose mentor has not answered within `no_response_days` by `today`.
bool is_awaiting_response_too_long(const Pairing& pairing, const std::string& today, int no_response_days);

// A step the coordinator may record for a pairing (the Pairings screen's buttons): one of
// allowed_next(), recorded as taken by `by` with `reason`.
struct PairingStep {
  PairingStatus to = PairingStatus::requested;
  Actor by = Actor::coordinator;  // the mentor's answer is recorded as the mentor's, on their behalf
  std::string reason;             // "asked again" for a request repeated after no response
  bool ends = false;              // completes or withdraws the pairing: cannot be undone, so asked first
  bool operator==(const PairingStep&) const = default;
};
// The steps open today, in allowed_next()'s order: "no response" only once the scheme's waiting
// time has passed, so the screen never offers a step transition() would refuse for its timing.
std::vector<PairingStep> coordinator_steps(const Pairing& pairing, const std::string& today, int no_response_days);

Json encode(const Pairing& pairing);
void decode(const JsonReader& in, Pairing& pairing);

}  // namespace pairwise
