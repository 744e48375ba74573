// People and pairings merge field by field too (issue 11 part 1): a coordinator working on two
// devices (or two coordinators of one scheme) exchange backups, and nothing either typed or decided
// is set aside. Then properties over random edit histories of a person on two and three devices.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <set>

#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "core/presets/presets.hpp"
#include "core/sync/field_merge.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

// A coordinator's workspace: a scheme, a mentor, a mentee and their active pairing (no pair notes:
// a coordinator never holds them, and the coordinator's import refuses files that do).
struct CoordinatorWorkspace {
  FixedClock clock{"2024-03-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  std::string pairing_id, mentor_id;

  CoordinatorWorkspace() {
    Scheme s = make_preset(SchemePreset::coproduction, ids, clock);
    REQUIRE(ws.save(s).ok());
    Person mentor;
    mentor.scheme_id = s.meta.id;
    mentor.email = "mentor@example.org";
    mentor.name = "Mina Mentor";
    mentor.roles = {Role::mentor};
    mentor.availability = "once a month";
    REQUIRE(ws.save(mentor).ok());
    mentor_id = ws.person_by_email("mentor@example.org")->meta.id;
    Person mentee;
    mentee.scheme_id = s.meta.id;
    mentee.email = "mentee@example.org";
    mentee.name = "Teo Mentee";
    mentee.roles = {Role::mentee};
    REQUIRE(ws.save(mentee).ok());
    Pairing p = make_pairing(ws.new_meta(), s.meta.id, "mentor@example.org", "mentee@example.org", "2024-01-01");
    p.history.push_back({PairingStatus::requested, "2024-01-02", Actor::coordinator, "SECRET-reason-request"});
    p.history.push_back({PairingStatus::accepted, "2024-01-05", Actor::mentor, ""});
    p.history.push_back({PairingStatus::active, "2024-01-10", Actor::coordinator, ""});
    pairing_id = p.meta.id;
    REQUIRE(ws.save(p).ok());
  }
};

InputFile backup_of(const Workspace& ws, const std::string& name) {
  return {name, write_document(make_backup(ws), ws.clock().now())};
}

ImportPreview take_backup(Workspace& into, const Workspace& from, const std::string& name) {
  auto preview = preview_import(into, {backup_of(from, name)}, ImportOptions{});
  INFO((preview.errors.empty() ? std::string() : preview.errors[0].to_string()));
  REQUIRE(preview.can_apply());
  REQUIRE(apply_import(into, preview).ok());
  return preview;
}

Person& edit_person(Workspace& ws, const std::string& id, Person& copy) {
  copy = *ws.find<Person>(id);
  return copy;
}

}  // namespace

TEST_CASE("a pause on one device and a correction on the other both survive a backup exchange (people)") {
  CoordinatorWorkspace fx;
  Workspace laptop = fx.ws, office = fx.ws;
  laptop.set_device("coordinator-laptop");
  office.set_device("coordinator-office");

  Person p;
  edit_person(laptop, fx.mentor_id, p);
  p.status = PersonStatus::paused;
  p.status_history.push_back({PersonStatus::paused, "2024-03-02", "asked for a break until May"});
  REQUIRE(laptop.save(p).ok());
  edit_person(laptop, fx.mentor_id, p);
  p.status_history.back().reason += " (confirmed by phone)";  // a second edit: a higher revision here
  REQUIRE(laptop.save(p).ok());

  edit_person(office, fx.mentor_id, p);
  p.availability = "Tuesdays after 4pm, 60 minutes";
  REQUIRE(office.save(p).ok());

  // Whole-record merging kept the copy edited more often and set the other one's edit aside.
  const auto preview = take_backup(office, laptop, "laptop-backup.json");
  const Person& merged = *office.find<Person>(fx.mentor_id);
  CHECK(merged.status == PersonStatus::paused);
  REQUIRE(merged.status_history.size() == 1);
  CHECK(merged.status_history[0].reason == "asked for a break until May (confirmed by phone)");
  CHECK(merged.availability == "Tuesdays after 4pm, 60 minutes");
  CHECK(preview.conflicts.empty());

  // The other way round gives the same person, and the next exchange changes nothing.
  take_backup(laptop, office, "office-backup.json");
  CHECK(content_of(encode(*laptop.find<Person>(fx.mentor_id))) == content_of(encode(merged)));
  auto again = preview_import(office, {backup_of(laptop, "laptop-again.json")}, ImportOptions{});
  CHECK(again.changes.empty());
}

