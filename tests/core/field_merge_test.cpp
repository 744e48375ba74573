// Field-by-field merging (issue 11 part 1): the finding, then properties over random edit
// histories on two and three devices. PAIRWISE_PROPERTY_CASES sets the number of histories
// (default 2000 in the test run; e.g. 100000 by hand).
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <set>

#include "core/documents/documents.hpp"
#include "core/pair/pair_member.hpp"
#include "core/sync/field_merge.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

InputFile notebook_of(const Workspace& ws, const std::string& pairing_id) {
  return {"notebook.json", write_document(make_pair_notebook(ws, pairing_id, NotebookAudience::partner).value(),
                                          ws.clock().now())};
}

void exchange(Workspace& into, const Workspace& from, const std::string& pairing_id, Role into_side) {
  auto preview = preview_partner_notebook(into, notebook_of(from, pairing_id), pairing_id, into_side);
  INFO((preview.import.errors.empty() ? std::string() : preview.import.errors[0].to_string()));
  REQUIRE(preview.can_apply());
  REQUIRE(apply_pair_file(into, preview).ok());
}

int property_cases() {
  const char* env = std::getenv("PAIRWISE_PROPERTY_CASES");
  return env ? std::max(1, std::atoi(env)) : 2000;
}

}  // namespace

TEST_CASE("issue 11 finding: both partners edit the same meeting; merging either way keeps both texts") {
  test::Fixture fx;
  Workspace hers = fx.ws, his = fx.ws;  // she is the mentee, he the mentor, each on a device
  hers.set_device("her-laptop");
  his.set_device("his-phone");
  const std::string meeting_id = fx.ws.meetings_of(fx.pairing_id).at(0).meta.id;
  Meeting mine = *hers.find<Meeting>(meeting_id);
  mine.reality += " She adds: the data manager left in May.";
  for (int i = 0; i < 30; ++i) {  // she edits far more often: a higher revision
    REQUIRE(hers.save(mine).ok());
    mine = *hers.find<Meeting>(meeting_id);
    mine.reality += ".";
  }
  Meeting his_copy = *his.find<Meeting>(meeting_id);
  his_copy.options += " He extends: ask the trials unit for a loan.";
  REQUIRE(his.save(his_copy).ok());

  auto preview = preview_partner_notebook(hers, notebook_of(his, fx.pairing_id), fx.pairing_id, Role::mentee);
  REQUIRE(preview.can_apply());
  CHECK(preview.import.conflicts.empty());  // different fields: nothing to choose
  REQUIRE(apply_pair_file(hers, preview).ok());
  exchange(his, hers, fx.pairing_id, Role::mentor);
  for (const Workspace* w : {&hers, &his}) {
    const Meeting& m = *w->find<Meeting>(meeting_id);
    CHECK(m.reality.find("She adds: the data manager left in May.") != std::string::npos);
    CHECK(m.options.find("He extends: ask the trials unit for a loan.") != std::string::npos);
  }
  CHECK(without_sync(encode(*hers.find<Meeting>(meeting_id))) == without_sync(encode(*his.find<Meeting>(meeting_id))));
  CHECK(hers.find<Meeting>(meeting_id)->meta.sync == his.find<Meeting>(meeting_id)->meta.sync);
}

TEST_CASE("the same field edited on both sides keeps both texts, listed, until the person chooses") {
  test::Fixture fx;
  Workspace hers = fx.ws, his = fx.ws;
  hers.set_device("her-laptop");
  his.set_device("his-phone");
  const std::string id = fx.ws.meetings_of(fx.pairing_id).at(0).meta.id;
  Meeting a = *hers.find<Meeting>(id);
  a.goal = "Her goal: submit in March";
  REQUIRE(hers.save(a).ok());
  Meeting b = *his.find<Meeting>(id);
  b.goal = "His goal: submit in April";
  REQUIRE(his.save(b).ok());

  auto preview = preview_partner_notebook(hers, notebook_of(his, fx.pairing_id), fx.pairing_id, Role::mentee);
  REQUIRE(preview.can_apply());
  REQUIRE(preview.import.conflicts.size() == 1);
  CHECK(preview.import.conflicts[0].kept.find("both texts of \"goal\"") == 0);
  CHECK(preview.import.conflicts[0].discarded == "nothing");
  REQUIRE(apply_pair_file(hers, preview).ok());
  exchange(his, hers, fx.pairing_id, Role::mentor);
  for (const Workspace* w : {&hers, &his}) {
    const auto conflicts = conflicts_in(encode(*w->find<Meeting>(id)));
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].path == "goal");
    std::set<std::string> values;
    for (const auto& v : conflicts[0].values) values.insert(v.get<std::string>());
    CHECK(values == std::set<std::string>{"Her goal: submit in March", "His goal: submit in April"});
  }
  // She writes a combined text; after the next exchange both hold it and no conflict is left.
  Meeting resolved = *hers.find<Meeting>(id);
  resolved.goal = "Submit in March, April at the latest";
  REQUIRE(hers.save(resolved).ok());
  CHECK(conflicts_in(encode(*hers.find<Meeting>(id))).empty());
  exchange(his, hers, fx.pairing_id, Role::mentor);
  CHECK(his.find<Meeting>(id)->goal == "Submit in March, April at the latest");
  CHECK(conflicts_in(encode(*his.find<Meeting>(id))).empty());
  // Picking one of the values works the same way.
  const Json picked = resolve_conflict(encode(*his.find<Meeting>(id)), "goal", "His goal: submit in April", "his-phone");
  CHECK(picked["goal"] == "His goal: submit in April");
  CHECK(conflicts_in(picked).empty());
}

