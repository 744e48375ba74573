#include "core/checks/scheme_rules.hpp"

#include <algorithm>

#include "core/checks/expectations.hpp"
#include "core/checks/project_request.hpp"
#include "core/checks/smart.hpp"

namespace pairwise {

namespace {

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : separator) + i;
  return out;
}

bool is_ended(PairingStatus s) { return s == PairingStatus::completed || s == PairingStatus::withdrawn; }

// A pairing past the request stage: the mentee has had a decision.
bool has_gone_ahead(PairingStatus s) {
  return s == PairingStatus::requested || s == PairingStatus::no_response || s == PairingStatus::accepted ||
         s == PairingStatus::active || s == PairingStatus::completed;
}

std::string escalation_target(const Scheme& s) {
  return s.escalate_to.empty() ? std::string("the coordinator") : s.escalate_to.describe();
}

std::string duration_text(const Scheme& s) {
  if (s.duration_months_min > 0 || s.duration_months_max > 0) {
    if (s.duration_months_min == s.duration_months_max || s.duration_months_max == 0)
      return std::to_string(s.duration_months_min) + " months";
    return std::to_string(s.duration_months_min) + "-" + std::to_string(s.duration_months_max) + " months";
  }
  if (s.duration_weeks_min == s.duration_weeks_max || s.duration_weeks_max == 0)
    return std::to_string(s.duration_weeks_min) + " weeks";
  return std::to_string(s.duration_weeks_min) + "-" + std::to_string(s.duration_weeks_max) + " weeks";
}

std::string smart_issue_name(SmartIssueKind k) {
  switch (k) {
    case SmartIssueKind::no_statement: return "no statement";
    case SmartIssueKind::no_measure: return "no measure";
    case SmartIssueKind::no_due_date: return "no due date";
    case SmartIssueKind::due_date_past: return "due date passed";
    case SmartIssueKind::vague_wording: return "vague wording";
  }
  return std::string();
}

void check_response(const Scheme& s, const Pairing& p, const std::string& today, std::vector<RuleCheck>& out) {
  const PairingStatus st = p.status();
  if (st == PairingStatus::requested) {
    const auto waited = days_between(p.requested_on(), today).value_or(0);
    if (waited >= s.no_response_days)
      out.push_back({"response", RuleStatus::not_met,
                     "no response from the mentor " + std::to_string(waited) + " days after the request of " +
                         p.requested_on() + " (" + std::to_string(s.no_response_days) +
                         " allowed): record \"no response\", which escalates it to " + escalation_target(s)});
    else
      out.push_back({"response", RuleStatus::pending,
                     "requested on " + p.requested_on() + "; the mentor has " +
                         std::to_string(s.no_response_days - waited) +
                         " more day(s) to accept or decline (a decline needs no reason)"});
  } else if (st == PairingStatus::no_response) {
    std::string msg = "no response from the mentor within " + std::to_string(s.no_response_days) + " days";
    if (!p.escalations.empty())
      msg += "; escalated to " + p.escalations.back().to + " on " + p.escalations.back().date;
    out.push_back({"response", RuleStatus::not_met, msg});
  } else if (st == PairingStatus::declined) {
    out.push_back({"response", RuleStatus::met, "the mentor declined on " + p.status_since()});
  } else if (st == PairingStatus::accepted || st == PairingStatus::active || st == PairingStatus::completed) {
    for (const auto& h : p.history)
      if (h.status == PairingStatus::accepted) {
        out.push_back({"response", RuleStatus::met, "the mentor accepted on " + h.date});
        break;
      }
  }
}

}  // namespace

std::string add_months(const std::string& date, int months) {
  const auto days = parse_date(date);
  if (!days) return std::string();
  const CivilDate c = civil_from_days(*days);
  const int index = c.year * 12 + static_cast<int>(c.month) - 1 + months;
  const int year = index / 12;
  const unsigned month = static_cast<unsigned>(index % 12) + 1;
  const unsigned day = std::min(c.day, days_in_month(year, month));
  return format_date(days_from_civil(year, month, day));
}

