// Who may see what (issue 12): every field has a declared audience, the introduction pack is cut
// from that declaration, and the coordinator's import refuses what only the pair may read.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "core/privacy/audience.hpp"
#include "core/reports/csv_exports.hpp"
#include "core/xlsx/xlsx_reader.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

const char* kNow = "2024-03-01T09:00:00Z";

// Every record the app can write: the fixture's workspace (every kind, every free-text place),
// plus every example and fixture document in the repository.
std::vector<StoredRecord> every_written_record() {
  test::Fixture fx;
  REQUIRE(fx.ws.apply(fx.ws.set_settings(Json{{"role", "coordinator"}})));
  // Text kept as typed that is not a valid date is flagged in "invalid_fields" (format v3).
  Objective typed = fx.ws.objectives_of(fx.pairing_id).at(0);
  typed.due_date = "31/03/2027";
  REQUIRE(fx.ws.save(typed));
  PrivateNote note = fx.ws.private_notes_of(fx.pairing_id).at(0);
  note.date = "next week";
  REQUIRE(fx.ws.save(note));
  std::vector<StoredRecord> out;
  auto backup = make_backup(fx.ws);
  for (auto& r : stored_records_of(Document{backup})) out.push_back(std::move(r));
  for (const char* folder : {"assets/examples", "tests/fixtures", "assets/presets"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PAIRWISE_SOURCE_DIR) + "/" + folder)) {
      if (entry.path().extension() != ".json") continue;
      const std::string name = std::string(folder) + "/" + entry.path().filename().string();
      auto parsed = read_document(test::read_source_file(name), name);
      if (!parsed) continue;  // newer-version fixtures are refused on purpose
      for (auto& r : stored_records_of(parsed->document)) out.push_back(std::move(r));
    }
  }
  return out;
}

bool declared(const std::vector<FieldAudience>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.field == name || f.field == "*") return true;
  return false;
}

}  // namespace

TEST_CASE("every field any record writes has a declared audience (a new field without one fails here)") {
  const auto records = every_written_record();
  REQUIRE(records.size() > 20);
  std::set<std::string> stores_seen;
  for (const auto& r : records) {
    stores_seen.insert(r.store);
    const auto& fields = field_audiences(r.store);
    CHECK_MESSAGE(!fields.empty(), "store " << r.store << " has no audience declaration");
    for (auto it = r.value.begin(); it != r.value.end(); ++it)
      CHECK_MESSAGE(declared(fields, it.key()), r.store << "." << it.key() << " has no audience");
  }
  // The records above really cover every kind of record a workspace holds.
  for (const char* store : {"people", "pairings", "schemes", "meetings", "objectives", "agreements", "feedback",
                            "private_notes", "progress_reports", "settings"})
    CHECK_MESSAGE(stores_seen.count(store) == 1, std::string(store));
  bool flagged_seen = false;
  for (const auto& r : records) flagged_seen = flagged_seen || r.value.contains("invalid_fields");
  CHECK(flagged_seen);
}

TEST_CASE("each reader sees exactly the fields declared for them, nested ones included") {
  for (auto store : declared_stores()) {
    const auto& fields = field_audiences(store);
    auto is_container = [&](const std::string& name) {
      for (const auto& f : fields)
        if (std::string(f.field).rfind(name + ".", 0) == 0) return true;
      return false;
    };
    auto audience_of = [&](const std::string& name) {
      for (const auto& f : fields)
        if (f.field == name) return f.audience;
      FAIL("no declaration for " << name);
      return Audience::author;
    };
    // A record with a unique marker in every declared field ("key.sub" inside a list under key).
    Json record = Json::object();
    for (const auto& f : fields) {
      const std::string field(f.field);
      if (field == "*" || is_container(field)) continue;
      const auto dot = field.find('.');
      const std::string marker = "MARK-" + field;
      if (dot == std::string::npos) {
        record[field] = marker;
      } else {
        Json& list = record[field.substr(0, dot)];
        if (!list.is_array()) list = Json::array({Json::object()});
        list[0][field.substr(dot + 1)] = marker;
      }
    }
    for (Reader reader : {Reader::anyone, Reader::coordinator, Reader::partner, Reader::author}) {
      INFO(store << " for reader " << static_cast<int>(reader));
      const std::string shown = visible_part(record, store, reader).dump();
      const auto hidden = hidden_fields_present(record, store, reader);
      for (const auto& f : fields) {
        const std::string field(f.field);
        if (field == "*" || is_container(field)) continue;
        const auto dot = field.find('.');
        const bool visible = may_see(f.audience, reader) &&
                             (dot == std::string::npos || may_see(audience_of(field.substr(0, dot)), reader));
        CHECK_MESSAGE((shown.find("\"MARK-" + field + "\"") != std::string::npos) == visible, field);
        bool listed = false;
        for (const auto& h : hidden) listed = listed || h == field || (dot != std::string::npos && h == field.substr(0, dot));
        CHECK_MESSAGE(listed == !visible, field << " listed as hidden");
      }
    }
  }
}

