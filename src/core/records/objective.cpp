#include "core/records/objective.hpp"

namespace pairwise {

Json encode(const Objective& o) {
  Json j = Json::object();
  encode_meta(o.meta, j);
  j["pairing_id"] = o.pairing_id;
  j["statement"] = o.statement;
  j["measure"] = o.measure;
  j["achievable"] = o.achievable;
  j["relevant"] = o.relevant;
  j["due_date"] = o.due_date;
  j["status"] = enum_to_string(kObjectiveStatusNames, o.status);
  j["progress_percent"] = o.progress_percent;
  j["linked_action_ids"] = o.linked_action_ids;
  j["linked_meeting_ids"] = o.linked_meeting_ids;
  flag_invalid_dates(j, {"due_date"});  // "31/03/2027" is kept as typed, flagged
  return j;
}

void decode(const JsonReader& in, Objective& o) {
  if (!in.expect_object()) return;
  decode_meta(in, o.meta);
  in.required("pairing_id", o.pairing_id);
  in.optional("statement", o.statement);
  in.optional("measure", o.measure);
  in.optional("achievable", o.achievable);
  in.optional("relevant", o.relevant);
  in.optional_date("due_date", o.due_date);
  in.optional_enum("status", o.status, kObjectiveStatusNames);
  in.optional_int_range("progress_percent", o.progress_percent, 0, 100);
  in.optional("linked_action_ids", o.linked_action_ids);
  in.optional("linked_meeting_ids", o.linked_meeting_ids);
}

}  // namespace pairwise