TEST_CASE("picking one of the kept values (Workspace::resolve_conflict) settles the field on both devices") {
  test::Fixture fx;
  Workspace hers = fx.ws, his = fx.ws;
  hers.set_device("her");
  his.set_device("him");
  const std::string id = fx.ws.meetings_of(fx.pairing_id).at(0).meta.id;
  Meeting a = *hers.find<Meeting>(id);
  a.way_forward = "hers";
  REQUIRE(hers.save(a).ok());
  Meeting b = *his.find<Meeting>(id);
  b.way_forward = "his";
  REQUIRE(his.save(b).ok());
  exchange(hers, his, fx.pairing_id, Role::mentee);
  REQUIRE(conflicts_in(encode(*hers.find<Meeting>(id))).size() == 1);
  const std::string other = hers.find<Meeting>(id)->way_forward == "hers" ? "his" : "hers";
  const int revision = hers.find<Meeting>(id)->meta.revision;
  auto resolved = hers.resolve_conflict<Meeting>(id, "way_forward", other);  // the value not shown
  REQUIRE(resolved.ok());
  CHECK(hers.find<Meeting>(id)->way_forward == other);
  CHECK(hers.find<Meeting>(id)->meta.revision == revision + 1);
  CHECK(conflicts_in(encode(*hers.find<Meeting>(id))).empty());
  exchange(his, hers, fx.pairing_id, Role::mentor);
  CHECK(his.find<Meeting>(id)->way_forward == other);
  CHECK(conflicts_in(encode(*his.find<Meeting>(id))).empty());
}

TEST_CASE("actions merge per item: added on both sides, edited on one and ticked on the other") {
  test::Fixture fx;
  Workspace hers = fx.ws, his = fx.ws;
  hers.set_device("her");
  his.set_device("him");
  const std::string id = fx.ws.meetings_of(fx.pairing_id).at(0).meta.id;
  Meeting a = *hers.find<Meeting>(id);
  a.actions.push_back({"her-new", "mentee", "book the room", "", false});
  a.actions[0].what += " (her wording)";
  REQUIRE(hers.save(a).ok());
  Meeting b = *his.find<Meeting>(id);
  b.actions.push_back({"his-new", "mentor", "send the template", "", false});
  b.actions[0].done = true;
  REQUIRE(his.save(b).ok());
  exchange(hers, his, fx.pairing_id, Role::mentee);
  exchange(his, hers, fx.pairing_id, Role::mentor);
  for (const Workspace* w : {&hers, &his}) {
    const Meeting& m = *w->find<Meeting>(id);
    REQUIRE(m.actions.size() == 4);
    CHECK(m.actions[0].what == "SECRET-action-one (her wording)");
    CHECK(m.actions[0].done);
    std::set<std::string> ids;
    for (const auto& x : m.actions) ids.insert(x.id);
    CHECK(ids.count("her-new") == 1);
    CHECK(ids.count("his-new") == 1);
    CHECK(conflicts_in(encode(m)).empty());
  }
  CHECK(*hers.find<Meeting>(id) == *his.find<Meeting>(id));
}

TEST_CASE("copies from before field versions (no sync) merge without dropping either text") {
  test::Fixture fx;
  Meeting m = fx.ws.meetings_of(fx.pairing_id).at(0);
  Json older = without_sync(encode(m));  // as written before field versions
  Json newer = older;
  older["reality"] = "the older copy's words";
  newer["reality"] = "the newer copy's words";
  newer["revision"] = 5;
  const Json merged = merge_record(older, newer);
  CHECK(merged["reality"] == "the newer copy's words");  // the copy edited more often is shown
  const auto conflicts = conflicts_in(merged);
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].values.at(1) == "the older copy's words");  // and the other is kept
  CHECK(merge_record(newer, older) == merged);
}

