#pragma once
// Identity and versioning carried by every record, so copies held by different people can be
// merged: the id says "same record", the revision counts edits, updated_at breaks ties.
#include <string>

#include "core/records/ids.hpp"
#include "core/records/timestamps.hpp"
#include "core/validation/json_reader.hpp"

namespace pairwise {

// The highest revision a file may carry. Far above any real edit history (a revision is one saved
// edit), and far enough below the largest int that adding one, as every save and merge does, can
// never overflow (2147483647 was once accepted and then wrapped to a negative revision).
inline constexpr int kMaxRevision = 1'000'000'000;
// The revision after `latest` (the highest of the copies replaced), held at kMaxRevision.
inline int next_revision(int latest) { return (latest < kMaxRevision ? latest : kMaxRevision - 1) + 1; }

struct RecordMeta {
  std::string id;
  std::string created_at;  // timestamp
  std::string updated_at;  // timestamp
  int revision = 1;
  // Each field's version vector, and any values kept from edits made on both sides (see
  // core/sync/field_merge.hpp); null for a record from before field merging (format v4).
  Json sync;

  bool operator==(const RecordMeta&) const = default;
};

RecordMeta new_meta(IdGenerator& ids, const Clock& clock);
// Marks a record as edited now: bumps the revision and the update time.
void touch(RecordMeta& meta, const Clock& clock);

void encode_meta(const RecordMeta& meta, Json& out);
void decode_meta(const JsonReader& in, RecordMeta& meta);

// Trimmed, composed and lower-cased e-mail (core/records/text_fold.hpp): the identity of a person
// across files, however their keyboard wrote the accents.
std::string normalize_email(std::string_view email);
std::string trim(std::string_view text);
// A-Z lowered, every other byte kept (UTF-8 untouched): for keys, codes and English phrases.
std::string ascii_lower(std::string_view text);
bool looks_like_email(std::string_view email);

}  // namespace pairwise
