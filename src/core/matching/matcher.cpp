#include "core/matching/matcher.hpp"

#include <algorithm>
#include <functional>
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

// "Every allowed pair is listed": no bound needed.
constexpr std::int64_t kNoBound = std::numeric_limits<std::int64_t>::min() / 4;

// Best `k` items by score for large k: an append buffer pruned with nth_element when it holds
// 2k items (amortised O(1) per offer). Items scoring <= threshold() are never needed.
struct TopBuffer {
  std::vector<std::pair<std::int64_t, std::int32_t>> items;
  std::size_t k = 0;
  std::int64_t thr = kNoBound;
  static bool better(const std::pair<std::int64_t, std::int32_t>& a, const std::pair<std::int64_t, std::int32_t>& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  }
  void reset() {
    items.clear();
    thr = kNoBound;
  }
  void offer(std::int64_t s, std::int32_t idx) {
    items.push_back({s, idx});
    if (items.size() >= 2 * k + 16) prune();
  }
  void prune() {
    if (items.size() <= k) return;
    std::nth_element(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(k) - 1, items.end(),
                     [](const auto& a, const auto& b) { return better(a, b); });
    thr = std::max(thr, items[k - 1].first);  // never below a threshold set from outside
    items.resize(k);
  }
  // Keeps the best k (in no particular order); returns the bound: no item left out scores more
  // (kNoBound if none was).
  std::int64_t finish() {
    const bool left_out = thr != kNoBound || items.size() > k;
    prune();
    if (!left_out) return kNoBound;
    std::int64_t worst = thr;
    for (const auto& it : items) worst = std::min(worst, it.first);
    return std::max(thr, worst);
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
  rows_.reset();
  scorer_ = std::make_unique<Scorer>(input_.mentees, input_.mentors, input_.criteria, input_.forbidden);
  rows_ = std::make_unique<RowScorer>(*scorer_);
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

namespace {
// Scores mentee i against every mentor and puts its best `keep` allowed pairs by s_ij - q_j into
// `top` (best first); returns the bound on the pairs left out (kNoBound if none). With mentor
// thresholds `mthr` (fast path; scores > mthr[j] go to on_mentor(j, s)) or `row` (scores kept for
// the caller: the reference path, and mentor lists).
template <class OnMentor>
std::int64_t list_row(const RowScorer& rs, int i, const std::vector<std::int64_t>& q, const std::vector<std::int32_t>* q32,
                      std::size_t keep, std::int32_t* mthr, OnMentor&& on_mentor, std::vector<std::int64_t>& row,
                      std::vector<std::pair<std::int64_t, std::int32_t>>& top_items, std::vector<std::int32_t>& scratch,
                      long long& scored) {
  const MentorLanes& L = rs.all();
  const int m = L.size();
  scored += m;
  TopBuffer top;
  top.items.swap(top_items);
  top.k = keep;
  top.reset();
  if (q32 != nullptr && rs.vectorised()) {
    // The first mentors estimate the threshold (the reduced profit that about `keep` pairs of the
    // whole row beat); the rest are scanned against it, so few pairs leave the vector kernel.
    // Pairs left out have r <= top.thr; too few above it: the row is scanned again without one.
    constexpr int kChunk = 512, kSample = 256;
    scratch.resize(2 * kChunk);
    std::int32_t* pos = scratch.data();
    std::int32_t* score = scratch.data() + kChunk;
    const bool estimate = m >= 4 * kSample && keep * kSample < static_cast<std::size_t>(m) * kSample / 2;
    for (int pass = 0; pass < 2; ++pass) {
      top.reset();
      for (int b = 0; b < m;) {
        const int e = std::min(m, b + (b == 0 && estimate && pass == 0 ? kSample : kChunk));
        const auto thr = static_cast<std::int32_t>(std::clamp<std::int64_t>(top.thr, std::numeric_limits<std::int32_t>::min(),
                                                                            std::numeric_limits<std::int32_t>::max()));
        const int h = rs.hits(i, L, b, e, q32->data(), thr, mthr, pos, score);
        for (int k = 0; k < h; ++k) {
          const std::int32_t j = pos[k];
          const std::int64_t sc = score[k];
          const std::int64_t r = sc - q[static_cast<std::size_t>(j)];
          if (r > top.thr) top.offer(r, j);
          if (pass == 0 && sc > mthr[j]) on_mentor(j, sc);
        }
        if (b == 0 && estimate && pass == 0) {
          // rank of the threshold in the sample: keep * sample / m (at least 2)
          const std::size_t rank = std::max<std::size_t>(2, keep * static_cast<std::size_t>(kSample) / static_cast<std::size_t>(m));
          if (top.items.size() >= rank) {
            std::vector<std::int64_t> rs_;
            rs_.reserve(top.items.size());
            for (const auto& it : top.items) rs_.push_back(it.first);
            std::nth_element(rs_.begin(), rs_.begin() + static_cast<std::ptrdiff_t>(rank) - 1, rs_.end(), std::greater<>());
            top.thr = std::max(top.thr, rs_[rank - 1]);
          }
        }
        b = e;
      }
      if (top.thr == kNoBound || top.items.size() >= std::min<std::size_t>(keep, 8)) break;
      // too few pairs above the estimated threshold: scan again without one (mentor lists done)
    }
  } else {
    row.resize(static_cast<std::size_t>(m) + 8);
    rs.row(i, L, 0, m, row.data());
    const std::int64_t* price = q.data();
    for (int j = 0; j < m; ++j) {
      const std::int64_t sc = row[static_cast<std::size_t>(j)];
      if (sc < 0) continue;
      const std::int64_t r = sc - price[j];
      if (r > top.thr) top.offer(r, j);
      if (sc > mthr[j]) on_mentor(j, sc);
    }
  }
  const std::int64_t bound = top.finish();
  top_items.swap(top.items);
  return bound;
}

// The prices as 32-bit lanes for the vectorised kernel, if they fit.
std::vector<std::int32_t> lanes_of(const std::vector<std::int64_t>& q) {
  std::vector<std::int32_t> v(q.size() + 8, 0);
  for (std::size_t j = 0; j < q.size(); ++j) {
    if (q[j] < 0 || q[j] >= RowScorer::kMaxScore) return {};
    v[j] = static_cast<std::int32_t>(q[j]);
  }
  return v;
}
}  // namespace

std::vector<std::int64_t> Matcher::estimate_prices(const std::vector<std::int32_t>& cap, MatchStats& stats) {
  // Every f-th free mentee against every mentor with 1/f of its free places (rounded at random,
  // reproducibly): the exact optimum of that smaller market has about the same mentor prices.
  const int n = scorer_->mentee_count();
  const int m = scorer_->mentor_count();
  int f = options_.presolve_sample;
  if (f == 0 && n >= 4000) {
    // The most common number of free places: a sample of 1/f of the mentees then keeps the same
    // competition with exactly 1 place per such mentor; otherwise 1/4 with places rounded at random.
    std::vector<int> count(9, 0);
    for (const auto c : cap)
      if (c > 0) ++count[static_cast<std::size_t>(std::min(c, 8))];
    const auto mode = static_cast<int>(std::max_element(count.begin(), count.end()) - count.begin());
    f = mode >= 2 ? mode : 4;
  }
  if (f <= 1 || n < 2 * f) return {};
  const auto t = Clock::now();
  MatchingInput sub;
  sub.criteria = input_.criteria;
  sub.forbidden = input_.forbidden;
  for (int i = f / 2; i < n; i += f)
    if (locked_mentor_[static_cast<std::size_t>(i)] < 0) sub.mentees.push_back(input_.mentees[static_cast<std::size_t>(i)]);
  sub.mentors = input_.mentors;
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (int j = 0; j < m; ++j) {
    auto& p = sub.mentors[static_cast<std::size_t>(j)];
    const int c = cap[static_cast<std::size_t>(j)];
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    p.capacity = c / f + (static_cast<int>(h % static_cast<std::uint64_t>(f)) < c % f ? 1 : 0);
    p.current_load = 0;
  }
  MatchOptions o = options_;
  o.explain = false;
  // Estimates need no proof, but one round's prices are far off under ties (Cochrane KT: the main
  // pass then re-lists most mentees, 2 per mentee): a small sample is solved until proven optimal.
  const bool prove = static_cast<long long>(sub.mentees.size()) * m <= options_.presolve_prove_pairs;
  if (options_.presolve_rounds > 0 && !prove) o.max_rounds = options_.presolve_rounds;
  Matcher sample(std::move(sub), o);
  const MatchResult& r = sample.run();
  stats.scored_pairs += r.stats.scored_pairs;
  stats.presolve_ms = ms_since(t);
  std::vector<std::int64_t> q = r.mentor_price;
  for (int j = 0; j < m; ++j)
    if (cap[static_cast<std::size_t>(j)] <= 0) q[static_cast<std::size_t>(j)] = 0;
  return q;
}

void Matcher::generate_candidates(const std::vector<std::int32_t>& cap, MatchStats& stats) {
  const Scorer& sc = *scorer_;
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  candidates_.assign(static_cast<std::size_t>(n), {});
  reserve_.assign(static_cast<std::size_t>(n), {});
  bound_.assign(static_cast<std::size_t>(n), kNoBound);
  epoch_of_.assign(static_cast<std::size_t>(n), 0);
  epoch_price_.clear();
  // Lists are made against estimated prices: the previous run's, or a sample's.
  std::vector<std::int64_t> q;
  if (options_.warm_start && prev_price_.size() == static_cast<std::size_t>(m)) q = prev_price_;
  else q = estimate_prices(cap, stats);
  q.resize(static_cast<std::size_t>(m), 0);
  epoch_price32_.clear();
  epoch_price32_.push_back(lanes_of(q));
  epoch_price_.push_back(std::move(q));
  const auto& price = epoch_price_.front();
  const std::vector<std::int32_t>* price32 = epoch_price32_.front().empty() ? nullptr : &epoch_price32_.front();

  std::vector<TopK> mentor_top(static_cast<std::size_t>(m));
  // per mentor: the score a mentee must beat to enter its list (never, without mentor lists)
  std::vector<std::int32_t> mthr(static_cast<std::size_t>(m) + 8, std::numeric_limits<std::int32_t>::max());
  const bool mentor_lists = options_.mentor_candidates_per_place > 0;
  for (int j = 0; j < m && mentor_lists; ++j) {
    const int c = std::max(1, input_.mentors[static_cast<std::size_t>(j)].capacity);
    mentor_top[static_cast<std::size_t>(j)].k = static_cast<std::size_t>(options_.mentor_candidates_per_place * c);
    mthr[static_cast<std::size_t>(j)] = -1;
  }
  const std::size_t k_active = static_cast<std::size_t>(std::max(1, options_.mentee_candidates));
  const std::size_t keep = k_active + static_cast<std::size_t>(std::max(0, options_.reserve_candidates));
  std::vector<std::int32_t> scratch;
  for (int i = 0; i < n; ++i) {
    const auto on_mentor = [&](std::int32_t j, std::int64_t s) {
      if (!mentor_lists) return;
      auto& t = mentor_top[static_cast<std::size_t>(j)];
      t.offer(s, i);
      // thresholds stay below the 32-bit range (scores of the reference path may be larger)
      mthr[static_cast<std::size_t>(j)] = static_cast<std::int32_t>(std::min<std::int64_t>(t.threshold(), std::numeric_limits<std::int32_t>::max() - 1));
    };
    bound_[static_cast<std::size_t>(i)] =
        list_row(*rows_, i, price, price32, keep, mthr.data(), on_mentor, row_, top_, scratch, stats.scored_pairs);
    auto& c = candidates_[static_cast<std::size_t>(i)];
    auto& rv = reserve_[static_cast<std::size_t>(i)];
    if (top_.size() > k_active)  // the best k_active first
      std::nth_element(top_.begin(), top_.begin() + static_cast<std::ptrdiff_t>(k_active), top_.end(),
                       [](const auto& a, const auto& b) { return TopBuffer::better(a, b); });
    for (std::size_t k = 0; k < top_.size(); ++k) {
      const auto j = top_[k].second;
      const std::int64_t s = top_[k].first + price[static_cast<std::size_t>(j)];
      if (k < k_active) c.push_back({j, s});
      else rv.push_back({j, s});
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
    std::sort(rv.begin(), rv.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  }
  candidates_valid_ = true;
}

std::vector<std::int32_t> Matcher::free_places() const {
  std::vector<std::int32_t> cap(input_.mentors.size());
  for (std::size_t j = 0; j < cap.size(); ++j) cap[j] = input_.mentors[j].capacity - input_.mentors[j].current_load;
  for (const int l : locked_mentor_)
    if (l >= 0) --cap[static_cast<std::size_t>(l)];
  for (auto& c : cap) c = std::max(0, c);
  return cap;
}

const MatchResult& Matcher::run() {
  const auto t_start = Clock::now();
  MatchResult R;
  const Scorer& sc = *scorer_;
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  const bool goal = input_.goal.kind != CohortGoal::Kind::None && input_.goal.bonus > 0;
  const std::vector<std::int32_t> cap = free_places();
  if (!candidates_valid_) {
    const auto t = Clock::now();
    generate_candidates(cap, R.stats);
    R.stats.scoring_ms = ms_since(t);
  }
  // Cohort goal, exactly, as a capacitated assignment on the same candidate lists: a group g that
  // earns the bonus B (a key, not covered by a locked pair) with n_g free mentees gets a "not
  // matched" mentor of n_g - 1 places at profit B, and each of its mentees' pairs profit s_ij + B.
  // Staying out of both costs B: that happens to one mentee of g exactly when none is matched,
  // so the optimum is (sum of scores + B x covered groups) - B x (bonus groups), a constant away.
  // In terms of u_i' = u_i - shift_i the certificate over every allowed pair is the usual
  // s_ij <= u_i' + p_j (u_i' may be negative: a mentee its group needs gains from any pair).
  const GoalShape shape = goal_shape(cap);
  checked_epoch_.assign(static_cast<std::size_t>(n), -1);  // checks of an earlier run used other free places
  checked_bound_.assign(static_cast<std::size_t>(n), 0);
  const int mentors_in_problem = m + static_cast<int>(shape.null_places.size());

  AssignmentSolver solver;
  AssignmentSolution sol;
  // Warm start: the previous run's prices (re-runs) and, within a run, the previous round's.
  std::vector<std::int64_t> start_prices;
  if (options_.warm_start && prev_price_.size() == static_cast<std::size_t>(m)) start_prices = prev_price_;
  const auto surplus = [&](int i) { return sol.u[static_cast<std::size_t>(i)] - shape.shift[static_cast<std::size_t>(i)]; };
  for (int round = 0; round < options_.max_rounds; ++round) {
    auto t = Clock::now();
    SparseAssignmentProblem P;
    P.right = mentors_in_problem;
    P.capacity = cap;
    P.capacity.insert(P.capacity.end(), shape.null_places.begin(), shape.null_places.end());
    P.offset.reserve(static_cast<std::size_t>(n) + 1);
    for (int i = 0; i < n; ++i) {
      const auto ui = static_cast<std::size_t>(i);
      if (locked_mentor_[ui] < 0) {
        for (const auto& [j, s] : candidates_[ui])
          if (cap[static_cast<std::size_t>(j)] > 0) {
            P.target.push_back(j);
            P.profit.push_back(s + shape.shift[ui]);
          }
        if (shape.null_of[ui] >= 0) {
          P.target.push_back(m + shape.null_of[ui]);
          P.profit.push_back(shape.shift[ui]);
        }
      }
      P.offset.push_back(static_cast<std::uint32_t>(P.target.size()));
    }
    P.left = n;
    // Within a run the problem only gains edges: the last round's matching is kept where it
    // still fits.
    std::vector<std::int32_t> last_match;
    if (round > 0 && options_.warm_start) last_match.swap(sol.match);
    sol = start_prices.empty() ? solver.solve(P) : solver.solve_warm(P, start_prices, last_match.empty() ? nullptr : &last_match);
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
      const std::int64_t ui = surplus(i);
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

    // Dense pricing (the certificate): any allowed pair with s_ij > u_i + p_j? A pair left out of
    // mentee i's lists has s_ij - q_j <= bound_i (q: the prices its lists were made against), so
    // s_ij - p_j <= bound_i + (q_j - p_j): only mentors whose price fell by more than
    // u_i - bound_i since then can violate. Mentors are visited in order of decreasing price drop;
    // a mentee that would need too many of them is listed again against the current prices.
    t = Clock::now();
    ++R.stats.pricing_rounds;
    const long long scored_before = R.stats.scored_pairs;
    long long added = 0;
    struct Drift {
      bool built = false;
      std::vector<std::int64_t> drop;  // q_j - p_j, decreasing
      MentorLanes lanes;               // mentors with free places in that order
    };
    std::vector<Drift> drift(epoch_price_.size());
    const std::int64_t* p = sol.price.data();
    const auto drift_of = [&](int epoch) -> Drift& {
      Drift& D = drift[static_cast<std::size_t>(epoch)];
      if (!D.built) {
        const auto& q = epoch_price_[static_cast<std::size_t>(epoch)];
        std::vector<std::int32_t> order;
        for (int j = 0; j < m; ++j)
          if (cap[static_cast<std::size_t>(j)] > 0) order.push_back(j);
        std::sort(order.begin(), order.end(), [&](int x, int y) {
          const std::int64_t dx = q[static_cast<std::size_t>(x)] - p[x], dy = q[static_cast<std::size_t>(y)] - p[y];
          return dx > dy || (dx == dy && x < y);
        });
        for (int j : order) D.drop.push_back(q[static_cast<std::size_t>(j)] - p[j]);
        D.lanes = rows_->lanes(order);
        D.built = true;
      }
      return D;
    };
    // This round's prices as an epoch (made once, when a mentee is listed or certified against them).
    int new_epoch = -1;
    const auto this_round_epoch = [&]() {
      if (new_epoch < 0) {
        new_epoch = static_cast<int>(epoch_price_.size());
        epoch_price_.push_back(sol.price);
        epoch_price32_.push_back(lanes_of(sol.price));
      }
      return new_epoch;
    };
    const std::size_t k_active = static_cast<std::size_t>(std::max(1, options_.mentee_candidates));
    const std::size_t keep = k_active + static_cast<std::size_t>(std::max(0, options_.reserve_candidates));
    const auto relist_at = static_cast<std::size_t>(std::max(0.0, options_.rescan_fraction) * m);
    std::vector<std::int32_t> stamp(static_cast<std::size_t>(m), -1);
    std::vector<std::int32_t> never(static_cast<std::size_t>(m) + 8, std::numeric_limits<std::int32_t>::max()), scratch;
    TopK viol;
    viol.k = static_cast<std::size_t>(std::max(1, options_.max_new_edges_per_mentee));
    for (int i = 0; i < n; ++i) {
      const auto ui_ = static_cast<std::size_t>(i);
      if (locked_mentor_[ui_] >= 0 || bound_[ui_] == kNoBound) continue;
      const std::int64_t ui = surplus(i);
      // Two bounds hold for the pairs left out: the lists' (against their epoch's prices) and,
      // once an earlier round of this run checked every pair left out, that round's
      // (s_ij - p'_j <= u'_i, p' and u' of that round). Either rules a mentor out; the one
      // leaving fewer mentors to score is used.
      Drift* D = &drift_of(epoch_of_[ui_]);
      std::int64_t bnd = bound_[ui_];
      auto L = static_cast<std::size_t>(
          std::partition_point(D->drop.begin(), D->drop.end(), [&](std::int64_t d) { return d > ui - bound_[ui_]; }) -
          D->drop.begin());
      if (L > 0 && checked_epoch_[ui_] >= 0) {
        Drift& C = drift_of(checked_epoch_[ui_]);
        const auto Lc = static_cast<std::size_t>(
            std::partition_point(C.drop.begin(), C.drop.end(), [&](std::int64_t d) { return d > ui - checked_bound_[ui_]; }) -
            C.drop.begin());
        if (Lc < L) {
          L = Lc;
          D = &C;
          bnd = checked_bound_[ui_];
        }
      }
      // What the pairs not scored can reach against this round's prices: s_ij - p_j <= bnd + drop_j.
      const std::int64_t rest = L < D->drop.size() ? bnd + D->drop[L] : kNoBound;
      if (L == 0) {
        checked_epoch_[ui_] = this_round_epoch();
        checked_bound_[ui_] = rest;
        continue;
      }
      ++R.stats.priced_mentees;
      auto& c = candidates_[ui_];
      if (L > relist_at) {
        this_round_epoch();
        checked_epoch_[ui_] = -1;  // the new lists' bound is against this round's prices already
        ++R.stats.relisted_mentees;
        R.stats.priced_pairs += m;
        const auto& q32 = epoch_price32_[static_cast<std::size_t>(new_epoch)];
        bound_[ui_] = list_row(*rows_, i, epoch_price_[static_cast<std::size_t>(new_epoch)], q32.empty() ? nullptr : &q32, keep,
                               never.data(), [](std::int32_t, std::int64_t) {}, row_, top_, scratch, R.stats.scored_pairs);
        epoch_of_[ui_] = new_epoch;
        for (const auto& e : c) stamp[static_cast<std::size_t>(e.first)] = i;
        auto& rv = reserve_[ui_];
        rv.clear();
        int taken = 0;
        std::sort(top_.begin(), top_.end(), [](const auto& a, const auto& b) { return TopBuffer::better(a, b); });
        for (const auto& [r, j] : top_) {  // best reduced profit first
          if (stamp[static_cast<std::size_t>(j)] == i || sc.is_special(i, j)) continue;
          const std::int64_t s = r + p[j];
          if (r > ui && cap[static_cast<std::size_t>(j)] > 0 && taken < options_.max_new_edges_per_mentee) {
            c.push_back({j, s});
            ++taken;
          } else {
            rv.push_back({j, s});
          }
        }
        std::sort(rv.begin(), rv.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
        added += taken;
        if (taken > 0 || bound_[ui_] <= ui) continue;
        // Nothing new among the best `keep` (they were already candidates, or mentors without
        // places), yet a pair beyond them may still beat u_i: score the whole row, so that no
        // round ends with a violation unseen (found with small lists and the cohort goal, whose
        // surpluses can be negative).
        row_.resize(std::max(row_.size(), static_cast<std::size_t>(m) + 8));
        rows_->row(i, rows_->all(), 0, m, row_.data());
        R.stats.scored_pairs += m;
        viol.items.clear();
        for (int j = 0; j < m; ++j) {
          const std::int64_t s = row_[static_cast<std::size_t>(j)];
          if (s < 0 || cap[static_cast<std::size_t>(j)] <= 0 || stamp[static_cast<std::size_t>(j)] == i || sc.is_special(i, j)) continue;
          const std::int64_t red = s - p[j] - ui;
          if (red > 0 && red > viol.threshold()) viol.offer(red, j);
        }
        for (const auto& [red, j] : viol.items) {
          c.push_back({j, red + ui + p[j]});
          rv.erase(std::remove_if(rv.begin(), rv.end(), [j = j](const auto& e) { return e.first == j; }), rv.end());
        }
        added += static_cast<long long>(viol.items.size());
        continue;
      }
      row_.resize(std::max(row_.size(), L + 8));
      rows_->row(i, D->lanes, 0, static_cast<int>(L), row_.data());
      R.stats.scored_pairs += static_cast<long long>(L);
      R.stats.priced_pairs += static_cast<long long>(L);
      viol.items.clear();
      for (const auto& e : c) stamp[static_cast<std::size_t>(e.first)] = i;
      std::int64_t best_left_out = rest;  // best s_ij - p_j of the pairs staying out of the lists
      for (std::size_t k = 0; k < L; ++k) {
        const std::int64_t s = row_[k];
        if (s < 0) continue;
        const std::int32_t j = D->lanes.index[k];
        const std::int64_t red = s - p[j] - ui;
        if (red > 0) {
          if (red > viol.threshold() && !sc.is_special(i, j)) viol.offer(red, j);
        } else if (stamp[static_cast<std::size_t>(j)] != i) {
          best_left_out = std::max(best_left_out, red + ui);
        }
      }
      for (const auto& [red, j] : viol.items) c.push_back({j, red + ui + p[j]});
      added += static_cast<long long>(viol.items.size());
      if (viol.items.size() < viol.k) {
        // every violation is now in the lists: the pairs left out have s_ij - p_j <= best_left_out
        checked_epoch_[ui_] = this_round_epoch();
        checked_bound_[ui_] = best_left_out;
      }
    }
    R.stats.pricing_ms += ms_since(t);
    R.stats.added_edges += added;
    if (added == 0) {
      R.proven_optimal = true;
      R.stats.final_check_pairs = R.stats.scored_pairs - scored_before;
      break;
    }
  }
  R.stats.warm_fallbacks = solver.warm_fallbacks;
  R.stats.warm_repairs = solver.warm_repairs;
  sol.price.resize(static_cast<std::size_t>(m));  // the goal's "not matched" mentors are not people
  prev_price_ = sol.price;

  // Assemble the result.
  R.mentee_dual.assign(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < n; ++i) R.mentee_dual[static_cast<std::size_t>(i)] = surplus(i);
  R.mentor_price = sol.price;
  R.mentor_of.assign(static_cast<std::size_t>(n), -1);
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
    if (locked_mentor_[static_cast<std::size_t>(i)] >= 0 || j < 0 || j >= m) continue;  // j >= m: the goal's "not matched"
    R.mentor_of[static_cast<std::size_t>(i)] = j;
    ProposedPair p;
    p.mentee = i;
    p.mentor = j;
    if (options_.explain) p.breakdown = sc.breakdown(i, j);
    p.score = sc.full_score(i, j);
    R.total_score += p.score;
    R.optimised_score += p.score;
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

Matcher::GoalShape Matcher::goal_shape(const std::vector<std::int32_t>& cap) const {
  const int n = scorer_->mentee_count();
  GoalShape shape;
  shape.shift.assign(static_cast<std::size_t>(n), 0);
  shape.null_of.assign(static_cast<std::size_t>(n), -1);
  if (input_.goal.kind == CohortGoal::Kind::None || input_.goal.bonus <= 0) return shape;
  // A group can be covered only through a mentor with a free place; groups a locked pair covers
  // already, and group 0 (unknown), earn nothing more.
  bool any_place = false;
  for (const auto c : cap) any_place |= c > 0;
  if (!any_place) return shape;
  std::vector<std::uint8_t> covered(65536, 0);
  std::vector<std::int32_t> members(65536, 0), index(65536, -1);
  for (int i = 0; i < n; ++i) {
    const std::uint16_t g = group_of(input_.goal, input_.mentees[static_cast<std::size_t>(i)]);
    if (locked_mentor_[static_cast<std::size_t>(i)] >= 0) covered[g] = 1;
    else ++members[g];
  }
  for (int i = 0; i < n; ++i) {
    const std::uint16_t g = group_of(input_.goal, input_.mentees[static_cast<std::size_t>(i)]);
    if (g == 0 || covered[g] || locked_mentor_[static_cast<std::size_t>(i)] >= 0) continue;
    if (index[g] < 0) {
      index[g] = static_cast<std::int32_t>(shape.null_places.size());
      shape.null_places.push_back(members[g] - 1);
    }
    shape.shift[static_cast<std::size_t>(i)] = input_.goal.bonus;
    if (shape.null_places[static_cast<std::size_t>(index[g])] > 0) shape.null_of[static_cast<std::size_t>(i)] = index[g];
  }
  return shape;
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