namespace {

// A random edit history: each device edits its copy of one meeting and now and then merges the
// copy of another device. Tracks every text typed and the texts a device replaced while it could
// see them: only those may disappear.
struct History {
  std::mt19937 rng;
  std::vector<std::string> devices;
  std::vector<Json> copies;
  std::set<std::string> typed, replaced;
  int next_text = 0, next_item = 0;

  History(unsigned seed, int device_count, const Json& start) : rng(seed) {
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

  // Every value a path shows or keeps on this copy (the person sees a conflict's values).
  static void values_at(const Json& record, const std::string& path, std::set<std::string>& out) {
    for (const auto& c : conflicts_in(record))
      if (c.path == path)
        for (const auto& v : c.values)
          if (v.is_string()) out.insert(v.get<std::string>());
  }

  void edit(int d) {
    Json& copy = copies[static_cast<std::size_t>(d)];
    Json after = without_sync(copy);
    static const char* fields[] = {"topic", "goal", "reality", "options", "way_forward"};
    const int kind = pick(5);
    std::set<std::string> gone;
    if (kind <= 1) {
      const std::string f = fields[pick(5)];
      gone.insert(after[f].get<std::string>());
      values_at(copy, f, gone);
      after[f] = text();
    } else if (kind == 2) {
      gone.insert(after["review"]["learned"].get<std::string>());
      values_at(copy, "review.learned", gone);
      after["review"]["learned"] = text();
    } else if (kind == 3 || after["actions"].empty()) {
      after["actions"].push_back(Json{{"id", "x" + std::to_string(next_item++)}, {"who", "mentee"}, {"what", text()},
                                      {"by_when", ""}, {"done", false}});
    } else {
      auto& list = after["actions"];
      const std::size_t i = static_cast<std::size_t>(pick(static_cast<int>(list.size())));
      const std::string path = "actions[" + list[i]["id"].get<std::string>() + "].what";
      const int op = pick(3);
      if (op == 1) {
        list[i]["done"] = !list[i].value("done", false);  // only ticked: its text stays
      } else {
        gone.insert(list[i].value("what", std::string()));
        values_at(copy, path, gone);
        if (op == 0) list.erase(list.begin() + static_cast<long>(i));
        else list[i]["what"] = text();
      }
    }
    replaced.insert(gone.begin(), gone.end());
    copy = stamp_local_edit(copy, after, devices[static_cast<std::size_t>(d)]);
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

TEST_CASE("merging is commutative, associative and idempotent; devices converge; no typed text is lost") {
  test::Fixture fx;
  Json start = encode(fx.ws.meetings_of(fx.pairing_id).at(0));
  start["topic"] = "T-start-topic";
  const int cases = property_cases();
  int checked = 0;
  for (int c = 0; c < cases; ++c) {
    History h(static_cast<unsigned>(c) * 2654435761u + 17u, 2 + c % 2, start);
    const int steps = 4 + h.pick(24);
    for (int s = 0; s < steps; ++s) h.step();
    const Json& a = h.copies[0];
    const Json& b = h.copies[1];
    const Json& x = h.copies.size() > 2 ? h.copies[2] : h.copies[0];
    const Json ab = merge_record(a, b);
    REQUIRE_MESSAGE(ab == merge_record(b, a), "commutative, case " << c);
    REQUIRE_MESSAGE(merge_record(ab, x) == merge_record(a, merge_record(b, x)), "associative, case " << c);
    REQUIRE_MESSAGE(merge_record(ab, ab) == ab, "idempotent, case " << c);
    REQUIRE_MESSAGE(merge_record(ab, a) == ab, "absorbs what it merged, case " << c);
    // Exchanges in a random order until everyone has seen everyone: all hold the same record.
    for (int round = 0; round < 2; ++round)
      for (std::size_t i = 0; i < h.copies.size(); ++i) {
        const std::size_t from = static_cast<std::size_t>(h.pick(static_cast<int>(h.copies.size())));
        h.copies[i] = merge_record(h.copies[i], h.copies[from]);
        for (std::size_t j = 0; j < h.copies.size(); ++j) h.copies[j] = merge_record(h.copies[j], h.copies[i]);
      }
    for (const auto& copy : h.copies) REQUIRE_MESSAGE(copy == h.copies[0], "converged, case " << c);
    for (const auto& t : h.typed)
      if (!h.replaced.count(t)) REQUIRE_MESSAGE(holds(h.copies[0], t), "text " << t << " lost, case " << c);
    ++checked;
  }
  MESSAGE(checked << " random edit histories on two and three devices checked");
}
