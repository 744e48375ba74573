// pairwise calendar
#include "cli/commands/commands.hpp"
#include "core/calendar/ics.hpp"

namespace pairwise::cli {

const char* const kCalendarHelp =
    "Usage: pairwise calendar --from BACKUP.json (--pairing ID | --mentor E --mentee E) [--meeting ID | --next]\n"
    "                         [--today YYYY-MM-DD] [-o FILE.ics]\n"
    "Writes an iCalendar file (RFC 5545) to open in any calendar program: every planned meeting of the\n"
    "pairing (dated today or later), or one meeting (--meeting), or the next planned one (--next).\n"
    "Events carry the names, the scheme, how and how long the pair meets, and a reminder; never notes.\n";

int run_calendar(const Options& o) {
  if (!o.positional.empty()) return o.usage("calendar takes no FILE; name the backup with --from");
  if (!o.has("--from")) return o.usage("calendar needs --from BACKUP.json");
  const std::string today = o.get("--today", system_clock().today());
  if (!is_valid_date(today)) return o.usage("--today must be a date like 2024-05-31");
  if (o.has("--meeting") && o.has("--next")) return o.usage("--meeting and --next go apart");
  Loaded loaded;
  if (int rc = load_backup(o.get("--from"), loaded, false); rc != kOk) return rc;
  loaded.clock.set(system_clock().now());  // DTSTAMP: when this file was written
  const Workspace& ws = loaded.ws;
  std::string pairing_id;
  if (int rc = pairing_from_options(ws, o, pairing_id); rc != kOk) return rc;
  if (pairing_id.empty()) return o.usage("calendar needs --pairing ID or --mentor E --mentee E");
  std::vector<Meeting> meetings;
  if (o.has("--meeting")) {
    const Meeting* m = ws.find<Meeting>(o.get("--meeting"));
    if (m == nullptr || m->pairing_id != pairing_id)
      return std::cerr << "pairwise: no meeting with id \"" << o.get("--meeting") << "\" in this pairing\n", kInvalid;
    meetings.push_back(*m);
  } else {
    meetings = planned_meetings(ws, pairing_id, today);
    if (o.has("--next") && meetings.size() > 1) meetings.resize(1);
  }
  if (meetings.empty()) return std::cerr << "pairwise: this pairing has no meeting planned from " << today << " on\n", kInvalid;
  if (!write_file(o.get("-o", o.get("--output")), meetings_calendar(ws, meetings)))
    return std::cerr << "pairwise: cannot write " << o.get("-o", o.get("--output")) << "\n", kIo;
  return kOk;
}

}  // namespace pairwise::cli
