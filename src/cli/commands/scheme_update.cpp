// pairwise scheme-update
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kSchemeUpdateHelp =
    "Usage: pairwise scheme-update --into BACKUP.json FILE\n"
    "Validates the scheme file FILE and replaces the scheme with the same id in BACKUP.json as a new\n"
    "revision (or adds it). Nothing changes if the file has any error (listed with its JSON path).\n";

int run_scheme_update(const Options& o) {
  if (!o.has("--into") || o.positional.size() != 1) return o.usage("scheme-update needs --into BACKUP.json and one FILE");
  std::string text;
  const std::string file = o.positional.front();
  if (!read_file(file, text)) return std::cerr << file << ": cannot read the file\n", kIo;
  Loaded loaded;
  if (int rc = load_backup(o.get("--into"), loaded, true); rc != kOk) return rc;
  auto r = import_scheme_file(loaded.ws, text, base_name(file));
  if (!r) return std::cerr << r.error_text() << "\n", kInvalid;
  if (r->empty()) return std::cout << "the scheme is unchanged\n", kOk;
  const Scheme& updated = *loaded.ws.find<Scheme>(r->upserts.front().id);
  std::cout << "scheme " << updated.meta.id << " (" << updated.name << ") is now revision " << updated.meta.revision << "\n";
  return save_backup(o.get("--into"), loaded.ws);
}

}  // namespace pairwise::cli
