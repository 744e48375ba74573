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
bool ssp(const SparseAssignmentProblem& P, const std::vector<std::int64_t>* start_prices, int repair_rounds,
         AssignmentSolution& S, int& repairs) {
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
  for (int i0 = 0; i0 < n; ++i0) insert(i0);

  // Start prices may leave a mentor with free places and a positive price (complementary
  // slackness fails). Repair: lower such prices to 0 (its mentees' surplus rises by the same
  // amount, so their edges stay tight) and re-insert every mentee whose edge to it now violates
  // dual feasibility. Prices set by the searches only rise, so this is bounded by repair_rounds.
  bool ok = true;
  if (start_prices) {
    std::vector<std::uint32_t> roff;
    std::vector<std::int32_t> rsrc;
    std::vector<std::int32_t> queue;
    for (int round = 0;; ++round) {
      std::vector<std::int32_t> bad;
      for (int j = 0; j < m; ++j)
        if (price[static_cast<std::size_t>(j)] > 0 && load[static_cast<std::size_t>(j)] < P.capacity[static_cast<std::size_t>(j)]) bad.push_back(j);
      if (bad.empty()) break;
      if (round >= repair_rounds) {
        ok = false;
        break;
      }
      ++repairs;
      if (roff.empty()) {  // edges by mentor
        roff.assign(static_cast<std::size_t>(m) + 1, 0);
        for (auto t : P.target) ++roff[static_cast<std::size_t>(t) + 1];
        for (int j = 0; j < m; ++j) roff[static_cast<std::size_t>(j) + 1] += roff[static_cast<std::size_t>(j)];
        rsrc.assign(P.target.size(), 0);
        std::vector<std::uint32_t> fill(roff.begin(), roff.end() - 1);
        for (int i = 0; i < n; ++i)
          for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e)
            rsrc[fill[static_cast<std::size_t>(P.target[e])]++] = static_cast<std::int32_t>(e);
      }
      queue.clear();
      for (int j : bad) {
        const auto uj = static_cast<std::size_t>(j);
        const std::int64_t drop = price[uj];
        price[uj] = 0;
        for (int s = slot_start[uj]; s < slot_start[uj] + load[uj]; ++s) u[static_cast<std::size_t>(slots[static_cast<std::size_t>(s)])] += drop;
      }
      for (int j : bad) {
        for (auto r = roff[static_cast<std::size_t>(j)]; r < roff[static_cast<std::size_t>(j) + 1]; ++r) {
          const auto e = static_cast<std::uint32_t>(rsrc[r]);
          // mentee owning edge e: binary search in offsets
          const auto it = std::upper_bound(P.offset.begin(), P.offset.end(), e);
          const int i = static_cast<int>(it - P.offset.begin()) - 1;
          const auto ui = static_cast<std::size_t>(i);
          if (u[ui] + price[static_cast<std::size_t>(j)] >= P.profit[e]) continue;
          if (match[ui] >= 0) {
            remove_from(match[ui], i);
            match[ui] = -1;
          }
          u[ui] = 0;
          queue.push_back(i);
        }
      }
      std::sort(queue.begin(), queue.end());
      queue.erase(std::unique(queue.begin(), queue.end()), queue.end());
      for (int i : queue) insert(i);
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
  ssp(P, nullptr, 0, S, repairs);
  return S;
}

AssignmentSolution AssignmentSolver::solve_warm(const SparseAssignmentProblem& P, const std::vector<std::int64_t>& start_prices) {
  AssignmentSolution S;
  if (ssp(P, &start_prices, 20, S, warm_repairs) && certifies_optimal(P, S)) return S;
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
