#include "core/matching/dimacs.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "core/matching/scoring.hpp"

namespace pairwise::matching {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

class Writer {
 public:
  explicit Writer(std::FILE* f) : f_(f) { buf_.reserve(1 << 20); }
  ~Writer() { flush(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  void ch(char c) { buf_.push_back(c); }
  void str(const char* s) { buf_.append(s); }
  void num(std::int64_t v) {
    char tmp[24];
    int k = 0;
    bool neg = v < 0;
    std::uint64_t x = neg ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
    do {
      tmp[k++] = static_cast<char>('0' + x % 10);
      x /= 10;
    } while (x);
    if (neg) buf_.push_back('-');
    while (k) buf_.push_back(tmp[--k]);
  }
  void arc(std::int64_t a, std::int64_t b, std::int64_t cap, std::int64_t cost) {
    str("a ");
    num(a);
    ch(' ');
    num(b);
    str(" 0 ");
    num(cap);
    ch(' ');
    num(cost);
    ch('\n');
    if (buf_.size() > (1u << 20) - 128) flush();
  }
  bool flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) ok_ = false;
    buf_.clear();
    return ok_;
  }
  bool ok() const { return ok_; }

 private:
  std::FILE* f_;
  std::string buf_;
  bool ok_ = true;
};

}  // namespace

long long write_dimacs(const std::string& path, const Scorer& sc, const std::vector<std::int32_t>& capacity) {
  const int n = sc.mentee_count();
  const int m = sc.mentor_count();
  // Count arcs first (scores are cheap) so the header is exact.
  long long pairs = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j)
      if (capacity[static_cast<std::size_t>(j)] > 0 && sc.full_score(i, j) >= 0) ++pairs;
  File f(std::fopen(path.c_str(), "wb"));
  if (!f) return -1;
  Writer w(f.get());
  const long long arcs = pairs + n + m;
  w.str("c Pairwise mentee-mentor assignment: maximise total score = minimise -score\np min ");
  w.num(n + m + 1);
  w.ch(' ');
  w.num(arcs);
  w.ch('\n');
  for (int i = 1; i <= n; ++i) {
    w.str("n ");
    w.num(i);
    w.str(" 1\n");
  }
  const std::int64_t sink = n + m + 1;
  w.str("n ");
  w.num(sink);
  w.ch(' ');
  w.num(-n);
  w.ch('\n');
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) {
      if (capacity[static_cast<std::size_t>(j)] <= 0) continue;
      const std::int64_t s = sc.full_score(i, j);
      if (s >= 0) w.arc(i + 1, n + 1 + j, 1, -s);
    }
    w.arc(i + 1, sink, 1, 0);
  }
  for (int j = 0; j < m; ++j) w.arc(n + 1 + j, sink, capacity[static_cast<std::size_t>(j)], 0);
  return w.flush() ? arcs : -1;
}

long long write_dimacs(const std::string& path, const SparseAssignmentProblem& P) {
  File f(std::fopen(path.c_str(), "wb"));
  if (!f) return -1;
  Writer w(f.get());
  const long long arcs = static_cast<long long>(P.target.size()) + P.left + P.right;
  w.str("p min ");
  w.num(P.left + P.right + 1);
  w.ch(' ');
  w.num(arcs);
  w.ch('\n');
  for (int i = 1; i <= P.left; ++i) {
    w.str("n ");
    w.num(i);
    w.str(" 1\n");
  }
  const std::int64_t sink = P.left + P.right + 1;
  w.str("n ");
  w.num(sink);
  w.ch(' ');
  w.num(-P.left);
  w.ch('\n');
  for (int i = 0; i < P.left; ++i) {
    for (auto e = P.offset[static_cast<std::size_t>(i)]; e < P.offset[static_cast<std::size_t>(i) + 1]; ++e)
      w.arc(i + 1, P.left + 1 + P.target[e], 1, -P.profit[e]);
    w.arc(i + 1, sink, 1, 0);
  }
  for (int j = 0; j < P.right; ++j) w.arc(P.left + 1 + j, sink, P.capacity[static_cast<std::size_t>(j)], 0);
  return w.flush() ? arcs : -1;
}

