#pragma once
// The coordinator's list of a scheme's participants: who passes the filters (search, role,
// language, topic, time zone, status) and in which order, with the values each filter can take.
// One rule for the app's Participants screen and anything else that lists people.
#include <optional>
#include <string>
#include <vector>

#include "core/workspace.hpp"

namespace pairwise {

enum class RoleFilter { everyone, mentors, mentees };

struct ParticipantFilter {
  std::string search;  // any part of name, e-mail, country, region, languages, topics or organisation
  RoleFilter role = RoleFilter::everyone;
  std::string language;   // "" any
  std::string topic;      // "" any
  std::string time_zone;  // "UTC+01:00" as utc_offset_text() writes it; "" any
  std::optional<PersonStatus> status;
  bool operator==(const ParticipantFilter&) const = default;
};

// The columns the list can be sorted by, in the table's order.
enum class ParticipantColumn { name, email, roles, country, languages, topics, experience };

struct ParticipantSort {
  ParticipantColumn column = ParticipantColumn::name;
  bool ascending = true;
  bool operator==(const ParticipantSort&) const = default;
};

// "UTC+05:30", "UTC-03:00"; "" when the person gave no offset.
std::string utc_offset_text(const Person& person);
// "mentor", "mentee", "mentor & mentee".
std::string roles_text(const Person& person);
// "English; Español".
std::string joined_values(const std::vector<std::string>& values);

// Compared as a person means it (core/records/text_fold.hpp): "ана" finds "Ана Петрова", "jose"
// does not find "José" but "josé" typed either way does.
bool passes(const Person& person, const ParticipantFilter& filter);

struct ParticipantList {
  std::size_t total = 0;                    // the scheme's participants before filtering
  std::vector<std::string> ids;             // ids of those shown, in order
  std::vector<std::string> languages;       // every language given, sorted
  std::vector<std::string> topics;          // the scheme's topics, then any others given
  std::vector<std::string> time_zones;      // every offset given, west to east
};

// Ties keep the people's stored order, so a re-sort never shuffles equal rows.
ParticipantList list_participants(const Workspace& workspace, const Scheme& scheme, const ParticipantFilter& filter,
                                  const ParticipantSort& sort);

}  // namespace pairwise
