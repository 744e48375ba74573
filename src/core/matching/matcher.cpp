#include "core/matching/matcher.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <unordered_map>
#include <utility>

namespace pairwise::matching {

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Keeps the best `k` (score, index) items; worst at the front for a cheap threshold.
struct TopK {
  std::vector<std::pair<std::int64_t, std::int32_t>> items;  // min-heap by score
  std::size_t k = 0;
  std::int64_t threshold() const { return items.size() < k ? -1 : items.front().first; }
  void offer(std::int64_t s, std::int32_t idx) {
    const auto cmp = [](const auto& a, const auto& b) { return a.first > b.first; };
    if (items.size() < k) {
      items.push_back({s, idx});
      std::push_heap(items.begin(), items.end(), cmp);
    } else if (s > items.front().first) {
      std::pop_heap(items.begin(), items.end(), cmp);
      items.back() = {s, idx};
      std::push_heap(items.begin(), items.end(), cmp);
    }
  }
};

// Best `k` items by score for large k: an append buffer pruned with nth_element when it holds
// 2k items (amortised O(1) per offer). Items scoring <= threshold() are never needed.
struct TopBuffer {
  std::vector<std::pair<std::int64_t, std::int32_t>> items;
  std::size_t k = 0;
  std::int64_t thr = -1;
  static bool better(const std::pair<std::int64_t, std::int32_t>& a, const std::pair<std::int64_t, std::int32_t>& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  }
  void reset() {
    items.clear();
    thr = -1;
  }
  void offer(std::int64_t s, std::int32_t idx) {
    items.push_back({s, idx});
    if (items.size() >= 2 * k + 16) prune();
  }
  void prune() {
    if (items.size() <= k) return;
    std::nth_element(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(k) - 1, items.end(), better);
    thr = items[k - 1].first;
    items.resize(k);
  }
  // Sorts best first; returns the bound: no item left out scores more (-1 if nothing was).
  std::int64_t finish() {
    const bool full = items.size() >= k;
    prune();
    std::sort(items.begin(), items.end(), better);
    return full ? items.back().first : -1;
  }
};
}  // namespace

std::uint16_t group_of(const CohortGoal& g, const MatchProfile& p) {
  switch (g.kind) {
    case CohortGoal::Kind::MenteeRegions: return p.region;
    case CohortGoal::Kind::MenteeCountries: return p.country;
    case CohortGoal::Kind::None: break;
  }
  return 0;
}

std::string_view unmatched_reason_name(UnmatchedReason r) {
  switch (r) {
    case UnmatchedReason::NoAllowedMentor: return "no_allowed_mentor";
    case UnmatchedReason::BelowMinimumScore: return "below_minimum_score";
    case UnmatchedReason::AllowedMentorsFull: return "allowed_mentors_full";
  }
  return "unknown";
}

Matcher::Matcher(MatchingInput input, MatchOptions options)
    : input_(std::move(input)), options_(options) {
  rebuild_scorer();
}

Matcher::~Matcher() = default;

void Matcher::rebuild_scorer() {
  scorer_ = std::make_unique<Scorer>(input_.mentees, input_.mentors, input_.criteria, input_.forbidden);
  std::unordered_map<std::string, int> mentee_index, mentor_index;
  for (std::size_t i = 0; i < input_.mentees.size(); ++i) mentee_index.emplace(input_.mentees[i].id, static_cast<int>(i));
  for (std::size_t j = 0; j < input_.mentors.size(); ++j) mentor_index.emplace(input_.mentors[j].id, static_cast<int>(j));
  locked_mentor_.assign(input_.mentees.size(), -1);
  for (const auto& l : input_.locked) {
    auto a = mentee_index.find(l.mentee_id);
    auto b = mentor_index.find(l.mentor_id);
    if (a != mentee_index.end() && b != mentor_index.end())
      locked_mentor_[static_cast<std::size_t>(a->second)] = b->second;
  }
}