namespace {

// Minimal fast tokenizer over a whole file.
class Reader {
 public:
  explicit Reader(std::vector<char> data) : d_(std::move(data)) { d_.push_back('\0'); }
  bool at_end() const { return p_ + 1 >= d_.size(); }
  char peek_line_type() {
    while (p_ < d_.size() && (d_[p_] == ' ' || d_[p_] == '\t' || d_[p_] == '\r' || d_[p_] == '\n')) ++p_;
    return d_[p_];
  }
  void skip_line() {
    while (p_ < d_.size() && d_[p_] != '\n' && d_[p_] != '\0') ++p_;
  }
  void skip_word() {
    while (d_[p_] == ' ' || d_[p_] == '\t') ++p_;
    while (d_[p_] != ' ' && d_[p_] != '\t' && d_[p_] != '\n' && d_[p_] != '\r' && d_[p_] != '\0') ++p_;
  }
  bool word(const char* w) {
    while (d_[p_] == ' ' || d_[p_] == '\t') ++p_;
    const std::size_t len = std::strlen(w);
    if (std::strncmp(&d_[p_], w, len) != 0) return false;
    p_ += len;
    return true;
  }
  bool num(std::int64_t& out) {
    while (d_[p_] == ' ' || d_[p_] == '\t') ++p_;
    bool neg = false;
    if (d_[p_] == '-' || d_[p_] == '+') neg = d_[p_++] == '-';
    if (d_[p_] < '0' || d_[p_] > '9') return false;
    std::int64_t v = 0;
    while (d_[p_] >= '0' && d_[p_] <= '9') v = v * 10 + (d_[p_++] - '0');
    out = neg ? -v : v;
    return true;
  }

 private:
  std::vector<char> d_;
  std::size_t p_ = 0;
};

}  // namespace