std::vector<FeedbackInvitation> feedback_invitations(const Workspace& ws, const Scheme& s, const Person& person,
                                                     const std::string& today) {
  std::vector<FeedbackInvitation> out;
  if (s.feedback_every_months <= 0) return out;
  const std::string anchor = !s.starts_on.empty() ? s.starts_on : person.applied_on;
  if (anchor.empty()) return out;
  const std::string email = normalize_email(person.email);
  std::vector<std::string> given;
  for (const auto& [id, f] : ws.feedback())
    if (normalize_email(f.from_email) == email) given.push_back(f.date);
  for (int k = 1; k < 1200; ++k) {
    const std::string due = add_months(anchor, k * s.feedback_every_months);
    if (due.empty() || due > today) break;
    const std::string next = add_months(anchor, (k + 1) * s.feedback_every_months);
    const bool answered = std::any_of(given.begin(), given.end(),
                                      [&](const std::string& d) { return d >= due && d < next; });
    out.push_back({person.email, due, answered});
  }
  return out;
}

std::string next_feedback_due(const Scheme& s, const Person& person, const std::string& today) {
  if (s.feedback_every_months <= 0) return std::string();
  const std::string anchor = !s.starts_on.empty() ? s.starts_on : person.applied_on;
  if (anchor.empty()) return std::string();
  for (int k = 1; k < 1200; ++k) {
    const std::string due = add_months(anchor, k * s.feedback_every_months);
    if (due.empty()) break;
    if (due > today) return due;
  }
  return std::string();
}

int unanswered_requests(const Workspace& ws, const std::string& scheme_id, const std::string& mentor_email) {
  int count = 0;
  for (const Pairing& p : ws.pairings_of_scheme(scheme_id)) {
    if (normalize_email(p.mentor_email) != normalize_email(mentor_email)) continue;
    count += std::any_of(p.history.begin(), p.history.end(),
                         [](const StatusChange& h) { return h.status == PairingStatus::no_response; });
  }
  return count;
}

