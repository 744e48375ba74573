// Benchmark of the matching engine on reproducible skewed cohorts.
//   matching_bench [--mentees N] [--mentors M] [--capacity C] [--seed S] [--dimacs FILE]
//                  [--solve-dimacs FILE] [--no-explain] [--k K] [--mentor-k L] [--reserve R]
//                  [--sample F] [--presolve-rounds R] [--presolve-prove PAIRS] [--relist X] [--repeat N] [--kernel]
//   matching_bench --write-skewed-dimacs FILE [--mentees N] [--mentors M] [--capacity C] [--seed S]
//                  [--skew X] [--noise R]
//     writes the popularity-skewed family (bench/dimacs_families.hpp) in super-source form
//   matching_bench --write-family uniform|skewed|clustered|topk FILE [sizes, --seed, --skew, --noise]
//     writes one family of bench/dimacs_families.hpp (super-source form)
//   matching_bench --read-dimacs FILE   times the DIMACS reader alone (best of --repeat runs)
//   matching_bench --cohort cochrane ...  the Cochrane KT cohort (preset criteria, spread goal on;
//     --no-goal switches the goal off) instead of the default skewed benchmark cohort
//   matching_bench [--cohort ...] --write-instance FILE [--write-goal-instance FILE2]
//     writes, without matching, the instance `pairwise match --write-dimacs` writes (before the
//     goal) and the one with the goal (`--with-goal`; its objective offset is printed)
//   matching_bench [--cohort ...] --write-worker-request FILE [--write-warm-up-request FILE2]
//     writes, without matching, the message the app sends its matching worker for this cohort
//     (default options, as the Matching screen sends them), and the warm-up request the app sends
//     when the worker starts: bench/browser_matching_worker.mjs times them in Chromium's worker
// Prints phases, total score (= -min cost of the DIMACS instance) and peak memory.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

#include "bench/cohort.hpp"
#include "bench/dimacs_families.hpp"
#include "core/matching/dimacs.hpp"
#include "core/matching/matcher.hpp"
#include "core/matching/row_scorer.hpp"
#include "core/matching/worker_messages.hpp"
#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

namespace {
double peak_mb() {
#ifdef __EMSCRIPTEN__
  return static_cast<double>(emscripten_get_heap_size()) / (1024.0 * 1024.0);
#else
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
#endif
}
}  // namespace

