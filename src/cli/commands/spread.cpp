// pairwise spread
#include "cli/commands/commands.hpp"

namespace pairwise::cli {

const char* const kSpreadHelp =
    "Usage: pairwise spread --from BACKUP.json [--scheme ID] [--of mentees|mentors|everyone] [--select N]\n"
    "Shows how many countries, regions, topics and languages the cohort covers. --select N picks N\n"
    "mentees covering as many different ones as possible (the scheme's selection goal) and shows\n"
    "the spread of that selection.\n";

int run_spread(const Options& o) {
  if (!o.positional.empty()) return o.usage("spread takes no FILE");
  if (!o.has("--from")) return o.usage("spread needs --from BACKUP.json");
  const std::string of_text = o.get("--of", "mentees");
  SpreadOf of = SpreadOf::mentees;
  if (of_text == "mentors") of = SpreadOf::mentors;
  else if (of_text == "everyone") of = SpreadOf::everyone;
  else if (of_text != "mentees") return o.usage("--of is mentees, mentors or everyone");
  int places = 0;
  if (o.has("--select")) {
    const std::string n = o.get("--select");
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) == 0)
      return o.usage("--select needs a number of places from 1");
    places = std::stoi(n);
  }
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  const Scheme* scheme = nullptr;
  if (int rc = choose_scheme(loaded.ws, o.get("--scheme"), scheme); rc != kOk) return rc;
  std::cout << "cohort (" << of_text << "):\n";
  for (const auto& line : describe_spread(cohort_spread(loaded.ws, scheme->meta.id, of))) std::cout << "  " << line << "\n";
  if (places > 0) {
    const auto picked = select_for_spread(loaded.ws, scheme->meta.id, places);
    std::cout << "selected " << picked.size() << " for spread:";
    for (const auto& e : picked) std::cout << " " << e;
    std::cout << "\n";
    for (const auto& line : describe_spread(cohort_spread(loaded.ws, scheme->meta.id, SpreadOf::mentees, picked)))
      std::cout << "  " << line << "\n";
  }
  return kOk;
}

}  // namespace pairwise::cli
