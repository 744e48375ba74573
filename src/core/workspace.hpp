#pragma once
// The in-memory store of every record one user holds, with the operations the UI calls.
// Every mutation is validated first and then applied in one step, and returns the ChangeSet
// the platform layer writes as one IndexedDB transaction; load_records() rebuilds the
// workspace from everything stored.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/records/agreement.hpp"
#include "core/records/feedback.hpp"
#include "core/records/import_record.hpp"
#include "core/records/meeting.hpp"
#include "core/records/objective.hpp"
#include "core/records/pairing.hpp"
#include "core/records/person.hpp"
#include "core/records/scheme.hpp"
#include "core/reports/progress_report.hpp"
#include "core/result.hpp"

namespace pairwise {

// Object stores, in the order records should be loaded.
inline constexpr const char* kStoreSchemes = "schemes";
inline constexpr const char* kStorePeople = "people";
inline constexpr const char* kStorePairings = "pairings";
inline constexpr const char* kStoreAgreements = "agreements";
inline constexpr const char* kStoreMeetings = "meetings";
inline constexpr const char* kStoreObjectives = "objectives";
inline constexpr const char* kStoreFeedback = "feedback";
inline constexpr const char* kStorePrivateNotes = "private_notes";
inline constexpr const char* kStoreProgressReports = "progress_reports";  // keyed by pairing id
inline constexpr const char* kStoreSettings = "settings";                 // one record, id "settings"
inline constexpr const char* kStoreImports = "imports";                   // the import history (format v5)
const std::vector<std::string>& all_store_names();

struct StoredRecord {
  std::string store;
  std::string id;
  Json value;
  bool operator==(const StoredRecord&) const = default;
};

struct RecordKey {
  std::string store;
  std::string id;
  bool operator==(const RecordKey&) const = default;
};

struct ChangeSet {
  std::vector<StoredRecord> upserts;
  std::vector<RecordKey> deletes;
  bool empty() const { return upserts.empty() && deletes.empty(); }
  void append(const ChangeSet& other);
};

class Workspace {
 public:
  Workspace();  // system clock, random ids
  Workspace(const Clock& clock, IdGenerator& ids);

  // Rebuilds a workspace from every stored record; refuses (listing every problem) if any
  // record does not decode.
  static Result<Workspace> load_records(const std::vector<StoredRecord>& records, const Clock& clock,
                                        IdGenerator& ids);
  // What the app loads from storage: every record that decodes, and the ones that do not, kept
  // aside (with why) so they can be shown as damaged and are never overwritten.
  struct Loaded;
  static Loaded load_records_keeping_damaged(const std::vector<StoredRecord>& records, const Clock& clock,
                                             IdGenerator& ids);
  std::vector<StoredRecord> all_records() const;

  const Clock& clock() const { return *clock_; }
  IdGenerator& ids() const { return *ids_; }
  RecordMeta new_meta() const;
  // The device this workspace lives on: edits of the pair's records (meetings, objectives, the
  // agreement, feedback, private notes) are versioned field by field under this name, so copies
  // from two devices merge without losing text (core/sync/field_merge.hpp). Empty: "unnamed-device".
  void set_device(std::string device) { device_ = std::move(device); }
  const std::string& device() const { return device_; }
  // The metadata of a record sent out again after a change (an applicant's corrected application):
  // the same id, the next revision and now, so the receiver takes it over the copy it has.
  RecordMeta next_export_meta(const RecordMeta& previous) const;

  // ---- reading ----
  const std::map<std::string, Scheme>& schemes() const { return schemes_; }
  const std::map<std::string, Person>& people() const { return people_; }
  const std::map<std::string, Pairing>& pairings() const { return pairings_; }
  const std::map<std::string, Agreement>& agreements() const { return agreements_; }
  const std::map<std::string, Meeting>& meetings() const { return meetings_; }
  const std::map<std::string, Objective>& objectives() const { return objectives_; }
  const std::map<std::string, Feedback>& feedback() const { return feedback_; }
  const std::map<std::string, PrivateNote>& private_notes() const { return private_notes_; }
  const std::map<std::string, ProgressReport>& progress_reports() const { return progress_reports_; }
  const Json& settings() const { return settings_; }
  const std::map<std::string, ImportRecord>& imports() const { return imports_; }
  // The import history, newest first.
  std::vector<ImportRecord> import_history() const;

  template <class T>
  const T* find(const std::string& id) const;
  const Person* person_by_email(std::string_view email) const;
  // How to call someone on screen and in file names: their name, or the e-mail when this device
  // knows no name for them (IKT registers people by e-mail alone).
  std::string display_name(std::string_view email) const;
  const Agreement* agreement_of(const std::string& pairing_id) const;
  std::vector<Meeting> meetings_of(const std::string& pairing_id) const;  // by date
  std::vector<Objective> objectives_of(const std::string& pairing_id) const;
  std::vector<Feedback> feedback_of(const std::string& pairing_id) const;
  std::vector<PrivateNote> private_notes_of(const std::string& pairing_id) const;
  std::vector<Pairing> pairings_of_scheme(const std::string& scheme_id) const;
  std::vector<Person> people_of_scheme(const std::string& scheme_id) const;

