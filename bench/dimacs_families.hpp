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
  // Pairs first (into memory), so the problem line can state the exact arc count.
  std::string body;
  body.reserve(static_cast<std::size_t>(mentees) * static_cast<std::size_t>(mentors) * 22);
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
  for (int i = 0; i < mentees; ++i)
    for (int j = 0; j < mentors; ++j) {
      if (coin(rng) < forbidden_share) continue;
      arc(first_mentee + i, first_mentor + j, 1, -(popularity[static_cast<std::size_t>(j)] + noise(rng)));
    }
  for (int j = 0; j < mentors; ++j) arc(first_mentor + j, sink, capacity, 0);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return -1;
  const std::string head = "c popularity-skewed assignment, " + std::to_string(mentees) + " x " + std::to_string(mentors) +
                           ", capacity " + std::to_string(capacity) + ", seed " + std::to_string(seed) +
                           ", skew " + std::to_string(skew) + ", noise " + std::to_string(noise_range) +
                           "; super source 1, super sink " + std::to_string(sink) + "\np min " + std::to_string(sink) + " " +
                           std::to_string(arcs) + "\nn 1 " + std::to_string(mentees) + "\nn " + std::to_string(sink) + " -" +
                           std::to_string(mentees) + "\n";
  const bool ok = std::fwrite(head.data(), 1, head.size(), f) == head.size() &&
                  std::fwrite(body.data(), 1, body.size(), f) == body.size();
  return std::fclose(f) == 0 && ok ? arcs : -1;
}

}  // namespace pairwise::bench