TEST_CASE("a pairing ended on one device and locked on the other keeps both (pairings)") {
  CoordinatorWorkspace fx;
  Workspace laptop = fx.ws, office = fx.ws;
  laptop.set_device("coordinator-laptop");
  office.set_device("coordinator-office");
  Pairing a = *laptop.find<Pairing>(fx.pairing_id);
  REQUIRE(transition(a, {PairingStatus::completed, "2024-06-30", Actor::coordinator, "", 0}).ok());
  REQUIRE(laptop.save(a).ok());
  Pairing b = *office.find<Pairing>(fx.pairing_id);
  b.locked = true;
  b.escalations.push_back({"2024-03-05", "mentoring supervisor"});
  REQUIRE(office.save(b).ok());

  take_backup(office, laptop, "laptop-backup.json");
  const Pairing& merged = *office.find<Pairing>(fx.pairing_id);
  CHECK(merged.status() == PairingStatus::completed);
  CHECK(merged.locked);
  CHECK(merged.escalations.size() == 1);
  CHECK(conflicts_in(encode(merged)).empty());
}

TEST_CASE("a status changed differently on two devices keeps both until the coordinator chooses; the choice "
          "takes its own history") {
  CoordinatorWorkspace fx;
  Workspace laptop = fx.ws, office = fx.ws;
  laptop.set_device("coordinator-laptop");
  office.set_device("coordinator-office");
  Person p;
  edit_person(laptop, fx.mentor_id, p);
  p.status = PersonStatus::paused;
  p.status_history.push_back({PersonStatus::paused, "2024-03-02", "laptop: paused for the summer"});
  REQUIRE(laptop.save(p).ok());
  edit_person(office, fx.mentor_id, p);
  p.status = PersonStatus::left;
  p.status_history.push_back({PersonStatus::left, "2024-03-03", "office: moved to another university"});
  REQUIRE(office.save(p).ok());

  const auto preview = take_backup(office, laptop, "laptop-backup.json");
  const Json merged = encode(*office.find<Person>(fx.mentor_id));
  std::set<std::string> paths;
  for (const auto& c : conflicts_in(merged)) paths.insert(c.path);
  CHECK(paths == std::set<std::string>{"status", "status_history"});
  // Listed in the preview, naming the field.
  std::string listed;
  for (const auto& c : preview.conflicts) listed += c.kept + "\n";
  CHECK(listed.find("\"status\"") != std::string::npos);
  CHECK(listed.find("\"status_history\"") != std::string::npos);
  // Both texts are kept, and what is shown holds together: the status is its history's last entry.
  CHECK(merged.dump().find("laptop: paused for the summer") != std::string::npos);
  CHECK(merged.dump().find("office: moved to another university") != std::string::npos);
  const Person& shown = *office.find<Person>(fx.mentor_id);
  REQUIRE(shown.status_history.size() == 1);
  CHECK(shown.status == shown.status_history[0].status);

  // The coordinator picks the status not shown: its history comes with it, and nothing is left.
  const std::string other = shown.status == PersonStatus::paused ? "left" : "paused";
  REQUIRE(office.resolve_conflict<Person>(fx.mentor_id, "status", other).ok());
  const Person& settled = *office.find<Person>(fx.mentor_id);
  CHECK(enum_to_string(kPersonStatusNames, settled.status) == other);
  REQUIRE(settled.status_history.size() == 1);
  CHECK(settled.status_history[0].status == settled.status);
  CHECK(conflicts_in(encode(settled)).empty());
  // The choice reaches the other device with the next backup.
  take_backup(laptop, office, "office-backup.json");
  CHECK(enum_to_string(kPersonStatusNames, laptop.find<Person>(fx.mentor_id)->status) == other);
  CHECK(conflicts_in(encode(*laptop.find<Person>(fx.mentor_id))).empty());
}

