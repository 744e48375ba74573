#pragma once
// The mentoring agreement (MRC CTU LMIC form categories) with mutual consent (KIND contract).
#include <string>

#include "core/records/record_meta.hpp"

namespace pairwise {

struct Consent {
  std::string name;
  std::string date;  // YYYY-MM-DD; empty = not yet agreed
  bool operator==(const Consent&) const = default;
};

struct Agreement {
  static constexpr const char* kStore = "agreements";
  RecordMeta meta;
  std::string pairing_id;
  std::string confidentiality;
  std::string meeting_frequency;
  std::string meeting_timing;
  std::string meeting_duration;
  std::string communication;
  std::string feedback;
  std::string reviewing;
  std::string short_term_objectives;
  std::string long_term_objectives;
  std::string tracking_progress;
  std::string boundaries;  // dimensions, boundaries and conflicts of interest
  Consent mentor_consent;
  Consent mentee_consent;

  bool is_agreed_by_both() const { return !mentor_consent.date.empty() && !mentee_consent.date.empty(); }
  bool operator==(const Agreement&) const = default;
};

Json encode(const Agreement& agreement);
void decode(const JsonReader& in, Agreement& agreement);

}  // namespace pairwise
