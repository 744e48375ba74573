#pragma once
// A coordinator correcting a participant's answers (role, topics, capacity, contact): saved
// through the Workspace like any other edit (next revision, updated now), so the correction wins
// over the same survey imported again and travels in backups.
#include <string>

#include "core/workspace.hpp"

namespace pairwise {

struct ParticipantCorrection {
  std::string name;
  std::string email;
  bool mentor = false;
  bool mentee = false;
  std::vector<std::string> topics;
  int capacity = 1;
};

ParticipantCorrection correction_of(const Person& person);

// Refuses (changing nothing) a correction without a role, with an e-mail that is not one or that
// another person has, or that renames someone whose pairings still use the old e-mail.
Result<ChangeSet> correct_participant(Workspace& workspace, const std::string& person_id,
                                      const ParticipantCorrection& correction);

}  // namespace pairwise