void Matcher::generate_candidates() {
  const Scorer& sc = *scorer_;
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  const auto& packed = sc.packed_mentors();
  candidates_.assign(static_cast<std::size_t>(n), {});
  reserve_.assign(static_cast<std::size_t>(n), {});
  bound_.assign(static_cast<std::size_t>(n), -1);
  std::vector<TopK> mentor_top(static_cast<std::size_t>(m));
  std::vector<std::int64_t> mentor_thr(static_cast<std::size_t>(m), -1);
  for (int j = 0; j < m; ++j) {
    const int cap = std::max(1, input_.mentors[static_cast<std::size_t>(j)].capacity);
    mentor_top[static_cast<std::size_t>(j)].k = static_cast<std::size_t>(std::max(1, options_.mentor_candidates_per_place) * cap);
  }
  const std::size_t k_active = static_cast<std::size_t>(std::max(1, options_.mentee_candidates));
  TopBuffer mine;
  mine.k = k_active + static_cast<std::size_t>(std::max(0, options_.reserve_candidates));
  std::int64_t* mthr = mentor_thr.data();
  for (int i = 0; i < n; ++i) {
    mine.reset();
    const Scorer::Kernel K = sc.kernel(i);
    for (int j = 0; j < m; ++j) {
      const std::int64_t s = K.score(packed[static_cast<std::size_t>(j)]);
      if (s > mine.thr) mine.offer(s, j);
      if (s > mthr[j]) {
        auto& t = mentor_top[static_cast<std::size_t>(j)];
        t.offer(s, i);
        mthr[j] = t.threshold();
      }
    }
    bound_[static_cast<std::size_t>(i)] = mine.finish();
    const auto& items = mine.items;
    auto& c = candidates_[static_cast<std::size_t>(i)];
    auto& rv = reserve_[static_cast<std::size_t>(i)];
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].first < 0) break;
      if (k < k_active) c.push_back({items[k].second, items[k].first});
      else rv.push_back({items[k].second, items[k].first});
    }
  }
  for (int j = 0; j < m; ++j)
    for (const auto& [s, i] : mentor_top[static_cast<std::size_t>(j)].items)
      if (s >= 0) candidates_[static_cast<std::size_t>(i)].push_back({j, s});
  for (int i = 0; i < n; ++i) {
    auto& c = candidates_[static_cast<std::size_t>(i)];
    for (int j : sc.special_pairs()[static_cast<std::size_t>(i)]) c.push_back({j, 0});
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end(), [](const auto& x, const auto& y) { return x.first == y.first; }), c.end());
    // Exact scores for ranked / forbidden pairs; drop what is not allowed.
    for (auto& e : c)
      if (sc.is_special(i, e.first)) e.second = sc.full_score(i, e.first);
    c.erase(std::remove_if(c.begin(), c.end(), [](const auto& e) { return e.second < 0; }), c.end());
    auto& rv = reserve_[static_cast<std::size_t>(i)];
    rv.erase(std::remove_if(rv.begin(), rv.end(),
                            [&](const auto& e) {
                              return sc.is_special(i, e.first) ||
                                     std::binary_search(c.begin(), c.end(), std::pair<std::int32_t, std::int64_t>{e.first, -2},
                                                        [](const auto& x, const auto& y) { return x.first < y.first; });
                            }),
             rv.end());
  }
  candidates_valid_ = true;
}

