#include "core/privacy/audience.hpp"

#include <map>

namespace pairwise {

namespace {

using A = Audience;

// Every record's identity and revision travel with it to whoever may see any of it.
#define PAIRWISE_META_FIELDS(audience)                                                                \
  {"id", audience}, {"created_at", audience}, {"updated_at", audience}, {"revision", audience},         \
      {"sync", audience}

const std::map<std::string_view, std::vector<FieldAudience>>& declarations() {
  static const std::map<std::string_view, std::vector<FieldAudience>> all{
      // An application: the profile is what the partner needs to get to know them; how the
      // coordinator selected, ranked and managed the person is the coordinator's alone (a mentor
      // paused "for ill health" must not send that reason to the mentee).
      {"people",
       {PAIRWISE_META_FIELDS(A::pair_and_coordinator),
        {"scheme_id", A::pair_and_coordinator},
        {"email", A::pair_and_coordinator},
        {"name", A::pair_and_coordinator},
        {"roles", A::pair_and_coordinator},
        {"country", A::pair_and_coordinator},
        {"region", A::pair_and_coordinator},
        {"timezone", A::pair_and_coordinator},
        {"utc_offset_minutes", A::pair_and_coordinator},
        {"languages", A::pair_and_coordinator},
        {"topics", A::pair_and_coordinator},
        {"experience_years", A::pair_and_coordinator},
        {"career_stage", A::pair_and_coordinator},
        {"face_to_face", A::pair_and_coordinator},
        {"capacity", A::pair_and_coordinator},
        {"availability", A::pair_and_coordinator},
        {"organisation", A::pair_and_coordinator},
        {"project", A::pair_and_coordinator},
        {"request_published", A::pair_and_coordinator},
        {"preparation", A::pair_and_coordinator},
        {"line_manager_email", A::coordinator},  // for conflict-of-interest rules only
        {"preferences", A::coordinator},         // rankings of other people
        {"status", A::coordinator},
        {"status_history", A::coordinator},
        {"applied_on", A::coordinator},
        {"decision", A::coordinator},
        {"decision_on", A::coordinator}}},
      // A pairing: the pair sees where it stands and why they were matched, not who declined and
      // why, whether the coordinator locked it for re-runs, or that the coordinator escalated.
      {"pairings",
       {PAIRWISE_META_FIELDS(A::pair_and_coordinator),
        {"scheme_id", A::pair_and_coordinator},
        {"mentor_email", A::pair_and_coordinator},
        {"mentee_email", A::pair_and_coordinator},
        {"history", A::pair_and_coordinator},
        {"history.status", A::pair_and_coordinator},
        {"history.date", A::pair_and_coordinator},
        {"history.by", A::pair_and_coordinator},
        {"history.reason", A::coordinator},
        {"origin", A::pair_and_coordinator},
        {"introduced_on", A::pair_and_coordinator},
        {"locked", A::coordinator},
        {"score_explanation", A::pair_and_coordinator},  // how this pair scored: about the two of them only
        {"escalations", A::coordinator}}},
      // A scheme: what applicants and pairs are told is published; how the coordinator matches,
      // imports and escalates is not.
      {"schemes",
       {PAIRWISE_META_FIELDS(A::everyone),
        {"name", A::everyone},
        {"description", A::everyone},
        {"roles_offered", A::everyone},
        {"topics", A::everyone},
        {"duration_weeks", A::everyone},
        {"duration_months", A::everyone},
        {"meeting_expectations", A::everyone},
        {"feedback_every_months", A::everyone},
        {"matching_mode", A::everyone},
        {"no_response_days", A::everyone},
        {"intake_fields", A::everyone},
        {"preparation_questions", A::everyone},
        {"starts_on", A::everyone},
        {"applications_close_on", A::everyone},
        {"decisions_by", A::everyone},
        {"project_request", A::everyone},
        {"request_board_url", A::everyone},
        {"agreement_before_active", A::everyone},
        {"preparation_before_first_meeting", A::everyone},
        {"meeting_template", A::everyone},
        {"objectives_smart", A::everyone},
        {"feedback_on_ending", A::everyone},
        {"criteria", A::coordinator},
        {"csv_mapping", A::coordinator},
        {"forbidden_pairs", A::coordinator},
        {"locked_pairs", A::coordinator},
        {"escalate_to", A::coordinator},
        {"unresponsive_mentor_threshold", A::coordinator},
        {"cohort_spread", A::coordinator}}},
      // What the pair keeps together stays with the pair ("what we discuss stays confidential").
      {"meetings",
       {PAIRWISE_META_FIELDS(A::pair),
        {"pairing_id", A::pair},
        {"date", A::pair},
        {"start_time", A::pair},
        {"time_zone", A::pair},
        {"length_minutes", A::pair},
        {"mode", A::pair},
        {"topic", A::pair},
        {"review", A::pair},
        {"goal", A::pair},
        {"reality", A::pair},
        {"options", A::pair},
        {"way_forward", A::pair},
        {"actions", A::pair},
        {"previous_actions", A::pair}}},
      {"objectives",
       {PAIRWISE_META_FIELDS(A::pair),
        {"pairing_id", A::pair},
        {"statement", A::pair},
        {"measure", A::pair},
        {"achievable", A::pair},
        {"relevant", A::pair},
        {"due_date", A::pair},
        {"status", A::pair},
        {"progress_percent", A::pair},
        {"linked_meeting_ids", A::pair},
        {"linked_action_ids", A::pair},
        {"invalid_fields", A::pair}}},
      {"agreements",
       {PAIRWISE_META_FIELDS(A::pair),
        {"pairing_id", A::pair},
        {"meeting_frequency", A::pair},
        {"meeting_duration", A::pair},
        {"meeting_timing", A::pair},
        {"communication", A::pair},
        {"confidentiality", A::pair},
        {"boundaries", A::pair},
        {"feedback", A::pair},
        {"reviewing", A::pair},
        {"tracking_progress", A::pair},
        {"short_term_objectives", A::pair},
        {"long_term_objectives", A::pair},
        {"mentor_consent", A::pair},
        {"mentee_consent", A::pair}}},
      // Survey answers: ratings are numbers the coordinator may see; comments stay with the pair.
      {"feedback",
       {PAIRWISE_META_FIELDS(A::pair_and_coordinator),
        {"scheme_id", A::pair_and_coordinator},
        {"pairing_id", A::pair_and_coordinator},
        {"from_email", A::pair_and_coordinator},
        {"from_role", A::pair_and_coordinator},
        {"date", A::pair_and_coordinator},
        {"end_of_relationship", A::pair_and_coordinator},
        {"ratings", A::pair_and_coordinator},
        {"comments", A::pair}}},
      // Made for the coordinator from the pair's records: counts, dates and statuses, never their
      // words (progress_report.cpp builds it; progress_report_test checks it holds no free text).
      {"progress_reports", {{"*", A::pair_and_coordinator}}},
      // The coordinator's record of each import: who was left out and why.
      {"imports", {{"*", A::coordinator}}},
      // A workspace's own settings (its role, the person it belongs to, display choices).
      {"settings", {{"*", A::pair_and_coordinator}}},
      {"private_notes",
       {PAIRWISE_META_FIELDS(A::author),
        {"pairing_id", A::author},
        {"author_email", A::author},
        {"date", A::author},
        {"text", A::author},
        {"invalid_fields", A::author}}},
  };
  return all;
}

#undef PAIRWISE_META_FIELDS

const std::vector<FieldAudience> kNone;

// Nothing worth hiding: the reader learns nothing from an empty text, list or false flag.
bool holds_something(const Json& v) {
  if (v.is_null()) return false;
  // (nlohmann's empty() is false for every string, "" included.)
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_array() || v.is_object()) return !v.empty();
  if (v.is_boolean()) return v.get<bool>();
  return true;
}

const FieldAudience* declaration_of(const std::vector<FieldAudience>& fields, std::string_view name) {
  const FieldAudience* whole_record = nullptr;
  for (const auto& f : fields) {
    if (f.field == name) return &f;
    if (f.field == "*" && name.find('.') == std::string_view::npos) whole_record = &f;
  }
  return whole_record;
}

// Visits each object a "key.sub" declaration applies to (the object under `key`, or each object of
// the list under `key`).
template <class F>
void for_each_nested_object(Json& value, F&& f) {
  if (value.is_object()) f(value);
  else if (value.is_array())
    for (auto& item : value)
      if (item.is_object()) f(item);
}

}  // namespace

