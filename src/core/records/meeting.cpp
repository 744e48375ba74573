#include "core/records/meeting.hpp"

namespace pairwise {

std::vector<Action> open_actions(const Meeting& previous) {
  std::vector<Action> out;
  for (const auto& a : previous.review.previous_actions)
    if (!a.done) out.push_back(a);
  for (const auto& a : previous.actions)
    if (!a.done) out.push_back(a);
  return out;
}

Meeting start_next_meeting(const std::vector<Meeting>& pairing_meetings, RecordMeta meta, std::string pairing_id,
                           std::string date) {
  Meeting next;
  next.meta = std::move(meta);
  next.pairing_id = std::move(pairing_id);
  next.date = std::move(date);
  const Meeting* latest = nullptr;
  for (const auto& m : pairing_meetings) {
    if (m.pairing_id != next.pairing_id) continue;
    if (!latest || m.date > latest->date || (m.date == latest->date && m.meta.created_at > latest->meta.created_at))
      latest = &m;
  }
  if (latest) next.review.previous_actions = open_actions(*latest);
  return next;
}

namespace {

Json encode_actions(const std::vector<Action>& actions) {
  Json a = Json::array();
  for (const auto& x : actions) {
    a.push_back(Json{{"id", x.id}, {"who", x.who}, {"what", x.what}, {"by_when", x.by_when}, {"done", x.done}});
    flag_invalid_dates(a.back(), {"by_when"});  // "next week" is kept as typed, flagged
  }
  return a;
}

void decode_action(const JsonReader& r, Action& a) {
  r.required("id", a.id);
  r.optional("who", a.who);
  r.optional("what", a.what);
  r.optional_date("by_when", a.by_when);
  r.optional("done", a.done);
}

}  // namespace

Json encode(const Meeting& m) {
  Json j = Json::object();
  encode_meta(m.meta, j);
  j["pairing_id"] = m.pairing_id;
  j["date"] = m.date;
  j["length_minutes"] = m.length_minutes;
  j["mode"] = enum_to_string(kMeetingModeNames, m.mode);
  j["review"] = Json{{"previous_actions", encode_actions(m.review.previous_actions)},
                     {"went_well", m.review.went_well},
                     {"went_badly", m.review.went_badly},
                     {"learned", m.review.learned}};
  j["topic"] = m.topic;
  j["goal"] = m.goal;
  j["reality"] = m.reality;
  j["options"] = m.options;
  j["way_forward"] = m.way_forward;
  j["actions"] = encode_actions(m.actions);
  return j;
}

void decode(const JsonReader& in, Meeting& m) {
  if (!in.expect_object()) return;
  decode_meta(in, m.meta);
  in.required("pairing_id", m.pairing_id);
  in.required_date("date", m.date);
  in.optional_int_range("length_minutes", m.length_minutes, 0, 1440);
  in.optional_enum("mode", m.mode, kMeetingModeNames);
  JsonReader r = in.field("review");
  if (r.present() && r.expect_object()) {
    r.optional_list<Action>("previous_actions", m.review.previous_actions, decode_action);
    r.optional("went_well", m.review.went_well);
    r.optional("went_badly", m.review.went_badly);
    r.optional("learned", m.review.learned);
  }
  in.optional("topic", m.topic);
  in.optional("goal", m.goal);
  in.optional("reality", m.reality);
  in.optional("options", m.options);
  in.optional("way_forward", m.way_forward);
  in.optional_list<Action>("actions", m.actions, decode_action);
}

}  // namespace pairwise
