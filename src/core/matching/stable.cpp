#include "core/matching/stable.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>

#include "core/matching/scoring.hpp"

namespace pairwise::matching {

namespace {

struct Prefs {
  std::vector<std::vector<int>> mentee_list;  // acceptable mentors, best first
  // mentor's key for a mentee: smaller is better; (max, _) = not acceptable
  std::vector<std::unordered_map<int, std::int64_t>> mentor_key;
  std::vector<int> capacity;                  // after current load and locks
  std::vector<int> locked;                    // per mentee: locked mentor or -1
  std::vector<std::vector<std::int64_t>> score;  // dense allowed scores (-1 = not allowed)
};

Prefs build(const MatchingInput& in) {
  const Scorer sc(in.mentees, in.mentors, in.criteria, in.forbidden);
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  Prefs P;
  P.score.assign(static_cast<std::size_t>(n), std::vector<std::int64_t>(static_cast<std::size_t>(m), -1));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) P.score[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = sc.full_score(i, j);
  std::unordered_map<std::string, int> ei, mi;
  for (int i = 0; i < n; ++i) ei.emplace(in.mentees[static_cast<std::size_t>(i)].id, i);
  for (int j = 0; j < m; ++j) mi.emplace(in.mentors[static_cast<std::size_t>(j)].id, j);
  P.locked.assign(static_cast<std::size_t>(n), -1);
  P.capacity.resize(static_cast<std::size_t>(m));
  for (int j = 0; j < m; ++j)
    P.capacity[static_cast<std::size_t>(j)] = in.mentors[static_cast<std::size_t>(j)].capacity - in.mentors[static_cast<std::size_t>(j)].current_load;
  for (const auto& l : in.locked) {
    auto a = ei.find(l.mentee_id);
    auto b = mi.find(l.mentor_id);
    if (a == ei.end() || b == mi.end()) continue;
    P.locked[static_cast<std::size_t>(a->second)] = b->second;
    --P.capacity[static_cast<std::size_t>(b->second)];
  }
  P.mentee_list.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    auto& list = P.mentee_list[static_cast<std::size_t>(i)];
    const auto& s = P.score[static_cast<std::size_t>(i)];
    const auto& r = in.mentees[static_cast<std::size_t>(i)].ranking;
    if (!r.empty()) {
      for (const auto& id : r)
        if (auto it = mi.find(id); it != mi.end() && s[static_cast<std::size_t>(it->second)] >= 0) list.push_back(it->second);
    } else {
      for (int j = 0; j < m; ++j)
        if (s[static_cast<std::size_t>(j)] >= 0) list.push_back(j);
      std::stable_sort(list.begin(), list.end(), [&](int a, int b) { return s[static_cast<std::size_t>(a)] > s[static_cast<std::size_t>(b)]; });
    }
  }
  P.mentor_key.resize(static_cast<std::size_t>(m));
  for (int j = 0; j < m; ++j) {
    auto& key = P.mentor_key[static_cast<std::size_t>(j)];
    const auto& r = in.mentors[static_cast<std::size_t>(j)].ranking;
    if (!r.empty()) {
      std::int64_t pos = 0;
      for (const auto& id : r) {
        if (auto it = ei.find(id); it != ei.end() && P.score[static_cast<std::size_t>(it->second)][static_cast<std::size_t>(j)] >= 0)
          key.emplace(it->second, pos * (n + 1) + it->second);
        ++pos;
      }
    } else {
      for (int i = 0; i < n; ++i) {
        const std::int64_t s = P.score[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        if (s >= 0) key.emplace(i, -s * (n + 1) + i);
      }
    }
  }
  return P;
}

std::int64_t key_of(const Prefs& P, int j, int i) {
  const auto& k = P.mentor_key[static_cast<std::size_t>(j)];
  auto it = k.find(i);
  return it == k.end() ? std::numeric_limits<std::int64_t>::max() : it->second;
}

}  // namespace

StableResult stable_match(const MatchingInput& in) {
  const Prefs P = build(in);
  const int n = static_cast<int>(in.mentees.size());
  const int m = static_cast<int>(in.mentors.size());
  std::vector<std::vector<int>> held(static_cast<std::size_t>(m));
  std::vector<std::size_t> next(static_cast<std::size_t>(n), 0);
  std::vector<int> free;
  for (int i = n - 1; i >= 0; --i)
    if (P.locked[static_cast<std::size_t>(i)] < 0) free.push_back(i);
  while (!free.empty()) {
    const int i = free.back();
    free.pop_back();
    const auto& list = P.mentee_list[static_cast<std::size_t>(i)];
    while (next[static_cast<std::size_t>(i)] < list.size()) {
      const int j = list[next[static_cast<std::size_t>(i)]++];
      const std::int64_t ki = key_of(P, j, i);
      if (ki == std::numeric_limits<std::int64_t>::max() || P.capacity[static_cast<std::size_t>(j)] <= 0) continue;
      auto& h = held[static_cast<std::size_t>(j)];
      if (static_cast<int>(h.size()) < P.capacity[static_cast<std::size_t>(j)]) {
        h.push_back(i);
        goto placed;
      }
      {
        auto worst = std::max_element(h.begin(), h.end(), [&](int a, int b) { return key_of(P, j, a) < key_of(P, j, b); });
        if (key_of(P, j, *worst) > ki) {
          free.push_back(*worst);
          *worst = i;
          goto placed;
        }
      }
    }
  placed:;
  }
  StableResult R;
  R.mentor_of.assign(static_cast<std::size_t>(n), -1);
  for (int i = 0; i < n; ++i)
    if (P.locked[static_cast<std::size_t>(i)] >= 0) R.mentor_of[static_cast<std::size_t>(i)] = P.locked[static_cast<std::size_t>(i)];
  for (int j = 0; j < m; ++j)
    for (int i : held[static_cast<std::size_t>(j)]) {
      R.mentor_of[static_cast<std::size_t>(i)] = j;
      R.total_score += P.score[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    }
  return R;
}

std::vector<std::pair<int, int>> blocking_pairs(const MatchingInput& in, const std::vector<int>& mentor_of) {
  const Prefs P = build(in);
  const int n = static_cast<int>(in.mentees.size());
  const int m = static_cast<int>(in.mentors.size());
  std::vector<std::vector<int>> held(static_cast<std::size_t>(m));
  for (int i = 0; i < n; ++i)
    if (mentor_of[static_cast<std::size_t>(i)] >= 0 && P.locked[static_cast<std::size_t>(i)] < 0)
      held[static_cast<std::size_t>(mentor_of[static_cast<std::size_t>(i)])].push_back(i);
  std::vector<std::pair<int, int>> out;
  for (int i = 0; i < n; ++i) {
    if (P.locked[static_cast<std::size_t>(i)] >= 0) continue;
    const int cur = mentor_of[static_cast<std::size_t>(i)];
    for (int j : P.mentee_list[static_cast<std::size_t>(i)]) {
      if (j == cur) break;  // the rest are worse than the current mentor
      const std::int64_t ki = key_of(P, j, i);
      if (ki == std::numeric_limits<std::int64_t>::max() || P.capacity[static_cast<std::size_t>(j)] <= 0) continue;
      const auto& h = held[static_cast<std::size_t>(j)];
      bool blocks = static_cast<int>(h.size()) < P.capacity[static_cast<std::size_t>(j)];
      for (int other : h) blocks = blocks || key_of(P, j, other) > ki;
      if (blocks) out.push_back({i, j});
    }
  }
  return out;
}

}  // namespace pairwise::matching
