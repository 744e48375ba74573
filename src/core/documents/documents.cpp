#include "core/documents/documents.hpp"

#include "core/privacy/audience.hpp"

#include "core/version.hpp"

namespace pairwise {

std::string to_string(DocumentKind kind) { return enum_to_string(kDocumentKindNames, kind); }

DocumentKind kind_of(const Document& d) {
  switch (d.index()) {
    case 0: return DocumentKind::application;
    case 1: return DocumentKind::scheme;
    case 2: return DocumentKind::introduction_pack;
    case 3: return DocumentKind::pair_notebook;
    case 4: return DocumentKind::progress_report;
    case 5: return DocumentKind::backup;
    case 6: return DocumentKind::request_board;
    default: return DocumentKind::interest;
  }
}

int first_format_version_of(DocumentKind kind) {
  return kind == DocumentKind::request_board || kind == DocumentKind::interest ? 6 : kOldestFormatVersion;
}

namespace {

template <class T>
Json encode_all(const std::vector<T>& items) {
  Json a = Json::array();
  for (const auto& x : items) a.push_back(encode(x));
  return a;
}

template <class T>
void decode_all(const JsonReader& in, const char* key, std::vector<T>& out) {
  out.clear();
  in.each(key, [&](const JsonReader& item) {
    T value{};
    decode(item, value);
    out.push_back(std::move(value));
  });
}

template <class T>
void decode_required(const JsonReader& in, const char* key, T& out) {
  JsonReader f = in.field(key);
  if (!f.present()) {
    f.error("missing; expected an object");
    return;
  }
  decode(f, out);
}

}  // namespace

Json document_to_json(const Document& document, const std::string& exported_at) {
  Json j = Json::object();
  j["format"] = "pairwise";
  j["kind"] = to_string(kind_of(document));
  j["format_version"] = kCurrentFormatVersion;
  j["app_version"] = app_version();
  j["exported_at"] = exported_at;
  std::visit(
      [&j](const auto& d) {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, ApplicationDocument>) {
          j["scheme_name"] = d.scheme_name;
          j["person"] = encode(d.person);
        } else if constexpr (std::is_same_v<T, SchemeDocument>) {
          j["scheme"] = encode(d.scheme);
        } else if constexpr (std::is_same_v<T, IntroductionPack>) {
          j["scheme"] = encode(d.scheme);
          j["pairing"] = encode(d.pairing);
          j["mentor"] = encode(d.mentor);
          j["mentee"] = encode(d.mentee);
        } else if constexpr (std::is_same_v<T, PairNotebook>) {
          j["pairing"] = encode(d.pairing);
          j["agreement"] = d.agreement ? encode(*d.agreement) : Json(nullptr);
          j["meetings"] = encode_all(d.meetings);
          j["objectives"] = encode_all(d.objectives);
          j["feedback"] = encode_all(d.feedback);
          // Absent, not empty, in a notebook for the partner: there is nothing to leak.
          if (!d.private_notes.empty()) j["private_notes"] = encode_all(d.private_notes);
        } else if constexpr (std::is_same_v<T, ProgressReportDocument>) {
          j["report"] = encode(d.report);
        } else if constexpr (std::is_same_v<T, RequestBoard>) {
          // Public: not even the coordinator's fields' defaults are written.
          j["scheme"] = visible_part(encode(d.scheme), Scheme::kStore, Reader::anyone);
          j["published_on"] = d.published_on;
          j["requests"] = encode_all(d.requests);
        } else if constexpr (std::is_same_v<T, InterestDocument>) {
          j["scheme_id"] = d.scheme_id;
          j["scheme_name"] = d.scheme_name;
          j["mentor"] = encode(d.mentor);
          j["interests"] = encode_all(d.interests);
        } else {
          j["settings"] = d.settings;
          j["schemes"] = encode_all(d.schemes);
          j["people"] = encode_all(d.people);
          j["pairings"] = encode_all(d.pairings);
          j["agreements"] = encode_all(d.agreements);
          j["meetings"] = encode_all(d.meetings);
          j["objectives"] = encode_all(d.objectives);
          j["feedback"] = encode_all(d.feedback);
          j["private_notes"] = encode_all(d.private_notes);
          j["progress_reports"] = encode_all(d.progress_reports);
          j["imports"] = encode_all(d.imports);
        }
      },
      document);
  return j;
}

