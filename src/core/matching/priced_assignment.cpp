#include "core/matching/priced_assignment.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <utility>
#include <vector>

namespace pairwise::matching {

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// The best k (value, edge) items of a stream: an append buffer pruned with nth_element at 2k.
struct Best {
  std::vector<std::pair<std::int64_t, std::uint32_t>> items;
  std::size_t k = 0;
  std::int64_t floor = std::numeric_limits<std::int64_t>::min();  // items <= floor are never kept
  void reset(std::size_t keep) {
    items.clear();
    k = keep;
    floor = std::numeric_limits<std::int64_t>::min();
  }
  void offer(std::int64_t v, std::uint32_t e) {
    if (v <= floor) return;
    items.push_back({v, e});
    if (items.size() >= 2 * k + 8) prune();
  }
  void prune() {
    if (items.size() <= k) return;
    std::nth_element(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(k) - 1, items.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    items.resize(k);
    std::int64_t worst = items.front().first;
    for (const auto& it : items) worst = std::min(worst, it.first);
    floor = std::max(floor, worst);
  }
};

// Mentor prices of a sample market: every f-th mentee, each mentor with about 1/f of its places
// (deterministic rounding that keeps the total), solved by the same method. Popular mentors come
// out expensive, so the first core already spreads mentees over the mentors they end up with.
std::vector<std::int64_t> sample_prices(const SparseAssignmentProblem& P, int f, const PricedOptions& options, PricedStats& st) {
  const auto t = Clock::now();
  SparseAssignmentProblem S;
  S.right = P.right;
  S.capacity.resize(static_cast<std::size_t>(P.right));
  std::int64_t carry = 0;
  for (int j = 0; j < P.right; ++j) {
    const std::int64_t c = std::max<std::int32_t>(0, P.capacity[static_cast<std::size_t>(j)]) + carry;
    S.capacity[static_cast<std::size_t>(j)] = static_cast<std::int32_t>(c / f);
    carry = c % f;
  }
  for (int i = 0; i < P.left; i += f) {
    for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e) {
      S.target.push_back(P.target[e]);
      S.profit.push_back(P.profit[e]);
    }
    S.offset.push_back(static_cast<std::uint32_t>(S.target.size()));
    ++S.left;
  }
  PricedOptions sub = options;
  sub.sample = 0;  // the sample of a large sample is sampled again
  PricedStats sub_stats;
  AssignmentSolution s = solve_priced(S, &sub_stats, sub);
  st.sample_ms += ms_since(t);
  return std::move(s.price);
}
}  // namespace