TEST_CASE("a pairing's history in conflict sends none of its reasons in the introduction pack") {
  CoordinatorWorkspace fx;
  Workspace laptop = fx.ws, office = fx.ws;
  laptop.set_device("coordinator-laptop");
  office.set_device("coordinator-office");
  Pairing a = *laptop.find<Pairing>(fx.pairing_id);
  REQUIRE(transition(a, {PairingStatus::completed, "2024-06-30", Actor::coordinator, "SECRET-completed-laptop", 0}).ok());
  REQUIRE(laptop.save(a).ok());
  Pairing b = *office.find<Pairing>(fx.pairing_id);
  REQUIRE(transition(b, {PairingStatus::withdrawn, "2024-04-01", Actor::mentee, "SECRET-withdrawn-office", 0}).ok());
  REQUIRE(office.save(b).ok());
  take_backup(office, laptop, "laptop-backup.json");
  const Json merged = encode(*office.find<Pairing>(fx.pairing_id));
  REQUIRE(conflicts_in(merged).size() == 1);
  CHECK(merged.dump().find("SECRET-completed-laptop") != std::string::npos);
  CHECK(merged.dump().find("SECRET-withdrawn-office") != std::string::npos);

  auto pack = make_introduction_pack(office, fx.pairing_id);
  REQUIRE(pack.ok());
  const std::string text = write_document(pack.value(), office.clock().now());
  for (const std::string secret : {"SECRET-completed-laptop", "SECRET-withdrawn-office", "SECRET-reason-request"})
    CHECK_MESSAGE(text.find(secret) == std::string::npos, "the introduction pack holds " << secret);
}

TEST_CASE("an applicant's file cannot outvote the coordinator's status with field versions of its own") {
  CoordinatorWorkspace fx;
  Person p = *fx.ws.find<Person>(fx.mentor_id);
  p.status = PersonStatus::paused;
  p.status_history.push_back({PersonStatus::paused, "2024-03-02", "waiting for a mentee"});
  REQUIRE(fx.ws.save(p).ok());
  // Her file claims many edits of the status on her own device, and a corrected name.
  Json forged = encode(*fx.ws.find<Person>(fx.mentor_id));
  forged["status"] = "active";
  forged["status_history"] = Json::array();
  forged["name"] = "Mina Mentor-Ortiz";
  forged["sync"]["status"] = Json{{"v", Json{{"her-phone", 900}, {"unnamed-device", 900}}}};
  forged["sync"]["status_history"] = Json{{"v", Json{{"her-phone", 900}, {"unnamed-device", 900}}}};
  forged["sync"]["name"] = Json{{"v", Json{{"her-phone", 1}, {"unnamed-device", 900}}}};
  forged["revision"] = 50;
  forged["updated_at"] = "2024-03-05T00:00:00Z";
  Person from_file;
  Errors errors;
  decode(JsonReader(&forged, "$", &errors), from_file);
  REQUIRE(errors.empty());
  auto preview = preview_import(fx.ws, {{"mina.json", write_document(ApplicationDocument{from_file, ""}, "2024-03-05T00:00:00Z")}},
                                ImportOptions{});
  REQUIRE(preview.can_apply());
  REQUIRE(apply_import(fx.ws, preview).ok());
  const Person& now = *fx.ws.find<Person>(fx.mentor_id);
  CHECK(now.name == "Mina Mentor-Ortiz");
  CHECK(now.status == PersonStatus::paused);
  REQUIRE(now.status_history.size() == 1);
  CHECK(now.status_history[0].reason == "waiting for a mentee");
  // Nor do its versions linger to win a later merge.
  const Json stored = encode(now);
  CHECK(stored["sync"]["status"]["v"].value("her-phone", 0) == 0);
}

namespace {

int property_cases() {
  const char* env = std::getenv("PAIRWISE_PROPERTY_CASES");
  return env ? std::max(1, std::atoi(env)) : 2000;
}

// Random edit histories of one person: each device corrects answers, changes the status (with its
// history, in one edit) and now and then merges another device's copy.
struct PersonHistory {
  std::mt19937 rng;
  std::vector<std::string> devices;
  std::vector<Json> copies;
  std::set<std::string> typed, replaced;
  int next_text = 0;

