#include "core/sync/field_merge.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>

#include "core/records/ids.hpp"
#include "core/records/record_meta.hpp"

namespace pairwise {

namespace {

using VersionVector = std::map<std::string, std::int64_t>;

constexpr const char* kUnnamedDevice = "unnamed-device";

struct Sibling {
  Json value;
  bool removed = false;
  VersionVector v;
  bool operator==(const Sibling&) const = default;
};
using Siblings = std::vector<Sibling>;
using State = std::map<std::string, Siblings>;

bool is_meta_key(const std::string& key) {
  return key == "id" || key == "created_at" || key == "updated_at" || key == "revision" || key == kSyncKey;
}

// ---- version vectors ----

bool covered_by(const VersionVector& a, const VersionVector& b) {
  for (const auto& [device, n] : a) {
    auto it = b.find(device);
    if (it == b.end() || it->second < n) return false;
  }
  return true;
}

VersionVector join(const VersionVector& a, const VersionVector& b) {
  VersionVector out = a;
  for (const auto& [device, n] : b) out[device] = std::max(out[device], n);
  return out;
}

std::int64_t total(const VersionVector& v) {
  std::int64_t t = 0;
  for (const auto& [device, n] : v) t += n;
  return t;
}

Json vector_json(const VersionVector& v) {
  Json out = Json::object();
  for (const auto& [device, n] : v) out[device] = n;
  return out;
}

VersionVector vector_of(const Json& j) {
  VersionVector out;
  if (!j.is_object()) return out;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.value().is_number_integer()) out[it.key()] = it.value().get<std::int64_t>();
  return out;
}

// The order in which siblings are kept: the one shown first. Any total order works for
// convergence; this one prefers the value that saw the most edits, then values over removals.
bool shown_before(const Sibling& a, const Sibling& b) {
  const auto ta = total(a.v), tb = total(b.v);
  if (ta != tb) return ta > tb;
  if (a.removed != b.removed) return !a.removed;
  const std::string va = vector_json(a.v).dump(), vb = vector_json(b.v).dump();
  if (va != vb) return va > vb;
  return a.value.dump() > b.value.dump();
}

// Drops every sibling another one strictly covers, and duplicates; sorts.
Siblings normalised(Siblings in) {
  Siblings out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    bool drop = false;
    for (std::size_t j = 0; j < in.size() && !drop; ++j) {
      if (i == j) continue;
      if (in[i].v != in[j].v && covered_by(in[i].v, in[j].v)) drop = true;
      if (in[i] == in[j] && j < i) drop = true;
    }
    if (!drop) out.push_back(in[i]);
  }
  std::sort(out.begin(), out.end(), shown_before);
  return out;
}

// The value a field shows: its first sibling that is not a removal; none when all are removals.
const Sibling* shown_sibling(const Siblings& siblings) {
  for (const auto& s : siblings)
    if (!s.removed) return &s;
  return nullptr;
}

// ---- flattening ----

bool is_id_list(const Json& v) {
  if (!v.is_array() || v.empty()) return false;
  std::vector<std::string> ids;
  for (const auto& item : v) {
    if (!item.is_object()) return false;
    auto it = item.find("id");
    if (it == item.end() || !it->is_string() || it->get<std::string>().empty()) return false;
    const std::string id = it->get<std::string>();
    if (id.find_first_of(".[]#") != std::string::npos) return false;
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return false;
    ids.push_back(id);
  }
  return true;
}

void flatten_into(const Json& v, const std::string& path, std::map<std::string, Json>& out) {
  if (v.is_object() && !v.empty()) {
    for (auto it = v.begin(); it != v.end(); ++it) flatten_into(it.value(), path + "." + it.key(), out);
    return;
  }
  if (is_id_list(v)) {
    Json order = Json::array();
    for (const auto& item : v) {
      const std::string id = item["id"].get<std::string>();
      order.push_back(id);
      for (auto it = item.begin(); it != item.end(); ++it) flatten_into(it.value(), path + "[" + id + "]." + it.key(), out);
    }
    out[path + "#order"] = order;
    return;
  }
  out[path] = v;
}

std::map<std::string, Json> flatten(const Json& record) {
  std::map<std::string, Json> out;
  if (!record.is_object()) return out;
  for (auto it = record.begin(); it != record.end(); ++it) {
    if (is_meta_key(it.key())) continue;
    // Top-level keys start the path without a dot.
    std::map<std::string, Json> part;
    flatten_into(it.value(), "", part);
    for (auto& [p, value] : part) out[it.key() + p] = std::move(value);
  }
  return out;
}

