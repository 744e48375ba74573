#include "core/presets/presets.hpp"

#include "core/documents/documents.hpp"
#include "core/presets/embedded_files.hpp"

namespace pairwise {

std::string preset_key(SchemePreset preset) {
  switch (preset) {
    case SchemePreset::cochrane_kt: return "cochrane-kt";
    case SchemePreset::ikt: return "ikt";
    case SchemePreset::kind: return "kind";
    case SchemePreset::coproduction: return "coproduction";
    case SchemePreset::mrc_ctu_lmic: return "mrc-ctu-lmic";
  }
  return std::string();
}

std::optional<SchemePreset> preset_from_key(std::string_view key) {
  for (SchemePreset p : kAllPresets)
    if (preset_key(p) == key) return p;
  return std::nullopt;
}

std::string_view preset_file_text(SchemePreset preset) {
  const std::string name = preset_key(preset) + ".json";
  for (const EmbeddedFile& f : embedded_preset_files())
    if (f.name == name) return f.text;
  return std::string_view();
}

Result<Scheme> read_preset_file(SchemePreset preset) {
  const std::string file = "assets/presets/" + preset_key(preset) + ".json";
  const std::string_view text = preset_file_text(preset);
  if (text.empty()) return Result<Scheme>::failure(file, "", "the preset file was not built into this program");
  auto parsed = read_document(text, file);
  if (!parsed) return parsed.errors();
  if (parsed->kind != DocumentKind::scheme)
    return Result<Scheme>::failure(file, "$.kind", "expected a scheme document, got \"" + to_string(parsed->kind) + "\"");
  return std::get<SchemeDocument>(parsed->document).scheme;
}

Scheme make_preset(SchemePreset preset, IdGenerator& ids, const Clock& clock) {
  auto read = read_preset_file(preset);
  Scheme s;
  if (read) {
    s = std::move(read.value());
  } else {
    // Unreachable in a tested build (tests read every preset file); the UI still gets a usable,
    // clearly labelled scheme rather than a crash.
    s.name = preset_key(preset) + " (preset file unreadable)";
    s.description = read.error_text();
    s.roles_offered = {Role::mentor, Role::mentee};
  }
  s.meta = new_meta(ids, clock);  // a fresh record each time, as before presets came from files
  return s;
}

std::vector<Scheme> all_presets(IdGenerator& ids, const Clock& clock) {
  std::vector<Scheme> out;
  for (SchemePreset p : kAllPresets) out.push_back(make_preset(p, ids, clock));
  return out;
}

}  // namespace pairwise