DimacsAssignment read_dimacs_assignment(const std::string& path) {
  DimacsAssignment out;
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    out.error = "cannot open " + path;
    return out;
  }
  std::vector<char> data;
  {
    char buf[1 << 16];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) data.insert(data.end(), buf, buf + got);
  }
  Reader r(std::move(data));
  std::int64_t nodes = -1, arcs = 0;
  std::vector<std::int64_t> supply;
  struct Arc {
    std::int32_t from, to;
    std::int64_t cap, cost;
  };
  std::vector<Arc> all;
  while (!r.at_end()) {
    const char t = r.peek_line_type();
    if (t == '\0') break;
    if (t == 'c' || t == '\n') {
      r.skip_line();
      continue;
    }
    r.skip_word();
    if (t == 'p') {
      if (!r.word("min") || !r.num(nodes) || !r.num(arcs) || nodes <= 0) {
        out.error = "expected 'p min NODES ARCS'";
        return out;
      }
      supply.assign(static_cast<std::size_t>(nodes) + 1, 0);
      all.reserve(static_cast<std::size_t>(arcs));
    } else if (t == 'n') {
      std::int64_t id, s;
      if (nodes < 0 || !r.num(id) || !r.num(s) || id < 1 || id > nodes) {
        out.error = "bad node line";
        return out;
      }
      supply[static_cast<std::size_t>(id)] = s;
    } else if (t == 'a') {
      std::int64_t a, b, lo, cap, cost;
      if (nodes < 0 || !r.num(a) || !r.num(b) || !r.num(lo) || !r.num(cap) || !r.num(cost) || a < 1 ||
          a > nodes || b < 1 || b > nodes) {
        out.error = "bad arc line";
        return out;
      }
      if (lo != 0) {
        out.error = "lower bounds are not supported";
        return out;
      }
      all.push_back({static_cast<std::int32_t>(a), static_cast<std::int32_t>(b), cap, cost});
    } else {
      out.error = "unknown line type";
      return out;
    }
    r.skip_line();
  }
  if (nodes < 0) {
    out.error = "missing problem line";
    return out;
  }
  // Classify nodes.
  std::int64_t sink = -1;
  std::vector<std::int32_t> left_index(static_cast<std::size_t>(nodes) + 1, -1), right_index(static_cast<std::size_t>(nodes) + 1, -1);
  int left = 0;
  std::int64_t total_supply = 0;
  for (std::int64_t v = 1; v <= nodes; ++v) {
    const std::int64_t s = supply[static_cast<std::size_t>(v)];
    if (s < 0) {
      if (sink >= 0) {
        out.error = "more than one node with negative supply";
        return out;
      }
      sink = v;
    } else if (s == 1) {
      left_index[static_cast<std::size_t>(v)] = left++;
    } else if (s != 0) {
      out.error = "supplies must be 1 (mentees), 0 (mentors) or one negative sink";
      return out;
    }
    total_supply += s;
  }
  if (sink < 0 || total_supply != 0) {
    out.error = "need one sink whose demand equals the number of supply nodes";
    return out;
  }
  int right = 0;
  for (std::int64_t v = 1; v <= nodes; ++v)
    if (v != sink && left_index[static_cast<std::size_t>(v)] < 0) right_index[static_cast<std::size_t>(v)] = right++;
  auto& P = out.problem;
  P.right = right;
  P.capacity.assign(static_cast<std::size_t>(right), 0);
  out.null_cost.assign(static_cast<std::size_t>(left), 0);
  out.must_match.assign(static_cast<std::size_t>(left), true);
  std::vector<std::vector<std::pair<std::int32_t, std::int64_t>>> edges(static_cast<std::size_t>(left));
  std::int64_t max_abs = 0;
  for (const Arc& a : all) {
    const auto li = left_index[static_cast<std::size_t>(a.from)];
    if (li >= 0 && a.to == sink) {
      if (a.cap >= 1) {
        out.must_match[static_cast<std::size_t>(li)] = false;
        out.null_cost[static_cast<std::size_t>(li)] = a.cost;
      }
    } else if (li >= 0 && right_index[static_cast<std::size_t>(a.to)] >= 0) {
      if (a.cap >= 1) edges[static_cast<std::size_t>(li)].push_back({right_index[static_cast<std::size_t>(a.to)], a.cost});
      max_abs = std::max(max_abs, a.cost < 0 ? -a.cost : a.cost);
    } else if (right_index[static_cast<std::size_t>(a.from)] >= 0 && a.to == sink) {
      P.capacity[static_cast<std::size_t>(right_index[static_cast<std::size_t>(a.from)])] += static_cast<std::int32_t>(std::min<std::int64_t>(a.cap, 1 << 30));
    } else {
      out.error = "arc outside the mentee->mentor->sink layout";
      return out;
    }
  }
  // Profit of a pair = (cost of staying unmatched) - (cost of the pair); must_match nodes get big M.
  std::int64_t max_null = 0;
  for (auto c : out.null_cost) max_null = std::max(max_null, c < 0 ? -c : c);
  out.offset_profit = (2 * max_abs + 2 * max_null + 1) * (static_cast<std::int64_t>(left) + 1);
  for (int i = 0; i < left; ++i) {
    std::vector<std::pair<std::int32_t, std::int64_t>> e;
    for (const auto& [j, cost] : edges[static_cast<std::size_t>(i)]) {
      const std::int64_t base = out.must_match[static_cast<std::size_t>(i)] ? out.offset_profit : out.null_cost[static_cast<std::size_t>(i)];
      if (base - cost > 0) e.push_back({j, base - cost});
    }
    P.add_left(e);
  }
  out.ok = true;
  return out;
}

DimacsResult solve_dimacs_file(const std::string& path) {
  using Clock = std::chrono::steady_clock;
  DimacsResult res;
  auto t0 = Clock::now();
  DimacsAssignment in = read_dimacs_assignment(path);
  res.read_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!in.ok) {
    res.error = in.error;
    return res;
  }
  t0 = Clock::now();
  const AssignmentSolution s = solve_assignment(in.problem);
  res.solve_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  const auto& P = in.problem;
  std::int64_t cost = 0;
  for (int i = 0; i < P.left; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const int j = s.match[ui];
    if (j < 0) {
      if (in.must_match[ui]) {
        res.error = "infeasible: a supply node has no arc to the sink and cannot be matched";
        return res;
      }
      cost += in.null_cost[ui];
      continue;
    }
    ++res.matched;
    std::int64_t best = 0;
    for (auto e = P.offset[ui]; e < P.offset[ui + 1]; ++e)
      if (P.target[e] == j) best = std::max(best, P.profit[e]);
    cost += (in.must_match[ui] ? in.offset_profit : in.null_cost[ui]) - best;
  }
  res.min_cost = cost;
  res.total_score = -cost;
  res.ok = true;
  return res;
}

}  // namespace pairwise::matching