std::string write_document(const Document& document, const std::string& exported_at) {
  return document_to_json(document, exported_at).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<ParsedDocument> read_document_json(const Json& json, const std::string& file) {
  Errors errors;
  JsonReader root(&json, "$", &errors);
  if (!root.expect_object()) {
    set_file(errors, file);
    return errors;
  }
  std::string format;
  root.optional("format", format);
  if (root.field("format").present() && format != "pairwise")
    root.field("format").error("expected \"pairwise\", got " + describe_json_value(*root.field("format").value()));
  DocumentKind kind = DocumentKind::application;
  root.required_enum("kind", kind, kDocumentKindNames);
  if (!errors.empty()) {
    set_file(errors, file);
    return errors;
  }
  const int source_version = json.contains("format_version") && json["format_version"].is_number_integer() &&
                                     json["format_version"].get<std::int64_t>() >= 0 &&
                                     json["format_version"].get<std::int64_t>() < 1000000
                                 ? static_cast<int>(json["format_version"].get<std::int64_t>())
                                 : 0;
  auto migrated = migrate_to_current(json, file);
  if (!migrated) return migrated.errors();
  const Json& doc = migrated.value();
  JsonReader in(&doc, "$", &errors);
  std::string exported_at;
  if (in.field("exported_at").present()) in.required_timestamp("exported_at", exported_at);

  if (source_version >= kOldestFormatVersion && source_version < first_format_version_of(kind)) {
    root.field("kind").error("\"" + to_string(kind) + "\" files exist from format version " +
                             std::to_string(first_format_version_of(kind)) + " on, but this one says version " +
                             std::to_string(source_version));
    set_file(errors, file);
    return errors;
  }
  ParsedDocument parsed;
  parsed.kind = kind;
  parsed.source_format_version = source_version;
  switch (kind) {
    case DocumentKind::application: {
      ApplicationDocument d;
      in.optional("scheme_name", d.scheme_name);
      decode_required(in, "person", d.person);
      parsed.document = std::move(d);
      break;
    }
    case DocumentKind::scheme: {
      SchemeDocument d;
      decode_required(in, "scheme", d.scheme);
      parsed.document = std::move(d);
      break;
    }
    case DocumentKind::introduction_pack: {
      IntroductionPack d;
      decode_required(in, "scheme", d.scheme);
      decode_required(in, "pairing", d.pairing);
      decode_required(in, "mentor", d.mentor);
      decode_required(in, "mentee", d.mentee);
      if (errors.empty() && normalize_email(d.pairing.mentor_email) != normalize_email(d.mentor.email))
        in.field("mentor").field("email").error("expected the pairing's mentor " + d.pairing.mentor_email);
      if (errors.empty() && normalize_email(d.pairing.mentee_email) != normalize_email(d.mentee.email))
        in.field("mentee").field("email").error("expected the pairing's mentee " + d.pairing.mentee_email);
      parsed.document = std::move(d);
      break;
    }
    case DocumentKind::pair_notebook: {
      PairNotebook d;
      decode_required(in, "pairing", d.pairing);
      if (in.field("agreement").present()) {
        Agreement a;
        decode(in.field("agreement"), a);
        d.agreement = a;
      }
      decode_all(in, "meetings", d.meetings);
      decode_all(in, "objectives", d.objectives);
      decode_all(in, "feedback", d.feedback);
      decode_all(in, "private_notes", d.private_notes);
      parsed.document = std::move(d);
      break;
    }
    case DocumentKind::progress_report: {
      ProgressReportDocument d;
      decode_required(in, "report", d.report);
      parsed.document = std::move(d);
      break;
    }
    case DocumentKind::request_board: {
      RequestBoard d;
      decode_required(in, "scheme", d.scheme);
      in.optional_date("published_on", d.published_on);
      decode_all(in, "requests", d.requests);
      parsed.document = std::move(d);
      break;
    }
    case DocumentKind::interest: {
      InterestDocument d;
      in.required("scheme_id", d.scheme_id);
      in.optional("scheme_name", d.scheme_name);
      decode_required(in, "mentor", d.mentor);
      decode_all(in, "interests", d.interests);
      if (errors.empty() && !d.mentor.is_mentor()) in.field("mentor").field("roles").error("expected a mentor");
      if (errors.empty() && d.interests.empty()) in.field("interests").error("expected at least one request");
      parsed.document = std::move(d);
      break;
    }
    case DocumentKind::backup: {
      Backup d;
      if (in.field("settings").present()) {
        if (in.field("settings").expect_object()) d.settings = doc["settings"];
      }
      decode_all(in, "schemes", d.schemes);
      decode_all(in, "people", d.people);
      decode_all(in, "pairings", d.pairings);
      decode_all(in, "agreements", d.agreements);
      decode_all(in, "meetings", d.meetings);
      decode_all(in, "objectives", d.objectives);
      decode_all(in, "feedback", d.feedback);
      decode_all(in, "private_notes", d.private_notes);
      decode_all(in, "progress_reports", d.progress_reports);
      decode_all(in, "imports", d.imports);
      parsed.document = std::move(d);
      break;
    }
  }
  if (!errors.empty()) {
    set_file(errors, file);
    return errors;
  }
  return parsed;
}

Result<ParsedDocument> read_document(std::string_view text, const std::string& file) {
  auto json = parse_json_text(text, file);
  if (!json) return json.errors();
  auto parsed = read_document_json(json.value(), file);
  if (parsed) return parsed;
  Errors errors = parsed.errors();
  add_line_numbers(errors, text);
  return errors;
}

Errors validate_document(std::string_view text, const std::string& file) {
  auto r = read_document(text, file);
  return r ? Errors{} : r.errors();
}

namespace {

// The record as `reader` may see it, as a record again. Every field a record requires is visible
// to the pair, so `errors` stays empty unless the declaration hides one (a bug a test catches).
template <class T>
T as_seen_by(const T& record, Reader reader, Errors& errors) {
  const Json visible = visible_part(encode(record), T::kStore, reader);
  T out;
  decode(JsonReader(&visible, T::kStore, &errors), out);
  return out;
}

}  // namespace

Result<IntroductionPack> make_introduction_pack(const Workspace& ws, const std::string& pairing_id) {
  const Pairing* p = ws.find<Pairing>(pairing_id);
  if (!p) return Result<IntroductionPack>::failure("", "", "no pairing with id " + pairing_id);
  const Scheme* s = ws.find<Scheme>(p->scheme_id);
  const Person* mentor = ws.person_by_email(p->mentor_email);
  const Person* mentee = ws.person_by_email(p->mentee_email);
  if (!s) return Result<IntroductionPack>::failure("", "", "the pairing's scheme " + p->scheme_id + " is missing");
  if (!mentor) return Result<IntroductionPack>::failure("", "", "no application from the mentor " + p->mentor_email);
  if (!mentee) return Result<IntroductionPack>::failure("", "", "no application from the mentee " + p->mentee_email);
  // What the pair needs and no more, cut by the one audience declaration (core/privacy): no
  // decisions, rankings, status reasons, matching data or other applicants' pairs.
  IntroductionPack pack;
  Errors errors;
  pack.scheme = as_seen_by(*s, Reader::partner, errors);
  pack.pairing = as_seen_by(*p, Reader::partner, errors);
  pack.mentor = as_seen_by(*mentor, Reader::partner, errors);
  pack.mentee = as_seen_by(*mentee, Reader::partner, errors);
  if (!errors.empty()) return errors;
  return pack;
}

Result<PairNotebook> make_pair_notebook(const Workspace& ws, const std::string& pairing_id, NotebookAudience audience) {
  const Pairing* p = ws.find<Pairing>(pairing_id);
  if (!p) return Result<PairNotebook>::failure("", "", "no pairing with id " + pairing_id);
  PairNotebook n;
  n.pairing = *p;
  if (audience == NotebookAudience::partner) {
    // The partner sees the pairing as the pair may (no decline reasons or escalations).
    Errors errors;
    n.pairing = as_seen_by(*p, Reader::partner, errors);
    if (!errors.empty()) return errors;
  }
  if (const Agreement* a = ws.agreement_of(pairing_id)) n.agreement = *a;
  n.meetings = ws.meetings_of(pairing_id);
  n.objectives = ws.objectives_of(pairing_id);
  n.feedback = ws.feedback_of(pairing_id);
  if (audience == NotebookAudience::self) n.private_notes = ws.private_notes_of(pairing_id);
  return n;
}

Backup make_backup(const Workspace& ws) {
  Backup b;
  b.settings = ws.settings();
  for (const auto& [id, x] : ws.schemes()) b.schemes.push_back(x);
  for (const auto& [id, x] : ws.people()) b.people.push_back(x);
  for (const auto& [id, x] : ws.pairings()) b.pairings.push_back(x);
  for (const auto& [id, x] : ws.agreements()) b.agreements.push_back(x);
  for (const auto& [id, x] : ws.meetings()) b.meetings.push_back(x);
  for (const auto& [id, x] : ws.objectives()) b.objectives.push_back(x);
  for (const auto& [id, x] : ws.feedback()) b.feedback.push_back(x);
  for (const auto& [id, x] : ws.private_notes()) b.private_notes.push_back(x);
  for (const auto& [id, x] : ws.progress_reports()) b.progress_reports.push_back(x);
  for (const auto& [id, x] : ws.imports()) b.imports.push_back(x);
  return b;
}

namespace {

template <class T>
void add(std::vector<StoredRecord>& out, const T& r) {
  out.push_back(StoredRecord{T::kStore, r.meta.id, encode(r)});
}

template <class T>
void add_all(std::vector<StoredRecord>& out, const std::vector<T>& rs) {
  for (const auto& r : rs) add(out, r);
}

void add_report(std::vector<StoredRecord>& out, const ProgressReport& r) {
  out.push_back(StoredRecord{kStoreProgressReports, r.pairing_id, encode(r)});
}

}  // namespace

std::vector<StoredRecord> stored_records_of(const Document& document) {
  std::vector<StoredRecord> out;
  std::visit(
      [&out](const auto& d) {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, ApplicationDocument>) {
          add(out, d.person);
        } else if constexpr (std::is_same_v<T, SchemeDocument>) {
          add(out, d.scheme);
        } else if constexpr (std::is_same_v<T, IntroductionPack>) {
          add(out, d.scheme);
          add(out, d.mentor);
          add(out, d.mentee);
          add(out, d.pairing);
        } else if constexpr (std::is_same_v<T, PairNotebook>) {
          add(out, d.pairing);
          if (d.agreement) add(out, *d.agreement);
          add_all(out, d.meetings);
          add_all(out, d.objectives);
          add_all(out, d.feedback);
          add_all(out, d.private_notes);
        } else if constexpr (std::is_same_v<T, ProgressReportDocument>) {
          add_report(out, d.report);
        } else if constexpr (std::is_same_v<T, RequestBoard>) {
          // Nothing to store: a board is read, never merged (a mentor's device keeps no copy of
          // other people's requests beyond the file itself).
        } else if constexpr (std::is_same_v<T, InterestDocument>) {
          // The mentor's profile joins like an application; the interests themselves become
          // pairings on import (core/operations/request_board.hpp).
          add(out, d.mentor);
        } else {
          add_all(out, d.schemes);
          add_all(out, d.people);
          add_all(out, d.pairings);
          add_all(out, d.agreements);
          add_all(out, d.meetings);
          add_all(out, d.objectives);
          add_all(out, d.feedback);
          add_all(out, d.private_notes);
          for (const auto& r : d.progress_reports) add_report(out, r);
          add_all(out, d.imports);
          if (!d.settings.empty()) out.push_back(StoredRecord{kStoreSettings, "settings", d.settings});
        }
      },
      document);
  return out;
}

}  // namespace pairwise
