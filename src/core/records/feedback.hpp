#pragma once
// Periodic survey answers from either side (IKT: every six months; MRC: at the end).
// Ratings are numbers the coordinator may see; comments are free text and stay with the pair.
#include <string>
#include <vector>

#include "core/records/person.hpp"
#include "core/records/record_meta.hpp"

namespace pairwise {

struct Rating {
  std::string key;  // a stable question key, e.g. "overall", "usefulness"
  int value = 0;    // 1..5
  bool operator==(const Rating&) const = default;
};

struct Feedback {
  static constexpr const char* kStore = "feedback";
  RecordMeta meta;
  std::string scheme_id;
  std::string pairing_id;  // may be empty for feedback on the scheme as a whole
  std::string from_email;
  Role from_role = Role::mentee;
  std::string date;
  bool end_of_relationship = false;
  std::vector<Rating> ratings;
  std::vector<QuestionAnswer> comments;

  bool operator==(const Feedback&) const = default;
};

// A rating's value is required: an absent value must not read as 0, which no export accepts back.
void decode_rating(const JsonReader& in, Rating& rating);

Json encode(const Feedback& feedback);
void decode(const JsonReader& in, Feedback& feedback);

// A person's own notes about a pairing: never exported for the other person or the coordinator.
struct PrivateNote {
  static constexpr const char* kStore = "private_notes";
  RecordMeta meta;
  std::string pairing_id;
  std::string author_email;
  std::string date;
  std::string text;
  bool operator==(const PrivateNote&) const = default;
};

Json encode(const PrivateNote& note);
void decode(const JsonReader& in, PrivateNote& note);

}  // namespace pairwise
