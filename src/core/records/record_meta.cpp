#include "core/records/record_meta.hpp"

#include "core/records/text_fold.hpp"

namespace pairwise {

RecordMeta new_meta(IdGenerator& ids, const Clock& clock) {
  RecordMeta m;
  m.id = ids.next_id();
  m.created_at = clock.now();
  m.updated_at = m.created_at;
  m.revision = 1;
  return m;
}

void touch(RecordMeta& meta, const Clock& clock) {
  meta.revision += 1;
  meta.updated_at = clock.now();
}

void encode_meta(const RecordMeta& meta, Json& out) {
  out["id"] = meta.id;
  out["created_at"] = meta.created_at;
  out["updated_at"] = meta.updated_at;
  out["revision"] = meta.revision;
  if (meta.sync.is_object() && !meta.sync.empty()) out["sync"] = meta.sync;
}

void decode_meta(const JsonReader& in, RecordMeta& meta) {
  in.required("id", meta.id);
  if (in.field("id").present() && meta.id.empty()) in.field("id").error("expected a non-empty id");
  in.required_timestamp("created_at", meta.created_at);
  in.required_timestamp("updated_at", meta.updated_at);
  if (!in.field("revision").present()) {
    in.field("revision").error("missing; expected a whole number of at least 1");
  } else {
    in.optional_int_range("revision", meta.revision, 1, kMaxRevision);
  }
  if (const JsonReader sync = in.field("sync"); sync.present()) {
    if (!sync.value()->is_object()) sync.error("expected an object of field versions");
    else meta.sync = *sync.value();
  }
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view text) {
  const char* ws = " \t\r\n\f\v";
  const auto b = text.find_first_not_of(ws);
  if (b == std::string_view::npos) return std::string();
  const auto e = text.find_last_not_of(ws);
  return std::string(text.substr(b, e - b + 1));
}

std::string normalize_email(std::string_view email) { return fold_text(trim(email)); }

bool looks_like_email(std::string_view email) {
  const std::string e = trim(email);
  const auto at = e.find('@');
  return at != std::string::npos && at > 0 && at + 1 < e.size() && e.find('@', at + 1) == std::string::npos &&
         e.find(' ') == std::string::npos;
}

}  // namespace pairwise