bool may_see(Audience audience, Reader reader) {
  switch (audience) {
    case Audience::everyone: return true;
    case Audience::pair_and_coordinator: return reader != Reader::anyone;
    case Audience::coordinator: return reader == Reader::coordinator;
    case Audience::pair: return reader == Reader::partner || reader == Reader::author;
    case Audience::author: return reader == Reader::author;
  }
  return false;
}

const std::vector<FieldAudience>& field_audiences(std::string_view store) {
  const auto& all = declarations();
  auto it = all.find(store);
  return it == all.end() ? kNone : it->second;
}

std::vector<std::string_view> declared_stores() {
  std::vector<std::string_view> out;
  for (const auto& [store, fields] : declarations()) out.push_back(store);
  return out;
}

// Removes from `value` (the field `key`, or the whole of a "key.sub" list) each "key.sub" the
// reader may not see.
void cut_nested(Json& value, const std::string& key, const std::vector<FieldAudience>& fields, Reader reader) {
  const std::string prefix = key + ".";
  for_each_nested_object(value, [&](Json& object) {
    for (auto sub = object.begin(); sub != object.end();) {
      const FieldAudience* nested = declaration_of(fields, prefix + sub.key());
      if (nested && !may_see(nested->audience, reader)) sub = object.erase(sub);
      else ++sub;
    }
  });
}

