#include "core/pair/feedback_forms.hpp"

#include <algorithm>

#include "core/pair/pair_member.hpp"
#include "core/records/timestamps.hpp"

namespace pairwise {
namespace {

Result<ChangeSet> refuse(const std::string& message) { return Result<ChangeSet>::failure("", "", message); }

// Every question of kFeedbackRatingQuestions rated 1..5: "" if so, else what to do.
std::string rating_problem(const std::vector<Rating>& ratings) {
  for (const RatingQuestion& q : kFeedbackRatingQuestions) {
    const auto it = std::find_if(ratings.begin(), ratings.end(), [&](const Rating& r) { return r.key == q.key; });
    if (it == ratings.end() || it->value < 1 || it->value > 5)
      return std::string("rate \"") + q.question + "\" from 1 to 5 first";
  }
  return {};
}

Feedback make_feedback(const Pairing& p, Role side, const std::string& date, bool ending,
                       const std::vector<Rating>& ratings, const std::vector<QuestionAnswer>& comments) {
  Feedback f;
  f.scheme_id = p.scheme_id;
  f.pairing_id = p.meta.id;
  f.from_role = side;
  f.from_email = email_on_side(p, side);
  f.date = date;
  f.end_of_relationship = ending;
  for (const RatingQuestion& q : kFeedbackRatingQuestions)
    for (const Rating& r : ratings)
      if (r.key == q.key) f.ratings.push_back(r);
  for (const QuestionAnswer& c : comments)
    if (!trim(c.answer).empty()) f.comments.push_back(c);
  return f;
}

// `months` calendar months after `date`, on the same day or the month's last day.
std::string add_months(const std::string& date, int months) {
  const auto days = parse_date(date);
  if (!days) return {};
  const CivilDate d = civil_from_days(*days);
  const int index = d.year * 12 + static_cast<int>(d.month) - 1 + months;
  const int year = index / 12;
  const unsigned month = static_cast<unsigned>(index % 12) + 1;
  const unsigned day = std::min(d.day, days_in_month(year, month));
  return format_date(days_from_civil(year, month, day));
}

}  // namespace

Result<ChangeSet> end_with_feedback(Workspace& ws, const std::string& pairing_id, Role side, const std::string& date,
                                    const std::vector<Rating>& ratings, const std::vector<QuestionAnswer>& comments) {
  const Pairing* p = ws.find<Pairing>(pairing_id);
  if (!p) return refuse("no pairing with id " + pairing_id);
  if (!is_valid_date(date)) return refuse("the date \"" + date + "\" is not a date like 2024-05-31");
  if (const std::string problem = rating_problem(ratings); !problem.empty()) return refuse(problem);
  if (ending_feedback_of(ws, pairing_id, side))
    return refuse("you already gave your ending feedback for this mentoring");
  const PairingStatus status = p->status();
  const bool completes = status == PairingStatus::active;
  if (!completes && status != PairingStatus::completed && status != PairingStatus::withdrawn)
    return refuse("the mentoring is " + to_string(status) + ": ending feedback comes once you have started meeting");
  TransitionRequest request{PairingStatus::completed, date, side == Role::mentor ? Actor::mentor : Actor::mentee, "", 0};
  if (completes) {
    Pairing trial = *p;
    if (Outcome ok = transition(trial, request); !ok) return refuse(ok.message());
  }
  auto saved = ws.save(make_feedback(*p, side, date, true, ratings, comments));
  if (!saved) return saved;
  ChangeSet changes = saved.value();
  if (completes) {
    auto moved = ws.transition_pairing(pairing_id, request);
    if (!moved) return moved;  // checked above; kept for safety
    changes.append(moved.value());
  }
  return changes;
}

const Feedback* ending_feedback_of(const Workspace& ws, const std::string& pairing_id, Role side) {
  for (const auto& [id, f] : ws.feedback())
    if (f.pairing_id == pairing_id && f.end_of_relationship && f.from_role == side) return &f;
  return nullptr;
}

PeriodicFeedbackDue periodic_feedback_due(const Workspace& ws, const std::string& pairing_id, Role side,
                                          const std::string& today) {
  PeriodicFeedbackDue out;
  const Pairing* p = ws.find<Pairing>(pairing_id);
  const Scheme* s = p ? ws.find<Scheme>(p->scheme_id) : nullptr;
  if (!s || s->feedback_every_months <= 0) return out;
  const std::string start = p->active_since();
  if (start.empty() || is_final(p->status())) return out;
  const int every = s->feedback_every_months;
  // Bounded: a pairing active for a century still stops counting.
  while (out.round < 1200) {
    const std::string due = add_months(start, (out.round + 1) * every);
    if (due.empty() || due > today) {
      out.next = due;
      break;
    }
    out.since = due;
    ++out.round;
  }
  if (out.round == 0) return out;
  out.due = true;
  for (const Feedback& f : ws.feedback_of(pairing_id))
    if (!f.end_of_relationship && f.from_role == side && f.date >= out.since) out.due = false;
  return out;
}

Result<ChangeSet> give_periodic_feedback(Workspace& ws, const std::string& pairing_id, Role side, const std::string& date,
                                         const std::vector<Rating>& ratings, const std::vector<QuestionAnswer>& comments) {
  const Pairing* p = ws.find<Pairing>(pairing_id);
  if (!p) return refuse("no pairing with id " + pairing_id);
  if (!is_valid_date(date)) return refuse("the date \"" + date + "\" is not a date like 2024-05-31");
  const PeriodicFeedbackDue due = periodic_feedback_due(ws, pairing_id, side, date);
  if (!due.due)
    return refuse(due.next.empty() ? "this scheme asks for no periodic feedback now"
                                   : "no feedback is due now: the next falls due on " + due.next);
  if (const std::string problem = rating_problem(ratings); !problem.empty()) return refuse(problem);
  return ws.save(make_feedback(*p, side, date, false, ratings, comments));
}

}  // namespace pairwise
