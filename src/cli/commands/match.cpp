// pairwise match --from BACKUP | --input MATCHING.json | --dimacs INSTANCE [--write-dimacs FILE]
#include "cli/commands/commands.hpp"
#include "core/matching/dimacs.hpp"
#include "core/matching/from_records.hpp"
#include "core/matching/json_io.hpp"
#include "core/matching/matcher.hpp"

namespace pairwise::cli {

const char* const kMatchHelp =
    "Usage: pairwise match --from BACKUP.json [--scheme ID] [--format json|csv] [-o OUT] [FILE...]\n"
    "       pairwise match --input MATCHING.json [--format json|csv] [-o OUT]\n"
    "       pairwise match --dimacs INSTANCE.dimacs\n"
    "       pairwise match --from BACKUP.json [--scheme ID] [FILE...] --write-dimacs INSTANCE.dimacs [--with-goal]\n"
    "Finds the assignment of mentees to mentors with the highest total score under the scheme's\n"
    "weighted criteria and hard rules (capacity, conflicts, forbidden and locked pairs), exactly.\n"
    "FILEs (application files, a scheme file, CSV) are merged into the backup's people first, as\n"
    "'pairwise import --dry-run' would, without changing the backup. --scheme is needed when the\n"
    "backup holds several schemes. Output: every proposed pair with its score per criterion, and\n"
    "the reason each unmatched mentee has no mentor (JSON, or CSV with --format csv).\n"
    "--input takes the matcher's own JSON (see src/core/matching/json_io.hpp); --dimacs solves a\n"
    "DIMACS min-cost-flow assignment instance and prints its optimal cost: mentees with supply 1\n"
    "or a super source with one unit to each, mentors into a sink or with demands, arcs in any\n"
    "order, comments anywhere (a file it cannot read is refused with the line at fault).\n"
    "--write-dimacs writes, instead of matching, the exact min-cost-flow instance the matcher\n"
    "solves for that input (mentees not locked to a mentor, mentors' free places, every allowed\n"
    "pair at cost -score), before cohort goals (a comment line names the goal left out), so any\n"
    "DIMACS solver can be timed on a real cohort; '--dimacs' on it gives the optimum without the\n"
    "goal (total score = locked pairs' score - min cost; the comment lines give that score).\n"
    "--with-goal writes the instance with the scheme's cohort goal instead (one 'not matched' place\n"
    "per group that can still earn the bonus; the comment lines give the objective's offset).\n"
    "--dimacs reports 'optimal' only when the dual certificate holds on every arc of the file.\n";

namespace {

// The matcher's input from a backup (plus FILEs imported on the fly, without changing the backup).
int input_from_records(const Options& o, matching::MatchingInput& input, std::vector<std::string>& warnings) {
  const std::string from = o.get("--from"), scheme_id = o.get("--scheme");
  if (from.empty() && o.positional.empty()) return o.usage("match needs --from BACKUP.json, FILEs or --input");
  Loaded loaded;
  if (!from.empty())
    if (int rc = load_backup(from, loaded, false); rc != kOk) return rc;
  if (!o.positional.empty()) {
    std::vector<InputFile> inputs;
    if (int rc = read_input_files(o.positional, inputs); rc != kOk) return rc;
    ImportOptions options;
    options.scheme_id = scheme_id;
    auto preview = preview_import(loaded.ws, inputs, options);
    if (!preview.can_apply()) {
      std::cerr << join_errors(preview.errors) << "\npairwise: nothing was matched because of the errors above\n";
      return kInvalid;
    }
    if (auto applied = apply_import(loaded.ws, preview); !applied) return std::cerr << applied.error_text() << "\n", kInvalid;
  }
  const Scheme* scheme = nullptr;
  if (int rc = choose_scheme(loaded.ws, scheme_id, scheme); rc != kOk) return rc;
  if (loaded.ws.people_of_scheme(scheme->meta.id).empty()) {
    std::size_t elsewhere = loaded.ws.people().size();
    std::cerr << "pairwise: no one belongs to the scheme \"" << scheme->name << "\" (" << scheme->meta.id << "), so there is "
              << "nothing to match";
    if (elsewhere)
      std::cerr << "; the backup's " << elsewhere << " person(s) belong to no scheme or to another one: import them with "
                << "--scheme " << scheme->meta.id;
    std::cerr << "\n";
    return kInvalid;
  }
  auto built = matching::matching_input_from_records(loaded.ws, *scheme);
  input = std::move(built.input);
  warnings = std::move(built.warnings);
  return kOk;
}

}  // namespace

int run_match(const Options& o) {
  const std::string format = o.get("--format", "json"), out = o.get("-o");
  if (format != "json" && format != "csv") return o.usage("--format is json or csv");
  if (o.has("--dimacs") && o.has("--write-dimacs")) return o.usage("--dimacs reads an instance, --write-dimacs writes one: choose one");
  if (o.has("--dimacs")) {
    const std::string dimacs_path = o.get("--dimacs");
    auto solved = matching::solve_dimacs_file(dimacs_path);
    if (!solved.ok) return std::cerr << dimacs_path << ": " << solved.error << "\n", kInvalid;
    const auto& st = solved.stats;
    // Where the time went, for benchmarks (stderr: the answer on stdout stays one line).
    std::cerr << "pairwise: read " << static_cast<long long>(solved.read_ms) << " ms; solve " << static_cast<long long>(solved.solve_ms)
              << " ms (sample " << static_cast<long long>(st.sample_ms) << ", core " << static_cast<long long>(st.core_ms) << ", "
              << st.rounds << " core solve(s) " << static_cast<long long>(st.solve_ms) << ", pricing " << static_cast<long long>(st.pricing_ms)
              << ", certificate " << static_cast<long long>(st.certify_ms) << "); core " << st.core_edges << " of " << st.total_edges
              << " pairs\n";
    if (!solved.certified) {
      std::cout << "cost " << solved.min_cost << " NOT proven optimal (the dual certificate failed on some arc)\n";
      return kInvalid;
    }
    std::cout << "optimal cost " << solved.min_cost << " (total score " << solved.total_score << ", " << solved.matched
              << " matched; certified: reduced costs >= 0 on all " << st.total_edges << " pairs)\n";
    return kOk;
  }
  matching::MatchingInput input;
  std::vector<std::string> warnings;
  if (o.has("--input")) {
    const std::string input_path = o.get("--input");
    std::string text;
    if (!read_file(input_path, text)) return std::cerr << input_path << ": cannot read the file\n", kIo;
    std::string error;
    if (!matching::parse_matching_input(text, input, error))
      return std::cerr << base_name(input_path) << ": " << error << "\n", kInvalid;
  } else if (int rc = input_from_records(o, input, warnings); rc != kOk) {
    return rc;
  }
  for (const auto& w : warnings) std::cerr << "pairwise: warning: " << w << "\n";
  matching::Matcher matcher(input);
  if (o.has("--write-dimacs")) {
    const std::string instance_path = o.get("--write-dimacs");
    if (o.has("--with-goal")) {  // the instance with the cohort goal
      const matching::GoalInstance goal = matching::matcher_goal_instance_dimacs(matcher);
      const matching::MatcherInstance& instance = goal.instance;
      if (!write_file(instance_path, instance.text)) return std::cerr << instance_path << ": cannot write the file\n", kIo;
      std::cerr << "pairwise: wrote " << instance.mentees << " mentee(s), " << instance.mentors << " mentor(s) and group place(s), "
                << instance.arcs << " arcs; total score + cohort bonus = " << goal.score_offset << " - min cost\n";
      return kOk;
    }
    const matching::MatcherInstance instance = matching::matcher_instance_dimacs(matcher);
    if (!write_file(instance_path, instance.text)) return std::cerr << instance_path << ": cannot write the file\n", kIo;
    std::cerr << "pairwise: wrote " << instance.mentees << " mentee(s), " << instance.mentors << " mentor(s), " << instance.arcs
              << " arcs; total score = " << instance.locked_score << " (" << instance.locked_pairs << " locked pair(s)) - min cost\n";
    return kOk;
  }
  const matching::MatchResult& result = matcher.run();
  std::string text = format == "csv" ? matching::proposals_csv(input, result) : matching::result_to_json(input, result);
  if (!text.empty() && text.back() != '\n') text += '\n';
  if (!write_file(out, text)) return kIo;  // write_file said why
  std::cerr << "pairwise: " << result.pairs.size() << " pair(s) proposed, " << result.unmatched.size()
            << " mentee(s) unmatched, total score " << result.total_score << "\n";
  return kOk;
}

}  // namespace pairwise::cli