// A tree built back from paths: objects by key, lists by item id.
struct Node {
  bool has_leaf = false;
  Json leaf;
  std::map<std::string, Node> children;
  std::map<std::string, Node> items;
  Json order;
};

void insert(Node& node, const std::string& path, std::size_t pos, const Json& value) {
  if (pos >= path.size()) {
    node.has_leaf = true;
    node.leaf = value;
    return;
  }
  if (path[pos] == '.') ++pos;
  if (path[pos] == '[') {
    const auto close = path.find(']', pos);
    insert(node.items[path.substr(pos + 1, close - pos - 1)], path, close + 1, value);
    return;
  }
  const auto end = path.find_first_of(".[#", pos);
  const std::string name = path.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (end != std::string::npos && path[end] == '#') {
    node.children[name].order = value;
    return;
  }
  insert(node.children[name], path, end == std::string::npos ? path.size() : end, value);
}

Json to_json(const Node& node) {
  if (!node.items.empty()) {
    Json list = Json::array();
    std::vector<std::string> ids;
    if (node.order.is_array())
      for (const auto& id : node.order)
        if (id.is_string() && node.items.count(id.get<std::string>()) &&
            std::find(ids.begin(), ids.end(), id.get<std::string>()) == ids.end())
          ids.push_back(id.get<std::string>());
    for (const auto& [id, item] : node.items)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    for (const auto& id : ids) {
      Json item = to_json(node.items.at(id));
      if (!item.is_object()) item = Json::object();
      item["id"] = id;
      list.push_back(std::move(item));
    }
    return list;
  }
  if (!node.children.empty()) {
    Json object = Json::object();
    for (const auto& [key, child] : node.children) {
      if (!child.has_leaf && child.children.empty() && child.items.empty()) {
        if (!child.order.is_null()) object[key] = Json::array();  // every item removed
        continue;
      }
      object[key] = to_json(child);
    }
    return object;
  }
  if (node.has_leaf) return node.leaf;
  return node.order.is_null() ? Json::object() : Json::array();
}

// ---- state of a record ----

// Before version vectors, a record counts as edits by a device named after its content: the same
// old copy on two devices is one edit, two different old copies are concurrent (both kept), and
// the one edited more often (its revision) is shown first, as whole-record merging showed it.
VersionVector legacy_vector(const Json& record) {
  const std::string name = "~before-sync-" + to_hex128(0, fnv1a_64(record.dump())).substr(16);
  const auto revision = record.value("revision", 1);
  return {{name, revision < 1 ? 1 : revision}};
}

State state_of(const Json& record) {
  State state;
  if (!record.is_object()) return state;
  const auto values = flatten(record);
  const auto sync_it = record.find(kSyncKey);
  const bool tracked = sync_it != record.end() && sync_it->is_object();
  VersionVector legacy;
  if (!tracked) legacy = legacy_vector(record);
  for (const auto& [path, value] : values) {
    // A removed field shown only because its item is kept (an item's id, once the item was removed
    // on one side while edited on the other) is derived: the removal stands.
    if (tracked)
      if (auto e = sync_it->find(path); e != sync_it->end() && e->is_object() && e->value("removed", false)) continue;
    Sibling main{value, false, tracked ? VersionVector{} : legacy};
    Siblings siblings;
    if (tracked) {
      // Every value edited or merged has an entry; one without is only how the record shows
      // something else (an emptied list once all its items were removed).
      if (auto e = sync_it->find(path); e == sync_it->end() || !e->is_object()) continue;
      if (auto e = sync_it->find(path); e != sync_it->end() && e->is_object()) {
        main.v = vector_of(e->value("v", Json()));
        // A list's order as shown is derived (items no order names are appended): the order that
        // was edited is the one kept in sync.
        if (auto kept = e->find("value"); kept != e->end()) main.value = *kept;
        if (auto also = e->find("also"); also != e->end() && also->is_array())
          for (const auto& a : *also)
            siblings.push_back({a.value("value", Json()), a.value("removed", false), vector_of(a.value("v", Json()))});
      }
    }
    siblings.insert(siblings.begin(), main);
    state[path] = normalised(std::move(siblings));
  }
  if (tracked) {
    for (auto e = sync_it->begin(); e != sync_it->end(); ++e) {
      if (!e.value().is_object()) continue;
      const bool removed = e.value().value("removed", false);
      if (!removed && (values.count(e.key()) || !e.value().contains("value"))) continue;
      Siblings siblings{{removed ? Json() : e.value()["value"], removed, vector_of(e.value().value("v", Json()))}};
      if (auto also = e.value().find("also"); also != e.value().end() && also->is_array())
        for (const auto& a : *also)
          siblings.push_back({a.value("value", Json()), a.value("removed", false), vector_of(a.value("v", Json()))});
      state[e.key()] = normalised(std::move(siblings));
    }
  }
  return state;
}

