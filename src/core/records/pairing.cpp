#include "core/records/pairing.hpp"

#include <algorithm>

namespace pairwise {

PairingStatus Pairing::status() const { return history.empty() ? PairingStatus::proposed : history.back().status; }

std::string Pairing::status_since() const { return history.empty() ? std::string() : history.back().date; }

std::string Pairing::active_since() const {
  for (const auto& h : history)
    if (h.status == PairingStatus::active) return h.date;
  return std::string();
}

std::string Pairing::requested_on() const {
  for (auto it = history.rbegin(); it != history.rend(); ++it)
    if (it->status == PairingStatus::requested) return it->date;
  return std::string();
}

Pairing make_pairing(RecordMeta meta, std::string scheme_id, std::string mentor_email, std::string mentee_email,
                     std::string proposed_on) {
  Pairing p;
  p.meta = std::move(meta);
  p.scheme_id = std::move(scheme_id);
  p.mentor_email = std::move(mentor_email);
  p.mentee_email = std::move(mentee_email);
  p.history.push_back(StatusChange{PairingStatus::proposed, std::move(proposed_on), Actor::coordinator, ""});
  return p;
}

std::string to_string(PairingStatus status) { return enum_to_string(kPairingStatusNames, status); }

bool is_final(PairingStatus s) {
  return s == PairingStatus::declined || s == PairingStatus::completed || s == PairingStatus::withdrawn;
}

bool holds_mentor_place(PairingStatus s) {
  return s == PairingStatus::proposed || s == PairingStatus::requested || s == PairingStatus::accepted ||
         s == PairingStatus::active;
}

std::vector<PairingStatus> allowed_next(PairingStatus from) {
  using S = PairingStatus;
  switch (from) {
    case S::proposed: return {S::requested, S::withdrawn};
    case S::requested: return {S::accepted, S::declined, S::no_response, S::withdrawn};
    case S::no_response: return {S::accepted, S::declined, S::requested, S::withdrawn};
    case S::accepted: return {S::active, S::withdrawn};
    case S::active: return {S::completed, S::withdrawn};
    case S::declined:
    case S::completed:
    case S::withdrawn: return {};
  }
  return {};
}

bool can_transition(PairingStatus from, PairingStatus to) {
  const auto next = allowed_next(from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

Outcome transition(Pairing& pairing, const TransitionRequest& r) {
  const PairingStatus from = pairing.status();
  if (!can_transition(from, r.to)) {
    std::string msg = "cannot move a pairing from \"" + to_string(from) + "\" to \"" + to_string(r.to) + "\"";
    const auto next = allowed_next(from);
    if (next.empty()) {
      msg += ": \"" + to_string(from) + "\" is final";
    } else {
      msg += "; allowed next: ";
      for (std::size_t i = 0; i < next.size(); ++i) msg += (i ? ", " : "") + to_string(next[i]);
    }
    return Outcome::failure(msg);
  }
  if (!is_valid_date(r.date)) return Outcome::failure("the date \"" + r.date + "\" is not a date like 2024-05-31");
  if (!pairing.history.empty() && r.date < pairing.history.back().date)
    return Outcome::failure("the date " + r.date + " is before the last change (" + pairing.history.back().date + ")");
  if ((r.to == PairingStatus::accepted || r.to == PairingStatus::declined) && r.by == Actor::mentee)
    return Outcome::failure("only the mentor (or the coordinator on their behalf) can accept or decline a request");
  if (r.to == PairingStatus::withdrawn && r.by == Actor::system)
    return Outcome::failure("a withdrawal must come from the mentor, the mentee or the coordinator");
  if (r.to == PairingStatus::no_response) {
    const auto waited = days_between(pairing.requested_on(), r.date);
    if (!waited || *waited < r.no_response_days)
      return Outcome::failure("no response can only be recorded " + std::to_string(r.no_response_days) +
                              " days after the request (requested on " + pairing.requested_on() + ")");
  }
  pairing.history.push_back(StatusChange{r.to, r.date, r.by, r.reason});
  return Outcome::success();
}

bool is_awaiting_response_too_long(const Pairing& pairing, const std::string& today, int no_response_days) {
  if (pairing.status() != PairingStatus::requested) return false;
  const auto waited = days_between(pairing.requested_on(), today);
  return waited && *waited >= no_response_days;
}

std::vector<PairingStep> coordinator_steps(const Pairing& pairing, const std::string& today, int no_response_days) {
  using S = PairingStatus;
  const S from = pairing.status();
  std::vector<PairingStep> steps;
  for (const S to : allowed_next(from)) {
    if (to == S::no_response && !is_awaiting_response_too_long(pairing, today, no_response_days)) continue;
    PairingStep step;
    step.to = to;
    step.by = to == S::accepted || to == S::declined ? Actor::mentor : Actor::coordinator;
    if (to == S::requested && from == S::no_response) step.reason = "asked again";
    step.ends = to == S::completed || to == S::withdrawn;
    steps.push_back(std::move(step));
  }
  return steps;
}

Json encode(const Pairing& p) {
  Json j = Json::object();
  encode_meta(p.meta, j);
  j["scheme_id"] = p.scheme_id;
  j["mentor_email"] = p.mentor_email;
  j["mentee_email"] = p.mentee_email;
  Json h = Json::array();
  for (const auto& c : p.history)
    h.push_back(Json{{"status", to_string(c.status)},
                     {"date", c.date},
                     {"by", enum_to_string(kActorNames, c.by)},
                     {"reason", c.reason}});
  j["history"] = h;
  j["locked"] = p.locked;
  j["score_explanation"] = p.score_explanation;
  j["origin"] = enum_to_string(kPairingOriginNames, p.origin);
  j["introduced_on"] = p.introduced_on;
  Json esc = Json::array();
  for (const auto& e : p.escalations) esc.push_back(Json{{"date", e.date}, {"to", e.to}});
  j["escalations"] = esc;
  return j;
}

void decode(const JsonReader& in, Pairing& p) {
  if (!in.expect_object()) return;
  decode_meta(in, p.meta);
  in.optional("scheme_id", p.scheme_id);
  in.required("mentor_email", p.mentor_email);
  in.required("mentee_email", p.mentee_email);
  in.optional_list<StatusChange>("history", p.history, [](const JsonReader& r, StatusChange& c) {
    r.required_enum("status", c.status, kPairingStatusNames);
    r.required_date("date", c.date);
    r.optional_enum("by", c.by, kActorNames);
    r.optional("reason", c.reason);
  });
  if (p.history.empty()) {
    in.field("history").error("expected at least one status change (\"proposed\")");
  } else {
    // A file must tell a story the state machine could have produced.
    for (std::size_t i = 1; i < p.history.size(); ++i) {
      if (!can_transition(p.history[i - 1].status, p.history[i].status))
      {
        std::string where = in.path();
        where += ".history[" + std::to_string(i) + "]";
        std::string message = "\"" + to_string(p.history[i - 1].status);
        message += "\" cannot be followed by \"" + to_string(p.history[i].status) + "\"";
        in.error_at(where, message);
      }
    }
  }
  in.optional("locked", p.locked);
  in.optional("score_explanation", p.score_explanation);
  in.optional_enum("origin", p.origin, kPairingOriginNames);
  in.optional_date("introduced_on", p.introduced_on);
  in.optional_list<Escalation>("escalations", p.escalations, [](const JsonReader& r, Escalation& e) {
    r.required_date("date", e.date);
    r.optional("to", e.to);
  });
}

}  // namespace pairwise
