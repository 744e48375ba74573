#pragma once
// Who may see what: one declaration, per stored record kind, of the audience of every field as it
// is written to JSON. Files meant for another person are cut from it (the introduction pack keeps
// only what the pair may see), and the coordinator's import refuses files that carry what only the
// pair may read. A field written by encode() with no declaration here fails audience_test.cpp.
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/json_reader.hpp"

namespace pairwise {

// Who a field is for.
enum class Audience {
  everyone,               // published: what an applicant needs from a scheme file
  pair_and_coordinator,   // the two people and the coordinator (a profile, a pairing's status)
  coordinator,            // the coordinator alone (decisions, rankings, reasons, matching data)
  pair,                   // the mentor and mentee only (meeting notes, objectives, agreement)
  author,                 // the person who wrote it alone (private notes)
};

// Who is reading a file.
enum class Reader {
  anyone,       // a scheme file handed to applicants
  coordinator,  // the coordinator's workspace
  partner,      // the other person of a pair
  author,       // the person themself (their own "for myself" notebook, their own backup)
};

bool may_see(Audience audience, Reader reader);

struct FieldAudience {
  // A top-level key; "key.sub" for a key of each object under `key`; "*" for every top-level key
  // of a record kind that is declared as a whole (settings, progress reports).
  std::string_view field;
  Audience audience;
};

// The declaration for one store (kStorePeople, Pairing::kStore, ...); empty for a store it does
// not know, which readers other than the author then never see.
const std::vector<FieldAudience>& field_audiences(std::string_view store);
// Every store with a declaration.
std::vector<std::string_view> declared_stores();

// The record as `reader` may see it: every field they may not see is removed.
Json visible_part(const Json& record, std::string_view store, Reader reader);

// The fields holding something (not empty) that `reader` may not see, e.g. {"text"} for a private
// note read by the coordinator; empty when the whole record may be shown.
std::vector<std::string> hidden_fields_present(const Json& record, std::string_view store, Reader reader);

}  // namespace pairwise
