#include "core/matching/accept_proposals.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace pairwise::matching {
namespace {

bool same_pair(const EmailPair& a, const EmailPair& b) {
  return normalize_email(a.mentor_email) == normalize_email(b.mentor_email) &&
         normalize_email(a.mentee_email) == normalize_email(b.mentee_email);
}

}  // namespace

std::vector<std::size_t> steady_order(const std::vector<std::string>& shown_before, const std::vector<std::string>& now) {
  std::unordered_map<std::string, std::size_t> place;
  place.reserve(shown_before.size());
  for (std::size_t i = 0; i < shown_before.size(); ++i) place.emplace(shown_before[i], i);
  std::vector<std::size_t> order(now.size());
  for (std::size_t i = 0; i < now.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto pa = place.find(now[a]), pb = place.find(now[b]);
    const bool ka = pa != place.end(), kb = pb != place.end();
    if (ka != kb) return ka;  // rows shown before come first
    return ka && pa->second < pb->second;
  });
  return order;
}

std::vector<AcceptedProposal> proposals_of(const MatchingInput& input, const MatchResult& result) {
  std::vector<AcceptedProposal> out;
  for (const ProposedPair& p : result.pairs) {
    const auto& mentee = input.mentees[static_cast<std::size_t>(p.mentee)];
    const auto& mentor = input.mentors[static_cast<std::size_t>(p.mentor)];
    out.push_back({mentor.email, mentee.email, explain_score(p.score, p.breakdown)});
  }
  return out;
}

std::vector<ScorePart> score_parts(const ScoreBreakdown& breakdown) {
  std::vector<ScorePart> out;
  for (std::size_t k = 0; k < kCriterionCount; ++k) {
    if (breakdown.points[k] == 0) continue;
    std::string name(criterion_name(static_cast<Criterion>(k)));
    std::replace(name.begin(), name.end(), '_', ' ');
    out.push_back({std::move(name), breakdown.points[k]});
  }
  return out;
}

std::string score_reasons(const ScoreBreakdown& breakdown) {
  std::string out;
  for (const ScorePart& part : score_parts(breakdown))
    out += (out.empty() ? "" : " · ") + part.criterion + " " + std::to_string(part.points);
  return out;
}

std::string explain_score(std::int64_t score, const ScoreBreakdown& breakdown) {
  const std::string reasons = score_reasons(breakdown);
  return std::to_string(score) + " points" + (reasons.empty() ? "" : ": " + reasons);
}

PairRuleChoice pair_rule_of(const Scheme& scheme, const EmailPair& pair) {
  for (const EmailPair& p : scheme.locked_pairs)
    if (same_pair(p, pair)) return PairRuleChoice::locked;
  for (const EmailPair& p : scheme.forbidden_pairs)
    if (same_pair(p, pair)) return PairRuleChoice::forbidden;
  return PairRuleChoice::none;
}

Scheme with_pair_rule(Scheme scheme, const EmailPair& pair, PairRuleChoice choice) {
  const std::string mentee = normalize_email(pair.mentee_email);
  std::erase_if(scheme.forbidden_pairs, [&](const EmailPair& p) { return same_pair(p, pair); });
  std::erase_if(scheme.locked_pairs, [&](const EmailPair& p) {
    return same_pair(p, pair) || (choice == PairRuleChoice::locked && normalize_email(p.mentee_email) == mentee);
  });
  if (choice == PairRuleChoice::locked) scheme.locked_pairs.push_back(pair);
  if (choice == PairRuleChoice::forbidden) scheme.forbidden_pairs.push_back(pair);
  return scheme;
}

Result<ChangeSet> accept_proposals(Workspace& workspace, const std::string& scheme_id,
                                   const std::vector<AcceptedProposal>& proposals, const std::string& today) {
  const Scheme* scheme = workspace.find<Scheme>(scheme_id);
  if (scheme == nullptr) return Errors{{"", "scheme_id", "no scheme with id \"" + scheme_id + "\""}};

  std::map<std::string, const Person*> people;
  for (const auto& [id, person] : workspace.people())
    if (person.scheme_id == scheme_id) people[normalize_email(person.email)] = &person;
  std::map<std::string, int> mentor_load;
  std::set<std::string> paired_mentees;
  for (const Pairing& pairing : workspace.pairings_of_scheme(scheme_id)) {
    if (!holds_mentor_place(pairing.status())) continue;
    mentor_load[normalize_email(pairing.mentor_email)]++;
    paired_mentees.insert(normalize_email(pairing.mentee_email));
  }

  Errors errors;
  for (std::size_t k = 0; k < proposals.size(); ++k) {
    const AcceptedProposal& p = proposals[k];
    const std::string where = "proposal " + std::to_string(k + 1);
    const std::string mentor = normalize_email(p.mentor_email), mentee = normalize_email(p.mentee_email);
    auto found_mentor = people.find(mentor);
    auto found_mentee = people.find(mentee);
    if (found_mentor == people.end() || !found_mentor->second->is_mentor()) {
      errors.push_back({where, "mentor_email", p.mentor_email + " is not a mentor of this scheme"});
    } else if (found_mentor->second->status != PersonStatus::active) {
      errors.push_back({where, "mentor_email", p.mentor_email + " is " + enum_to_string(kPersonStatusNames, found_mentor->second->status) + ", not active"});
    } else if (++mentor_load[mentor] > found_mentor->second->capacity) {
      errors.push_back({where, "mentor_email", p.mentor_email + " has no free place (capacity " +
                                                    std::to_string(found_mentor->second->capacity) + ")"});
    }
    if (found_mentee == people.end() || !found_mentee->second->is_mentee()) {
      errors.push_back({where, "mentee_email", p.mentee_email + " is not a mentee of this scheme"});
    } else if (!paired_mentees.insert(mentee).second) {
      errors.push_back({where, "mentee_email", p.mentee_email + " already has a mentor"});
    }
  }
  if (!errors.empty()) return errors;

  Workspace next = workspace;
  ChangeSet changes;
  Scheme updated = *scheme;
  for (const AcceptedProposal& p : proposals) {
    Pairing pairing = make_pairing(next.new_meta(), scheme_id, p.mentor_email, p.mentee_email, today);
    pairing.score_explanation = p.explanation;
    auto saved = next.save(pairing);
    if (!saved) return saved.errors();
    changes.append(saved.value());
    updated = with_pair_rule(updated, EmailPair{p.mentor_email, p.mentee_email}, PairRuleChoice::none);
  }
  auto saved_scheme = next.save(updated);
  if (!saved_scheme) return saved_scheme.errors();
  changes.append(saved_scheme.value());
  // In place (Workspace::apply keeps each record's map node): screens holding records stay valid.
  return workspace.apply(changes);
}

}  // namespace pairwise::matching