// The record for `state`, with the metadata of `meta_from`.
Json record_of(const State& state, const Json& meta_from) {
  Node root;
  Json sync = Json::object();
  for (const auto& [path, siblings] : state) {
    if (siblings.empty()) continue;
    const Sibling* shown = shown_sibling(siblings);
    const Sibling& head = shown ? *shown : siblings.front();
    Json entry{{"v", vector_json(head.v)}};
    if (!shown) entry["removed"] = true;

    Json also = Json::array();
    for (const auto& s : siblings) {
      if (&s == &head) continue;
      Json a{{"v", vector_json(s.v)}};
      if (s.removed) a["removed"] = true;
      else a["value"] = s.value;
      also.push_back(std::move(a));
    }
    if (!also.empty()) entry["also"] = std::move(also);
    sync[path] = std::move(entry);
    if (shown) insert(root, path, 0, shown->value);
  }
  Json out = to_json(root);
  if (!out.is_object()) out = Json::object();
  // Where the record cannot show a kept value as it is (a list's order with items appended, an
  // emptied list beside items kept from the other side), sync holds the value itself.
  const auto shown_paths = flatten(out);
  for (const auto& [path, siblings] : state) {
    const Sibling* shown = shown_sibling(siblings);
    if (!shown) continue;
    auto it = shown_paths.find(path);
    if (it == shown_paths.end() || it->second != shown->value) sync[path]["value"] = shown->value;
  }
  if (meta_from.is_object())
    for (auto it = meta_from.begin(); it != meta_from.end(); ++it)
      if (is_meta_key(it.key()) && it.key() != kSyncKey) out[it.key()] = it.value();
  out[kSyncKey] = std::move(sync);
  return out;
}

std::int64_t next_counter(const State& state, const std::string& device) {
  std::int64_t n = 0;
  for (const auto& [path, siblings] : state)
    for (const auto& s : siblings)
      if (auto it = s.v.find(device); it != s.v.end()) n = std::max(n, it->second);
  return n + 1;
}

VersionVector join_all(const Siblings& siblings) {
  VersionVector v;
  for (const auto& s : siblings) v = join(v, s.v);
  return v;
}

}  // namespace

Json without_sync(Json record) {
  if (record.is_object()) record.erase(kSyncKey);
  return record;
}

Json content_of(Json record) {
  if (record.is_object())
    for (const char* key : {"id", "created_at", "updated_at", "revision"}) record.erase(key);
  return record;
}

bool is_field_merged_store(std::string_view store) {
  return store == "meetings" || store == "objectives" || store == "agreements" || store == "feedback" ||
         store == "private_notes" || store == "people" || store == "pairings";
}

bool has_field_versions(const Json& record) {
  if (!record.is_object()) return false;
  auto it = record.find(kSyncKey);
  return it != record.end() && it->is_object() && !it->empty();
}

std::string top_level_field_of(std::string_view path) {
  return std::string(path.substr(0, path.find_first_of(".[#")));
}

Json merge_copies(const Json& a, const Json& b, const std::string& now) {
  Json merged = merge_record(a, b);
  const Json content = content_of(merged);
  if (content == content_of(a)) return a;
  if (content == content_of(b)) return b;
  merged["revision"] = next_revision(std::max(a.value("revision", 1), b.value("revision", 1)));
  merged["updated_at"] = now;
  return merged;
}

Json stamp_local_edit(const Json& before, Json after, const std::string& named_device, std::string_view store) {
  // Untracked edits would lose text at the next merge; an unnamed device still counts its edits
  // (two unnamed devices at worst show both values as a conflict).
  const std::string device = named_device.empty() ? std::string(kUnnamedDevice) : named_device;
  State state = before.is_null() ? State{} : state_of(before);
  const auto values = flatten(after);
  const std::int64_t n = next_counter(state, device);
  std::vector<std::string> paths;
  for (const auto& [p, s] : state) paths.push_back(p);
  for (const auto& [p, v] : values)
    if (!state.count(p)) paths.push_back(p);
  auto changed = [&](const std::string& path) {
    auto it = state.find(path);
    const Sibling* shown = it == state.end() ? nullptr : shown_sibling(it->second);
    auto value = values.find(path);
    if (value == values.end()) return shown != nullptr;
    return !shown || shown->value != value->second;
  };
  std::set<std::string> marked_together;
  for (const auto& group : fields_kept_together(store))
    if (std::any_of(group.begin(), group.end(), changed))
      for (const auto& path : group)
        if (values.count(path)) marked_together.insert(path);
  for (const auto& path : paths) {
    Siblings& siblings = state[path];
    auto value = values.find(path);
    const Sibling* shown = shown_sibling(siblings);
    if (value != values.end()) {
      // Unchanged (a conflict stays a conflict), unless it belongs with a field that changed.
      if (shown && shown->value == value->second && !marked_together.count(path)) continue;
      VersionVector v = join_all(siblings);
      v[device] = n;
      siblings = {Sibling{value->second, false, v}};
    } else {
      if (!shown) continue;  // already removed
      VersionVector v = join_all(siblings);
      v[device] = n;
      siblings = {Sibling{Json(), true, v}};
    }
  }
  return record_of(state, after);
}