TEST_CASE("an introduction pack carries only what the pair needs (issue 12 finding: other pairs, mapping, reasons)") {
  test::Fixture fx;
  Scheme scheme = *fx.ws.find<Scheme>(fx.scheme_id);
  scheme.forbidden_pairs = {{"other.mentor@example.org", "other.mentee@example.org"}};
  scheme.locked_pairs = {{"locked.mentor@example.org", "locked.mentee@example.org"}};
  scheme.csv_mapping.columns = {{"Email Address SECRET-mapping", "email"}};
  scheme.escalate_to = {"mentoring supervisor", "SECRET-supervisor", "supervisor@example.org"};
  scheme.expectations.first_meeting_minutes = 90;
  REQUIRE(fx.ws.save(scheme));
  Person mentor = *fx.ws.person_by_email("mentor@example.org");
  mentor.status = PersonStatus::paused;
  mentor.status_history = {{PersonStatus::paused, "2024-02-01", "SECRET-for-ill-health"}};
  mentor.decision = Decision::selected;
  mentor.decision_on = "2023-12-24";
  mentor.preferences = {"ranked.first@example.org"};
  mentor.line_manager_email = "manager.secret@example.org";
  REQUIRE(fx.ws.save(mentor));
  Pairing pairing = *fx.ws.find<Pairing>(fx.pairing_id);
  pairing.score_explanation = "SECRET-score-explanation";
  pairing.escalations = {{"2024-02-02", "SECRET-escalated-to"}};
  REQUIRE(fx.ws.save(pairing));
  Person other;
  other.scheme_id = fx.scheme_id;
  other.email = "another.applicant@example.org";
  other.name = "SECRET-another-applicant";
  other.roles = {Role::mentee};
  REQUIRE(fx.ws.save(other));

  auto pack = make_introduction_pack(fx.ws, fx.pairing_id);
  REQUIRE(pack.ok());
  const std::string text = write_document(pack.value(), kNow);
  for (const char* leak : {"other.mentor@example.org", "locked.mentor@example.org", "SECRET-mapping", "SECRET-supervisor",
                           "SECRET-for-ill-health", "ranked.first@example.org", "manager.secret@example.org",
                           "SECRET-escalated-to", "SECRET-reason-request",
                           "SECRET-reason-accept", "SECRET-another-applicant", "\"selected\"", "2023-12-24",
                           "\"paused\""})
    CHECK_MESSAGE(text.find(leak) == std::string::npos, std::string(leak));
  // What the pair needs is all there.
  for (const char* needed : {"Mina Mentor", "Teo Mentee", "SECRET-project-what", "SECRET-project-barriers",
                             "SECRET-score-explanation",  // why the two of them were matched
                             "\"first_meeting_minutes\": 90", "\"history\""})
    CHECK_MESSAGE(text.find(needed) != std::string::npos, std::string(needed));
  // The pack is exactly the declaration's cut of each record, no more (nothing hidden holds a
  // value), no less (everything the partner may see is as stored).
  // Hidden fields hold only what a new record holds (a default status, an empty list).
  auto same_cut = [](const auto& packed_record, const auto& stored_record) {
    using T = std::decay_t<decltype(packed_record)>;
    const Json packed = encode(packed_record), stored = encode(stored_record), fresh = encode(T{});
    INFO(T::kStore);
    CHECK(visible_part(packed, T::kStore, Reader::partner) == visible_part(stored, T::kStore, Reader::partner));
    for (const auto& field : hidden_fields_present(stored, T::kStore, Reader::partner)) {
      const auto dot = field.find('.');
      if (dot == std::string::npos) {
        CHECK_MESSAGE(packed.value(field, Json()) == fresh.value(field, Json()), field);
      } else {
        for (const auto& item : packed.at(field.substr(0, dot)))
          CHECK_MESSAGE(item.value(field.substr(dot + 1), std::string()).empty(), field);
      }
    }
  };
  same_cut(pack->mentor, *fx.ws.person_by_email("mentor@example.org"));
  same_cut(pack->mentee, *fx.ws.person_by_email("mentee@example.org"));
  same_cut(pack->pairing, *fx.ws.find<Pairing>(fx.pairing_id));
  same_cut(pack->scheme, *fx.ws.find<Scheme>(fx.scheme_id));
  // The pack still opens as a valid document.
  auto back = read_document(text, "pack.json");
  REQUIRE(back.ok());
}