int main(int argc, char** argv) {
  int n = 5000, m = 2000, cap = 3;
  unsigned long long seed = 1;
  std::string dimacs, solve_file, skewed_file, read_file, family, family_file, cohort = "bench", instance_file, goal_file,
              worker_request_file, warm_up_file;
  bool no_goal = false;
  bool kernel_only = false;
  int repeat = 1;
  double skew = 0.7;
  int noise = 200;
  pairwise::matching::MatchOptions opt;
  pairwise::matching::PricedOptions priced;  // --solve-dimacs: --core-k, --core-mentor, --core-add, --core-sample
  for (int a = 1; a < argc; ++a) {
    const std::string k = argv[a];
    const auto next = [&]() -> const char* { return a + 1 < argc ? argv[++a] : ""; };
    if (k == "--mentees") n = std::atoi(next());
    else if (k == "--mentors") m = std::atoi(next());
    else if (k == "--capacity") cap = std::atoi(next());
    else if (k == "--seed") seed = std::strtoull(next(), nullptr, 10);
    else if (k == "--dimacs") dimacs = next();
    else if (k == "--solve-dimacs") solve_file = next();
    else if (k == "--write-skewed-dimacs") skewed_file = next();
    else if (k == "--read-dimacs") read_file = next();
    else if (k == "--write-family") {
      family = next();
      family_file = next();
    }
    else if (k == "--skew") skew = std::atof(next());
    else if (k == "--noise") noise = std::atoi(next());
    else if (k == "--no-explain") opt.explain = false;
    else if (k == "--cohort") cohort = next();
    else if (k == "--no-goal") no_goal = true;
    else if (k == "--write-instance") instance_file = next();
    else if (k == "--write-goal-instance") goal_file = next();
    else if (k == "--write-worker-request") worker_request_file = next();
    else if (k == "--write-warm-up-request") warm_up_file = next();
    else if (k == "--core-k") priced.per_mentee = std::atoi(next());
    else if (k == "--core-mentor") priced.per_mentor_place = std::atoi(next());
    else if (k == "--core-add") priced.add_per_round = std::atoi(next());
    else if (k == "--core-sample") priced.sample = std::atoi(next());
    else if (k == "--k") opt.mentee_candidates = std::atoi(next());
    else if (k == "--mentor-k") opt.mentor_candidates_per_place = std::atoi(next());
    else if (k == "--reserve") opt.reserve_candidates = std::atoi(next());
    else if (k == "--near") opt.near_tight_per_mentee = std::atoi(next());
    else if (k == "--margin") opt.near_tight_margin = std::atoll(next());
    else if (k == "--new") opt.max_new_edges_per_mentee = std::atoi(next());
    else if (k == "--cold") opt.warm_start = false;
    else if (k == "--kernel") kernel_only = true;
    else if (k == "--repeat") repeat = std::atoi(next());
    else if (k == "--sample") opt.presolve_sample = std::atoi(next());
    else if (k == "--presolve-rounds") opt.presolve_rounds = std::atoi(next());
    else if (k == "--presolve-prove") opt.presolve_prove_pairs = std::atoll(next());
    else if (k == "--relist") opt.rescan_fraction = std::atof(next());
    else {
      std::fprintf(stderr, "unknown argument %s\n", k.c_str());
      return 2;
    }
  }
  if (!skewed_file.empty()) {
    const long long arcs = pairwise::bench::write_popularity_skewed_dimacs(skewed_file, n, m, cap, seed, skew, noise);
    std::printf("popularity-skewed %d x %d, capacity %d, seed %llu, skew %.2f, noise %d: arcs=%lld file=%s\n", n, m, cap,
                seed, skew, noise, arcs, skewed_file.c_str());
    return arcs < 0 ? 1 : 0;
  }
  if (!family.empty()) {
    namespace b = pairwise::bench;
    long long arcs = -2;
    if (family == "uniform") arcs = b::write_uniform_dimacs(family_file, n, m, cap, seed);
    else if (family == "skewed") arcs = b::write_popularity_skewed_dimacs(family_file, n, m, cap, seed, skew, noise);
    else if (family == "clustered") arcs = b::write_clustered_dimacs(family_file, n, m, cap, seed);
    else if (family == "topk") arcs = b::write_top_k_dimacs(family_file, n, m, cap, seed);
    if (arcs == -2) {
      std::fprintf(stderr, "unknown family %s (uniform, skewed, clustered, topk)\n", family.c_str());
      return 2;
    }
    std::printf("%s %d x %d, capacity %d, seed %llu: arcs=%lld file=%s\n", family.c_str(), n, m, cap, seed, arcs, family_file.c_str());
    return arcs < 0 ? 1 : 0;
  }
  if (!read_file.empty()) {
    double best_ms = 1e300;
    for (int r = 0; r < std::max(1, repeat); ++r) {
      const auto t = std::chrono::steady_clock::now();
      const auto in = pairwise::matching::read_dimacs_assignment(read_file);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
      if (!in.ok) {
        std::fprintf(stderr, "error: %s\n", in.error.c_str());
        return 1;
      }
      best_ms = std::min(best_ms, ms);
      std::printf("read_ms=%.1f mentees=%d mentors=%d pairs=%zu\n", ms, in.problem.left, in.problem.right,
                  in.problem.target.size());
    }
    std::printf("best read_ms=%.1f peak_mb=%.0f\n", best_ms, peak_mb());
    return 0;
  }
  if (!solve_file.empty()) {
    const auto r = pairwise::matching::solve_dimacs_file(solve_file, priced);
    if (!r.ok) {
      std::fprintf(stderr, "error: %s\n", r.error.c_str());
      return 1;
    }
    const auto& st = r.stats;
    std::printf("dimacs read_ms=%.1f solve_ms=%.1f matched=%d min_cost=%lld certified=%s peak_mb=%.0f\n", r.read_ms,
                r.solve_ms, r.matched, static_cast<long long>(r.min_cost), r.certified ? "yes" : "NO", peak_mb());
    std::printf("sample_ms=%.1f core_ms=%.1f rounds=%d core_solve_ms=%.1f pricing_ms=%.1f certify_ms=%.1f core_edges=%lld of %lld\n",
                st.sample_ms, st.core_ms, st.rounds, st.solve_ms, st.pricing_ms, st.certify_ms, st.core_edges, st.total_edges);
    return r.certified ? 0 : 1;
  }
  if (cohort != "bench" && cohort != "cochrane") {
    std::fprintf(stderr, "unknown cohort %s (bench, cochrane)\n", cohort.c_str());
    return 2;
  }
  auto input = cohort == "cochrane" ? pairwise::bench::make_cochrane_cohort(n, m, cap, seed) : pairwise::bench::make_cohort(n, m, cap, seed);
  if (no_goal) input.goal = {};
  std::printf("cohort %s %d mentees x %d mentors, capacity %d, seed %llu, goal %s\n", cohort.c_str(), n, m, cap, seed,
              input.goal.kind == pairwise::matching::CohortGoal::Kind::None ? "off" : "on");
  if (!worker_request_file.empty()) {
    const auto write_request = [](const std::string& path, const pairwise::matching::MatchingInput& in) {
      const std::string text = pairwise::matching::encode_matching_request(in, pairwise::matching::MatchOptions{});
      std::FILE* f = std::fopen(path.c_str(), "wb");
      const bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
      if (!(f ? std::fclose(f) == 0 : false) || !ok) return false;
      std::printf("request_bytes=%zu file=%s\n", text.size(), path.c_str());
      return true;
    };
    if (!write_request(worker_request_file, input)) return 1;
    if (!warm_up_file.empty() && !write_request(warm_up_file, pairwise::matching::warm_up_input(input))) return 1;
    return 0;
  }
  if (!instance_file.empty() || !goal_file.empty()) {
    const pairwise::matching::Matcher matcher(input, opt);
    const auto write = [](const std::string& path, const std::string& text) {
      std::FILE* f = std::fopen(path.c_str(), "wb");
      const bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
      return (f ? std::fclose(f) == 0 : false) && ok;
    };
    if (!instance_file.empty()) {
      const auto inst = pairwise::matching::matcher_instance_dimacs(matcher);
      if (!write(instance_file, inst.text)) return 1;
      std::printf("instance_arcs=%lld score_offset=%lld file=%s\n", inst.arcs, static_cast<long long>(inst.locked_score), instance_file.c_str());
    }
    if (!goal_file.empty()) {
      const auto goal = pairwise::matching::matcher_goal_instance_dimacs(matcher);
      if (!write(goal_file, goal.instance.text)) return 1;
      std::printf("goal_instance_arcs=%lld goal_offset=%lld file=%s\n", goal.instance.arcs, static_cast<long long>(goal.score_offset),
                  goal_file.c_str());
    }
    return 0;
  }
  if (kernel_only) {  // one dense pass with each scorer: ns per pair
    using Clock = std::chrono::steady_clock;
    const pairwise::matching::Scorer sc(input.mentees, input.mentors, input.criteria, input.forbidden);
    const auto& packed = sc.packed_mentors();
    // Best of 5 (the minimum is the least disturbed by other processes on a shared machine).
    double ref_ms = 1e300, fast_ms = 1e300;
    long long sum_ref = 0, sum_fast = 0;
    const pairwise::matching::RowScorer rs(sc);
    std::vector<std::int64_t> row(static_cast<std::size_t>(m));
    for (int rep = 0; rep < 5; ++rep) {
      auto t = Clock::now();
      sum_ref = 0;
      for (int i = 0; i < n; ++i) {
        const auto K = sc.kernel(i);
        for (int j = 0; j < m; ++j) sum_ref += K.score(packed[static_cast<std::size_t>(j)]);
      }
      ref_ms = std::min(ref_ms, std::chrono::duration<double, std::milli>(Clock::now() - t).count());
      t = Clock::now();
      sum_fast = 0;
      for (int i = 0; i < n; ++i) {
        rs.row(i, rs.all(), 0, m, row.data());
        for (int j = 0; j < m; ++j) sum_fast += row[static_cast<std::size_t>(j)];
      }
      fast_ms = std::min(fast_ms, std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    const double pairs = static_cast<double>(n) * m;
    std::printf("kernel reference_ms=%.1f (%.2f ns/pair) row_ms=%.1f (%.2f ns/pair) vectorised=%d sums %s\n", ref_ms,
                ref_ms * 1e6 / pairs, fast_ms, fast_ms * 1e6 / pairs, rs.vectorised() ? 1 : 0,
                sum_ref == sum_fast ? "agree" : "DIFFER");
    return sum_ref == sum_fast ? 0 : 1;
  }
  // --repeat N: the fastest of N cold runs (each on a fresh Matcher) is reported, the least
  // disturbed by other processes on a shared machine; every run must give the same total.
  std::unique_ptr<pairwise::matching::Matcher> best;
  for (int rep = 0; rep < std::max(1, repeat); ++rep) {
    auto mt = std::make_unique<pairwise::matching::Matcher>(input, opt);
    mt->run();
    if (best && mt->result().total_score != best->result().total_score) {
      std::fprintf(stderr, "runs disagree\n");
      return 1;
    }
    if (!best || mt->result().stats.total_ms < best->result().stats.total_ms) best = std::move(mt);
  }
  const auto& matcher = *best;
  const auto& r = matcher.result();
  const auto& s = r.stats;
  if (repeat > 1) std::printf("best of %d runs\n", repeat);
  std::printf("scoring_ms=%.1f solve_ms=%.1f pricing_ms=%.1f explain_ms=%.1f total_ms=%.1f\n", s.scoring_ms,
              s.solve_ms, s.pricing_ms, s.explain_ms, s.total_ms);
  std::printf("sparse_solves=%d priced_pairs=%lld priced_mentees=%lld warm_repairs=%d warm_fallbacks=%d\n",
              s.sparse_solves, s.priced_pairs, s.priced_mentees, s.warm_repairs, s.warm_fallbacks);
  std::printf("pricing_rounds=%d sparse_edges=%lld added_edges=%lld dijkstra_pops=%lld\n", s.pricing_rounds,
              s.sparse_edges, s.added_edges, s.dijkstra_pops);
  std::printf("presolve_ms=%.1f scored_pairs=%lld (%.2f x all pairs) relisted_mentees=%lld final_check_pairs=%lld\n",
              s.presolve_ms, s.scored_pairs, static_cast<double>(s.scored_pairs) / (static_cast<double>(n) * m),
              s.relisted_mentees, s.final_check_pairs);
  std::printf("matched=%zu unmatched=%zu optimal=%s\n", r.pairs.size(), r.unmatched.size(),
              r.proven_optimal ? "yes" : "NO");
  std::printf("total_score=%lld min_cost=%lld cohort_bonus=%lld objective=%lld\n", static_cast<long long>(r.total_score),
              -static_cast<long long>(r.total_score), static_cast<long long>(r.cohort_bonus),
              static_cast<long long>(r.total_score + r.cohort_bonus));
  std::printf("peak_mb=%.0f\n", peak_mb());
  if (!dimacs.empty()) {
    std::vector<std::int32_t> capv;
    for (const auto& p : input.mentors) capv.push_back(p.capacity - p.current_load);
    const long long arcs = pairwise::matching::write_dimacs(dimacs, matcher.scorer(), capv);
    std::printf("dimacs_arcs=%lld file=%s\n", arcs, dimacs.c_str());
    if (arcs < 0) return 1;
  }
  return r.proven_optimal ? 0 : 1;
}