AssignmentSolution solve_priced(const SparseAssignmentProblem& P, PricedStats* stats_out, const PricedOptions& options) {
  PricedStats local;
  PricedStats& st = stats_out ? *stats_out : local;
  st = PricedStats{};
  const int n = P.left;
  const int m = P.right;
  const std::size_t edges = P.target.size();
  st.total_edges = static_cast<long long>(edges);
  AssignmentSolver solver;
  const auto certify = [&](const AssignmentSolution& s) {
    const auto t = Clock::now();
    st.certified = certifies_optimal(P, s);
    st.certify_ms += ms_since(t);
  };
  const auto direct = [&]() {
    const auto t = Clock::now();
    AssignmentSolution s = solver.solve(P);
    st.solve_ms += ms_since(t);
    st.direct = true;
    st.core_edges = static_cast<long long>(edges);
    ++st.rounds;
    certify(s);
    return s;
  };
  if (n == 0 || m == 0 || edges < static_cast<std::size_t>(std::max(1, options.direct_below_edges_per_mentee)) * static_cast<std::size_t>(n))
    return direct();

  // ---- Start prices: a solved sample of the mentees (large problems), else zero. ----
  std::vector<std::int64_t> price(static_cast<std::size_t>(m), 0);
  const int f = options.sample > 0 ? options.sample : (n >= 2000 ? 4 : 1);
  if (f > 1) price = sample_prices(P, f, options, st);

  // ---- First core. ----
  auto t = Clock::now();
  std::vector<std::uint8_t> in_core(edges, 0);
  std::vector<std::vector<std::uint32_t>> core(static_cast<std::size_t>(n));  // full edge indices per mentee
  Best best;
  const std::size_t per_mentee = static_cast<std::size_t>(std::max(1, options.per_mentee));
  // One sweep: each mentee's best edges by profit - price, and each mentor's best mentees by
  // profit (its places do not depend on who else lists it).
  std::vector<Best> per_mentor(static_cast<std::size_t>(m));
  for (int j = 0; j < m; ++j)
    per_mentor[static_cast<std::size_t>(j)].reset(static_cast<std::size_t>(
        std::max(0, options.per_mentor_place) * std::max(0, P.capacity[static_cast<std::size_t>(j)])));
  std::vector<std::int64_t> list_price(price);
  for (int j = 0; j < m; ++j)
    if (P.capacity[static_cast<std::size_t>(j)] <= 0) list_price[static_cast<std::size_t>(j)] = std::numeric_limits<std::int64_t>::max() / 4;
  for (int i = 0; i < n; ++i) {
    best.reset(per_mentee);
    for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e) {
      const auto j = static_cast<std::size_t>(P.target[e]);
      best.offer(P.profit[e] - list_price[j], e);
      Best& b = per_mentor[j];
      if (b.k > 0) b.offer(P.profit[e], e);
    }
    best.prune();
    for (const auto& it : best.items) {
      if (P.capacity[static_cast<std::size_t>(P.target[it.second])] <= 0) continue;
      in_core[it.second] = 1;
      core[static_cast<std::size_t>(i)].push_back(it.second);
    }
  }
  for (auto& b : per_mentor) {
    b.prune();
    for (const auto& it : b.items) {
      if (in_core[it.second]) continue;
      in_core[it.second] = 1;
      // the mentee whose list holds edge it.second
      const auto i = static_cast<std::size_t>(std::upper_bound(P.offset.begin(), P.offset.end(), it.second) - P.offset.begin()) - 1;
      core[i].push_back(it.second);
    }
  }
  per_mentor = std::vector<Best>();
  st.core_ms += ms_since(t);

  // ---- Solve the core, price every edge, repeat. ----
  AssignmentSolution s;
  SparseAssignmentProblem C;
  C.left = n;
  C.right = m;
  C.capacity = P.capacity;
  std::vector<std::int64_t> scan_price(static_cast<std::size_t>(m), 0);
  for (int round = 0;; ++round) {
    if (round >= options.max_rounds) return direct();
    t = Clock::now();
    C.offset.assign(1, 0);
    C.target.clear();
    C.profit.clear();
    for (int i = 0; i < n; ++i) {
      for (const std::uint32_t e : core[static_cast<std::size_t>(i)]) {
        C.target.push_back(P.target[e]);
        C.profit.push_back(P.profit[e]);
      }
      C.offset.push_back(static_cast<std::uint32_t>(C.target.size()));
    }
    st.core_ms += ms_since(t);
    t = Clock::now();
    // The core only gains edges: the last round's matching is kept where it is still best.
    std::vector<std::int32_t> last_match;
    if (round > 0) last_match.swap(s.match);
    s = solver.solve_warm(C, price, round > 0 ? &last_match : nullptr);
    st.solve_ms += ms_since(t);
    ++st.rounds;
    price = s.price;
    s.capacity.assign(P.capacity.begin(), P.capacity.end());

    t = Clock::now();
    long long added = 0;
    const std::size_t add = static_cast<std::size_t>(
        std::max(1, std::min(std::max(options.add_per_round, options.max_add_per_round), options.add_per_round << std::min(round, 20))));
    // Mentors without places carry nothing: priced out of the scan (certifies_optimal skips them).
    for (int j = 0; j < m; ++j)
      scan_price[static_cast<std::size_t>(j)] =
          P.capacity[static_cast<std::size_t>(j)] > 0 ? s.price[static_cast<std::size_t>(j)] : std::numeric_limits<std::int64_t>::max() / 4;
    const std::int64_t* p = scan_price.data();
    for (int i = 0; i < n; ++i) {
      const std::int64_t ui = s.u[static_cast<std::size_t>(i)];
      const auto b = P.offset[static_cast<std::size_t>(i)], e_end = P.offset[static_cast<std::size_t>(i) + 1];
      // Fast scan: most mentees have no violation at all.
      bool any = false;
      for (auto e = b; e < e_end; ++e) any |= P.profit[e] > ui + p[P.target[e]] && !in_core[e];
      if (!any) continue;
      best.reset(add);
      for (auto e = b; e < e_end; ++e) {
        const std::int64_t red = P.profit[e] - ui - p[P.target[e]];
        if (red > 0 && !in_core[e]) best.offer(red, e);
      }
      best.prune();
      for (const auto& it : best.items) {
        in_core[it.second] = 1;
        core[static_cast<std::size_t>(i)].push_back(it.second);
      }
      added += static_cast<long long>(best.items.size());
    }
    st.pricing_ms += ms_since(t);
    st.violations += added;
    if (added == 0) break;
  }
  st.core_edges = static_cast<long long>(C.target.size());
  // The core's solution on the whole problem: the matched profits are the same edges' profits.
  certify(s);
  if (!st.certified) return direct();  // cannot happen when the pricing above is right; exact anyway
  return s;
}

}  // namespace pairwise::matching
