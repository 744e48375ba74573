// pairwise preset
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kPresetHelp =
    "Usage: pairwise preset [NAME] [-o OUT]\n"
    "Without NAME lists the built-in presets (cochrane-kt, ikt, kind, coproduction, mrc-ctu-lmic).\n"
    "With NAME writes that preset's scheme file (to OUT or standard output): edit it, then\n"
    "'pairwise scheme-update' or the app's scheme import brings it in.\n";

int run_preset(const Options& o) {
  if (o.positional.size() > 1) return o.usage("preset takes at most one NAME");
  if (o.positional.empty()) {
    for (SchemePreset p : kAllPresets) {
      auto scheme = read_preset_file(p);
      std::cout << preset_key(p) << "  " << (scheme ? scheme->name : "(unreadable: " + scheme.error_text() + ")") << "\n";
    }
    return kOk;
  }
  auto preset = preset_from_key(o.positional.front());
  if (!preset) return o.usage("unknown preset \"" + o.positional.front() + "\"");
  return write_file(o.get("-o"), std::string(preset_file_text(*preset))) ? kOk : kIo;
}

}  // namespace pairwise::cli
