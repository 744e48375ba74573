#include "core/records/feedback.hpp"

namespace pairwise {

Json encode(const Feedback& f) {
  Json j = Json::object();
  encode_meta(f.meta, j);
  j["scheme_id"] = f.scheme_id;
  j["pairing_id"] = f.pairing_id;
  j["from_email"] = f.from_email;
  j["from_role"] = enum_to_string(kRoleNames, f.from_role);
  j["date"] = f.date;
  j["end_of_relationship"] = f.end_of_relationship;
  Json r = Json::array();
  for (const auto& x : f.ratings) r.push_back(Json{{"key", x.key}, {"value", x.value}});
  j["ratings"] = r;
  Json c = Json::array();
  for (const auto& x : f.comments) c.push_back(Json{{"question", x.question}, {"answer", x.answer}});
  j["comments"] = c;
  return j;
}

void decode_rating(const JsonReader& in, Rating& rating) {
  in.required("key", rating.key);
  if (!in.field("value").present()) in.field("value").error("missing; expected a number from 1 to 5");
  in.optional_int_range("value", rating.value, 1, 5);
}

void decode(const JsonReader& in, Feedback& f) {
  if (!in.expect_object()) return;
  decode_meta(in, f.meta);
  in.optional("scheme_id", f.scheme_id);
  in.optional("pairing_id", f.pairing_id);
  in.required("from_email", f.from_email);
  in.optional_enum("from_role", f.from_role, kRoleNames);
  in.required_date("date", f.date);
  in.optional("end_of_relationship", f.end_of_relationship);
  in.optional_list<Rating>("ratings", f.ratings, decode_rating);
  in.optional_list<QuestionAnswer>("comments", f.comments, [](const JsonReader& r, QuestionAnswer& x) {
    r.optional("question", x.question);
    r.optional("answer", x.answer);
  });
}

Json encode(const PrivateNote& n) {
  Json j = Json::object();
  encode_meta(n.meta, j);
  j["pairing_id"] = n.pairing_id;
  j["author_email"] = n.author_email;
  j["date"] = n.date;
  j["text"] = n.text;
  flag_invalid_dates(j, {"date"});  // kept as typed, flagged
  return j;
}

void decode(const JsonReader& in, PrivateNote& n) {
  if (!in.expect_object()) return;
  decode_meta(in, n.meta);
  in.optional("pairing_id", n.pairing_id);
  in.required("author_email", n.author_email);
  in.optional_date("date", n.date);
  in.optional("text", n.text);
}

}  // namespace pairwise
