// pairwise merge [--base BASE.json] MINE.json THEIRS.json -o OUT.json
#include <map>
#include <set>

#include "cli/commands/commands.hpp"
#include "core/documents/documents.hpp"
#include "core/sync/field_merge.hpp"

namespace pairwise::cli {

const char* const kMergeHelp =
    "Usage: pairwise merge [--base BASE.json] [--passphrase-file FILE] MINE.json THEIRS.json [-o OUT.json]\n"
    "Merges two copies of the same pair notebook (or of a backup) field by field, as the app does:\n"
    "a field changed on one side takes that side's value, actions merge per item, and a field\n"
    "changed on both sides to different values keeps both (a conflict, resolved in the app).\n"
    "With --base, plain hand-edited copies merge against that common ancestor. Each conflict is\n"
    "printed as one line naming the record and the field. Locked copies open with --passphrase-file\n"
    "FILE (its first line is the passphrase); the merged copy is written unlocked.\n"
    "Exit 0 when merged (conflicts kept), 1 when refused (different kinds or pairings, invalid files), 2 usage, 3 a file error.\n";

namespace {

struct Copy {
  std::string path;
  ParsedDocument document;
  std::map<std::string, StoredRecord> records;  // by store and id
};

int read_copy(const Options& o, const std::string& path, std::optional<Copy>& out) {
  std::string text;
  if (int rc = read_input_file(o, path, text); rc != kOk) return rc;
  auto doc = read_document(text, base_name(path));
  if (!doc) {
    for (const auto& e : doc.errors()) std::cerr << e.to_string() << "\n";
    return kInvalid;
  }
  Copy c{path, std::move(doc.value()), {}};
  for (auto& r : stored_records_of(c.document.document)) c.records[r.store + "\n" + r.id] = std::move(r);
  out = std::move(c);
  return kOk;
}

std::string pairing_of(const Copy& c) {
  if (const auto* n = std::get_if<PairNotebook>(&c.document.document)) return n->pairing.meta.id;
  return {};
}

}  // namespace

int run_merge(const Options& o) {
  if (o.positional.size() != 2) return o.usage("merge needs MINE.json and THEIRS.json");
  std::optional<Copy> mine, theirs, base;
  if (int rc = read_copy(o, o.positional[0], mine); rc != kOk) return rc;
  if (int rc = read_copy(o, o.positional[1], theirs); rc != kOk) return rc;
  if (o.has("--base"))
    if (int rc = read_copy(o, o.get("--base"), base); rc != kOk) return rc;
  for (const Copy* c : {&*mine, &*theirs, base ? &*base : nullptr}) {
    if (!c) continue;
    if (c->document.kind != DocumentKind::pair_notebook && c->document.kind != DocumentKind::backup) {
      std::cerr << c->path << ": a " << to_string(c->document.kind)
                << " is not merged this way: merge pair notebooks or backups (import takes the other kinds)\n";
      return kInvalid;
    }
    if (c->document.kind != mine->document.kind) {
      std::cerr << c->path << ": is a " << to_string(c->document.kind) << ", but " << mine->path << " is a "
                << to_string(mine->document.kind) << ": both copies must be of the same kind\n";
      return kInvalid;
    }
    if (pairing_of(*c) != pairing_of(*mine)) {
      std::cerr << c->path << ": is the notebook of pairing " << pairing_of(*c) << ", but " << mine->path
                << " is of pairing " << pairing_of(*mine) << ": only copies of one pairing's notebook merge\n";
      return kInvalid;
    }
  }

  // Record by record: with a base, each side's changes are first marked as edits against it.
  std::set<std::string> keys;
  for (const Copy* c : {&*mine, &*theirs})
    for (const auto& [key, r] : c->records) keys.insert(key);
  std::vector<StoredRecord> merged_records;
  std::vector<std::string> conflict_lines;
  for (const auto& key : keys) {
    auto m = mine->records.find(key), t = theirs->records.find(key);
    const bool in_mine = m != mine->records.end(), in_theirs = t != theirs->records.end();
    StoredRecord r = in_mine ? m->second : t->second;
    // A workspace's settings are not words of the pair: MINE's stand, unmerged.
    if (in_mine && in_theirs && r.store != kStoreSettings && !(m->second.value == t->second.value)) {
      Json a = m->second.value, b = t->second.value;
      if (base) {
        auto from = base->records.find(key);
        const Json ancestor = from != base->records.end() ? without_sync(from->second.value) : Json();
        a = stamp_local_edit(ancestor, without_sync(a), "mine", r.store);
        b = stamp_local_edit(ancestor, without_sync(b), "theirs", r.store);
      }
      // As merge_copies, but a copy equal in content to one side still takes the later metadata of
      // the two, and updated_at stays the later of the copies (the file records no merge time).
      Json merged = merge_record(a, b);
      if (!(content_of(merged) == content_of(a)) && !(content_of(merged) == content_of(b)))
        merged["revision"] = next_revision(std::max(a.value("revision", 1), b.value("revision", 1)));
      r.value = std::move(merged);
    }
    for (const auto& c : conflicts_in(r.value)) conflict_lines.push_back("conflict: " + r.store + " " + r.id + " field " + c.path);
    merged_records.push_back(std::move(r));
  }

  Loaded loaded;
  auto ws = Workspace::load_records(merged_records, loaded.clock, loaded.ids);
  if (!ws) return std::cerr << "pairwise: the merged copies are not a valid whole: " << ws.error_text() << "\n", kInvalid;
  std::string text;
  if (mine->document.kind == DocumentKind::pair_notebook) {
    const bool with_private = !std::get<PairNotebook>(mine->document.document).private_notes.empty() ||
                              !std::get<PairNotebook>(theirs->document.document).private_notes.empty();
    auto notebook = make_pair_notebook(ws.value(), pairing_of(*mine), with_private ? NotebookAudience::self : NotebookAudience::partner);
    if (!notebook) return std::cerr << "pairwise: " << notebook.error_text() << "\n", kInvalid;
    text = write_document(notebook.value(), system_clock().now());
  } else {
    text = write_document(make_backup(ws.value()), system_clock().now());
  }
  for (const auto& line : conflict_lines) std::cout << line << "\n";
  const std::string out = o.get("-o").empty() ? o.get("--output") : o.get("-o");
  if (!write_file(out, text)) return kIo;
  if (!out.empty() && out != "-")
    std::cerr << "merged " << merged_records.size() << " record(s) into " << out << ", " << conflict_lines.size()
              << " conflict(s) kept\n";
  return kOk;
}

}  // namespace pairwise::cli