Json merge_record(const Json& a, const Json& b) {
  State sa = state_of(a);
  const State sb = state_of(b);
  for (const auto& [path, siblings] : sb) {
    Siblings& mine = sa[path];
    mine.insert(mine.end(), siblings.begin(), siblings.end());
    mine = normalised(std::move(mine));
  }
  Json meta = a;
  if (b.is_object()) {
    const std::string ua = a.value("updated_at", ""), ub = b.value("updated_at", "");
    if (ub > ua) meta["updated_at"] = ub;
    const std::string ca = a.value("created_at", ""), cb = b.value("created_at", "");
    if (!cb.empty() && (ca.empty() || cb < ca)) meta["created_at"] = cb;
    meta["revision"] = std::max(a.value("revision", 1), b.value("revision", 1));
  }
  return record_of(sa, meta);
}

std::vector<FieldConflict> conflicts_in(const Json& record) {
  std::vector<FieldConflict> out;
  if (!record.is_object() || !record.contains(kSyncKey)) return out;
  for (const auto& [path, siblings] : state_of(record)) {
    if (path.find('#') != std::string::npos) continue;  // list order: shown merged, never asked
    FieldConflict c{path, {}};
    for (const auto& s : siblings)
      if (!s.removed && std::find(c.values.begin(), c.values.end(), s.value) == c.values.end()) c.values.push_back(s.value);
    if (c.values.size() > 1) out.push_back(std::move(c));
  }
  return out;
}

bool may_hold_conflicts(const Json& sync) {
  if (!sync.is_object()) return false;
  for (const auto& entry : sync)
    if (entry.is_object())
      if (auto also = entry.find("also"); also != entry.end() && also->is_array() && !also->empty()) return true;
  return false;
}

std::string conflict_value_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) {
      if (!out.empty()) out += "\n";
      if (!item.is_object()) {
        out += conflict_value_text(item);
        continue;
      }
      std::string line;
      for (const auto& part : item) {
        const std::string text = conflict_value_text(part);
        if (text.empty()) continue;
        line += (line.empty() ? "" : " · ") + text;
      }
      out += line;
    }
    return out.empty() ? "(none)" : out;
  }
  if (value.is_null()) return "(none)";
  return value.dump();
}

std::vector<std::vector<std::string>> fields_kept_together(std::string_view store) {
  if (store == "people") return {{"status", "status_history"}, {"decision", "decision_on"}};
  return {};
}

Json resolve_conflict(const Json& record, const std::string& path, const Json& value, const std::string& device,
                      std::string_view store) {
  State state = state_of(record);
  // The edit the picked value came from (none when the person typed a new text).
  std::optional<VersionVector> picked_edit;
  for (const auto& s : state[path])
    if (!s.removed && s.value == value) picked_edit = s.v;
  std::vector<std::pair<std::string, Json>> settle{{path, value}};
  if (picked_edit)
    for (const auto& group : fields_kept_together(store)) {
      if (std::find(group.begin(), group.end(), path) == group.end()) continue;
      for (const auto& other : group) {
        if (other == path || !state.count(other) || state[other].size() < 2) continue;
        for (const auto& s : state[other])
          if (s.v == *picked_edit && !s.removed) settle.emplace_back(other, s.value);
      }
    }
  const std::string name = device.empty() ? std::string(kUnnamedDevice) : device;
  const std::int64_t n = next_counter(state, name);
  for (const auto& [p, v] : settle) {
    Siblings& siblings = state[p];
    VersionVector joined = join_all(siblings);
    joined[name] = n;
    siblings = {Sibling{v, false, joined}};
  }
  return record_of(state, record);
}

}  // namespace pairwise
