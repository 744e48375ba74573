#include "core/matching/assignment.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace pairwise::matching {

void SparseAssignmentProblem::add_left(const std::vector<std::pair<std::int32_t, std::int64_t>>& edges) {
  for (const auto& [j, s] : edges) {
    target.push_back(j);
    profit.push_back(s);
  }
  offset.push_back(static_cast<std::uint32_t>(target.size()));
  ++left;
}

std::int64_t AssignmentSolution::dual_objective() const {
  std::int64_t d = 0;
  for (auto x : u) d += x;
  for (std::size_t j = 0; j < price.size(); ++j) d += price[j] * capacity[j];
  return d;
}

namespace {
constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max() / 4;

struct HeapItem {
  std::int64_t d;
  std::int32_t j;
  bool operator<(const HeapItem& o) const { return d > o.d; }  // min-heap via std::push_heap
};
}  // namespace

namespace {
// Successive shortest paths from the given start prices. Returns false if, with positive start
// prices, some mentor ends with a free place and a positive price even after `repair_rounds`
// repairs (then the solution is not certified and the caller solves cold).
bool ssp(const SparseAssignmentProblem& P, const std::vector<std::int64_t>* start_prices,
         const std::vector<std::int32_t>* start_match, int repair_rounds, AssignmentSolution& S, int& repairs) {
  const int n = P.left;
  const int m = P.right;
  S.match.assign(static_cast<std::size_t>(n), -1);
  S.u.assign(static_cast<std::size_t>(n), 0);
  S.price.assign(static_cast<std::size_t>(m), 0);
  if (start_prices)
    for (int j = 0; j < m && static_cast<std::size_t>(j) < start_prices->size(); ++j)
      S.price[static_cast<std::size_t>(j)] = P.capacity[static_cast<std::size_t>(j)] > 0 ? std::max<std::int64_t>(0, (*start_prices)[static_cast<std::size_t>(j)]) : 0;
  S.capacity.assign(P.capacity.begin(), P.capacity.end());

  // Slots: mentees currently held by each mentor.
  std::vector<std::int32_t> slot_start(static_cast<std::size_t>(m) + 1, 0);
  for (int j = 0; j < m; ++j)
    slot_start[static_cast<std::size_t>(j) + 1] = slot_start[static_cast<std::size_t>(j)] + std::max(0, P.capacity[static_cast<std::size_t>(j)]);
  std::vector<std::int32_t> slots(static_cast<std::size_t>(slot_start.back()), -1);
  std::vector<std::int32_t> load(static_cast<std::size_t>(m), 0);
  std::vector<std::int32_t> pos(static_cast<std::size_t>(n), -1);  // index in its mentor's slots
  auto& match = S.match;
  auto& u = S.u;
  auto& price = S.price;

  const auto remove_from = [&](int j, int i) {
    const auto uj = static_cast<std::size_t>(j);
    const int last = slot_start[uj] + load[uj] - 1;
    const int at = pos[static_cast<std::size_t>(i)];
    const int moved = slots[static_cast<std::size_t>(last)];
    slots[static_cast<std::size_t>(at)] = moved;
    pos[static_cast<std::size_t>(moved)] = at;
    --load[uj];
  };
  const auto add_to = [&](int j, int i) {
    const auto uj = static_cast<std::size_t>(j);
    const int at = slot_start[uj] + load[uj];
    slots[static_cast<std::size_t>(at)] = i;
    pos[static_cast<std::size_t>(i)] = at;
    ++load[uj];
  };

  std::vector<std::int64_t> dist(static_cast<std::size_t>(m), kInf);
  std::vector<std::int32_t> pred(static_cast<std::size_t>(m), -1);  // mentee that reached mentor
  std::vector<std::uint8_t> done(static_cast<std::size_t>(m), 0);
  std::vector<std::int32_t> touched;            // mentors with dist set
  std::vector<std::int32_t> settled_mentors;    // popped mentors
  std::vector<std::int32_t> settled_mentees;    // mentees reached (with their distance)
  std::vector<std::int64_t> mentee_dist(static_cast<std::size_t>(n), 0);
  std::vector<std::int32_t> mentee_pred(static_cast<std::size_t>(n), -1);  // mentor it was reached through
  std::vector<HeapItem> heap;
  long long pops = 0;

  const auto insert = [&](int i0) {
    const auto b0 = P.offset[static_cast<std::size_t>(i0)];
    const auto e0 = P.offset[static_cast<std::size_t>(i0) + 1];
    u[static_cast<std::size_t>(i0)] = 0;
    if (b0 == e0) return;
    // u[i0] = max(0, max_j (s - p_j)) makes all its reduced costs non-negative.
    std::int64_t best = 0;
    int best_j = -1;
    for (auto e = b0; e < e0; ++e) {
      const std::int64_t r = P.profit[e] - price[static_cast<std::size_t>(P.target[e])];
      if (r > best) {
        best = r;
        best_j = P.target[e];
      }
    }
    u[static_cast<std::size_t>(i0)] = best;
    if (best == 0) return;  // nothing worth more than staying unmatched: stays unmatched, u = 0
    if (load[static_cast<std::size_t>(best_j)] < P.capacity[static_cast<std::size_t>(best_j)]) {
      match[static_cast<std::size_t>(i0)] = best_j;  // shortest path of length 0: no search
      add_to(best_j, i0);
      return;
    }

    std::int64_t T = best;  // terminal: i0 unmatched costs u[i0] in reduced terms
    int term_mentee = i0;   // mentee at the end of the path
    int term_mentor = -1;   // free mentor it takes, or -1 = it becomes unmatched
    heap.clear();
    touched.clear();
    settled_mentors.clear();
    settled_mentees.clear();

    const auto scan = [&](int i, std::int64_t di) {
      settled_mentees.push_back(i);
      mentee_dist[static_cast<std::size_t>(i)] = di;
      const std::int64_t ui = u[static_cast<std::size_t>(i)];
      if (di + ui < T) {
        T = di + ui;
        term_mentee = i;
        term_mentor = -1;
      }
      const auto b = P.offset[static_cast<std::size_t>(i)];
      const auto e = P.offset[static_cast<std::size_t>(i) + 1];
      for (auto k = b; k < e; ++k) {
        const int j = P.target[k];
        const auto uj = static_cast<std::size_t>(j);
        if (done[uj]) continue;
        const std::int64_t nd = di + ui + price[uj] - P.profit[k];
        if (nd >= T) continue;
        if (load[uj] < P.capacity[uj]) {
          T = nd;
          term_mentee = i;
          term_mentor = j;
        } else if (nd < dist[uj]) {
          if (dist[uj] == kInf) touched.push_back(j);
          dist[uj] = nd;
          pred[uj] = i;
          heap.push_back({nd, j});
          std::push_heap(heap.begin(), heap.end());
        }
      }
    };

    mentee_pred[static_cast<std::size_t>(i0)] = -1;
    scan(i0, 0);
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end());
      const HeapItem it = heap.back();
      heap.pop_back();
      if (it.d >= T) break;
      const auto uj = static_cast<std::size_t>(it.j);
      if (done[uj] || it.d != dist[uj]) continue;
      done[uj] = 1;
      ++pops;
      settled_mentors.push_back(it.j);
      for (int s = slot_start[uj]; s < slot_start[uj] + load[uj]; ++s) {
        const int i = slots[static_cast<std::size_t>(s)];
        mentee_pred[static_cast<std::size_t>(i)] = it.j;
        scan(i, it.d);
      }
    }
    // Dual update: everything reached closer than T moves by T - d.
    for (int j : settled_mentors) price[static_cast<std::size_t>(j)] += T - dist[static_cast<std::size_t>(j)];
    for (int i : settled_mentees) u[static_cast<std::size_t>(i)] -= T - mentee_dist[static_cast<std::size_t>(i)];
    // Augment along the path back to i0.
    int cur = term_mentee;
    int take = term_mentor;
    for (;;) {
      const int old = match[static_cast<std::size_t>(cur)];
      if (old >= 0) remove_from(old, cur);
      match[static_cast<std::size_t>(cur)] = take;
      if (take >= 0) add_to(take, cur);
      if (cur == i0) break;
      take = old;  // cur was reached through its old mentor; that place goes to who reached it
      cur = pred[static_cast<std::size_t>(old)];
    }
    for (int j : touched) {
      dist[static_cast<std::size_t>(j)] = kInf;
      done[static_cast<std::size_t>(j)] = 0;
    }
  };
  // A start matching (the previous solution of a problem with fewer edges) is kept for every
  // mentee whose pair is still its best at the start prices (so its edges stay dual feasible and
  // the pair tight); only the others are inserted again. Re-inserting everyone would break ties
  // differently and leave many places free at a positive price, each needing a repair search.
  std::vector<std::uint8_t> keep(static_cast<std::size_t>(n), 0);
  if (start_prices && start_match) {
    for (int i = 0; i < n && static_cast<std::size_t>(i) < start_match->size(); ++i) {
      const int j = (*start_match)[static_cast<std::size_t>(i)];
      if (j < -1 || j >= m) continue;
      std::int64_t best = 0, held = -1;
      for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e) {
        best = std::max(best, P.profit[e] - price[static_cast<std::size_t>(P.target[e])]);
        if (P.target[e] == j) held = std::max(held, P.profit[e] - price[static_cast<std::size_t>(j)]);
      }
      if (j < 0) {
        keep[static_cast<std::size_t>(i)] = best == 0;  // nothing worth joining: stays out, u = 0
        continue;
      }
      if (held < 0 || held < best || load[static_cast<std::size_t>(j)] >= P.capacity[static_cast<std::size_t>(j)]) continue;
      u[static_cast<std::size_t>(i)] = held;
      match[static_cast<std::size_t>(i)] = j;
      add_to(j, i);
      keep[static_cast<std::size_t>(i)] = 1;
    }
    // Places freed by the mentees that move are cheapened first, as far as the kept mentees'
    // edges allow (their mentees' surpluses rise as much, pairs stay tight), so that the moving
    // mentees' searches take them instead of leaving them for repair searches.
    std::vector<std::int64_t> need(static_cast<std::size_t>(m), 0);
    for (int i = 0; i < n; ++i) {
      if (!keep[static_cast<std::size_t>(i)]) continue;
      const std::int64_t ui = u[static_cast<std::size_t>(i)];
      for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e)
        if (P.target[e] != match[static_cast<std::size_t>(i)])
          need[static_cast<std::size_t>(P.target[e])] = std::max(need[static_cast<std::size_t>(P.target[e])], P.profit[e] - ui);
    }
    for (int j = 0; j < m; ++j) {
      const auto uj = static_cast<std::size_t>(j);
      if (price[uj] <= 0 || load[uj] >= P.capacity[uj] || need[uj] >= price[uj]) continue;
      const std::int64_t delta = price[uj] - need[uj];
      price[uj] = need[uj];
      for (int q = slot_start[uj]; q < slot_start[uj] + load[uj]; ++q) u[static_cast<std::size_t>(slots[static_cast<std::size_t>(q)])] += delta;
    }
  }
  for (int i0 = 0; i0 < n; ++i0)
    if (!keep[static_cast<std::size_t>(i0)]) insert(i0);

  // Start prices may leave a mentor with free places and a positive price (complementary
  // slackness fails). Each such place is repaired by a reverse shortest-path search from that
  // mentor: a mentee k with an edge (k, j) may move into j (reduced cost u_k + p_j - s_kj), which
  // passes the free place on to k's mentor; the search ends at an unmatched mentee that joins,
  // or at a mentor whose price can fall to 0 (cost d_j + p_j). Prices of mentors settled closer
  // than the end fall by T - d, surpluses of their mentees rise by the same amount: reduced costs
  // stay non-negative, path edges become tight, prices stay >= 0. No new defects appear.
  bool ok = true;
  if (start_prices) {
    std::vector<std::uint32_t> roff;
    // Edges by mentor: the mentee and the profit side by side (the repair search reads them in
    // order; looking the profit up through the edge index missed the cache on every edge).
    std::vector<std::int32_t> rmentee;
    std::vector<std::int64_t> rprofit;
    std::vector<std::int64_t> rdist(static_cast<std::size_t>(m), kInf);
    std::vector<std::int32_t> via_mentee(static_cast<std::size_t>(m), -1), via_mentor(static_cast<std::size_t>(m), -1);
    std::vector<std::uint8_t> rdone(static_cast<std::size_t>(m), 0);
    std::vector<std::int32_t> rtouched, rsettled, rpath;
    for (int j0 = 0; j0 < m && ok; ++j0) {
      const auto uj0 = static_cast<std::size_t>(j0);
      while (price[uj0] > 0 && load[uj0] < P.capacity[uj0]) {
        if (repair_rounds-- <= 0) {
          ok = false;
          break;
        }
        ++repairs;
        if (roff.empty()) {  // edges by mentor
          roff.assign(static_cast<std::size_t>(m) + 1, 0);
          for (auto t : P.target) ++roff[static_cast<std::size_t>(t) + 1];
          for (int j = 0; j < m; ++j) roff[static_cast<std::size_t>(j) + 1] += roff[static_cast<std::size_t>(j)];
          rprofit.assign(P.target.size(), 0);
          rmentee.assign(P.target.size(), 0);
          std::vector<std::uint32_t> fill(roff.begin(), roff.end() - 1);
          for (int i = 0; i < n; ++i)
            for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e) {
              const auto at = fill[static_cast<std::size_t>(P.target[e])]++;
              rprofit[at] = P.profit[e];
              rmentee[at] = i;
            }
        }
        std::int64_t T = price[uj0];
        int end_mentor = j0;   // drop this mentor's price to 0 ...
        int end_mentee = -1;   // ... or this unmatched mentee joins end_mentor
        heap.clear();
        rtouched.clear();
        rsettled.clear();
        rdist[uj0] = 0;
        rtouched.push_back(j0);
        heap.push_back({0, j0});
        while (!heap.empty()) {
          std::pop_heap(heap.begin(), heap.end());
          const HeapItem it = heap.back();
          heap.pop_back();
          if (it.d >= T) break;
          const auto uj = static_cast<std::size_t>(it.j);
          if (rdone[uj] || it.d != rdist[uj]) continue;
          rdone[uj] = 1;
          ++pops;
          rsettled.push_back(it.j);
          if (it.d + price[uj] < T && it.j != j0) {
            T = it.d + price[uj];
            end_mentor = it.j;
            end_mentee = -1;
          }
          for (auto r = roff[uj]; r < roff[uj + 1]; ++r) {
            const int k = rmentee[r];
            const auto uk = static_cast<std::size_t>(k);
            const int mk = match[uk];
            if (mk == it.j) continue;
            const std::int64_t nd = it.d + u[uk] + price[uj] - rprofit[r];
            if (nd >= T) continue;
            if (mk < 0) {
              T = nd;
              end_mentor = it.j;
              end_mentee = k;
            } else if (!rdone[static_cast<std::size_t>(mk)] && nd < rdist[static_cast<std::size_t>(mk)]) {
              if (rdist[static_cast<std::size_t>(mk)] == kInf) rtouched.push_back(mk);
              rdist[static_cast<std::size_t>(mk)] = nd;
              via_mentee[static_cast<std::size_t>(mk)] = k;
              via_mentor[static_cast<std::size_t>(mk)] = it.j;
              heap.push_back({nd, mk});
              std::push_heap(heap.begin(), heap.end());
            }
          }
        }
        for (int j : rsettled) {
          const auto uj = static_cast<std::size_t>(j);
          const std::int64_t delta = T - rdist[uj];
          price[uj] -= delta;
          for (int q = slot_start[uj]; q < slot_start[uj] + load[uj]; ++q) u[static_cast<std::size_t>(slots[static_cast<std::size_t>(q)])] += delta;
        }
        // Pass the free place along the path, starting at j0 so that no mentor is ever over
        // capacity: each mentor on the path gives a mentee to the previous one; end_mentor gives
        // one up (its price is now 0) or takes end_mentee.
        rpath.clear();
        for (int j = end_mentor; j != j0; j = via_mentor[static_cast<std::size_t>(j)]) rpath.push_back(j);
        for (auto q = rpath.size(); q-- > 0;) {
          const int j = rpath[q];
          const int k = via_mentee[static_cast<std::size_t>(j)];
          const int to = via_mentor[static_cast<std::size_t>(j)];
          remove_from(j, k);
          match[static_cast<std::size_t>(k)] = to;
          add_to(to, k);
        }
        if (end_mentee >= 0) {
          match[static_cast<std::size_t>(end_mentee)] = end_mentor;
          add_to(end_mentor, end_mentee);
        }
        for (int t : rtouched) {
          rdist[static_cast<std::size_t>(t)] = kInf;
          rdone[static_cast<std::size_t>(t)] = 0;
        }
      }
    }
  }
  S.settled_mentors = pops;
  S.total = 0;
  for (int i = 0; i < n; ++i) {
    const int j = match[static_cast<std::size_t>(i)];
    if (j < 0) continue;
    std::int64_t best = 0;  // parallel edges: the matched one is the most profitable
    for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e)
      if (P.target[e] == j) best = std::max(best, P.profit[e]);
    S.total += best;
  }
  return ok;
}
}  // namespace