const MatchResult& Matcher::run() {
  const auto t_start = Clock::now();
  MatchResult R;
  const Scorer& sc = *scorer_;
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  const bool goal = input_.goal.kind != CohortGoal::Kind::None && input_.goal.bonus > 0;
  if (!candidates_valid_ && !goal) {
    const auto t = Clock::now();
    generate_candidates();
    R.stats.scoring_ms = ms_since(t);
  }
  // Effective capacities: minus current load and locked pairs.
  std::vector<std::int32_t> cap(static_cast<std::size_t>(m));
  for (int j = 0; j < m; ++j) {
    const auto& p = input_.mentors[static_cast<std::size_t>(j)];
    cap[static_cast<std::size_t>(j)] = p.capacity - p.current_load;
  }
  for (int i = 0; i < n; ++i)
    if (locked_mentor_[static_cast<std::size_t>(i)] >= 0) --cap[static_cast<std::size_t>(locked_mentor_[static_cast<std::size_t>(i)])];
  for (auto& c : cap) c = std::max(0, c);

  AssignmentSolver solver;
  AssignmentSolution sol;
  const auto& packed = sc.packed_mentors();
  // Warm start: the previous run's prices (re-runs) and, within a run, the previous round's.
  std::vector<std::int64_t> start_prices;
  if (goal) {
    const auto t = Clock::now();
    sol = solve_cohort_goal(cap);
    R.stats.solve_ms = ms_since(t);
    R.stats.sparse_solves = 1;
    R.proven_optimal = true;  // exact by construction: min-cost flow on every allowed pair
  }
  if (options_.warm_start && prev_price_.size() == static_cast<std::size_t>(m)) start_prices = prev_price_;
  for (int round = 0; round < (goal ? 0 : options_.max_rounds); ++round) {
    auto t = Clock::now();
    SparseAssignmentProblem P;
    P.right = m;
    P.capacity = cap;
    P.offset.reserve(static_cast<std::size_t>(n) + 1);
    for (int i = 0; i < n; ++i) {
      if (locked_mentor_[static_cast<std::size_t>(i)] < 0)
        for (const auto& [j, s] : candidates_[static_cast<std::size_t>(i)])
          if (cap[static_cast<std::size_t>(j)] > 0) {
            P.target.push_back(j);
            P.profit.push_back(s);
          }
      P.offset.push_back(static_cast<std::uint32_t>(P.target.size()));
    }
    P.left = n;
    sol = start_prices.empty() ? solver.solve(P) : solver.solve_warm(P, start_prices);
    if (options_.warm_start) start_prices = sol.price;
    ++R.stats.sparse_solves;
    R.stats.solve_ms += ms_since(t);
    R.stats.sparse_edges = static_cast<long long>(P.target.size());
    R.stats.dijkstra_pops += sol.settled_mentors;

    // Cheap pricing of the reserve lists first.
    t = Clock::now();
    long long moved = 0;
    for (int i = 0; i < n; ++i) {
      if (locked_mentor_[static_cast<std::size_t>(i)] >= 0) continue;
      const std::int64_t ui = sol.u[static_cast<std::size_t>(i)];
      auto& rv = reserve_[static_cast<std::size_t>(i)];
      if (rv.empty() || rv.front().second <= ui) continue;  // sorted best first
      auto& c = candidates_[static_cast<std::size_t>(i)];
      std::size_t keep = 0;
      for (std::size_t k = 0; k < rv.size(); ++k) {
        const auto [j, s] = rv[k];
        if (s > ui && cap[static_cast<std::size_t>(j)] > 0 && s - sol.price[static_cast<std::size_t>(j)] > ui) {
          c.push_back({j, s});
          ++moved;
        } else {
          rv[keep++] = rv[k];
        }
      }
      rv.resize(keep);
    }
    R.stats.pricing_ms += ms_since(t);
    R.stats.added_edges += moved;
    if (moved > 0) continue;

    // Dense pricing (the certificate): any allowed pair with s_ij > u_i + p_j? A pair outside the
    // candidate and reserve lists scores at most bound_i, so mentees with u_i >= bound_i are done
    // without scoring anything, and for the others only mentors with p_j < bound_i - u_i can
    // qualify: mentors are visited in order of increasing price.
    t = Clock::now();
    ++R.stats.pricing_rounds;
    long long added = 0;
    const std::int64_t margin = options_.near_tight_per_mentee <= 0 ? 0
                                : options_.near_tight_margin > 0 ? options_.near_tight_margin
                                                                 : std::max<std::int64_t>(1, sc.max_possible_score() / 10);
    std::vector<std::int32_t> order;
    std::vector<PackedMentor> by_price;
    std::vector<std::int64_t> prices;
    TopK viol;
    viol.k = static_cast<std::size_t>(std::max(1, options_.max_new_edges_per_mentee + std::max(0, options_.near_tight_per_mentee)));
    for (int i = 0; i < n; ++i) {
      if (locked_mentor_[static_cast<std::size_t>(i)] >= 0) continue;
      const std::int64_t ui = sol.u[static_cast<std::size_t>(i)];
      // p_j >= limit cannot come within the margin of violating.
      const std::int64_t limit = bound_[static_cast<std::size_t>(i)] - ui + margin;
      if (limit <= margin) continue;  // nothing can violate: skip even the near-tight search
      ++R.stats.priced_mentees;
      if (order.empty()) {  // built on first use: often no mentee needs it
        for (int j = 0; j < m; ++j)
          if (cap[static_cast<std::size_t>(j)] > 0) order.push_back(j);
        std::sort(order.begin(), order.end(), [&](int x, int y) {
          return sol.price[static_cast<std::size_t>(x)] < sol.price[static_cast<std::size_t>(y)];
        });
        by_price.reserve(order.size());
        for (int j : order) {
          by_price.push_back(packed[static_cast<std::size_t>(j)]);
          prices.push_back(sol.price[static_cast<std::size_t>(j)]);
        }
      }
      viol.items.clear();
      const Scorer::Kernel K = sc.kernel(i);
      std::size_t k = 0;
      for (; k < by_price.size() && prices[k] < limit; ++k) {
        const std::int64_t s = K.score(by_price[k]);
        if (s < 0) continue;
        const std::int64_t red = s - prices[k] - ui + margin;  // > margin: violates
        if (red > 0 && red > viol.threshold() && !sc.is_special(i, order[k])) viol.offer(red, order[k]);
      }
      R.stats.priced_pairs += static_cast<long long>(k);
      // Violating pairs join the sparse problem; nearly violating ones the reserve (unless there).
      auto& rv = reserve_[static_cast<std::size_t>(i)];
      int taken = 0;
      std::sort(viol.items.begin(), viol.items.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
      for (const auto& item : viol.items) {
        const std::int64_t red = item.first;
        const std::int32_t j = item.second;
        const std::int64_t s = red - margin + ui + sol.price[static_cast<std::size_t>(j)];
        if (red > margin && taken < options_.max_new_edges_per_mentee) {
          candidates_[static_cast<std::size_t>(i)].push_back({j, s});
          ++taken;
          ++added;
        } else if (std::none_of(rv.begin(), rv.end(), [&](const auto& e) { return e.first == j; }) &&
                   std::none_of(candidates_[static_cast<std::size_t>(i)].begin(), candidates_[static_cast<std::size_t>(i)].end(),
                                [&](const auto& e) { return e.first == j; })) {
          rv.push_back({j, s});
        }
      }
      std::sort(rv.begin(), rv.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    }
    R.stats.pricing_ms += ms_since(t);
    R.stats.added_edges += added;
    if (added == 0) {
      R.proven_optimal = true;
      break;
    }
  }
  R.stats.warm_fallbacks = solver.warm_fallbacks;
  R.stats.warm_repairs = solver.warm_repairs;
  if (!goal) prev_price_ = sol.price;

  // Assemble the result.
  R.mentee_dual = sol.u;
  R.mentor_price = sol.price;
  R.mentor_of.assign(static_cast<std::size_t>(n), -1);
  R.optimised_score = sol.total;
  for (int i = 0; i < n; ++i) {
    const int l = locked_mentor_[static_cast<std::size_t>(i)];
    if (l < 0) continue;
    R.mentor_of[static_cast<std::size_t>(i)] = l;
    R.mentee_dual[static_cast<std::size_t>(i)] = 0;
    ProposedPair p;
    p.mentee = i;
    p.mentor = l;
    p.locked = true;
    p.breakdown = sc.breakdown(i, l);
    p.score = p.breakdown.total();
    R.total_score += p.score;
    R.pairs.push_back(p);
  }
  for (int i = 0; i < n; ++i) {
    const int j = sol.match[static_cast<std::size_t>(i)];
    if (locked_mentor_[static_cast<std::size_t>(i)] >= 0 || j < 0) continue;
    R.mentor_of[static_cast<std::size_t>(i)] = j;
    ProposedPair p;
    p.mentee = i;
    p.mentor = j;
    if (options_.explain) p.breakdown = sc.breakdown(i, j);
    p.score = sc.full_score(i, j);
    R.total_score += p.score;
    R.pairs.push_back(std::move(p));
  }
  if (goal) {
    std::vector<std::uint8_t> covered(65536, 0);
    for (int i = 0; i < n; ++i) {
      if (R.mentor_of[static_cast<std::size_t>(i)] < 0) continue;
      const std::uint16_t g = group_of(input_.goal, input_.mentees[static_cast<std::size_t>(i)]);
      if (g != 0 && !covered[g]) {
        covered[g] = 1;
        R.cohort_bonus += input_.goal.bonus;
      }
    }
  }
  result_ = std::move(R);
  if (options_.explain) {
    const auto t = Clock::now();
    explain();
    result_.stats.explain_ms = ms_since(t);
  }
  result_.stats.total_ms = ms_since(t_start);
  return result_;
}

AssignmentSolution Matcher::solve_cohort_goal(const std::vector<std::int32_t>& cap) const {
  // Network: S -> group g (capacity 1, cost -bonus, only for groups with a key that no locked
  // pair covers yet; plus capacity n, cost 0) -> each free mentee of g (capacity 1) -> allowed
  // mentor j (capacity 1, cost -s_ij) -> T (capacity cap_j). Successive shortest paths with
  // Bellman-Ford (queue-based), one unit at a time while the path cost is negative: this is a
  // min-cost flow over all flow values, i.e. the exact maximum of (sum of scores + bonus *
  // number of newly covered groups).
  const Scorer& sc = *scorer_;
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  std::vector<int> group_node(65536, -1);
  std::vector<std::uint8_t> covered(65536, 0);
  for (int i = 0; i < n; ++i)
    if (locked_mentor_[static_cast<std::size_t>(i)] >= 0)
      covered[group_of(input_.goal, input_.mentees[static_cast<std::size_t>(i)])] = 1;
  struct Arc {
    int to, rev;
    std::int32_t cap;
    std::int64_t cost;
  };
  std::vector<std::vector<Arc>> g(2);
  const int S = 0, T = 1;
  const auto add = [&](int a, int b, std::int32_t c, std::int64_t cost) {
    g[static_cast<std::size_t>(a)].push_back({b, static_cast<int>(g[static_cast<std::size_t>(b)].size()), c, cost});
    g[static_cast<std::size_t>(b)].push_back({a, static_cast<int>(g[static_cast<std::size_t>(a)].size()) - 1, 0, -cost});
  };
  const int mentor0 = 2;
  g.resize(static_cast<std::size_t>(mentor0 + m + n));
  const int mentee0 = mentor0 + m;
  for (int j = 0; j < m; ++j)
    if (cap[static_cast<std::size_t>(j)] > 0) add(mentor0 + j, T, cap[static_cast<std::size_t>(j)], 0);
  for (int i = 0; i < n; ++i) {
    if (locked_mentor_[static_cast<std::size_t>(i)] >= 0) continue;
    const std::uint16_t key = group_of(input_.goal, input_.mentees[static_cast<std::size_t>(i)]);
    int& node = group_node[key];
    if (node < 0) {
      node = static_cast<int>(g.size());
      g.emplace_back();
      if (key != 0 && !covered[key]) add(S, node, 1, -input_.goal.bonus);
      add(S, node, n, 0);
    }
    add(node, mentee0 + i, 1, 0);
    for (int j = 0; j < m; ++j) {
      if (cap[static_cast<std::size_t>(j)] <= 0) continue;
      const std::int64_t s = sc.full_score(i, j);
      if (s >= 0) add(mentee0 + i, mentor0 + j, 1, -s);
    }
  }
  const auto N = g.size();
  std::vector<std::int64_t> dist(N);
  std::vector<int> pv(N), pe(N);
  std::vector<std::uint8_t> inq(N);
  std::vector<int> q;
  for (;;) {
    std::fill(dist.begin(), dist.end(), std::numeric_limits<std::int64_t>::max());
    std::fill(inq.begin(), inq.end(), 0);
    dist[S] = 0;
    q.assign(1, S);
    for (std::size_t h = 0; h < q.size(); ++h) {
      const int a = q[h];
      inq[static_cast<std::size_t>(a)] = 0;
      const auto& arcs = g[static_cast<std::size_t>(a)];
      for (std::size_t k = 0; k < arcs.size(); ++k) {
        const Arc& e = arcs[k];
        if (e.cap <= 0) continue;
        const std::int64_t nd = dist[static_cast<std::size_t>(a)] + e.cost;
        if (nd < dist[static_cast<std::size_t>(e.to)]) {
          dist[static_cast<std::size_t>(e.to)] = nd;
          pv[static_cast<std::size_t>(e.to)] = a;
          pe[static_cast<std::size_t>(e.to)] = static_cast<int>(k);
          if (!inq[static_cast<std::size_t>(e.to)]) {
            inq[static_cast<std::size_t>(e.to)] = 1;
            q.push_back(e.to);
          }
        }
      }
    }
    if (dist[T] >= 0) break;  // includes unreachable (max)
    for (int v = T; v != S; v = pv[static_cast<std::size_t>(v)]) {
      Arc& e = g[static_cast<std::size_t>(pv[static_cast<std::size_t>(v)])][static_cast<std::size_t>(pe[static_cast<std::size_t>(v)])];
      e.cap -= 1;
      g[static_cast<std::size_t>(v)][static_cast<std::size_t>(e.rev)].cap += 1;
    }
  }
  AssignmentSolution sol;
  sol.match.assign(static_cast<std::size_t>(n), -1);
  sol.u.assign(static_cast<std::size_t>(n), 0);
  sol.price.assign(static_cast<std::size_t>(m), 0);
  for (int i = 0; i < n; ++i)
    for (const Arc& e : g[static_cast<std::size_t>(mentee0 + i)])
      if (e.to >= mentor0 && e.to < mentee0 && e.cap == 0 && e.cost < 0) {
        sol.match[static_cast<std::size_t>(i)] = e.to - mentor0;
        sol.total -= e.cost;
      }
  return sol;
}

void Matcher::explain() {
  const Scorer& sc = *scorer_;
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  std::vector<std::int32_t> load(static_cast<std::size_t>(m), 0);
  std::vector<std::int64_t> lowest_held(static_cast<std::size_t>(m), -1);
  for (const auto& p : result_.pairs) {
    ++load[static_cast<std::size_t>(p.mentor)];
    auto& lh = lowest_held[static_cast<std::size_t>(p.mentor)];
    lh = lh < 0 ? p.score : std::min(lh, p.score);
  }
  const auto name_of = [](const MatchProfile& p) { return p.name.empty() ? p.id : p.name; };
  for (int i = 0; i < n; ++i) {
    if (result_.mentor_of[static_cast<std::size_t>(i)] >= 0) continue;
    UnmatchedMentee u;
    u.mentee = i;
    bool any_rule_ok = false;
    for (int j = 0; j < m; ++j) {
      const auto& mp = input_.mentors[static_cast<std::size_t>(j)];
      const PairRule r = sc.rule(i, j);
      if (r == PairRule::BelowMinimum) any_rule_ok = true;
      if (r != PairRule::Allowed) continue;
      if (mp.capacity - mp.current_load <= 0 && load[static_cast<std::size_t>(j)] == 0) continue;
      const std::int64_t s = sc.full_score(i, j);
      if (u.best_mentor < 0 || s > u.best_score) {
        u.best_mentor = j;
        u.best_score = s;
      }
    }
    if (u.best_mentor >= 0) {
      u.reason = UnmatchedReason::AllowedMentorsFull;
      const auto bj = static_cast<std::size_t>(u.best_mentor);
      u.best_mentor_price = result_.mentor_price[bj];
      u.text = "every allowed mentor is full with mentees whose placement scores more; best: " +
               name_of(input_.mentors[bj]) + " (score " + std::to_string(u.best_score) + ")";
      if (lowest_held[bj] >= 0)
        u.text += ", whose lowest-scoring mentee scores " + std::to_string(lowest_held[bj]);
      u.text += "; a place there is worth " + std::to_string(u.best_mentor_price) + " to the cohort";
    } else if (any_rule_ok) {
      u.reason = UnmatchedReason::BelowMinimumScore;
      u.text = "every mentor allowed by the hard rules scores below the minimum score " +
               std::to_string(sc.minimum_score());
    } else {
      u.reason = UnmatchedReason::NoAllowedMentor;
      u.text = "no mentor is allowed (hard rules, conflicts of interest, forbidden pairs or no capacity)";
    }
    result_.unmatched.push_back(std::move(u));
  }
}

namespace {
int find_id(const std::vector<MatchProfile>& v, const std::string& id) {
  for (std::size_t k = 0; k < v.size(); ++k)
    if (v[k].id == id) return static_cast<int>(k);
  return -1;
}
}  // namespace

bool Matcher::lock(const std::string& mentee_id, const std::string& mentor_id) {
  if (find_id(input_.mentees, mentee_id) < 0 || find_id(input_.mentors, mentor_id) < 0) return false;
  unlock(mentee_id);
  input_.locked.push_back({mentee_id, mentor_id});
  rebuild_scorer();
  return true;
}

bool Matcher::unlock(const std::string& mentee_id) {
  const auto before = input_.locked.size();
  input_.locked.erase(std::remove_if(input_.locked.begin(), input_.locked.end(),
                                     [&](const PairRef& p) { return p.mentee_id == mentee_id; }),
                      input_.locked.end());
  if (before != input_.locked.size()) rebuild_scorer();
  return before != input_.locked.size();
}

bool Matcher::forbid(const std::string& mentee_id, const std::string& mentor_id) {
  const int i = find_id(input_.mentees, mentee_id);
  const int j = find_id(input_.mentors, mentor_id);
  if (i < 0 || j < 0) return false;
  input_.forbidden.push_back({mentee_id, mentor_id});
  rebuild_scorer();
  if (candidates_valid_) {
    auto& c = candidates_[static_cast<std::size_t>(i)];
    c.erase(std::remove_if(c.begin(), c.end(), [&](const auto& e) { return e.first == j; }), c.end());
  }
  return true;
}

bool Matcher::allow(const std::string& mentee_id, const std::string& mentor_id) {
  const int i = find_id(input_.mentees, mentee_id);
  const int j = find_id(input_.mentors, mentor_id);
  if (i < 0 || j < 0) return false;
  input_.forbidden.erase(std::remove_if(input_.forbidden.begin(), input_.forbidden.end(),
                                        [&](const PairRef& p) { return p.mentee_id == mentee_id && p.mentor_id == mentor_id; }),
                         input_.forbidden.end());
  rebuild_scorer();
  if (candidates_valid_) {
    const std::int64_t s = scorer_->full_score(i, j);
    if (s >= 0) candidates_[static_cast<std::size_t>(i)].push_back({j, s});
  }
  return true;
}

void Matcher::set_criteria(const MatchingCriteria& criteria) {
  input_.criteria = criteria;
  rebuild_scorer();
  candidates_valid_ = false;
}

MatchResult match(const MatchingInput& input, const MatchOptions& options) {
  Matcher m(input, options);
  return m.run();
}

}  // namespace pairwise::matching