Json visible_part(const Json& record, std::string_view store, Reader reader) {
  const auto& fields = field_audiences(store);
  Json out = Json::object();
  if (!record.is_object()) return out;
  for (auto it = record.begin(); it != record.end(); ++it) {
    const FieldAudience* d = declaration_of(fields, it.key());
    // A field nobody declared is shown to nobody but its author: safe until someone decides.
    if (!may_see(d ? d->audience : Audience::author, reader)) continue;
    Json value = it.value();
    if (it.key() == "sync" && value.is_object()) {
      // A field merged as a whole (a list without item ids, such as a pairing's history) keeps its
      // values in sync as they were: cut from them what the field itself is cut of (the reasons).
      for (auto sub = value.begin(); sub != value.end(); ++sub) {
        const std::string& path = sub.key();
        if (path.find_first_of(".[#") != std::string::npos || !sub.value().is_object()) continue;
        Json& entry = sub.value();
        if (entry.contains("value")) cut_nested(entry["value"], path, fields, reader);
        if (entry.contains("also") && entry["also"].is_array())
          for (auto& also : entry["also"])
            if (also.is_object() && also.contains("value")) cut_nested(also["value"], path, fields, reader);
      }
      // Field versions (and values kept from edits on both sides) under each field's own path:
      // shown only where the field itself is.
      for (auto sub = value.begin(); sub != value.end();) {
        const std::string& path = sub.key();
        const std::string top = path.substr(0, path.find_first_of(".[#"));
        const auto cut = path.find_first_of("[#");
        const std::string nested = cut == std::string::npos ? path : path.substr(0, cut);
        const FieldAudience* td = declaration_of(fields, top);
        const FieldAudience* nd = nested != top ? declaration_of(fields, nested) : nullptr;
        const bool shown = may_see(td ? td->audience : Audience::author, reader) && (!nd || may_see(nd->audience, reader));
        if (shown) ++sub;
        else sub = value.erase(sub);
      }
      out[it.key()] = std::move(value);
      continue;
    }
    cut_nested(value, it.key(), fields, reader);
    out[it.key()] = std::move(value);
  }
  return out;
}

std::vector<std::string> hidden_fields_present(const Json& record, std::string_view store, Reader reader) {
  std::vector<std::string> out;
  if (!record.is_object()) return out;
  const auto& fields = field_audiences(store);
  for (auto it = record.begin(); it != record.end(); ++it) {
    if (!holds_something(it.value())) continue;
    const FieldAudience* d = declaration_of(fields, it.key());
    if (!may_see(d ? d->audience : Audience::author, reader)) {
      out.push_back(it.key());
      continue;
    }
    const std::string prefix = it.key() + ".";
    Json value = it.value();
    for_each_nested_object(value, [&](Json& object) {
      for (auto sub = object.begin(); sub != object.end(); ++sub) {
        const FieldAudience* nested = declaration_of(fields, prefix + sub.key());
        if (nested && !may_see(nested->audience, reader) && holds_something(sub.value())) {
          const std::string name = prefix + sub.key();
          bool listed = false;
          for (const auto& o : out) listed = listed || o == name;
          if (!listed) out.push_back(name);
        }
      }
    });
  }
  return out;
}

}  // namespace pairwise