std::vector<RuleCheck> check_pairing_rules(const Workspace& ws, const std::string& pairing_id, const std::string& today) {
  std::vector<RuleCheck> out;
  const Pairing* p = ws.find<Pairing>(pairing_id);
  const Scheme* s = p ? ws.find<Scheme>(p->scheme_id) : nullptr;
  if (!p || !s) return out;
  const PairingStatus st = p->status();
  const auto meetings = ws.meetings_of(pairing_id);
  const std::string start = p->active_since();
  const bool ended = is_ended(st);
  const std::string end = ended ? p->status_since() : today;
  const auto& e = s->expectations;
  const Agreement* agreement = ws.agreement_of(pairing_id);
  const bool signed_by_both = agreement && agreement->is_agreed_by_both();
  const std::string signed_on =
      signed_by_both ? std::max(agreement->mentor_consent.date, agreement->mentee_consent.date) : std::string();

  check_response(*s, *p, today, out);

  if (p->origin == PairingOrigin::mentor_interest) {
    if (p->introduced_on.empty())
      out.push_back({"introduction", RuleStatus::pending,
                     "the mentor expressed interest on " + p->history.front().date +
                         "; the coordinator puts them in touch"});
    else
      out.push_back({"introduction", RuleStatus::met, "introduced by the coordinator on " + p->introduced_on});
  }

  if (s->agreement_before_active) {
    if (signed_by_both)
      out.push_back({"agreement", RuleStatus::met, "the mutual-consent contract was signed by both on " + signed_on});
    else if (!start.empty())
      out.push_back({"agreement", RuleStatus::not_met, "mentoring started on " + start + " without a contract signed by both"});
    else if (st == PairingStatus::accepted)
      out.push_back({"agreement", RuleStatus::pending, "both sign the mutual-consent contract before mentoring starts"});
  } else if (e.either_may_stop_after_first_meeting && !start.empty()) {
    if (signed_by_both)
      out.push_back({"agreement", RuleStatus::met, "the agreement form was completed by both on " + signed_on});
    else if (meetings.size() >= 2)
      out.push_back({"agreement", RuleStatus::not_met,
                     "the relationship continued after the getting-to-know-you meeting without a completed agreement form"});
    else if (!ended)
      out.push_back({"agreement", RuleStatus::pending,
                     "if you continue after the getting-to-know-you meeting, complete the agreement form together"});
  }

  if (e.first_meeting_minutes > 0 && !start.empty()) {
    const std::string after = e.either_may_stop_after_first_meeting ? "; either of you may then decide not to continue" : "";
    if (meetings.empty())
      out.push_back({"first_meeting", RuleStatus::pending,
                     "start with a " + std::to_string(e.first_meeting_minutes) + "-minute getting-to-know-you meeting" + after});
    else
      out.push_back({"first_meeting", RuleStatus::met,
                     "getting-to-know-you meeting on " + meetings.front().date + " (" +
                         std::to_string(meetings.front().length_minutes) + " minutes)" +
                         (meetings.size() == 1 && !ended ? after : "")});
  }

  if (s->preparation_before_first_meeting && !s->preparation_questions.empty() &&
      (!start.empty() || st == PairingStatus::accepted)) {
    const Person* mentee = ws.person_by_email(p->mentee_email);
    std::vector<std::string> unanswered;
    for (std::size_t i = 0; i < s->preparation_questions.size(); ++i) {
      const std::string& q = s->preparation_questions[i];
      bool answered = false;
      if (mentee)
        for (std::size_t j = 0; j < mentee->preparation.size(); ++j) {
          const auto& qa = mentee->preparation[j];
          if ((qa.question == q || (qa.question.empty() && j == i)) && !trim(qa.answer).empty()) answered = true;
        }
      if (!answered) unanswered.push_back("\"" + q + "\"");
    }
    if (unanswered.empty())
      out.push_back({"preparation", RuleStatus::met,
                     "the mentee answered the " + std::to_string(s->preparation_questions.size()) +
                         " preparation question(s)"});
    else if (meetings.empty())
      out.push_back({"preparation", RuleStatus::pending,
                     "before the first meeting the mentee prepares: " + join(unanswered, "; ")});
    else
      out.push_back({"preparation", RuleStatus::not_met,
                     "the first meeting (" + meetings.front().date + ") took place without the mentee's preparation: " +
                         join(unanswered, "; ")});
  }

  if (!start.empty()) {
    const auto r = check_expectations(*s, *p, meetings, today);
    const std::string why = join(r.reasons, "; ");
    if (r.status == ExpectationStatus::on_track) out.push_back({"meetings", RuleStatus::met, why});
    else if (r.status == ExpectationStatus::behind) out.push_back({"meetings", RuleStatus::not_met, why});
  }

  const int min_days = scheme_duration_days_min(*s), max_days = scheme_duration_days_max(*s);
  if (!start.empty() && (min_days > 0 || max_days > 0)) {
    const auto elapsed = days_between(start, end).value_or(0);
    const std::string weeks = std::to_string(elapsed / 7) + " week(s)";
    const std::string scheme_length = "the scheme's " + duration_text(*s);
    if (ended) {
      if (st == PairingStatus::completed && min_days > 0 && elapsed < min_days)
        out.push_back({"duration", RuleStatus::not_met, "completed after " + weeks + ", shorter than " + scheme_length});
      else
        out.push_back({"duration", RuleStatus::met, "ran for " + weeks + " (" + scheme_length + ")"});
    } else if (max_days > 0 && elapsed > max_days) {
      out.push_back({"duration", RuleStatus::not_met,
                     "active for " + weeks + ", past " + scheme_length + " (due to end by " + add_days(start, max_days) +
                         "): complete or end it"});
    } else {
      std::string window = max_days > 0 ? add_days(start, max_days) : std::string();
      if (min_days > 0 && min_days != max_days)
        window = "between " + add_days(start, min_days) + (window.empty() ? "" : " and " + window);
      else if (!window.empty())
        window = "by " + window;
      out.push_back({"duration", RuleStatus::pending, "week " + std::to_string(elapsed / 7 + 1) + " of " +
                                                          scheme_length + "; due to end " + window});
    }
  }

  if (s->objectives_smart && !start.empty()) {
    auto objectives = ws.objectives_of(pairing_id);
    std::stable_sort(objectives.begin(), objectives.end(),
                     [](const Objective& a, const Objective& b) { return a.meta.created_at < b.meta.created_at; });
    std::vector<std::string> problems;
    int achieved = 0;
    for (std::size_t i = 0; i < objectives.size(); ++i) {
      const Objective& o = objectives[i];
      achieved += o.status == ObjectiveStatus::achieved;
      if (o.status == ObjectiveStatus::dropped) continue;
      std::vector<std::string> kinds;
      for (const auto& issue : check_smart(o, today)) kinds.push_back(smart_issue_name(issue.kind));
      if (!kinds.empty())
        problems.push_back("objective " + std::to_string(i + 1) + " of " + std::to_string(objectives.size()) +
                           " is not SMART (" + join(kinds) + ")");
    }
    if (objectives.empty())
      out.push_back({"objectives", meetings.size() >= 2 ? RuleStatus::not_met : RuleStatus::pending,
                     "no objectives yet: set clear SMART objectives for the relationship"});
    else if (!problems.empty())
      out.push_back({"objectives", RuleStatus::not_met, join(problems, "; ")});
    else
      out.push_back({"objectives", RuleStatus::met,
                     std::to_string(objectives.size()) + " SMART objective(s), " + std::to_string(achieved) + " achieved"});
  }

  if (st == PairingStatus::withdrawn) {
    const StatusChange& w = p->history.back();
    out.push_back({"withdrawal", RuleStatus::met,
                   "withdrawn by the " + enum_to_string(kActorNames, w.by) + " on " + w.date + ", without fault"});
  }

  if (s->feedback_on_ending && ended && !start.empty()) {
    if (e.either_may_stop_after_first_meeting && meetings.size() <= 1) {
      out.push_back({"ending_feedback", RuleStatus::met,
                     "ended after the getting-to-know-you meeting: no feedback to the scheme team needed"});
    } else {
      bool from_mentor = false, from_mentee = false;
      for (const Feedback& f : ws.feedback_of(pairing_id)) {
        if (!f.end_of_relationship) continue;
        (f.from_role == Role::mentor ? from_mentor : from_mentee) = true;
      }
      std::vector<std::string> missing;
      if (!from_mentor) missing.push_back("the mentor");
      if (!from_mentee) missing.push_back("the mentee");
      if (missing.empty())
        out.push_back({"ending_feedback", RuleStatus::met, "both gave feedback to the scheme team on ending"});
      else
        out.push_back({"ending_feedback", RuleStatus::not_met,
                       "ended on " + p->status_since() + "; waiting for feedback to the scheme team from " +
                           join(missing, " and ")});
    }
  }
  return out;
}

