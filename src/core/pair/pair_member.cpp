#include "core/pair/pair_member.hpp"

#include <algorithm>

#include "core/documents/documents.hpp"

namespace pairwise {

namespace {

constexpr const char* kPairSettings = "pair";

const Json* pair_settings(const Json& settings) {
  if (!settings.is_object()) return nullptr;
  auto it = settings.find(kPairSettings);
  return it != settings.end() && it->is_object() ? &*it : nullptr;
}

Json& pair_settings(Json& settings) {
  if (!settings.is_object()) settings = Json::object();
  Json& pair = settings[kPairSettings];
  if (!pair.is_object()) pair = Json::object();
  return pair;
}

std::string shorten(const std::string& text, std::size_t limit = 48) {
  const std::string t = trim(text);
  if (t.size() <= limit) return t;
  std::size_t cut = limit;
  // Never cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return t.substr(0, cut) + "…";
}

template <class T>
std::optional<T> decode_value(const Json& value) {
  T record{};
  Errors errors;
  decode(JsonReader(&value, "$", &errors), record);
  if (!errors.empty()) return std::nullopt;
  return record;
}

std::string describe_record(const Workspace& ws, const StoredRecord& r) {
  const Json& v = r.value;
  auto text = [&v](const char* key) {
    auto it = v.find(key);
    return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (r.store == kStoreSchemes) return "the scheme \"" + text("name") + "\"";
  if (r.store == kStorePeople) return (text("name").empty() ? text("email") : text("name")) + "'s profile";
  if (r.store == kStorePairings) return "the pairing of " + text("mentor_email") + " and " + text("mentee_email");
  if (r.store == kStoreAgreements) {
    std::string out = "the agreement";
    if (auto a = decode_value<Agreement>(v)) {
      std::vector<std::string> consented;
      for (const Consent* c : {&a->mentor_consent, &a->mentee_consent})
        if (!c->date.empty())
          consented.push_back(c->name + " on " + c->date +
                              (consent_is_void(*a, *c) ? " (given to earlier words: void)" : ""));
      if (!consented.empty()) {
        out += " (consent: ";
        for (std::size_t i = 0; i < consented.size(); ++i) out += (i ? ", " : "") + consented[i];
        out += ")";
      }
    }
    return out;
  }
  if (r.store == kStoreMeetings) {
    std::string out = "meeting on " + text("date");
    if (!text("topic").empty()) out += " (\"" + shorten(text("topic")) + "\")";
    return out;
  }
  if (r.store == kStoreObjectives) return "objective \"" + shorten(text("statement")) + "\"";
  if (r.store == kStoreFeedback) return "feedback of " + text("date");
  if (r.store == kStorePrivateNotes) return "your private note of " + text("date");
  if (r.store == kStoreProgressReports) return "progress report of " + text("generated_on");
  (void)ws;
  return r.store + " " + r.id;
}

bool exists(const Workspace& ws, const StoredRecord& r) {
  if (r.store == kStoreSchemes) return ws.find<Scheme>(r.id) != nullptr;
  if (r.store == kStorePeople) {
    auto it = r.value.find("email");
    return (it != r.value.end() && it->is_string() && ws.person_by_email(it->get<std::string>())) ||
           ws.find<Person>(r.id) != nullptr;
  }
  if (r.store == kStorePairings) return ws.find<Pairing>(r.id) != nullptr;
  if (r.store == kStoreAgreements) return ws.find<Agreement>(r.id) != nullptr;
  if (r.store == kStoreMeetings) return ws.find<Meeting>(r.id) != nullptr;
  if (r.store == kStoreObjectives) return ws.find<Objective>(r.id) != nullptr;
  if (r.store == kStoreFeedback) return ws.find<Feedback>(r.id) != nullptr;
  if (r.store == kStorePrivateNotes) return ws.find<PrivateNote>(r.id) != nullptr;
  if (r.store == kStoreProgressReports) return ws.progress_reports().count(r.id) > 0;
  return false;
}

// Reads the file as a document of one kind; anything else is an error naming the file.
Result<ParsedDocument> read_expected(const InputFile& file, DocumentKind expected, const char* hint) {
  auto parsed = read_document(file.content, file.name);
  if (!parsed) return parsed;
  if (parsed->kind != expected)
    return Result<ParsedDocument>::failure(file.name, "$.kind",
                                           "this is a " + to_string(parsed->kind) + " file, not a " +
                                               to_string(expected) + " file. " + hint);
  return parsed;
}

PairFilePreview refused(Errors errors) {
  PairFilePreview preview;
  preview.import.errors = std::move(errors);
  return preview;
}

// Gives each side's consent from that side's own copy: the partner's from their notebook, mine from
// this device. Without this, whichever copy has the higher revision would erase the other's consent.
void merge_consents(const Workspace& ws, const PairNotebook& notebook, Role my_side, PairFilePreview& preview) {
  if (!notebook.agreement) return;
  const Agreement& theirs = *notebook.agreement;
  auto& upserts = preview.import.changes.upserts;
  auto incoming = std::find_if(upserts.begin(), upserts.end(), [&](const StoredRecord& r) {
    return r.store == kStoreAgreements && r.id == theirs.meta.id;
  });
  // One agreement per pairing: found by the pairing, not by the id (before ids were derived from
  // the pairing's, each partner could start one of their own).
  const Agreement* mine = ws.agreement_of(theirs.pairing_id);
  if (!mine) {
    // Nothing local to keep, but a file from the partner never sets my consent.
    if (incoming == upserts.end()) return;
    auto taken = decode_value<Agreement>(incoming->value);
    if (!taken) return;
    consent_of(*taken, my_side) = Consent{};
    incoming->value = encode(*taken);
    return;
  }
  std::optional<Agreement> winner;
  if (mine->meta.id != theirs.meta.id) {
    // Two agreements for one pairing: theirs is merged into mine as a copy of it, never stored
    // beside it; the copy edited more (then later) keeps its words, as the import decides.
    if (incoming != upserts.end()) upserts.erase(incoming);
    incoming = upserts.end();
    const bool theirs_newer = theirs.meta.revision != mine->meta.revision ? theirs.meta.revision > mine->meta.revision
                                                                          : theirs.meta.updated_at > mine->meta.updated_at;
    winner = theirs_newer ? theirs : *mine;
    winner->meta = mine->meta;
  } else {
    winner = incoming != upserts.end() ? decode_value<Agreement>(incoming->value) : *mine;
  }
  if (!winner) return;
  Agreement merged = *winner;
  // Each side's consent comes from that side's own copy; a consent given to other words than the
  // merged ones stays on record but is void (consent_is_current), so it never counts as agreement.
  consent_of(merged, other_side(my_side)) = consent_of(theirs, other_side(my_side));
  consent_of(merged, my_side) = consent_of(*mine, my_side);
  if (merged == *mine) {
    if (incoming != upserts.end()) upserts.erase(incoming);
    return;
  }
  if (!(merged == *winner) || merged.meta.revision <= mine->meta.revision) {
    // A combination neither copy had: a new revision, so the next exchange carries it back.
    merged.meta.revision = next_revision(std::max(mine->meta.revision, theirs.meta.revision));
    merged.meta.updated_at = ws.clock().now();
  }
  if (incoming == upserts.end()) upserts.push_back({kStoreAgreements, merged.meta.id, encode(merged)});
  else incoming->value = encode(merged);
}

}  // namespace

std::string current_pairing_of(const Json& settings) {
  const Json* pair = pair_settings(settings);
  if (!pair) return {};
  auto it = pair->find("current");
  return it != pair->end() && it->is_string() ? it->get<std::string>() : std::string();
}

Json with_current_pairing(Json settings, const std::string& pairing_id) {
  pair_settings(settings)["current"] = pairing_id;
  return settings;
}

std::optional<Role> side_in_pairing(const Json& settings, const std::string& pairing_id) {
  const Json* pair = pair_settings(settings);
  if (!pair) return std::nullopt;
  auto sides = pair->find("sides");
  if (sides == pair->end() || !sides->is_object()) return std::nullopt;
  auto it = sides->find(pairing_id);
  if (it == sides->end() || !it->is_string()) return std::nullopt;
  return enum_from_string(kRoleNames, it->get<std::string>());
}

Json with_side_in_pairing(Json settings, const std::string& pairing_id, Role side) {
  Json& pair = pair_settings(settings);
  if (!pair["sides"].is_object()) pair["sides"] = Json::object();
  pair["sides"][pairing_id] = enum_to_string(kRoleNames, side);
  return settings;
}

std::string email_on_side(const Pairing& pairing, Role side) {
  return side == Role::mentor ? pairing.mentor_email : pairing.mentee_email;
}

Role other_side(Role side) { return side == Role::mentor ? Role::mentee : Role::mentor; }

std::string name_on_side(const Workspace& ws, const Pairing& pairing, Role side) {
  return ws.display_name(email_on_side(pairing, side));
}

Consent& consent_of(Agreement& agreement, Role side) {
  return side == Role::mentor ? agreement.mentor_consent : agreement.mentee_consent;
}

const Consent& consent_of(const Agreement& agreement, Role side) {
  return side == Role::mentor ? agreement.mentor_consent : agreement.mentee_consent;
}

void give_consent(Agreement& agreement, Role side, const std::string& name, const std::string& date) {
  consent_of(agreement, side) = Consent{trim(name), date, terms_digest(agreement)};
}

void withdraw_consent(Agreement& agreement, Role side) { consent_of(agreement, side) = Consent{}; }

bool agreement_terms_differ(const Agreement& a, const Agreement& b) {
  Agreement x = a;
  Agreement y = b;
  x.meta = y.meta = RecordMeta{};
  x.mentor_consent = y.mentor_consent = Consent{};
  x.mentee_consent = y.mentee_consent = Consent{};
  return !(x == y);
}

bool apply_agreement_edit(const Agreement& before, Agreement& after) {
  if (!agreement_terms_differ(before, after)) return false;
  const bool had_consent = !after.mentor_consent.date.empty() || !after.mentee_consent.date.empty();
  after.mentor_consent = Consent{};
  after.mentee_consent = Consent{};
  return had_consent;
}

namespace {
ImportOptions own_workspace_import() {
  ImportOptions options;
  options.reader = std::nullopt;
  return options;
}
}  // namespace

PairFilePreview preview_introduction_pack(const Workspace& ws, const InputFile& file) {
  auto parsed = read_expected(file, DocumentKind::introduction_pack,
                              "The introduction pack is the file your coordinator sent when you were paired.");
  if (!parsed) return refused(parsed.errors());
  PairFilePreview preview;
  preview.pairing_id = std::get<IntroductionPack>(parsed->document).pairing.meta.id;
  // The pair member's own workspace: earlier packs (which carried more) still open.
  preview.import = preview_import(ws, {file}, own_workspace_import());
  if (preview.can_apply()) preview.changes = describe_changes(ws, preview.import.changes);
  return preview;
}

PairFilePreview preview_partner_notebook(const Workspace& ws, const InputFile& file, const std::string& pairing_id,
                                         Role my_side) {
  auto parsed = read_expected(file, DocumentKind::pair_notebook,
                              "Ask your partner for the notebook they export \"for my partner\".");
  if (!parsed) return refused(parsed.errors());
  const PairNotebook& notebook = std::get<PairNotebook>(parsed->document);
  const Pairing* open = ws.find<Pairing>(pairing_id);
  if (!open) return refused({{file.name, "", "no pairing is open on this device to merge the notebook into"}});
  if (notebook.pairing.meta.id != pairing_id)
    return refused({{file.name, "$.pairing.id",
                     "this notebook belongs to the pairing of " + notebook.pairing.mentor_email + " and " +
                         notebook.pairing.mentee_email + ", not to the one open here (" + open->mentor_email +
                         " and " + open->mentee_email + ")"}});
  const std::string me = normalize_email(email_on_side(*open, my_side));
  for (std::size_t i = 0; i < notebook.private_notes.size(); ++i) {
    if (normalize_email(notebook.private_notes[i].author_email) != me)
      return refused({{file.name, "$.private_notes[" + std::to_string(i) + "]",
                       "this notebook holds private notes of " + notebook.private_notes[i].author_email +
                           ", which are not meant for you: ask for the notebook exported \"for my partner\""}});
  }
  PairFilePreview preview;
  preview.pairing_id = pairing_id;
  // Private notes were checked above (only the reader's own); the rest is the pair's.
  preview.import = preview_import(ws, {file}, own_workspace_import());
  if (!preview.can_apply()) return preview;
  merge_consents(ws, notebook, my_side, preview);
  // The consent merge may have changed the set of changes: check the whole once more.
  Workspace trial = ws;
  if (auto applied = trial.apply(preview.import.changes); !applied) {
    preview.import.errors = applied.errors();
    return preview;
  }
  preview.changes = describe_changes(ws, preview.import.changes);
  return preview;
}

Result<ChangeSet> apply_pair_file(Workspace& ws, const PairFilePreview& preview) {
  if (!preview.can_apply()) return preview.import.errors;
  return ws.apply(preview.import.changes);
}

std::vector<std::string> describe_changes(const Workspace& ws, const ChangeSet& changes) {
  std::vector<std::string> lines;
  for (const StoredRecord& r : changes.upserts) {
    if (r.store == kStoreSettings) continue;
    lines.push_back((exists(ws, r) ? "updated: " : "new: ") + describe_record(ws, r));
  }
  for (const RecordKey& k : changes.deletes) lines.push_back("removed: " + k.store + " " + k.id);
  return lines;
}

}  // namespace pairwise
