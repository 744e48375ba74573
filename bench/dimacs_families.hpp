// DIMACS min-cost-flow assignment instances the matcher has never seen, for benchmarks that
// cannot flatter it: written in the super-source form (node 1 supplies N, one unit to each
// mentee; mentors send their places to a super sink), which is how other tools write them.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace pairwise::bench {

// Writes one assignment instance in super-source form: node 1 supplies N, one unit to each
// mentee; each mentor sends its places to the super sink; `pair(i, j, cost)` says whether mentee i
// may take mentor j and at what cost. With `opt_out`, each mentee also has an arc to the sink at
// cost 0 (it may stay unmatched), else every mentee must be matched. Returns arcs written, or -1.
template <class Pair>
long long write_super_source_dimacs(const std::string& path, const std::string& comment, int mentees, int mentors, int capacity,
                                    bool opt_out, Pair&& pair) {
  std::string body;
  body.reserve(static_cast<std::size_t>(mentees) * static_cast<std::size_t>(mentors) * 22 / (opt_out ? 20 : 1));
  long long arcs = 0;
  const auto number = [&body](long long v) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
    body.append(digits, end);
  };
  const auto arc = [&](long long from, long long to, long long cap, long long cost) {
    body += "a ";
    number(from);
    body += ' ';
    number(to);
    body += " 0 ";
    number(cap);
    body += ' ';
    number(cost);
    body += '\n';
    ++arcs;
  };
  const long long source = 1, first_mentee = 2, first_mentor = 2 + mentees, sink = 2 + mentees + mentors;
  for (int i = 0; i < mentees; ++i) arc(source, first_mentee + i, 1, 0);
  long long cost = 0;
  for (int i = 0; i < mentees; ++i) {
    for (int j = 0; j < mentors; ++j)
      if (pair(i, j, cost)) arc(first_mentee + i, first_mentor + j, 1, cost);
    if (opt_out) arc(first_mentee + i, sink, 1, 0);
  }
  for (int j = 0; j < mentors; ++j) arc(first_mentor + j, sink, capacity, 0);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return -1;
  const std::string head = "c " + comment + "; super source 1, super sink " + std::to_string(sink) + "\np min " +
                           std::to_string(sink) + " " + std::to_string(arcs) + "\nn 1 " + std::to_string(mentees) + "\nn " +
                           std::to_string(sink) + " -" + std::to_string(mentees) + "\n";
  const bool ok = std::fwrite(head.data(), 1, head.size(), f) == head.size() &&
                  std::fwrite(body.data(), 1, body.size(), f) == body.size();
  return std::fclose(f) == 0 && ok ? arcs : -1;
}

// Popularity-skewed costs: mentor popularity falls off with its (random) rank as a power law, so
// most mentees want the same few mentors; each pair adds random noise, and `forbidden_share` of
// the pairs are left out. Every mentee must be matched (no arc to the sink). Returns arcs written,
// or -1 on a write error.
// `skew`: the power-law exponent of popularity by rank; `noise`: the spread of the per-pair noise
// against a top popularity of 1000.
inline long long write_popularity_skewed_dimacs(const std::string& path, int mentees, int mentors, int capacity,
                                                std::uint64_t seed, double skew = 0.7, int noise_range = 200,
                                                double forbidden_share = 0.1) {
  std::mt19937_64 rng(seed);
  std::vector<int> rank(static_cast<std::size_t>(mentors));
  for (int j = 0; j < mentors; ++j) rank[static_cast<std::size_t>(j)] = j;
  std::shuffle(rank.begin(), rank.end(), rng);
  std::vector<long long> popularity(static_cast<std::size_t>(mentors));
  for (int j = 0; j < mentors; ++j)
    popularity[static_cast<std::size_t>(j)] = std::llround(1000.0 / std::pow(1.0 + rank[static_cast<std::size_t>(j)], skew));
  std::uniform_int_distribution<int> noise(0, std::max(0, noise_range - 1));
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  const std::string comment = "popularity-skewed assignment, " + std::to_string(mentees) + " x " + std::to_string(mentors) +
                              ", capacity " + std::to_string(capacity) + ", seed " + std::to_string(seed) + ", skew " +
                              std::to_string(skew) + ", noise " + std::to_string(noise_range);
  return write_super_source_dimacs(path, comment, mentees, mentors, capacity, false, [&](int, int j, long long& cost) {
    if (coin(rng) < forbidden_share) return false;
    cost = -(popularity[static_cast<std::size_t>(j)] + noise(rng));
    return true;
  });
}