std::vector<RuleCheck> check_scheme_rules(const Workspace& ws, const std::string& scheme_id, const std::string& today) {
  std::vector<RuleCheck> out;
  const Scheme* s = ws.find<Scheme>(scheme_id);
  if (!s) return out;
  const auto people = ws.people_of_scheme(scheme_id);
  const auto pairings = ws.pairings_of_scheme(scheme_id);

  if (!s->applications_close_on.empty()) {
    std::vector<std::string> late;
    for (const Person& p : people)
      if (!p.applied_on.empty() && p.applied_on > s->applications_close_on) late.push_back(p.email);
    if (!late.empty())
      out.push_back({"applications_close", RuleStatus::not_met,
                     std::to_string(late.size()) + " application(s) after the closing date " + s->applications_close_on +
                         ": " + join(late)});
    else
      out.push_back({"applications_close", today <= s->applications_close_on ? RuleStatus::pending : RuleStatus::met,
                     std::to_string(people.size()) + " application(s); applications close on " + s->applications_close_on});
  }

  if (!s->decisions_by.empty()) {
    std::vector<std::string> undecided;
    for (const Person& person : people) {
      if (person.decision != Decision::pending || person.status == PersonStatus::removed ||
          person.status == PersonStatus::left)
        continue;
      const std::string email = normalize_email(person.email);
      const bool matched = std::any_of(pairings.begin(), pairings.end(), [&](const Pairing& p) {
        return has_gone_ahead(p.status()) &&
               (normalize_email(p.mentee_email) == email || normalize_email(p.mentor_email) == email);
      });
      if (!matched) undecided.push_back(person.email);
    }
    if (undecided.empty())
      out.push_back({"decisions", RuleStatus::met, "every applicant has a decision (due by " + s->decisions_by + ")"});
    else if (today > s->decisions_by)
      out.push_back({"decisions", RuleStatus::not_met,
                     std::to_string(undecided.size()) + " applicant(s) still without a decision after " +
                         s->decisions_by + ": " + join(undecided)});
    else
      out.push_back({"decisions", RuleStatus::pending,
                     std::to_string(undecided.size()) + " applicant(s) to notify of a decision by " + s->decisions_by});
  }

  std::vector<std::string> overdue, escalated;
  bool any_request = false;
  for (const Pairing& p : pairings) {
    any_request = any_request || !p.requested_on().empty();
    if (is_awaiting_response_too_long(p, today, s->no_response_days))
      overdue.push_back(p.mentor_email + " (requested " + p.requested_on() + ", mentee " + p.mentee_email + ")");
    if (p.status() == PairingStatus::no_response && !p.escalations.empty())
      escalated.push_back(p.mentor_email + " (mentee " + p.mentee_email + ") to " + p.escalations.back().to + " on " +
                          p.escalations.back().date);
  }
  if (!overdue.empty())
    out.push_back({"responses", RuleStatus::not_met,
                   std::to_string(overdue.size()) + " request(s) without a response after " +
                       std::to_string(s->no_response_days) + " days, to escalate to " + escalation_target(*s) + ": " +
                       join(overdue, "; ")});
  if (!escalated.empty())
    out.push_back({"escalations", RuleStatus::pending,
                   std::to_string(escalated.size()) + " unanswered request(s) escalated: " + join(escalated, "; ")});
  if (any_request && overdue.empty() && escalated.empty())
    out.push_back({"responses", RuleStatus::met,
                   "every request answered or still within " + std::to_string(s->no_response_days) + " days"});

  if (s->unresponsive_mentor_threshold > 0) {
    std::vector<std::string> flagged;
    for (const Person& person : people) {
      if (!person.is_mentor() || person.status == PersonStatus::removed || person.status == PersonStatus::left) continue;
      const int unanswered = unanswered_requests(ws, scheme_id, person.email);
      int missed_invitations = 0;  // consecutive, most recent first
      const auto invitations = feedback_invitations(ws, *s, person, today);
      for (auto it = invitations.rbegin(); it != invitations.rend() && !it->answered; ++it) ++missed_invitations;
      std::vector<std::string> why;
      if (unanswered >= s->unresponsive_mentor_threshold)
        why.push_back(std::to_string(unanswered) + " unanswered request(s)");
      if (missed_invitations >= s->unresponsive_mentor_threshold)
        why.push_back(std::to_string(missed_invitations) + " unanswered feedback invitation(s) in a row");
      if (!why.empty()) flagged.push_back(person.email + " (" + join(why, ", ") + ")");
    }
    if (flagged.empty())
      out.push_back({"unresponsive_mentors", RuleStatus::met, "no mentor shows a consistent lack of response"});
    else
      out.push_back({"unresponsive_mentors", RuleStatus::not_met,
                     "consistent lack of response: contact them and offer removal from the list: " + join(flagged, "; ")});
  }

  const auto& rules = s->project_request;
  if (rules.required || rules.max_words_per_answer > 0 || rules.max_words_total > 0 || !rules.unsuitable_phrases.empty()) {
    std::vector<std::string> refused;
    int open = 0;
    for (const Person& person : people) {
      if (!person.is_mentee() || person.status != PersonStatus::active) continue;
      const std::string email = normalize_email(person.email);
      const bool placed = std::any_of(pairings.begin(), pairings.end(), [&](const Pairing& p) {
        return normalize_email(p.mentee_email) == email && !is_final(p.status()) && p.status() != PairingStatus::proposed;
      });
      if (placed) continue;
      ++open;
      const auto issues = check_project_request(*s, person.project);
      if (!issues.empty()) refused.push_back(person.email + ": " + issues.front().message +
                                             (issues.size() > 1 ? " (+" + std::to_string(issues.size() - 1) + " more)" : ""));
    }
    if (!refused.empty())
      out.push_back({"project_requests", RuleStatus::not_met,
                     std::to_string(refused.size()) + " request(s) not short and precise: " + join(refused, "; ")});
    else
      out.push_back({"project_requests", RuleStatus::met, std::to_string(open) + " open request(s), all short and precise"});
  }

  if (s->feedback_every_months > 0) {
    std::vector<std::string> waiting;
    std::string next;
    for (const Person& person : people) {
      if (person.status == PersonStatus::removed || person.status == PersonStatus::left) continue;
      const auto invitations = feedback_invitations(ws, *s, person, today);
      if (!invitations.empty() && !invitations.back().answered)
        waiting.push_back(person.email + " (invited " + invitations.back().due_on + ")");
      const std::string n = next_feedback_due(*s, person, today);
      if (!n.empty() && (next.empty() || n < next)) next = n;
    }
    const std::string next_text = next.empty() ? std::string() : "; next invitations on " + next;
    if (waiting.empty())
      out.push_back({"feedback_invitations", RuleStatus::met,
                     "feedback invited every " + std::to_string(s->feedback_every_months) + " months" + next_text});
    else
      out.push_back({"feedback_invitations", RuleStatus::pending,
                     std::to_string(waiting.size()) + " person(s) have not yet answered the latest feedback invitation: " +
                         join(waiting, "; ") + next_text});
  }
  return out;
}

}  // namespace pairwise