TEST_CASE("the coordinator's import refuses a pair's notebook and stores nothing from it (issue 12 finding)") {
  test::Fixture pair_side;
  const std::string for_myself =
      write_document(make_pair_notebook(pair_side.ws, pair_side.pairing_id, NotebookAudience::self).value(), kNow);
  const std::string for_partner =
      write_document(make_pair_notebook(pair_side.ws, pair_side.pairing_id, NotebookAudience::partner).value(), kNow);
  const std::string backup = write_document(make_backup(pair_side.ws), kNow);
  const std::string report =
      write_document(ProgressReportDocument{make_progress_report(pair_side.ws, pair_side.pairing_id, "2024-03-01").value()}, kNow);

  test::Fixture coordinator;  // a coordinator workspace that knows the same pairing
  const auto before = coordinator.ws.all_records();
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"notebook-for-myself.json", for_myself}, {"notebook-for-partner.json", for_partner},
           {"pair-backup.json", backup}}) {
    // Even beside a good file, the batch stores nothing.
    auto preview = preview_import(coordinator.ws, {{name, text}, {"report.json", report}}, ImportOptions{});
    REQUIRE_FALSE(preview.can_apply());
    REQUIRE(preview.errors.size() == 1);
    const auto& e = preview.errors[0];
    CHECK(e.file == name);
    CHECK(e.message.find("only the pair may read") != std::string::npos);
    CHECK(e.message.find("meetings (") != std::string::npos);
    INFO(e.message);
    CHECK(preview.changes.empty());
    CHECK_FALSE(apply_import(coordinator.ws, preview).ok());
  }
  CHECK(coordinator.ws.all_records() == before);
  auto for_myself_preview = preview_import(coordinator.ws, {{"n.json", for_myself}}, ImportOptions{});
  REQUIRE(!for_myself_preview.errors.empty());
  CHECK(for_myself_preview.errors[0].message.find("private_notes (") != std::string::npos);

  // What is meant for the coordinator still comes in: the progress report and an application.
  auto ok = preview_import(coordinator.ws, {{"report.json", report}}, ImportOptions{});
  CHECK(ok.can_apply());
}

namespace {

// Every text a record holds, at any depth.
void collect_texts(const Json& value, std::set<std::string>& out) {
  if (value.is_string()) {
    if (!value.get<std::string>().empty()) out.insert(value.get<std::string>());
  } else if (value.is_array() || value.is_object()) {
    for (const auto& v : value) collect_texts(v, out);
  }
}

}  // namespace

TEST_CASE("the coordinator's tables (participants, pairings, monitoring, as CSV and XLSX) hold nothing only the pair may read") {
  test::Fixture fx;
  // What the coordinator may not read: each record's texts outside the coordinator's cut of it.
  std::set<std::string> pair_only, coordinator_may;
  for (const auto& r : fx.ws.all_records()) {
    std::set<std::string> all, visible;
    collect_texts(r.value, all);
    collect_texts(visible_part(r.value, r.store, Reader::coordinator), visible);
    for (const auto& t : all)
      if (!visible.count(t) && t.find("SECRET") != std::string::npos) pair_only.insert(t);
    coordinator_may.insert(visible.begin(), visible.end());
  }
  REQUIRE(pair_only.size() >= 3);  // meeting notes, agreement words, private notes: the test can fail
  auto cells_of = [](const std::string& xlsx, const char* name) {
    auto table = read_xlsx_table(xlsx, name);
    INFO(table.error_text());
    REQUIRE(table.ok());
    std::string text;
    for (const auto& h : table->header) text += h + "\n";
    for (const auto& row : table->rows)
      for (const auto& c : row.cells) text += c + "\n";
    return text;
  };
  const std::string today = "2024-03-01";
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"participants.csv", participants_csv(fx.ws, fx.scheme_id)},
      {"pairings.csv", pairings_csv(fx.ws, fx.scheme_id)},
      {"monitoring.csv", monitoring_csv(fx.ws, fx.scheme_id, today)},
      {"participants.xlsx", cells_of(participants_xlsx(fx.ws, fx.scheme_id), "participants.xlsx")},
      {"pairings.xlsx", cells_of(pairings_xlsx(fx.ws, fx.scheme_id), "pairings.xlsx")},
      {"monitoring.xlsx", cells_of(monitoring_xlsx(fx.ws, fx.scheme_id, today), "monitoring.xlsx")},
  };
  // Plain pairs, not structured bindings: clang 14 (em++) cannot capture those in INFO's lambda.
  for (const auto& table : tables) {
    const std::string& name = table.first;
    INFO(name);
    for (const auto& secret : pair_only) CHECK_MESSAGE(table.second.find(secret) == std::string::npos, secret);
  }
  // And they do hold what they are for: the people and their pairing.
  for (const auto& table : tables) {
    const std::string& name = table.first;
    if (name.rfind("monitoring", 0) == 0) continue;  // monitoring lists reports, not people
    INFO(name);
    CHECK(table.second.find("mentee@example.org") != std::string::npos);
  }
}