  // ---- changing ----
  // Creates (empty id: a fresh id and times) or updates (revision + 1, updated now) a record.
  template <class T>
  Result<ChangeSet> save(T record);
  // Removing a pairing also removes its agreement, meetings, objectives, feedback and notes.
  template <class T>
  ChangeSet remove(const std::string& id);
  // A field edited on both sides (core/sync/field_merge.hpp) takes `value` by this device's
  // choice, covering every value it held: the conflict is resolved on every device it reaches.
  template <class T>
  Result<ChangeSet> resolve_conflict(const std::string& id, const std::string& path, const Json& value);
  // Refuses "active" while a scheme that asks for a contract first (KIND) lacks both signatures;
  // "no response" records an escalation to the scheme's escalation contact (IKT: the supervisor).
  Result<ChangeSet> transition_pairing(const std::string& pairing_id, TransitionRequest request);
  // Marks every requested pairing whose mentor has not answered in time as "no response".
  ChangeSet mark_overdue_requests(const std::string& today);
  // A new meeting whose Review lists the open actions of the pairing's latest meeting.
  Result<ChangeSet> start_meeting(const std::string& pairing_id, const std::string& date);
  ChangeSet set_settings(Json settings);
  ChangeSet store_progress_report(const ProgressReport& report);

  // Applies stored records (e.g. from an import or another tab); all-or-nothing.
  Result<ChangeSet> apply(const ChangeSet& changes);

  // Moves on every change made through this workspace (save, remove, apply, every operation built
  // on them) and when the workspace is replaced by assignment (a load, a restore); never goes back.
  // Whatever a screen derives from the records (a match input, a sorted list, a report) is keyed on
  // it alone, so no change, however small, can leave a stale copy on screen.
  std::uint64_t version() const { return version_.value; }

 private:
  // A counter that a copy keeps and an assignment moves past both sides' values: a workspace
  // assigned over another never shows a version its earlier contents already had.
  struct Version {
    std::uint64_t value = 0;
    Version() = default;
    Version(const Version&) = default;
    Version& operator=(const Version& other) {
      value = std::max(value, other.value) + 1;
      return *this;
    }
    void bump() { ++value; }
  };

  template <class T>
  std::map<std::string, T>& table();
  template <class T>
  const std::map<std::string, T>& table() const;
  Errors check_record(const Person& p) const;
  Errors check_record(const Scheme& s) const;
  Errors check_record(const Pairing& p) const;
  Errors check_pairing_reference(const std::string& pairing_id) const;
  Errors check_record(const Agreement& a) const { return check_pairing_reference(a.pairing_id); }
  Errors check_record(const Meeting& m) const { return check_pairing_reference(m.pairing_id); }
  Errors check_record(const Objective& o) const { return check_pairing_reference(o.pairing_id); }
  Errors check_record(const Feedback&) const { return {}; }
  Errors check_record(const PrivateNote& n) const { return check_pairing_reference(n.pairing_id); }

  const Clock* clock_;
  IdGenerator* ids_;
  std::string device_;
  std::map<std::string, Scheme> schemes_;
  std::map<std::string, Person> people_;
  std::map<std::string, Pairing> pairings_;
  std::map<std::string, Agreement> agreements_;
  std::map<std::string, Meeting> meetings_;
  std::map<std::string, Objective> objectives_;
  std::map<std::string, Feedback> feedback_;
  std::map<std::string, PrivateNote> private_notes_;
  std::map<std::string, ProgressReport> progress_reports_;
  std::map<std::string, ImportRecord> imports_;
  Json settings_ = Json::object();
  Version version_;
};

struct DamagedRecord {
  RecordKey key;
  Errors problems;
};

struct Workspace::Loaded {
  Workspace workspace;
  std::vector<DamagedRecord> damaged;
};

// Defined in workspace.cpp for each record type.
template <>
const std::map<std::string, Scheme>& Workspace::table<Scheme>() const;
template <>
const std::map<std::string, Person>& Workspace::table<Person>() const;
template <>
const std::map<std::string, Pairing>& Workspace::table<Pairing>() const;
template <>
const std::map<std::string, Agreement>& Workspace::table<Agreement>() const;
template <>
const std::map<std::string, Meeting>& Workspace::table<Meeting>() const;
template <>
const std::map<std::string, Objective>& Workspace::table<Objective>() const;
template <>
const std::map<std::string, Feedback>& Workspace::table<Feedback>() const;
template <>
const std::map<std::string, PrivateNote>& Workspace::table<PrivateNote>() const;
template <>
const std::map<std::string, ImportRecord>& Workspace::table<ImportRecord>() const;

template <class T>
const T* Workspace::find(const std::string& id) const {
  const auto& t = table<T>();
  auto it = t.find(id);
  return it == t.end() ? nullptr : &it->second;
}

}  // namespace pairwise
