#include "core/operations/scheme_operations.hpp"

#include <algorithm>

#include "core/documents/documents.hpp"

namespace pairwise {

namespace {

template <class T>
Result<T> refuse(const std::string& message) {
  return Result<T>::failure("", "", message);
}

// Runs `steps` on a copy and keeps it only if every step succeeded.
template <class Steps>
Result<ChangeSet> all_or_nothing(Workspace& ws, Steps steps) {
  Workspace next = ws;
  ChangeSet changes;
  Errors errors;
  steps(next, changes, errors);
  if (!errors.empty()) return errors;
  // Taken in place (Workspace::apply keeps each record's map node), not by replacing the whole
  // workspace: a screen still holding a record for the rest of its frame never reads freed memory.
  return ws.apply(changes);
}

bool step(Result<ChangeSet> r, ChangeSet& changes, Errors& errors) {
  if (!r) {
    errors.insert(errors.end(), r.errors().begin(), r.errors().end());
    return false;
  }
  changes.append(r.value());
  return true;
}

std::string live_pairings_text(PairingStatus s) { return to_string(s); }

}  // namespace

Result<ChangeSet> import_scheme_file(Workspace& ws, std::string_view text, const std::string& file_name) {
  auto parsed = read_document(text, file_name);
  if (!parsed) return parsed.errors();
  if (parsed->kind != DocumentKind::scheme)
    return Result<ChangeSet>::failure(file_name, "$.kind",
                                      "expected a scheme file, got a " + to_string(parsed->kind) + " file");
  Scheme scheme = std::get<SchemeDocument>(parsed->document).scheme;
  if (const Scheme* current = ws.find<Scheme>(scheme.meta.id)) {
    Scheme same_meta = scheme;
    same_meta.meta = current->meta;
    if (same_meta == *current) return ChangeSet{};  // re-importing an unedited file is not a new revision
  }
  auto saved = ws.save(std::move(scheme));  // same id: a new revision of that scheme; else added
  if (!saved) {
    Errors errors = saved.errors();
    for (auto& e : errors) {
      if (e.file.empty()) e.file = file_name;
      if (e.path.rfind("$.", 0) == 0) e.path = "$.scheme" + e.path.substr(1);
    }
    return errors;
  }
  return saved;
}

Result<ChangeSet> set_person_status(Workspace& ws, const std::string& email, PersonStatus status, const std::string& date,
                                    const std::string& reason) {
  const Person* found = ws.person_by_email(email);
  if (!found) return refuse<ChangeSet>("no person with the e-mail " + normalize_email(email));
  if (!is_valid_date(date)) return refuse<ChangeSet>("the date \"" + date + "\" is not a date like 2024-05-31");
  if (found->status == status)
    return refuse<ChangeSet>(found->email + " is already " + enum_to_string(kPersonStatusNames, status));
  if (status == PersonStatus::removed && trim(reason).empty())
    return refuse<ChangeSet>("a removal needs a reason (for example \"abuse: betrayal of confidence\")");
  Person person = *found;
  return all_or_nothing(ws, [&](Workspace& next, ChangeSet& changes, Errors& errors) {
    person.status = status;
    person.status_history.push_back(PersonStatusChange{status, date, reason});
    if (!step(next.save(person), changes, errors)) return;
    const std::string who = normalize_email(person.email);
    for (const Pairing& p : next.pairings_of_scheme(person.scheme_id)) {
      const bool as_mentor = normalize_email(p.mentor_email) == who;
      const bool as_mentee = normalize_email(p.mentee_email) == who;
      if (is_final(p.status()) || (!as_mentor && !as_mentee)) continue;
      std::string why;
      if (status == PersonStatus::removed) {
        why = "the " + std::string(as_mentor ? "mentor" : "mentee") + " was removed from the scheme";
      } else if (status == PersonStatus::left && as_mentor &&
                 (p.status() == PairingStatus::proposed || p.status() == PairingStatus::requested ||
                  p.status() == PairingStatus::no_response)) {
        why = "the mentor left the list";  // their ongoing relationships continue
      } else {
        continue;
      }
      if (!step(next.transition_pairing(p.meta.id, {PairingStatus::withdrawn, date, Actor::coordinator, why, 0}), changes,
                errors))
        return;
    }
  });
}

Result<ChangeSet> record_decision(Workspace& ws, const std::string& email, Decision decision, const std::string& date) {
  const Person* found = ws.person_by_email(email);
  if (!found) return refuse<ChangeSet>("no person with the e-mail " + normalize_email(email));
  if (!is_valid_date(date)) return refuse<ChangeSet>("the date \"" + date + "\" is not a date like 2024-05-31");
  Person person = *found;
  person.decision = decision;
  person.decision_on = decision == Decision::pending ? std::string() : date;
  return ws.save(std::move(person));
}

Result<ChangeSet> express_interest(Workspace& ws, const std::string& scheme_id, const std::string& mentor_email,
                                   const std::string& mentee_email, const std::string& date, const std::string& note) {
  const Scheme* scheme = ws.find<Scheme>(scheme_id);
  if (!scheme) return refuse<ChangeSet>("no scheme with id \"" + scheme_id + "\"");
  if (scheme->matching_mode != MatchingMode::mentor_picks_requests)
    return refuse<ChangeSet>(scheme->name + " does not let mentors pick requests: the coordinator matches");
  if (!is_valid_date(date)) return refuse<ChangeSet>("the date \"" + date + "\" is not a date like 2024-05-31");
  const Person* mentor = ws.person_by_email(mentor_email);
  const Person* mentee = ws.person_by_email(mentee_email);
  if (!mentor || !mentor->is_mentor()) return refuse<ChangeSet>("no mentor with the e-mail " + normalize_email(mentor_email));
  if (!mentee || !mentee->is_mentee()) return refuse<ChangeSet>("no mentee with the e-mail " + normalize_email(mentee_email));
  if (normalize_email(mentor->email) == normalize_email(mentee->email))
    return refuse<ChangeSet>("nobody can mentor their own request");
  if (mentor->status != PersonStatus::active)
    return refuse<ChangeSet>(mentor->email + " is " + enum_to_string(kPersonStatusNames, mentor->status) +
                             " and cannot take on a request");
  if (mentee->status != PersonStatus::active)
    return refuse<ChangeSet>("the request of " + mentee->email + " is closed (" +
                             enum_to_string(kPersonStatusNames, mentee->status) + ")");
  const auto issues = check_project_request(*scheme, mentee->project);
  if (!issues.empty()) {
    std::string msg = "the request of " + mentee->email + " is not short and precise yet:";
    for (const auto& i : issues) msg += "\n  " + i.field + ": " + i.message;
    return refuse<ChangeSet>(msg);
  }
  int load = 0;
  for (const Pairing& p : ws.pairings_of_scheme(scheme_id)) {
    const bool same_mentor = normalize_email(p.mentor_email) == normalize_email(mentor->email);
    const bool same_mentee = normalize_email(p.mentee_email) == normalize_email(mentee->email);
    if (is_final(p.status())) continue;
    if (same_mentor && same_mentee)
      return refuse<ChangeSet>(mentor->email + " has already expressed interest in this request (" +
                               live_pairings_text(p.status()) + ")");
    if (same_mentee && p.status() != PairingStatus::proposed)
      return refuse<ChangeSet>("the request of " + mentee->email + " already has a mentor (" + p.mentor_email + ")");
    if (same_mentor && p.status() != PairingStatus::proposed) ++load;
  }
  if (load >= mentor->capacity)
    return refuse<ChangeSet>(mentor->email + " already mentors " + std::to_string(load) + " of " +
                             std::to_string(mentor->capacity) + " possible mentee(s)");
  Pairing p = make_pairing(ws.new_meta(), scheme_id, mentor->email, mentee->email, date);
  p.history.front().by = Actor::mentor;
  p.history.front().reason = note;
  p.origin = PairingOrigin::mentor_interest;
  return ws.save(std::move(p));
}

Result<ChangeSet> introduce(Workspace& ws, const std::string& pairing_id, const std::string& date) {
  const Pairing* found = ws.find<Pairing>(pairing_id);
  if (!found) return refuse<ChangeSet>("no pairing with id " + pairing_id);
  if (found->origin != PairingOrigin::mentor_interest || found->status() != PairingStatus::proposed)
    return refuse<ChangeSet>("only a mentor's open expression of interest can be introduced (this pairing is " +
                             to_string(found->status()) + ")");
  const Pairing chosen = *found;
  return all_or_nothing(ws, [&](Workspace& next, ChangeSet& changes, Errors& errors) {
    if (!step(next.transition_pairing(pairing_id, {PairingStatus::requested, date, Actor::coordinator,
                                                   "introduced by the coordinator", 0}),
              changes, errors))
      return;
    if (!step(next.transition_pairing(pairing_id, {PairingStatus::accepted, date, Actor::mentor,
                                                   "expressed interest on " + chosen.history.front().date, 0}),
              changes, errors))
      return;
    Pairing introduced = *next.find<Pairing>(pairing_id);
    introduced.introduced_on = date;
    if (!step(next.save(introduced), changes, errors)) return;
    for (const Pairing& other : next.pairings_of_scheme(chosen.scheme_id)) {
      if (other.meta.id == pairing_id || other.status() != PairingStatus::proposed ||
          normalize_email(other.mentee_email) != normalize_email(chosen.mentee_email))
        continue;
      if (!step(next.transition_pairing(other.meta.id, {PairingStatus::withdrawn, date, Actor::coordinator,
                                                        "the mentee was introduced to another mentor", 0}),
                changes, errors))
        return;
    }
  });
}

Result<ChangeSet> withdraw_without_fault(Workspace& ws, const std::string& pairing_id, Actor by, const std::string& date,
                                         const std::string& reason) {
  if (by != Actor::mentor && by != Actor::mentee)
    return refuse<ChangeSet>("the withdrawal form is for the mentor or the mentee");
  return ws.transition_pairing(pairing_id, {PairingStatus::withdrawn, date, by, reason, 0});
}

Result<ChangeSet> stop_after_first_meeting(Workspace& ws, const std::string& pairing_id, Actor by, const std::string& date) {
  const Pairing* p = ws.find<Pairing>(pairing_id);
  if (!p) return refuse<ChangeSet>("no pairing with id " + pairing_id);
  const Scheme* s = ws.find<Scheme>(p->scheme_id);
  if (!s || !s->expectations.either_may_stop_after_first_meeting)
    return refuse<ChangeSet>("this scheme has no getting-to-know-you stage: withdraw or complete the pairing instead");
  if (by != Actor::mentor && by != Actor::mentee) return refuse<ChangeSet>("the mentor or the mentee decides this");
  if (p->status() != PairingStatus::active) return refuse<ChangeSet>("the pairing is " + to_string(p->status()) + ", not active");
  const auto meetings = ws.meetings_of(pairing_id);
  if (meetings.empty())
    return refuse<ChangeSet>("meet first: the decision comes after the getting-to-know-you meeting");
  if (meetings.size() > 1)
    return refuse<ChangeSet>("the getting-to-know-you stage is over (" + std::to_string(meetings.size()) +
                             " meetings): end the relationship and give feedback to the scheme team");
  return ws.transition_pairing(pairing_id, {PairingStatus::withdrawn, date, by,
                                            "decided after the getting-to-know-you meeting not to continue", 0});
}

std::vector<ProjectRequestView> open_project_requests(const Workspace& ws, const std::string& scheme_id) {
  std::vector<ProjectRequestView> out;
  const Scheme* scheme = ws.find<Scheme>(scheme_id);
  if (!scheme) return out;
  const auto pairings = ws.pairings_of_scheme(scheme_id);
  for (const Person& mentee : ws.people_of_scheme(scheme_id)) {
    if (!mentee.is_mentee() || mentee.status != PersonStatus::active || mentee.project.empty()) continue;
    ProjectRequestView view{mentee, check_project_request(*scheme, mentee.project), {}};
    bool placed = false;
    for (const Pairing& p : pairings) {
      if (normalize_email(p.mentee_email) != normalize_email(mentee.email) || is_final(p.status())) continue;
      if (p.status() == PairingStatus::proposed) view.interested_mentors.push_back(p.mentor_email);
      else placed = true;
    }
    if (!placed) out.push_back(std::move(view));
  }
  std::sort(out.begin(), out.end(), [](const ProjectRequestView& a, const ProjectRequestView& b) {
    return a.mentee.applied_on != b.mentee.applied_on ? a.mentee.applied_on < b.mentee.applied_on
                                                      : a.mentee.email < b.mentee.email;
  });
  return out;
}

std::string find_pairing_id(const Workspace& ws, const std::string& mentor_email, const std::string& mentee_email) {
  std::string latest, latest_date;
  for (const auto& [id, p] : ws.pairings()) {
    if (normalize_email(p.mentor_email) != normalize_email(mentor_email) ||
        normalize_email(p.mentee_email) != normalize_email(mentee_email))
      continue;
    if (!is_final(p.status())) return id;
    if (latest.empty() || p.status_since() > latest_date) {
      latest = id;
      latest_date = p.status_since();
    }
  }
  return latest;
}

}  // namespace pairwise
