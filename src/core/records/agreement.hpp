#pragma once
// The mentoring agreement (MRC CTU LMIC form categories) with mutual consent (KIND contract).
#include <string>

#include "core/records/record_meta.hpp"

namespace pairwise {

// A consent belongs to exact words: `terms_digest` is the digest of the agreement's terms when it
// was given (format v4). Once the words differ (an edit, a merge), the consent is void: it stays
// on record, shown as given to earlier words, and no longer counts as agreement.
struct Consent {
  std::string name;
  std::string date;  // YYYY-MM-DD; empty = not yet agreed
  std::string terms_digest;
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

  // Both consents are given to the words as they are now.
  bool is_agreed_by_both() const;
  bool operator==(const Agreement&) const = default;
};

// The digest of everything both people agree to (the terms, not the consents or the metadata):
// 64-bit FNV-1a over each term's length and bytes, as 16 hex digits. It detects any change of the
// words; it is not a signature (a partner's file never sets one's own consent anyway).
std::string terms_digest(const Agreement& agreement);
// A consent that was given (has a date) to the words the agreement holds now.
bool consent_is_current(const Agreement& agreement, const Consent& consent);
// A consent that was given, but to other words than these.
bool consent_is_void(const Agreement& agreement, const Consent& consent);

// The one agreement of a pairing has an id derived from the pairing's, so whichever partner
// starts it, both devices hold the same record and it merges instead of existing twice.
std::string agreement_id_for(const std::string& pairing_id);

Json encode(const Agreement& agreement);
void decode(const JsonReader& in, Agreement& agreement);

}  // namespace pairwise
