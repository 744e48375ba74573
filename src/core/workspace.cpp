#include "core/workspace.hpp"

#include <algorithm>

#include "core/sync/field_merge.hpp"

namespace pairwise {

const std::vector<std::string>& all_store_names() {
  static const std::vector<std::string> names = {kStoreSchemes,    kStorePeople,          kStorePairings,
                                                 kStoreAgreements, kStoreMeetings,        kStoreObjectives,
                                                 kStoreFeedback,   kStorePrivateNotes,    kStoreProgressReports,
                                                 kStoreImports,    kStoreSettings};
  return names;
}

void ChangeSet::append(const ChangeSet& other) {
  upserts.insert(upserts.end(), other.upserts.begin(), other.upserts.end());
  deletes.insert(deletes.end(), other.deletes.begin(), other.deletes.end());
}

Workspace::Workspace() : clock_(&system_clock()), ids_(&default_id_generator()) {}
Workspace::Workspace(const Clock& clock, IdGenerator& ids) : clock_(&clock), ids_(&ids) {}

RecordMeta Workspace::new_meta() const { return pairwise::new_meta(*ids_, *clock_); }

RecordMeta Workspace::next_export_meta(const RecordMeta& previous) const {
  if (previous.id.empty()) return new_meta();
  RecordMeta next = previous;
  next.revision = next_revision(previous.revision);
  next.updated_at = clock_->now();
  return next;
}

template <> std::map<std::string, Scheme>& Workspace::table<Scheme>() { return schemes_; }
template <> std::map<std::string, Person>& Workspace::table<Person>() { return people_; }
template <> std::map<std::string, Pairing>& Workspace::table<Pairing>() { return pairings_; }
template <> std::map<std::string, Agreement>& Workspace::table<Agreement>() { return agreements_; }
template <> std::map<std::string, Meeting>& Workspace::table<Meeting>() { return meetings_; }
template <> std::map<std::string, Objective>& Workspace::table<Objective>() { return objectives_; }
template <> std::map<std::string, Feedback>& Workspace::table<Feedback>() { return feedback_; }
template <> std::map<std::string, PrivateNote>& Workspace::table<PrivateNote>() { return private_notes_; }
template <> std::map<std::string, ImportRecord>& Workspace::table<ImportRecord>() { return imports_; }
template <> const std::map<std::string, Scheme>& Workspace::table<Scheme>() const { return schemes_; }
template <> const std::map<std::string, Person>& Workspace::table<Person>() const { return people_; }
template <> const std::map<std::string, Pairing>& Workspace::table<Pairing>() const { return pairings_; }
template <> const std::map<std::string, Agreement>& Workspace::table<Agreement>() const { return agreements_; }
template <> const std::map<std::string, Meeting>& Workspace::table<Meeting>() const { return meetings_; }
template <> const std::map<std::string, Objective>& Workspace::table<Objective>() const { return objectives_; }
template <> const std::map<std::string, Feedback>& Workspace::table<Feedback>() const { return feedback_; }
template <> const std::map<std::string, PrivateNote>& Workspace::table<PrivateNote>() const { return private_notes_; }
template <> const std::map<std::string, ImportRecord>& Workspace::table<ImportRecord>() const { return imports_; }

const Person* Workspace::person_by_email(std::string_view email) const {
  const std::string key = normalize_email(email);
  for (const auto& [id, p] : people_)
    if (normalize_email(p.email) == key) return &p;
  return nullptr;
}

std::string Workspace::display_name(std::string_view email) const {
  const Person* p = person_by_email(email);
  return p != nullptr && !trim(p->name).empty() ? trim(p->name) : std::string(email);
}

const Agreement* Workspace::agreement_of(const std::string& pairing_id) const {
  const Agreement* best = nullptr;
  for (const auto& [id, a] : agreements_)
    if (a.pairing_id == pairing_id && (!best || a.meta.updated_at > best->meta.updated_at)) best = &a;
  return best;
}

namespace {

template <class T>
std::vector<T> of_pairing(const std::map<std::string, T>& table, const std::string& pairing_id) {
  std::vector<T> out;
  for (const auto& [id, r] : table)
    if (r.pairing_id == pairing_id) out.push_back(r);
  return out;
}

}  // namespace

std::vector<Meeting> Workspace::meetings_of(const std::string& pairing_id) const {
  auto out = of_pairing(meetings_, pairing_id);
  std::stable_sort(out.begin(), out.end(), [](const Meeting& a, const Meeting& b) {
    return a.date != b.date ? a.date < b.date : a.meta.created_at < b.meta.created_at;
  });
  return out;
}
std::vector<Objective> Workspace::objectives_of(const std::string& pairing_id) const {
  return of_pairing(objectives_, pairing_id);
}
std::vector<Feedback> Workspace::feedback_of(const std::string& pairing_id) const {
  return of_pairing(feedback_, pairing_id);
}
std::vector<PrivateNote> Workspace::private_notes_of(const std::string& pairing_id) const {
  return of_pairing(private_notes_, pairing_id);
}

std::vector<Pairing> Workspace::pairings_of_scheme(const std::string& scheme_id) const {
  std::vector<Pairing> out;
  for (const auto& [id, p] : pairings_)
    if (scheme_id.empty() || p.scheme_id == scheme_id) out.push_back(p);
  return out;
}

std::vector<Person> Workspace::people_of_scheme(const std::string& scheme_id) const {
  std::vector<Person> out;
  for (const auto& [id, p] : people_)
    if (scheme_id.empty() || p.scheme_id == scheme_id) out.push_back(p);
  return out;
}

Errors Workspace::check_record(const Person& p) const {
  Errors errors;
  if (!looks_like_email(p.email))
    errors.push_back({"", "$.email", "expected an e-mail address like \"name@example.org\", got \"" + p.email + "\""});
  if (p.roles.empty()) errors.push_back({"", "$.roles", "expected \"mentor\", \"mentee\" or both"});
  if (const Person* other = person_by_email(p.email); other && other->meta.id != p.meta.id)
    errors.push_back({"", "$.email", "another person already uses " + normalize_email(p.email)});
  return errors;
}

Errors Workspace::check_record(const Scheme& s) const {
  Errors errors;
  if (trim(s.name).empty()) errors.push_back({"", "$.name", "a scheme needs a name"});
  return errors;
}

Errors Workspace::check_record(const Pairing& p) const {
  Errors errors;
  if (normalize_email(p.mentor_email) == normalize_email(p.mentee_email))
    errors.push_back({"", "$.mentee_email", "nobody can be paired with themself"});
  if (p.history.empty()) errors.push_back({"", "$.history", "expected at least one status change"});
  return errors;
}

Errors Workspace::check_pairing_reference(const std::string& pairing_id) const {
  if (pairings_.count(pairing_id)) return {};
  return Errors{{"", "$.pairing_id", "no pairing with id \"" + pairing_id + "\""}};
}

template <class T>
Result<ChangeSet> Workspace::save(T record) {
  auto& t = table<T>();
  if (record.meta.id.empty()) {
    record.meta = new_meta();
    // Whichever partner starts the agreement, it is the same record on both devices.
    if constexpr (std::is_same_v<T, Agreement>)
      if (!record.pairing_id.empty()) record.meta.id = agreement_id_for(record.pairing_id);
  } else if (auto it = t.find(record.meta.id); it != t.end()) {
    // The stored copy's field versions are the truth (an editor's copy may predate a merge).
    record.meta.sync = it->second.meta.sync;
    if (it->second == record) return ChangeSet{};  // nothing changed: no new revision
    record.meta.created_at = it->second.meta.created_at;
    record.meta.revision = next_revision(std::max(record.meta.revision, it->second.meta.revision));
    record.meta.updated_at = clock_->now();
  } else {
    if (record.meta.created_at.empty()) record.meta.created_at = clock_->now();
    if (record.meta.updated_at.empty()) record.meta.updated_at = record.meta.created_at;
  }
  if (is_field_merged_store(T::kStore)) {
    auto it = t.find(record.meta.id);
    const Json stamped = stamp_local_edit(it != t.end() ? encode(it->second) : Json(), encode(record), device_, T::kStore);
    record.meta.sync = stamped.value(kSyncKey, Json());
  }
  Errors errors = check_record(record);
  if (!errors.empty()) return errors;
  // Nothing is stored that could not be read back: a record the reader refuses would make the
  // whole workspace unloadable after a reload.
  Json encoded = encode(record);
  {
    T read_back{};
    JsonReader reader(&encoded, "$", &errors);
    decode(reader, read_back);
    for (auto& e : errors) e.file = std::string(T::kStore) + "/" + record.meta.id;
    if (!errors.empty()) return errors;
  }
  ChangeSet changes;
  changes.upserts.push_back(StoredRecord{T::kStore, record.meta.id, std::move(encoded)});
  t[record.meta.id] = std::move(record);
  version_.bump();
  return changes;
}

template <class T>
Result<ChangeSet> Workspace::resolve_conflict(const std::string& id, const std::string& path, const Json& value) {
  auto& t = table<T>();
  auto it = t.find(id);
  if (it == t.end()) return Result<ChangeSet>::failure(std::string(T::kStore) + "/" + id, "", "no such record");
  Json resolved = pairwise::resolve_conflict(encode(it->second), path, value, device_, T::kStore);
  resolved["revision"] = next_revision(it->second.meta.revision);
  resolved["updated_at"] = clock_->now();
  Errors errors;
  T record{};
  decode(JsonReader(&resolved, "$", &errors), record);
  if (!errors.empty()) return errors;
  Errors rules = check_record(record);
  if (!rules.empty()) return rules;
  ChangeSet changes;
  changes.upserts.push_back(StoredRecord{T::kStore, id, encode(record)});
  t[id] = std::move(record);
  version_.bump();
  return changes;
}

template Result<ChangeSet> Workspace::resolve_conflict<Meeting>(const std::string&, const std::string&, const Json&);
template Result<ChangeSet> Workspace::resolve_conflict<Objective>(const std::string&, const std::string&, const Json&);
template Result<ChangeSet> Workspace::resolve_conflict<Agreement>(const std::string&, const std::string&, const Json&);
template Result<ChangeSet> Workspace::resolve_conflict<Feedback>(const std::string&, const std::string&, const Json&);
template Result<ChangeSet> Workspace::resolve_conflict<PrivateNote>(const std::string&, const std::string&, const Json&);
template Result<ChangeSet> Workspace::resolve_conflict<Person>(const std::string&, const std::string&, const Json&);
template Result<ChangeSet> Workspace::resolve_conflict<Pairing>(const std::string&, const std::string&, const Json&);

template Result<ChangeSet> Workspace::save<Scheme>(Scheme);
template Result<ChangeSet> Workspace::save<Person>(Person);
template Result<ChangeSet> Workspace::save<Pairing>(Pairing);
template Result<ChangeSet> Workspace::save<Agreement>(Agreement);
template Result<ChangeSet> Workspace::save<Meeting>(Meeting);
template Result<ChangeSet> Workspace::save<Objective>(Objective);
template Result<ChangeSet> Workspace::save<Feedback>(Feedback);
template Result<ChangeSet> Workspace::save<PrivateNote>(PrivateNote);

namespace {

template <class T>
void remove_of_pairing(std::map<std::string, T>& table, const std::string& pairing_id, ChangeSet& changes) {
  for (auto it = table.begin(); it != table.end();) {
    if (it->second.pairing_id == pairing_id) {
      changes.deletes.push_back(RecordKey{T::kStore, it->first});
      it = table.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace

template <class T>
ChangeSet Workspace::remove(const std::string& id) {
  ChangeSet changes;
  auto& t = table<T>();
  if (t.erase(id) == 0) return changes;
  version_.bump();
  changes.deletes.push_back(RecordKey{T::kStore, id});
  if constexpr (std::is_same_v<T, Pairing>) {
    remove_of_pairing(agreements_, id, changes);
    remove_of_pairing(meetings_, id, changes);
    remove_of_pairing(objectives_, id, changes);
    remove_of_pairing(feedback_, id, changes);
    remove_of_pairing(private_notes_, id, changes);
    if (progress_reports_.erase(id)) changes.deletes.push_back(RecordKey{kStoreProgressReports, id});
  }
  return changes;
}

template ChangeSet Workspace::remove<Scheme>(const std::string&);
template ChangeSet Workspace::remove<Person>(const std::string&);
template ChangeSet Workspace::remove<Pairing>(const std::string&);
template ChangeSet Workspace::remove<Agreement>(const std::string&);
template ChangeSet Workspace::remove<Meeting>(const std::string&);
template ChangeSet Workspace::remove<Objective>(const std::string&);
template ChangeSet Workspace::remove<Feedback>(const std::string&);
template ChangeSet Workspace::remove<PrivateNote>(const std::string&);

Result<ChangeSet> Workspace::transition_pairing(const std::string& pairing_id, TransitionRequest request) {
  const Pairing* current = find<Pairing>(pairing_id);
  if (!current) return Result<ChangeSet>::failure("", "", "no pairing with id " + pairing_id);
  Pairing updated = *current;
  if (request.to == PairingStatus::no_response) {
    const Scheme* scheme = find<Scheme>(updated.scheme_id);
    request.no_response_days = scheme ? scheme->no_response_days : request.no_response_days;
  }
  const Scheme* scheme = find<Scheme>(updated.scheme_id);
  // KIND: "both mentor and mentee sign a mutual-consent contract" before mentoring starts.
  if (request.to == PairingStatus::active && scheme && scheme->agreement_before_active) {
    const Agreement* a = agreement_of(pairing_id);
    if (!a || !a->is_agreed_by_both())
      return Result<ChangeSet>::failure("", "", "both the mentor and the mentee must sign the mutual-consent contract (" +
                                                    std::string(a ? "not yet signed by both" : "no contract yet") +
                                                    ") before the mentoring can start");
  }
  Outcome outcome = transition(updated, request);
  if (!outcome) return Result<ChangeSet>::failure("", "", outcome.message());
  // IKT: an unanswered request goes to the mentoring supervisor; record who it went to.
  if (request.to == PairingStatus::no_response && scheme)
    updated.escalations.push_back(
        Escalation{request.date, scheme->escalate_to.empty() ? "the coordinator" : scheme->escalate_to.describe()});
  return save(std::move(updated));
}

ChangeSet Workspace::mark_overdue_requests(const std::string& today) {
  ChangeSet changes;
  std::vector<std::string> overdue;
  for (const auto& [id, p] : pairings_) {
    const Scheme* scheme = find<Scheme>(p.scheme_id);
    const int days = scheme ? scheme->no_response_days : 14;
    if (is_awaiting_response_too_long(p, today, days)) overdue.push_back(id);
  }
  for (const auto& id : overdue) {
    auto r = transition_pairing(id, TransitionRequest{PairingStatus::no_response, today, Actor::system, "", 0});
    if (r) changes.append(r.value());
  }
  return changes;
}

Result<ChangeSet> Workspace::start_meeting(const std::string& pairing_id, const std::string& date) {
  if (!find<Pairing>(pairing_id)) return Result<ChangeSet>::failure("", "", "no pairing with id " + pairing_id);
  if (!is_valid_date(date)) return Result<ChangeSet>::failure("", "", "\"" + date + "\" is not a date like 2024-05-31");
  return save(start_next_meeting(meetings_of(pairing_id), new_meta(), pairing_id, date));
}

ChangeSet Workspace::set_settings(Json settings) {
  Json next = settings.is_object() ? std::move(settings) : Json::object();
  if (next != settings_) version_.bump();  // the same settings again change nothing derived from them
  settings_ = std::move(next);
  ChangeSet changes;
  changes.upserts.push_back(StoredRecord{kStoreSettings, "settings", settings_});
  return changes;
}

ChangeSet Workspace::store_progress_report(const ProgressReport& report) {
  progress_reports_[report.pairing_id] = report;
  version_.bump();
  ChangeSet changes;
  changes.upserts.push_back(StoredRecord{kStoreProgressReports, report.pairing_id, encode(report)});
  return changes;
}

namespace {

template <class T>
bool decode_into(const StoredRecord& r, std::map<std::string, T>& table, Errors& errors) {
  T value{};
  const std::size_t before = errors.size();
  JsonReader reader(&r.value, "$", &errors);
  decode(reader, value);
  for (std::size_t i = before; i < errors.size(); ++i) errors[i].file = r.store + "/" + r.id;
  if (errors.size() != before) return false;
  table[r.id] = std::move(value);
  return true;
}

// The record `id` of `from` replaces (or joins) the one in `into`, in its existing map node.
template <class T>
void take_in_place(std::map<std::string, T>& from, std::map<std::string, T>& into, const std::string& id) {
  auto it = from.find(id);
  if (it == from.end()) return;
  into[id] = std::move(it->second);
  from.erase(it);  // taken once, even when the changes name it twice
}

}  // namespace

Result<ChangeSet> Workspace::apply(const ChangeSet& changes) {
  // Work on a copy so a bad record leaves this workspace untouched.
  Workspace next = *this;
  Errors errors;
  for (const auto& r : changes.upserts) {
    if (r.store == kStoreSchemes) decode_into(r, next.schemes_, errors);
    else if (r.store == kStorePeople) decode_into(r, next.people_, errors);
    else if (r.store == kStorePairings) decode_into(r, next.pairings_, errors);
    else if (r.store == kStoreAgreements) decode_into(r, next.agreements_, errors);
    else if (r.store == kStoreMeetings) decode_into(r, next.meetings_, errors);
    else if (r.store == kStoreObjectives) decode_into(r, next.objectives_, errors);
    else if (r.store == kStoreFeedback) decode_into(r, next.feedback_, errors);
    else if (r.store == kStorePrivateNotes) decode_into(r, next.private_notes_, errors);
    else if (r.store == kStoreProgressReports) decode_into(r, next.progress_reports_, errors);
    else if (r.store == kStoreImports) decode_into(r, next.imports_, errors);
    else if (r.store == kStoreSettings) next.settings_ = r.value.is_object() ? r.value : Json::object();
    else errors.push_back({r.store + "/" + r.id, "$", "unknown store \"" + r.store + "\""});
  }
  for (const auto& d : changes.deletes) {
    if (d.store == kStoreSchemes) next.schemes_.erase(d.id);
    else if (d.store == kStorePeople) next.people_.erase(d.id);
    else if (d.store == kStorePairings) next.pairings_.erase(d.id);
    else if (d.store == kStoreAgreements) next.agreements_.erase(d.id);
    else if (d.store == kStoreMeetings) next.meetings_.erase(d.id);
    else if (d.store == kStoreObjectives) next.objectives_.erase(d.id);
    else if (d.store == kStoreFeedback) next.feedback_.erase(d.id);
    else if (d.store == kStorePrivateNotes) next.private_notes_.erase(d.id);
    else if (d.store == kStoreProgressReports) next.progress_reports_.erase(d.id);
    else if (d.store == kStoreImports) next.imports_.erase(d.id);
    else if (d.store == kStoreSettings) next.settings_ = Json::object();
  }
  if (!errors.empty()) return errors;
  // Taken record by record, where each one already is (map nodes stay): a screen holding a record
  // through the rest of its frame reads the new version, never freed memory, as it did when the
  // whole workspace was replaced by `next`.
  for (const auto& r : changes.upserts) {
    if (r.store == kStoreSchemes) take_in_place(next.schemes_, schemes_, r.id);
    else if (r.store == kStorePeople) take_in_place(next.people_, people_, r.id);
    else if (r.store == kStorePairings) take_in_place(next.pairings_, pairings_, r.id);
    else if (r.store == kStoreAgreements) take_in_place(next.agreements_, agreements_, r.id);
    else if (r.store == kStoreMeetings) take_in_place(next.meetings_, meetings_, r.id);
    else if (r.store == kStoreObjectives) take_in_place(next.objectives_, objectives_, r.id);
    else if (r.store == kStoreFeedback) take_in_place(next.feedback_, feedback_, r.id);
    else if (r.store == kStorePrivateNotes) take_in_place(next.private_notes_, private_notes_, r.id);
    else if (r.store == kStoreProgressReports) take_in_place(next.progress_reports_, progress_reports_, r.id);
    else if (r.store == kStoreImports) take_in_place(next.imports_, imports_, r.id);
    else if (r.store == kStoreSettings) settings_ = next.settings_;
  }
  for (const auto& d : changes.deletes) {
    if (d.store == kStoreSchemes) schemes_.erase(d.id);
    else if (d.store == kStorePeople) people_.erase(d.id);
    else if (d.store == kStorePairings) pairings_.erase(d.id);
    else if (d.store == kStoreAgreements) agreements_.erase(d.id);
    else if (d.store == kStoreMeetings) meetings_.erase(d.id);
    else if (d.store == kStoreObjectives) objectives_.erase(d.id);
    else if (d.store == kStoreFeedback) feedback_.erase(d.id);
    else if (d.store == kStorePrivateNotes) private_notes_.erase(d.id);
    else if (d.store == kStoreProgressReports) progress_reports_.erase(d.id);
    else if (d.store == kStoreImports) imports_.erase(d.id);
    else if (d.store == kStoreSettings) settings_ = Json::object();
  }
  if (!changes.empty()) version_.bump();
  return changes;
}

Result<Workspace> Workspace::load_records(const std::vector<StoredRecord>& records, const Clock& clock,
                                          IdGenerator& ids) {
  Workspace ws(clock, ids);
  ChangeSet all;
  all.upserts = records;
  auto applied = ws.apply(all);
  if (!applied) return applied.errors();
  return ws;
}

Workspace::Loaded Workspace::load_records_keeping_damaged(const std::vector<StoredRecord>& records,
                                                           const Clock& clock, IdGenerator& ids) {
  Loaded out{Workspace(clock, ids), {}};
  // Most loads are clean: try everything at once, and record by record only when that fails.
  ChangeSet all;
  all.upserts = records;
  const bool settings_damaged = std::any_of(records.begin(), records.end(), [](const StoredRecord& r) {
    return r.store == kStoreSettings && !r.value.is_object();
  });
  if (!settings_damaged && out.workspace.apply(all)) return out;
  for (const StoredRecord& r : records) {
    if (r.store == kStoreSettings && !r.value.is_object()) {
      out.damaged.push_back({{r.store, r.id}, {{r.store + "/" + r.id, "$", "expected an object, got " + describe_json_value(r.value)}}});
      continue;
    }
    ChangeSet one;
    one.upserts.push_back(r);
    auto applied = out.workspace.apply(one);
    if (!applied) out.damaged.push_back({{r.store, r.id}, applied.errors()});
  }
  return out;
}

std::vector<ImportRecord> Workspace::import_history() const {
  std::vector<ImportRecord> out;
  for (const auto& [id, r] : imports_) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const ImportRecord& a, const ImportRecord& b) {
    return a.imported_at != b.imported_at ? a.imported_at > b.imported_at : a.meta.id > b.meta.id;
  });
  return out;
}

std::vector<StoredRecord> Workspace::all_records() const {
  std::vector<StoredRecord> out;
  auto dump = [&out](const auto& table) {
    for (const auto& [id, r] : table) {
      using T = std::decay_t<decltype(r)>;
      out.push_back(StoredRecord{T::kStore, id, encode(r)});
    }
  };
  dump(schemes_);
  dump(people_);
  dump(pairings_);
  dump(agreements_);
  dump(meetings_);
  dump(objectives_);
  dump(feedback_);
  dump(private_notes_);
  dump(imports_);
  for (const auto& [id, r] : progress_reports_) out.push_back(StoredRecord{kStoreProgressReports, id, encode(r)});
  if (!settings_.empty()) out.push_back(StoredRecord{kStoreSettings, "settings", settings_});
  return out;
}

}  // namespace pairwise
