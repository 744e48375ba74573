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

std::optional<int> two_digits(std::string_view text, std::size_t at) {
  if (at + 2 > text.size()) return std::nullopt;
  const char a = text[at], b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
  return (a - '0') * 10 + (b - '0');
}

}  // namespace

std::optional<int> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto h = two_digits(text, 0), m = two_digits(text, 3);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

std::optional<int> parse_fixed_zone(std::string_view text) {
  if (text == "UTC") return 0;
  if (text.size() != 9 || text.substr(0, 3) != "UTC" || (text[3] != '+' && text[3] != '-') || text[6] != ':')
    return std::nullopt;
  const auto h = two_digits(text, 4), m = two_digits(text, 7);
  // Real offsets run from UTC-12:00 to UTC+14:00.
  if (!h || !m || *m > 59 || *h * 60 + *m > 14 * 60) return std::nullopt;
  const int minutes = *h * 60 + *m;
  if (minutes == 0) return std::nullopt;  // spelled "UTC"
  return text[3] == '-' ? -minutes : minutes;
}

std::string fixed_zone_name(int offset_minutes) {
  if (offset_minutes == 0) return "UTC";
  const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::string out = offset_minutes < 0 ? "UTC-" : "UTC+";
  out += static_cast<char>('0' + a / 60 / 10);
  out += static_cast<char>('0' + a / 60 % 10);
  out += ':';
  out += static_cast<char>('0' + a % 60 / 10);
  out += static_cast<char>('0' + a % 60 % 10);
  return out;
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
  j["start_time"] = m.start_time;
  j["time_zone"] = m.time_zone;
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
  in.optional("start_time", m.start_time);
  if (!m.start_time.empty() && !parse_time_of_day(m.start_time))
    in.field("start_time").error("expected a time like 14:30 (24-hour HH:MM), got \"" + m.start_time + "\"");
  in.optional("time_zone", m.time_zone);
  if (!m.time_zone.empty() && !parse_fixed_zone(m.time_zone))
    in.field("time_zone").error("expected a time zone like UTC+05:30, UTC-03:00 or UTC, got \"" + m.time_zone + "\"");
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
