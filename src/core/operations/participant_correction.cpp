#include "core/operations/participant_correction.hpp"

namespace pairwise {

ParticipantCorrection correction_of(const Person& p) {
  return ParticipantCorrection{p.name, p.email, p.is_mentor(), p.is_mentee(), p.topics, p.capacity};
}

Result<ChangeSet> correct_participant(Workspace& ws, const std::string& person_id, const ParticipantCorrection& c) {
  const Person* current = ws.find<Person>(person_id);
  if (!current) return Result<ChangeSet>::failure("people/" + person_id, "", "no such participant");
  Person p = *current;
  if (!c.mentor && !c.mentee) return Result<ChangeSet>::failure("people/" + person_id, "$.roles", "choose mentor, mentee or both");
  if (c.capacity < 0 || c.capacity > 1000)
    return Result<ChangeSet>::failure("people/" + person_id, "$.capacity", "expected 0 to 1000 mentees");
  const std::string email = trim(c.email);
  if (normalize_email(email) != normalize_email(p.email)) {
    for (const auto& [id, pairing] : ws.pairings())
      if (normalize_email(pairing.mentor_email) == normalize_email(p.email) ||
          normalize_email(pairing.mentee_email) == normalize_email(p.email))
        return Result<ChangeSet>::failure("people/" + person_id, "$.email",
                                          "a pairing still uses " + p.email + ": end or remove it before changing the e-mail");
  }
  p.name = trim(c.name);
  p.email = email;
  p.roles.clear();
  if (c.mentor) p.roles.push_back(Role::mentor);
  if (c.mentee) p.roles.push_back(Role::mentee);
  p.topics.clear();
  for (const auto& t : c.topics)
    if (!trim(t).empty()) p.topics.push_back(trim(t));
  p.capacity = c.capacity;
  return ws.save(p);
}

}  // namespace pairwise
