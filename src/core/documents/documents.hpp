#pragma once
// The JSON documents people exchange. Every file names its kind and format version:
//   { "format": "pairwise", "kind": "application", "format_version": 2, "app_version": "0.1.0",
//     "exported_at": "2024-05-31T14:00:00Z", ...kind-specific fields }
// Reading never throws: errors name the file, the JSON path and what was expected.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/records/agreement.hpp"
#include "core/records/feedback.hpp"
#include "core/records/meeting.hpp"
#include "core/records/objective.hpp"
#include "core/records/pairing.hpp"
#include "core/records/request_board.hpp"
#include "core/records/person.hpp"
#include "core/records/scheme.hpp"
#include "core/documents/migration.hpp"
#include "core/reports/progress_report.hpp"
#include "core/workspace.hpp"

namespace pairwise {

enum class DocumentKind {
  application,
  scheme,
  introduction_pack,
  pair_notebook,
  progress_report,
  backup,
  request_board,  // v6
  interest,       // v6
};
inline constexpr EnumNames<DocumentKind, 8> kDocumentKindNames{{{DocumentKind::application, "application"},
                                                                {DocumentKind::scheme, "scheme"},
                                                                {DocumentKind::introduction_pack, "introduction-pack"},
                                                                {DocumentKind::pair_notebook, "pair-notebook"},
                                                                {DocumentKind::progress_report, "progress-report"},
                                                                {DocumentKind::backup, "backup"},
                                                                {DocumentKind::request_board, "request-board"},
                                                                {DocumentKind::interest, "interest"}}};
// The first format version that has each kind (older files cannot be of the newer kinds).
int first_format_version_of(DocumentKind kind);
std::string to_string(DocumentKind kind);

// An applicant's file for the coordinator.
struct ApplicationDocument {
  Person person;
  std::string scheme_name;  // helps the coordinator when the scheme id is unknown to them
  bool operator==(const ApplicationDocument&) const = default;
};

struct SchemeDocument {
  Scheme scheme;
  bool operator==(const SchemeDocument&) const = default;
};

// Sent by the coordinator to both people of a new pair.
struct IntroductionPack {
  Scheme scheme;
  Pairing pairing;
  Person mentor;
  Person mentee;
  bool operator==(const IntroductionPack&) const = default;
};

enum class NotebookAudience { partner, self };

// What a pair shares with each other. Private notes appear only in a notebook for oneself.
struct PairNotebook {
  Pairing pairing;
  std::optional<Agreement> agreement;
  std::vector<Meeting> meetings;
  std::vector<Objective> objectives;
  std::vector<Feedback> feedback;
  std::vector<PrivateNote> private_notes;
  bool operator==(const PairNotebook&) const = default;
};

struct ProgressReportDocument {
  ProgressReport report;
  bool operator==(const ProgressReportDocument&) const = default;
};

// Everything one user holds.
struct Backup {
  Json settings = Json::object();
  std::vector<Scheme> schemes;
  std::vector<Person> people;
  std::vector<Pairing> pairings;
  std::vector<Agreement> agreements;
  std::vector<Meeting> meetings;
  std::vector<Objective> objectives;
  std::vector<Feedback> feedback;
  std::vector<PrivateNote> private_notes;
  std::vector<ProgressReport> progress_reports;
  std::vector<ImportRecord> imports;  // v5: the import history
  bool operator==(const Backup&) const = default;
};

// KIND: the open project requests a coordinator publishes for mentors to browse (on the scheme's
// site next to the app, or as a file). Public: the scheme as applicants see it, and each request
// cut to what its mentee agreed to post (core/operations/request_board.hpp).
struct RequestBoard {
  Scheme scheme;
  std::string published_on;  // date
  std::vector<PostedRequest> requests;
  bool operator==(const RequestBoard&) const = default;
};

// KIND's "potential mentor form": a mentor's profile and the requests of a board they would
// mentor, for the coordinator, who imports it and introduces the pair.
struct InterestDocument {
  std::string scheme_id;
  std::string scheme_name;
  Person mentor;
  std::vector<RequestInterest> interests;
  bool operator==(const InterestDocument&) const = default;
};

using Document = std::variant<ApplicationDocument, SchemeDocument, IntroductionPack, PairNotebook,
                              ProgressReportDocument, Backup, RequestBoard, InterestDocument>;

DocumentKind kind_of(const Document& document);

struct ParsedDocument {
  DocumentKind kind = DocumentKind::application;
  int source_format_version = kCurrentFormatVersion;  // before migration
  Document document;
};

// Serialises with the envelope; `exported_at` is a timestamp.
Json document_to_json(const Document& document, const std::string& exported_at);
std::string write_document(const Document& document, const std::string& exported_at);

// Parses, checks the envelope, migrates older versions and validates every field.
Result<ParsedDocument> read_document(std::string_view text, const std::string& file_name);
Result<ParsedDocument> read_document_json(const Json& json, const std::string& file_name);
Errors validate_document(std::string_view text, const std::string& file_name);

// ---- building documents from a workspace ----

Result<IntroductionPack> make_introduction_pack(const Workspace& ws, const std::string& pairing_id);
Result<PairNotebook> make_pair_notebook(const Workspace& ws, const std::string& pairing_id, NotebookAudience audience);
Backup make_backup(const Workspace& ws);
// Every record of a document as stored records (for import and for restoring a backup).
std::vector<StoredRecord> stored_records_of(const Document& document);

}  // namespace pairwise