// Uniform costs: every pair allowed, cost uniform in [-999, 0]; every mentee must be matched.
inline long long write_uniform_dimacs(const std::string& path, int mentees, int mentors, int capacity, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> value(0, 999);
  return write_super_source_dimacs(path, "uniform costs, seed " + std::to_string(seed), mentees, mentors, capacity, false,
                                   [&](int, int, long long& cost) {
                                     cost = -value(rng);
                                     return true;
                                   });
}

// Clustered costs with many ties: mentees and mentors fall into `clusters` groups (of skewed
// sizes: mentees crowd the first clusters); a pair scores 1000 in the same cluster, 600 in the
// next one, 200 otherwise, plus noise of 0..3 (so thousands of pairs tie); 5 % of pairs forbidden.
inline long long write_clustered_dimacs(const std::string& path, int mentees, int mentors, int capacity, std::uint64_t seed,
                                        int clusters = 20) {
  std::mt19937_64 rng(seed);
  std::vector<double> weight(static_cast<std::size_t>(clusters));
  for (int c = 0; c < clusters; ++c) weight[static_cast<std::size_t>(c)] = 1.0 / (1.0 + c);
  std::discrete_distribution<int> crowded(weight.begin(), weight.end());
  std::uniform_int_distribution<int> even(0, clusters - 1), noise(0, 3);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<int> mentee_cluster(static_cast<std::size_t>(mentees)), mentor_cluster(static_cast<std::size_t>(mentors));
  for (auto& c : mentee_cluster) c = crowded(rng);
  for (auto& c : mentor_cluster) c = even(rng);
  return write_super_source_dimacs(path, "clustered costs with ties, " + std::to_string(clusters) + " clusters, seed " + std::to_string(seed),
                                   mentees, mentors, capacity, false, [&](int i, int j, long long& cost) {
                                     if (coin(rng) < 0.05) return false;
                                     const int d = (mentor_cluster[static_cast<std::size_t>(j)] - mentee_cluster[static_cast<std::size_t>(i)] + clusters) % clusters;
                                     cost = -((d == 0 ? 1000 : d == 1 ? 600 : 200) + noise(rng));
                                     return true;
                                   });
}

// Sparse top-k lists: each mentee ranks `k` mentors, drawn by a skewed popularity (a few mentors
// are on most lists); a pair costs -(10 x (k - rank)) (rank 0 the favourite: many ties), and a
// mentee may stay unmatched (cost 0), which the popular mentors' limited places force on some.
inline long long write_top_k_dimacs(const std::string& path, int mentees, int mentors, int capacity, std::uint64_t seed, int k = 20) {
  std::mt19937_64 rng(seed);
  std::vector<double> weight(static_cast<std::size_t>(mentors));
  for (int j = 0; j < mentors; ++j) weight[static_cast<std::size_t>(j)] = 1.0 / std::pow(1.0 + j, 0.8);
  std::discrete_distribution<int> pick(weight.begin(), weight.end());
  std::vector<long long> list_cost(static_cast<std::size_t>(mentors), 1);  // 1: not on the current list
  std::vector<int> listed;
  int current = -1;
  return write_super_source_dimacs(path, "sparse top-" + std::to_string(k) + " lists, seed " + std::to_string(seed), mentees, mentors,
                                   capacity, true, [&](int i, int j, long long& cost) {
                                     if (i != current) {  // draw mentee i's list (distinct mentors)
                                       for (int x : listed) list_cost[static_cast<std::size_t>(x)] = 1;
                                       listed.clear();
                                       current = i;
                                       for (int tries = 0; static_cast<int>(listed.size()) < std::min(k, mentors) && tries < 100 * k; ++tries) {
                                         const int x = pick(rng);
                                         if (list_cost[static_cast<std::size_t>(x)] != 1) continue;
                                         list_cost[static_cast<std::size_t>(x)] = -10LL * (k - static_cast<long long>(listed.size()));
                                         listed.push_back(x);
                                       }
                                     }
                                     cost = list_cost[static_cast<std::size_t>(j)];
                                     return cost != 1;
                                   });
}

}  // namespace pairwise::bench
