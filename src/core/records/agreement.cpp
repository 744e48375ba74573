#include "core/records/agreement.hpp"


namespace pairwise {

Json encode(const Agreement& a) {
  Json j = Json::object();
  encode_meta(a.meta, j);
  j["pairing_id"] = a.pairing_id;
  j["confidentiality"] = a.confidentiality;
  j["meeting_frequency"] = a.meeting_frequency;
  j["meeting_timing"] = a.meeting_timing;
  j["meeting_duration"] = a.meeting_duration;
  j["communication"] = a.communication;
  j["feedback"] = a.feedback;
  j["reviewing"] = a.reviewing;
  j["short_term_objectives"] = a.short_term_objectives;
  j["long_term_objectives"] = a.long_term_objectives;
  j["tracking_progress"] = a.tracking_progress;
  j["boundaries"] = a.boundaries;
  for (auto [key, consent] : {std::pair{"mentor_consent", &a.mentor_consent}, std::pair{"mentee_consent", &a.mentee_consent}}) {
    Json c{{"name", consent->name}, {"date", consent->date}};
    if (!consent->terms_digest.empty()) c["terms_digest"] = consent->terms_digest;
    j[key] = std::move(c);
  }
  return j;
}

void decode(const JsonReader& in, Agreement& a) {
  if (!in.expect_object()) return;
  decode_meta(in, a.meta);
  in.required("pairing_id", a.pairing_id);
  in.optional("confidentiality", a.confidentiality);
  in.optional("meeting_frequency", a.meeting_frequency);
  in.optional("meeting_timing", a.meeting_timing);
  in.optional("meeting_duration", a.meeting_duration);
  in.optional("communication", a.communication);
  in.optional("feedback", a.feedback);
  in.optional("reviewing", a.reviewing);
  in.optional("short_term_objectives", a.short_term_objectives);
  in.optional("long_term_objectives", a.long_term_objectives);
  in.optional("tracking_progress", a.tracking_progress);
  in.optional("boundaries", a.boundaries);
  for (auto [key, consent] : {std::pair{"mentor_consent", &a.mentor_consent}, std::pair{"mentee_consent", &a.mentee_consent}}) {
    JsonReader c = in.field(key);
    if (c.present() && c.expect_object()) {
      c.optional("name", consent->name);
      c.optional_date("date", consent->date);
      c.optional("terms_digest", consent->terms_digest);
      // Before format v4 a consent had no digest; every edit of the words cleared both consents,
      // so a consent stored beside words was given to those words.
      if (!c.field("terms_digest").present() && !consent->date.empty()) consent->terms_digest = terms_digest(a);
    }
  }
}


std::string terms_digest(const Agreement& a) {
  std::uint64_t h = kFnv1aBasis;
  for (const std::string* term : {&a.confidentiality, &a.meeting_frequency, &a.meeting_timing, &a.meeting_duration,
                                  &a.communication, &a.feedback, &a.reviewing, &a.short_term_objectives,
                                  &a.long_term_objectives, &a.tracking_progress, &a.boundaries}) {
    // The length first, so moving words from one term to the next changes the digest.
    h = fnv1a_64(std::to_string(term->size()) + ":", h);
    h = fnv1a_64(*term, h);
  }
  return to_hex128(0, h).substr(16);
}

bool consent_is_current(const Agreement& a, const Consent& c) {
  return !c.date.empty() && c.terms_digest == terms_digest(a);
}

bool consent_is_void(const Agreement& a, const Consent& c) { return !c.date.empty() && !consent_is_current(a, c); }

bool Agreement::is_agreed_by_both() const {
  return consent_is_current(*this, mentor_consent) && consent_is_current(*this, mentee_consent);
}

std::string agreement_id_for(const std::string& pairing_id) {
  const std::string seed = "agreement of pairing " + pairing_id;
  return to_hex128(fnv1a_64(seed), fnv1a_64(seed + "#2", 0x84222325cbf29ce4ull));
}

}  // namespace pairwise