AssignmentSolution AssignmentSolver::solve(const SparseAssignmentProblem& P) {
  AssignmentSolution S;
  int repairs = 0;
  ssp(P, nullptr, nullptr, 0, S, repairs);
  return S;
}

AssignmentSolution AssignmentSolver::solve_warm(const SparseAssignmentProblem& P, const std::vector<std::int64_t>& start_prices,
                                                const std::vector<std::int32_t>* start_match) {
  AssignmentSolution S;
  if (ssp(P, &start_prices, start_match, std::max(64, P.right), S, warm_repairs) && certifies_optimal(P, S)) return S;
  ++warm_fallbacks;
  const long long pops = S.settled_mentors;
  S = solve(P);
  S.settled_mentors += pops;
  return S;
}

AssignmentSolution solve_assignment(const SparseAssignmentProblem& problem) {
  AssignmentSolver solver;
  return solver.solve(problem);
}

bool certifies_optimal(const SparseAssignmentProblem& P, const AssignmentSolution& s) {
  std::vector<std::int32_t> load(static_cast<std::size_t>(P.right), 0);
  for (int i = 0; i < P.left; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    if (s.u[ui] < 0) return false;
    bool matched_edge_found = s.match[ui] < 0;
    for (auto e = P.offset[ui]; e < P.offset[ui + 1]; ++e) {
      const auto j = static_cast<std::size_t>(P.target[e]);
      // A mentor without places carries no flow: its price may be as high as needed at no cost
      // to the dual objective (cap * price = 0), so its edges are always dual feasible.
      if (P.capacity[j] <= 0) continue;
      const std::int64_t slack = s.u[ui] + s.price[j] - P.profit[e];
      if (slack < 0) return false;
      if (P.target[e] == s.match[ui] && slack == 0) matched_edge_found = true;
    }
    if (!matched_edge_found) return false;
    if (s.match[ui] < 0 && s.u[ui] != 0) return false;
    if (s.match[ui] >= 0) ++load[static_cast<std::size_t>(s.match[ui])];
  }
  for (int j = 0; j < P.right; ++j) {
    const auto uj = static_cast<std::size_t>(j);
    if (s.price[uj] < 0 || load[uj] > P.capacity[uj]) return false;
    if (load[uj] < P.capacity[uj] && s.price[uj] != 0) return false;
  }
  return s.dual_objective() == s.total;
}

}  // namespace pairwise::matching
