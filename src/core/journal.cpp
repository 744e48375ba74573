#include "core/journal.hpp"

#include "core/validation/json_reader.hpp"

namespace pairwise {

namespace {

Json record_json(const StoredRecord& r) { return Json{{"store", r.store}, {"id", r.id}, {"value", r.value}}; }

bool read_record(const Json& j, StoredRecord& out) {
  if (!j.is_object() || !j.contains("store") || !j.contains("id") || !j.contains("value") || !j["store"].is_string() ||
      !j["id"].is_string())
    return false;
  out = StoredRecord{j["store"].get<std::string>(), j["id"].get<std::string>(), j["value"]};
  return true;
}

int revision_of(const Json& value) {
  if (!value.is_object()) return 0;
  auto it = value.find("revision");
  return it != value.end() && it->is_number_integer() ? it->get<int>() : 0;
}

// The stored copy of a record as the workspace holds it now, or null.
const StoredRecord* stored_copy(const std::vector<StoredRecord>& all, const std::string& store, const std::string& id) {
  for (const StoredRecord& r : all)
    if (r.store == store && r.id == id) return &r;
  return nullptr;
}

// Records without a revision (settings, progress reports) are small and written whole: the
// journal's copy is the last thing typed, so it wins.
bool has_revision(const std::string& store) { return store != kStoreSettings && store != kStoreProgressReports; }

}  // namespace

std::string journal_changes_text(const std::vector<const ChangeSet*>& unsaved) {
  Json list = Json::array();
  for (const ChangeSet* c : unsaved) {
    Json puts = Json::array();
    for (const StoredRecord& r : c->upserts) puts.push_back(record_json(r));
    Json deletes = Json::array();
    for (const RecordKey& k : c->deletes) deletes.push_back(Json{{"store", k.store}, {"id", k.id}});
    list.push_back(Json{{"puts", std::move(puts)}, {"deletes", std::move(deletes)}});
  }
  return Json{{"journal", 1}, {"changes", std::move(list)}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string journal_drafts_text(const std::vector<StoredRecord>& drafts) {
  Json list = Json::array();
  for (const StoredRecord& r : drafts) list.push_back(record_json(r));
  return Json{{"journal", 1}, {"drafts", std::move(list)}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

JournalReplay replay_journal(Workspace& workspace, const std::string& changes_text, const std::string& drafts_text) {
  JournalReplay out;
  const std::vector<StoredRecord> stored = workspace.all_records();
  // The journal in order gives each record's last state: a value, or deleted.
  struct Final {
    StoredRecord record;
    bool deleted = false;
  };
  std::vector<Final> finals;
  auto find_final = [&](const std::string& store, const std::string& id) -> Final* {
    for (auto& f : finals)
      if (f.record.store == store && f.record.id == id) return &f;
    return nullptr;
  };
  auto set_final = [&](StoredRecord r, bool deleted) {
    if (Final* f = find_final(r.store, r.id)) *f = Final{std::move(r), deleted};
    else finals.push_back(Final{std::move(r), deleted});
  };
  const Json changes = Json::parse(changes_text, nullptr, false);
  if (changes.is_object() && changes.value("changes", Json()).is_array()) {
    for (const Json& c : changes["changes"]) {
      if (!c.is_object()) continue;
      for (const Json& p : c.value("puts", Json::array())) {
        StoredRecord r;
        if (read_record(p, r)) set_final(std::move(r), false);
      }
      for (const Json& d : c.value("deletes", Json::array()))
        if (d.is_object() && d.value("store", Json()).is_string() && d.value("id", Json()).is_string())
          set_final(StoredRecord{d["store"].get<std::string>(), d["id"].get<std::string>(), Json()}, true);
    }
  }
  const Json drafts = Json::parse(drafts_text, nullptr, false);
  if (drafts.is_object() && drafts.value("drafts", Json()).is_array()) {
    for (const Json& d : drafts["drafts"]) {
      StoredRecord r;
      if (!read_record(d, r)) continue;
      const Final* earlier = find_final(r.store, r.id);
      if (earlier && earlier->deleted) continue;  // deleted after it was typed
      if (has_revision(r.store)) {
        // A draft holds the revision it was edited from; saved, it is the next one.
        const StoredRecord* now = earlier ? &earlier->record : stored_copy(stored, r.store, r.id);
        const int base = revision_of(r.value);
        const int current = now ? revision_of(now->value) : -1;
        if (current != base) {
          out.skipped.push_back(r.store + "/" + r.id + (current < 0 ? ": no longer stored" : ": a newer copy is stored"));
          continue;
        }
        r.value["revision"] = base + 1;
        r.value["updated_at"] = workspace.clock().now();
      }
      set_final(std::move(r), false);
    }
  }
  for (Final& f : finals) {
    const StoredRecord& r = f.record;
    const StoredRecord* now = stored_copy(stored, r.store, r.id);
    ChangeSet one;
    if (f.deleted) {
      if (!now) continue;
      one.deletes.push_back({r.store, r.id});
    } else {
      if (now && now->value == r.value) continue;  // it was written after all
      if (now && has_revision(r.store) && revision_of(now->value) >= revision_of(r.value)) {
        out.skipped.push_back(r.store + "/" + r.id + ": a newer copy is stored");
        continue;
      }
      one.upserts.push_back(r);
    }
    auto applied = workspace.apply(one);
    if (!applied) {
      out.skipped.push_back(r.store + "/" + r.id + ": " + applied.error_text());
      continue;
    }
    out.changes.append(one);
    ++out.restored;
  }
  return out;
}

}  // namespace pairwise
