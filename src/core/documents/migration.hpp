#pragma once
// Format versions and migration of older documents to the current one.
//   v1: a person had "language" (one string) and "role" ("mentor" | "mentee" | "both");
//       a meeting had "minutes".
//   v2: "languages" (list), "roles" (list), "length_minutes".
//   v3: a record may list "invalid_fields": its fields holding text kept as typed that is not a
//       valid value (so far dates: an objective's "due_date", an action's "by_when", a private
//       note's "date"), e.g. {"due_date": "31/03/2027", "invalid_fields": ["due_date"]}. Readers
//       accept the listed fields as typed; checks count them as missing. v2 files have no such
//       text, so they need no change for it.
//   v4: a consent carries "terms_digest", the digest of the words it was given to (see
//       core/records/agreement.hpp); a consent whose words changed since is void. Before v4 every
//       edit of the words cleared both consents, so a consent without a digest is read as given to
//       the words stored beside it (decode fills the digest; stored data is read the same way).
//       The pair's records (meetings, objectives, agreements, feedback, private notes) may carry
//       "sync": each field's version vector and the values kept from edits made on both sides
//       (core/sync/field_merge.hpp). A record without it (v3 and older) merges as one edit named
//       after its content, so two different old copies keep both texts.
//   v5: a meeting may carry "start_time" ("HH:MM") and "time_zone" (the fixed offset of whoever set
//       the time, "UTC+05:30"), for calendar files; a v4 meeting has a date only and reads as it is.
//       In the same version, a scheme's "csv_mapping" may bind several columns to one list field (topics, languages,
//       roles, preferences), names each option column of a "select all that apply" question
//       "Question [Option]", and may give a column's "date_order" ("month_first" | "day_first").
//       A v4 mapping could name a column with a blank header (the option columns of such a
//       question had none): no v5 column has a blank name, so those bindings are dropped and the
//       columns are suggested again from the recognised layout. A backup may hold "imports", the
//       import history (core/records/import_record.hpp).
//   v6: KIND's request board. Two new kinds: "request-board" (the open project requests a
//       coordinator publishes, without names or contact details) and "interest" (a mentor's
//       interest in requests of that board). A person may say "request_published" (the mentee
//       agreed to the board); a scheme may name its "request_board_url" on the app's own site. A v5
//       person has not agreed, so a v5 request is not published until the mentee says so.
#include <string>

#include "core/validation/json_reader.hpp"

namespace pairwise {

inline constexpr int kCurrentFormatVersion = 6;
inline constexpr int kOldestFormatVersion = 1;

// Refuses a newer version than this app knows and upgrades older ones step by step.
// `doc` must already have a valid "kind".
Result<Json> migrate_to_current(Json doc, const std::string& file);

}  // namespace pairwise