  PersonHistory(unsigned seed, int device_count, const Json& start) : rng(seed) {
    for (int i = 0; i < device_count; ++i) {
      devices.push_back("device-" + std::to_string(i));
      copies.push_back(start);
    }
  }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  std::string text() {
    const std::string t = "T" + std::to_string(next_text++);
    typed.insert(t);
    return t;
  }
  static void strings_in(const Json& v, std::set<std::string>& out) {
    if (v.is_string()) out.insert(v.get<std::string>());
    else if (v.is_structured())
      for (const auto& item : v) strings_in(item, out);
  }
  void edit(int d) {
    Json& copy = copies[static_cast<std::size_t>(d)];
    Json after = without_sync(copy);
    static const char* fields[] = {"name", "availability", "region", "organisation"};
    std::set<std::string> gone;
    auto seen = [&](const std::string& path) {
      strings_in(after[path], gone);
      for (const auto& c : conflicts_in(copy))
        if (c.path == path)
          for (const auto& v : c.values) strings_in(v, gone);
    };
    if (pick(3) < 2) {
      const std::string f = fields[pick(4)];
      seen(f);
      after[f] = text();
    } else {
      // A status change replaces the history the device sees with one entry more.
      seen("status_history");
      const char* statuses[] = {"active", "paused", "left"};
      const std::string status = statuses[pick(3)];
      after["status"] = status;
      after["status_history"].push_back(Json{{"status", status}, {"date", "2024-03-02"}, {"reason", text()}});
      std::set<std::string> kept;
      strings_in(after["status_history"], kept);
      for (const auto& k : kept) gone.erase(k);  // what the new history still holds is not replaced
    }
    replaced.insert(gone.begin(), gone.end());
    copy = stamp_local_edit(copy, after, devices[static_cast<std::size_t>(d)], "people");
  }
  void step() {
    const int d = pick(static_cast<int>(devices.size()));
    if (pick(3) == 0) {
      const int from = pick(static_cast<int>(devices.size()));
      copies[static_cast<std::size_t>(d)] = merge_record(copies[static_cast<std::size_t>(d)], copies[static_cast<std::size_t>(from)]);
    } else {
      edit(d);
    }
  }
};

bool holds(const Json& record, const std::string& text) { return record.dump().find("\"" + text + "\"") != std::string::npos; }

}  // namespace

TEST_CASE("people merge commutatively, associatively and idempotently; devices converge; no answer or reason is lost") {
  CoordinatorWorkspace fx;
  Json start = encode(*fx.ws.find<Person>(fx.mentor_id));
  start["region"] = "T-start-region";
  start["organisation"] = "T-start-organisation";
  const int cases = property_cases();
  for (int c = 0; c < cases; ++c) {
    PersonHistory h(static_cast<unsigned>(c) * 40503u + 11u, 2 + c % 2, start);
    const int steps = 4 + h.pick(24);
    for (int s = 0; s < steps; ++s) h.step();
    const Json& a = h.copies[0];
    const Json& b = h.copies[1];
    const Json& x = h.copies.size() > 2 ? h.copies[2] : h.copies[0];
    const Json ab = merge_record(a, b);
    REQUIRE_MESSAGE(ab == merge_record(b, a), "commutative, case " << c);
    REQUIRE_MESSAGE(merge_record(ab, x) == merge_record(a, merge_record(b, x)), "associative, case " << c);
    REQUIRE_MESSAGE(merge_record(ab, ab) == ab, "idempotent, case " << c);
    for (int round = 0; round < 2; ++round)
      for (std::size_t i = 0; i < h.copies.size(); ++i) {
        const std::size_t from = static_cast<std::size_t>(h.pick(static_cast<int>(h.copies.size())));
        h.copies[i] = merge_record(h.copies[i], h.copies[from]);
        for (std::size_t j = 0; j < h.copies.size(); ++j) h.copies[j] = merge_record(h.copies[j], h.copies[i]);
      }
    for (const auto& copy : h.copies) REQUIRE_MESSAGE(copy == h.copies[0], "converged, case " << c);
    for (const auto& t : h.typed)
      if (!h.replaced.count(t)) REQUIRE_MESSAGE(holds(h.copies[0], t), "text " << t << " lost, case " << c);
    // What a device shows holds together: the status is the last entry of the history shown.
    Person shown;
    Errors errors;
    decode(JsonReader(&h.copies[0], "$", &errors), shown);
    REQUIRE(errors.empty());
    if (!shown.status_history.empty())
      REQUIRE_MESSAGE(shown.status == shown.status_history.back().status, "status and history apart, case " << c);
  }
  MESSAGE(cases << " random edit histories of a person on two and three devices checked");
}
