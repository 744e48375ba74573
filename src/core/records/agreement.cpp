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
  j["mentor_consent"] = Json{{"name", a.mentor_consent.name}, {"date", a.mentor_consent.date}};
  j["mentee_consent"] = Json{{"name", a.mentee_consent.name}, {"date", a.mentee_consent.date}};
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
    }
  }
}

}  // namespace pairwise
