#pragma once
// Field-by-field merging of two copies of one record, so nothing typed on either device is ever
// discarded (issue 11).
//
// How a device knows what both copies had in common: every field carries a version vector (one
// counter per device that edited it), kept in the record's "sync" object (RecordMeta::sync). A
// field's copy whose vector is covered by the other's was seen by the other side before it edited,
// so the later one replaces it; two copies whose vectors are not ordered were edited on both sides
// without seeing each other: a *conflict*, and both values are kept (a multi-value register, as
// Riak's siblings or Automerge's conflicts). Merging is the union of the copies with covered ones
// dropped, so it is commutative, associative and idempotent, and every device that has seen the
// same edits holds the same record whatever the order of exchanges.
//
// A record is flattened into leaf paths: object keys ("review.learned"), and list items that carry
// an "id" by that id ("actions[a1].what"), so lists of actions merge per item; each such list also
// has an order path ("actions#order"). A removed item leaves a tombstone; an item edited on one side
// while removed on the other is kept, because its text was typed after the removal was seen by no
// one. Records from before version vectors (no "sync") count as one edit by a device named after
// their content, so two different old copies conflict field by field instead of one being dropped.
//
// The person resolves a conflict by editing the field (or picking one value): that edit covers
// every value it replaces.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/json_reader.hpp"

namespace pairwise {

inline constexpr const char* kSyncKey = "sync";

// Marks every field that differs between `before` (the stored copy, with its "sync"; null for a
// new record) and `after` as edited on `device`. Returns `after` with the updated "sync". An empty
// device counts as "unnamed-device".
// Of fields kept together (fields_kept_together of `store`), an edit of one marks them all, so
// two devices' edits keep them together whichever is shown.
Json stamp_local_edit(const Json& before, Json after, const std::string& device, std::string_view store = {});

// Two copies of the same record (same id), merged field by field. Metadata: the later updated_at,
// the higher revision; the caller gives a merged record that differs from both a new revision.
Json merge_record(const Json& a, const Json& b);

struct FieldConflict {
  std::string path;            // "reality", "actions[a1].what"
  std::vector<Json> values;    // every value kept, the one shown in the record first
};
// The fields holding more than one value (edited on both sides to different values).
std::vector<FieldConflict> conflicts_in(const Json& record);

// Quick test on a record's sync data (RecordMeta::sync) for values kept from both sides: false
// means conflicts_in finds nothing; true is then confirmed by conflicts_in (a kept removal beside a
// value is not a conflict). For screens that list conflicted records among thousands.
bool may_hold_conflicts(const Json& sync);
// A kept value in plain words: a text as it is; a list of entries (a status history) one entry a
// line with its parts joined by " · ".
std::string conflict_value_text(const Json& value);

// The same record with `path` set to `value` by `device`, covering every value the field held:
// how a person resolves a conflict by picking one value or typing a combined text. Picking a value
// of a field that belongs with others (a person's status with its history, see
// fields_kept_together) also picks, in each of those in conflict, the value of the same edit.
Json resolve_conflict(const Json& record, const std::string& path, const Json& value, const std::string& device,
                      std::string_view store = {});

// Fields of one record kind that only make sense together: one edit changes them at once (a
// person's status and the history saying how it came to be), so a conflict is settled for all of
// them by one choice.
std::vector<std::vector<std::string>> fields_kept_together(std::string_view store);

// The record without its sync data, for comparing content.
Json without_sync(Json record);
// The record without its identity and version metadata (id, created_at, updated_at, revision):
// two copies with the same content and field versions are the same edit state.
Json content_of(Json record);

// The stores whose records carry field versions and merge field by field: the pair's own records,
// people and pairings (schemes and settings are whole). When people and pairings merge field by
// field, and the coordinator's ownership rules, are import/batch_import.cpp's to say.
bool is_field_merged_store(std::string_view store);
// The record carries field versions ("sync"): it was edited or merged since format v5.
bool has_field_versions(const Json& record);
// The top-level field a path names: "history" for "history", "project" for "project.what",
// "actions" for "actions[a1].what" and "actions#order".
std::string top_level_field_of(std::string_view path);

// Two copies merged field by field, as a new revision when the result is neither copy (so the
// next exchange carries it back); `now` is its updated_at then.
Json merge_copies(const Json& a, const Json& b, const std::string& now);

}  // namespace pairwise
