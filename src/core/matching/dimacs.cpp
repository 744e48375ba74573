#include "core/matching/dimacs.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/matching/matcher.hpp"
#include "core/matching/scoring.hpp"

namespace pairwise::matching {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// DIMACS text into a file (flushed every MiB) or, without a file, all kept in memory (take()).
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
    if (!f_) return ok_;  // in memory: everything stays in the buffer
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) ok_ = false;
    buf_.clear();
    return ok_;
  }
  bool ok() const { return ok_; }
  std::string take() { return std::move(buf_); }

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

MatcherInstance matcher_instance_dimacs(const Matcher& matcher) {
  const Scorer& sc = matcher.scorer();
  const MatchingInput& input = matcher.input();
  const std::vector<std::int32_t> places = matcher.free_places();
  const int m = sc.mentor_count();
  MatcherInstance out;
  out.mentors = m;
  // Locked pairs are fixed before the solve: their mentees are not in the instance, their places
  // are already taken out of free_places(), and their score is added to the solver's optimum.
  std::vector<int> mentees;
  for (int i = 0; i < sc.mentee_count(); ++i) {
    const int l = matcher.locked_mentor(i);
    if (l < 0) {
      mentees.push_back(i);
    } else {
      ++out.locked_pairs;
      out.locked_score += sc.breakdown(i, l).total();  // as Matcher::run() scores a locked pair
    }
  }
  const int n = static_cast<int>(mentees.size());
  out.mentees = n;
  const std::int64_t sink = std::int64_t{n} + m + 1;
  // Arcs first (each pair scored once), then the header with their exact count in front.
  Writer body(nullptr);
  for (int k = 0; k < n; ++k) {
    const int i = mentees[static_cast<std::size_t>(k)];
    for (int j = 0; j < m; ++j) {
      if (places[static_cast<std::size_t>(j)] <= 0) continue;
      const std::int64_t s = sc.full_score(i, j);  // -1: not allowed (rules, conflicts, forbids, minimum)
      if (s < 0) continue;
      body.arc(k + 1, n + 1 + j, 1, -s);
      ++out.arcs;
    }
    body.arc(k + 1, sink, 1, 0);
  }
  for (int j = 0; j < m; ++j) body.arc(n + 1 + j, sink, places[static_cast<std::size_t>(j)], 0);
  out.arcs += n + m;
  const CohortGoal& goal = input.goal;
  const bool has_goal = goal.kind != CohortGoal::Kind::None && goal.bonus > 0;
  std::string head;
  head += "c Pairwise matching instance: maximise the total score = minimise the cost (-score per pair)\n";
  head += "c nodes 1.." + std::to_string(n) + ": the mentees not locked to a mentor, in input order; " + std::to_string(n + 1) + ".." +
          std::to_string(n + m) + ": the mentors in input order; " + std::to_string(sink) + ": the sink\n";
  head += "c mentee->mentor: every allowed pair (hard rules, conflicts, forbidden pairs, minimum score), cost -score\n";
  head += "c mentee->sink: not matched, cost 0; mentor->sink: its free places (capacity - current load - locked pairs)\n";
  head += "c locked pairs: " + std::to_string(out.locked_pairs) + " scoring " + std::to_string(out.locked_score) +
          ", not in this instance: the matcher's total score = " + std::to_string(out.locked_score) + " - min cost\n";
  if (has_goal)
    head += std::string("c before cohort goals: this instance leaves out the scheme's goal (") +
            (goal.kind == CohortGoal::Kind::MenteeCountries ? "mentee countries" : "mentee regions") + ", bonus " +
            std::to_string(goal.bonus) + " per group covered), with which the matcher's own result may differ\n";
  else
    head += "c before cohort goals: the scheme has none, so this is all the matcher solves\n";
  head += "p min " + std::to_string(sink) + " " + std::to_string(out.arcs) + "\n";
  for (int k = 1; k <= n; ++k) head += "n " + std::to_string(k) + " 1\n";
  head += "n " + std::to_string(sink) + " -" + std::to_string(n) + "\n";
  std::string arcs = body.take();
  out.text.reserve(head.size() + arcs.size());
  out.text = std::move(head);
  out.text += arcs;
  return out;
}

GoalInstance matcher_goal_instance_dimacs(const Matcher& matcher) {
  const MatchingInput& input = matcher.input();
  if (input.goal.kind == CohortGoal::Kind::None || input.goal.bonus <= 0) {
    GoalInstance plain;
    plain.instance = matcher_instance_dimacs(matcher);
    plain.score_offset = plain.instance.locked_score;
    return plain;
  }
  const Scorer& sc = matcher.scorer();
  const std::vector<std::int32_t> places = matcher.free_places();
  const Matcher::GoalShape shape = matcher.goal_shape(places);
  const int m = sc.mentor_count();
  const int extra = static_cast<int>(shape.null_places.size());
  const std::int64_t bonus = input.goal.bonus;
  GoalInstance out;
  MatcherInstance& inst = out.instance;
  inst.mentors = m + extra;
  std::vector<int> mentees;
  std::vector<std::uint8_t> locked_group(65536, 0);
  for (int i = 0; i < sc.mentee_count(); ++i) {
    const int l = matcher.locked_mentor(i);
    if (l < 0) {
      mentees.push_back(i);
      continue;
    }
    ++inst.locked_pairs;
    inst.locked_score += sc.breakdown(i, l).total();
    locked_group[group_of(input.goal, input.mentees[static_cast<std::size_t>(i)])] = 1;
  }
  std::int64_t locked_groups = 0, shifted = 0;
  for (int g = 1; g < 65536; ++g) locked_groups += locked_group[static_cast<std::size_t>(g)];
  // Groups that can still earn the bonus: those of the shifted mentees (each counted once).
  std::vector<std::uint8_t> seen(65536, 0);
  std::int64_t bonus_groups = 0;
  for (const int i : mentees)
    if (shape.shift[static_cast<std::size_t>(i)] > 0) {
      ++shifted;
      const std::uint16_t g = group_of(input.goal, input.mentees[static_cast<std::size_t>(i)]);
      if (!seen[g]) seen[g] = 1, ++bonus_groups;
    }
  out.score_offset = inst.locked_score + bonus * (locked_groups + bonus_groups - shifted);
  const int n = static_cast<int>(mentees.size());
  inst.mentees = n;
  const std::int64_t sink = std::int64_t{n} + m + extra + 1;
  Writer body(nullptr);
  for (int k = 0; k < n; ++k) {
    const int i = mentees[static_cast<std::size_t>(k)];
    const std::int64_t shift = shape.shift[static_cast<std::size_t>(i)];
    for (int j = 0; j < m; ++j) {
      if (places[static_cast<std::size_t>(j)] <= 0) continue;
      const std::int64_t s = sc.full_score(i, j);
      if (s < 0) continue;
      body.arc(k + 1, n + 1 + j, 1, -(s + shift));
      ++inst.arcs;
    }
    if (shape.null_of[static_cast<std::size_t>(i)] >= 0) {
      body.arc(k + 1, n + 1 + m + shape.null_of[static_cast<std::size_t>(i)], 1, -shift);
      ++inst.arcs;
    }
    body.arc(k + 1, sink, 1, 0);
  }
  for (int j = 0; j < m; ++j) body.arc(n + 1 + j, sink, places[static_cast<std::size_t>(j)], 0);
  for (int g = 0; g < extra; ++g) body.arc(n + 1 + m + g, sink, shape.null_places[static_cast<std::size_t>(g)], 0);
  inst.arcs += n + m + extra;
  std::string head;
  head += "c Pairwise matching instance WITH the cohort goal (" +
          std::string(input.goal.kind == CohortGoal::Kind::MenteeCountries ? "mentee countries" : "mentee regions") + ", bonus " +
          std::to_string(bonus) + " per group covered), as a capacitated assignment\n";
  head += "c nodes 1.." + std::to_string(n) + ": the mentees not locked to a mentor; " + std::to_string(n + 1) + ".." +
          std::to_string(n + m) + ": the mentors; " + std::to_string(n + m + 1) + ".." + std::to_string(n + m + extra) +
          ": one 'not matched' place per group that can still earn the bonus (its size - 1 places); " + std::to_string(sink) +
          ": the sink\n";
  head += "c a mentee of such a group: each pair costs -(score + bonus), its group's 'not matched' place -bonus; staying out 0\n";
  head += "c the matcher's objective (total score + cohort bonus) = " + std::to_string(out.score_offset) + " - min cost\n";
  head += "p min " + std::to_string(sink) + " " + std::to_string(inst.arcs) + "\n";
  for (int k = 1; k <= n; ++k) head += "n " + std::to_string(k) + " 1\n";
  head += "n " + std::to_string(sink) + " -" + std::to_string(n) + "\n";
  std::string arcs = body.take();
  inst.text.reserve(head.size() + arcs.size());
  inst.text = std::move(head);
  inst.text += arcs;
  return out;
}

namespace {

// Reads a file in large blocks of whole lines into one reused buffer: no stream call per token,
// and no buffer the size of the file (a 178 MB instance would cost 45,000 fresh pages, a fifth of
// the reading time, for text that is read once). Each block ends in a '\n' (a last line
// without one is given one), which the line parser uses as its sentinel.
class BlockReader {
 public:
  explicit BlockReader(const std::string& path) : file_(std::fopen(path.c_str(), "rb")), buffer_(kBlock + 1) {}
  bool opened() const { return file_ != nullptr; }
  bool failed() const { return failed_; }
  // The next block of whole lines, [begin, stop] with *stop == '\n'; false at the end.
  bool next(const char*& begin, const char*& stop) {
    // The unfinished line at the end of the last block moves to the front.
    std::memmove(buffer_.data(), buffer_.data() + carry_from_, carry_size_);
    std::size_t filled = carry_size_;
    carry_from_ = carry_size_ = 0;
    while (true) {
      if (filled + 1 >= buffer_.size()) buffer_.resize(buffer_.size() * 2);  // one line longer than a block
      const std::size_t got = at_end_ ? 0 : std::fread(buffer_.data() + filled, 1, buffer_.size() - 1 - filled, file_.get());
      if (got == 0) {
        at_end_ = true;
        failed_ = std::ferror(file_.get()) != 0;
        if (filled == 0) return false;
        buffer_[filled] = '\n';
        begin = buffer_.data();
        stop = begin + filled;
        return true;
      }
      const std::size_t scanned = filled;
      filled += got;
      std::size_t last = filled;
      while (last > scanned && buffer_[last - 1] != '\n') --last;
      if (last == scanned) continue;  // no line ends in what was read: read on
      begin = buffer_.data();
      stop = begin + last - 1;
      carry_from_ = last;
      carry_size_ = filled - last;
      return true;
    }
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{4} << 20;
  File file_;
  std::vector<char> buffer_;
  std::size_t carry_from_ = 0, carry_size_ = 0;
  bool at_end_ = false, failed_ = false;
};

// The fields of one line, left to right, read in place. The block ends in a '\n' sentinel
// (BlockReader), so no field scan needs a bounds check of its own and no line end is searched for
// before its fields are read: the 9 million arc lines of a large instance are read in one sweep.
class Fields {
 public:
  Fields(const char* p, const char* stop) : p_(p), stop_(stop) {}
  // Inlined into the line loop: a call per number costs as much as the digits.
  [[gnu::always_inline]] bool number(std::int64_t& out) {
    skip_blanks();
    const char* q = p_;
    const bool negative = *q == '-';
    if (*q == '-' || *q == '+') ++q;
    // Fast path, a plain decimal of up to 18 digits (cannot overflow): a digit loop inline here
    // is about twice as fast as std::from_chars's checked one, and it is 45 million numbers.
    const char* const digits = q;
    std::uint64_t value = 0;
    while (is_digit(*q) && q - digits < 18) value = value * 10 + static_cast<std::uint64_t>(*q++ - '0');
    if (q == digits) return false;
    if (is_digit(*q)) {  // longer: std::from_chars decides whether it fits
      if (*p_ == '+') ++p_;  // from_chars takes no sign but '-'
      const auto [next, error] = std::from_chars(p_, stop_, out);
      if (error != std::errc() || !ends_field(*next)) return false;
      p_ = next;
      return true;
    }
    if (!ends_field(*q)) return false;
    out = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
    p_ = q;
    return true;
  }
  bool word(std::string_view w) {
    skip_blanks();
    if (static_cast<std::size_t>(stop_ - p_) < w.size() || std::string_view(p_, w.size()) != w) return false;
    p_ += w.size();
    return ends_field(*p_);
  }
  // Nothing but blanks (and a Windows '\r') before the line's end.
  bool at_end() {
    skip_blanks();
    if (*p_ == '\r') ++p_;
    return *p_ == '\n';
  }
  const char* next_line() const { return p_ + 1; }  // after at_end()

 private:
  static bool ends_field(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  static bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
  void skip_blanks() {
    while (*p_ == ' ' || *p_ == '\t') ++p_;
  }
  const char* p_;
  const char* stop_;
};

// Costs beyond this are refused: the reader adds up to three costs per pair and, for mentees
// who must be matched, a big-M offset; all of it must stay exact in 64-bit sums over the cohort.
constexpr std::int64_t kMaxCost = std::int64_t{1} << 40;
constexpr std::int64_t kMaxSupply = std::numeric_limits<std::int32_t>::max();

struct StoredArc {
  std::int32_t from, to;
  std::int32_t capacity;  // capped at 2^31 - 1: no assignment has more units than that
  std::int64_t cost;
};

// The arcs column by column: each pass over 9 million arcs reads only the columns it uses (the
// role passes need just the two ends), which is what bounds those passes: memory traffic. An
// arc's line is not kept: only a refusal needs it, and line_of_arc finds it again.
struct ArcColumns {
  std::vector<std::int32_t> from, to, capacity;
  std::vector<std::int64_t> cost;
  std::size_t size() const { return from.size(); }
  void reserve(std::size_t n) {
    from.reserve(n), to.reserve(n), capacity.reserve(n), cost.reserve(n);
  }
  void push_back(const StoredArc& a) {
    from.push_back(a.from), to.push_back(a.to), capacity.push_back(a.capacity), cost.push_back(a.cost);
  }
  StoredArc operator[](std::size_t k) const { return {from[k], to[k], capacity[k], cost[k]}; }
};

enum class Role : std::uint8_t { none, source, mentee, mentor, demand_mentor, sink };

const char* role_name(Role r) {
  switch (r) {
    case Role::source: return "the super source";
    case Role::mentee: return "a mentee";
    case Role::mentor: return "a mentor";
    case Role::demand_mentor: return "a mentor with a demand";
    case Role::sink: return "the sink";
    case Role::none: break;
  }
  return "a node no mentee reaches";
}

std::string at_line(std::uint32_t line, const std::string& what) { return "line " + std::to_string(line) + ": " + what; }

// The line of the file's arc number `arc` (from 0), for a refusal found after reading.
std::uint32_t line_of_arc(const std::string& path, std::size_t arc) {
  BlockReader reader(path);
  std::uint32_t line = 0;
  std::size_t arcs_seen = 0;
  const char *cur = nullptr, *stop = nullptr;
  while (reader.opened() && reader.next(cur, stop)) {
    while (cur <= stop) {
      ++line;
      while (*cur == ' ' || *cur == '\t') ++cur;
      if (*cur == 'a' && arcs_seen++ == arc) return line;
      cur = static_cast<const char*>(std::memchr(cur, '\n', static_cast<std::size_t>(stop - cur) + 1)) + 1;
    }
  }
  return 0;
}

}  // namespace

DimacsAssignment read_dimacs_assignment(const std::string& path) {
  DimacsAssignment out;
  const auto fail = [&out](std::string message) {
    out.error = std::move(message);
    return std::move(out);
  };
  BlockReader reader(path);
  if (!reader.opened()) return fail("cannot open " + path);

  // ---- 1. Parse: problem line, supplies, arcs. ----
  std::int64_t nodes = -1, announced_arcs = 0;
  std::uint32_t problem_line = 0;
  std::vector<std::int64_t> supply;
  std::vector<std::uint32_t> supply_line;  // 0: no 'n' line for the node
  ArcColumns arcs;
  {
    const char *cur = nullptr, *stop = nullptr;  // *stop is the block's last '\n'
    std::uint32_t line = 0;
    while (reader.next(cur, stop)) {
      while (cur <= stop) {
        ++line;
        while (*cur == ' ' || *cur == '\t') ++cur;
        const char type = *cur;
        // Comments may stand anywhere (between arcs too); a blank line says nothing.
        if (type == 'c' || type == '\n' || (type == '\r' && cur[1] == '\n')) {
          cur = static_cast<const char*>(std::memchr(cur, '\n', static_cast<std::size_t>(stop - cur) + 1)) + 1;
          continue;
        }
        if (cur[1] != ' ' && cur[1] != '\t')
          return fail(at_line(line, std::string("line type '") + type + "...': expected c, p, n or a, then a space"));
        Fields f(cur + 1, stop);
        if (type == 'p') {
          if (nodes >= 0) return fail(at_line(line, "a second problem line (the first is line " + std::to_string(problem_line) + ")"));
          if (!f.word("min") || !f.number(nodes) || !f.number(announced_arcs) || !f.at_end())
            return fail(at_line(line, "expected 'p min NODES ARCS'"));
          if (nodes < 1 || nodes > kMaxSupply - 1 || announced_arcs < 0)
            return fail(at_line(line, "NODES must be 1 to 2^31 - 2 and ARCS not negative"));
          problem_line = line;
          supply.assign(static_cast<std::size_t>(nodes) + 1, 0);
          supply_line.assign(static_cast<std::size_t>(nodes) + 1, 0);
          // The announced count is only a hint for the reservation: a wrong one is refused below.
          arcs.reserve(static_cast<std::size_t>(std::min<std::int64_t>(announced_arcs, std::int64_t{1} << 24)));
        } else if (type == 'n' || type == 'a') {
          if (nodes < 0) return fail(at_line(line, std::string(type == 'n' ? "a node" : "an arc") + " line before the problem line"));
          if (type == 'n') {
            std::int64_t id = 0, s = 0;
            if (!f.number(id) || !f.number(s) || !f.at_end()) return fail(at_line(line, "expected 'n ID SUPPLY'"));
            if (id < 1 || id > nodes) return fail(at_line(line, "node " + std::to_string(id) + " is not between 1 and " + std::to_string(nodes)));
            if (s > kMaxSupply || s < -kMaxSupply) return fail(at_line(line, "supply " + std::to_string(s) + " is out of range"));
            const auto u = static_cast<std::size_t>(id);
            if (supply_line[u] != 0)
              return fail(at_line(line, "node " + std::to_string(id) + " already has a supply (line " + std::to_string(supply_line[u]) + ")"));
            supply[u] = s;
            supply_line[u] = line;
          } else {
            std::int64_t from = 0, to = 0, low = 0, cap = 0, cost = 0;
            if (!f.number(from) || !f.number(to) || !f.number(low) || !f.number(cap) || !f.number(cost) || !f.at_end())
              return fail(at_line(line, "expected 'a FROM TO LOW CAPACITY COST' (five integers)"));
            if (from < 1 || from > nodes || to < 1 || to > nodes)
              return fail(at_line(line, "an arc end is not a node between 1 and " + std::to_string(nodes)));
            if (from == to) return fail(at_line(line, "an arc from a node to itself"));
            if (low != 0) return fail(at_line(line, "lower bound " + std::to_string(low) + ": only 0 is supported"));
            if (cap < 0) return fail(at_line(line, "negative capacity"));
            if (cost > kMaxCost || cost < -kMaxCost) return fail(at_line(line, "cost " + std::to_string(cost) + " is beyond +-2^40"));
            arcs.push_back({static_cast<std::int32_t>(from), static_cast<std::int32_t>(to),
                            static_cast<std::int32_t>(std::min<std::int64_t>(cap, kMaxSupply)), cost});
          }
        } else {
          return fail(at_line(line, std::string("unknown line type '") + type + "': expected c, p, n or a"));
        }
        cur = f.next_line();
      }
    }
  }
  if (reader.failed()) return fail("cannot read " + path);
  if (nodes < 0) return fail("no problem line ('p min NODES ARCS')");
  if (static_cast<std::int64_t>(arcs.size()) != announced_arcs)
    return fail(at_line(problem_line, "the problem line announces " + std::to_string(announced_arcs) + " arcs, the file has " +
                                          std::to_string(arcs.size())));
  const auto un = static_cast<std::size_t>(nodes) + 1;
  const auto supply_of = [&](std::int32_t v) { return supply[static_cast<std::size_t>(v)]; };
  const auto node_line = [&](std::int32_t v) { return supply_line[static_cast<std::size_t>(v)]; };
  const auto node = [](std::int32_t v) { return "node " + std::to_string(v); };

  // ---- 2. Roles. Mentees: every node with a supply, or, with a super source, the nodes it
  // sends one unit each. Mentors: where mentees' arcs lead. The sink: where mentors' arcs lead.
  std::vector<Role> role(un, Role::none);
  std::int64_t total_supply = 0;
  int positive = 0;
  std::int32_t last_positive = 0;
  for (std::size_t v = 1; v < un; ++v) {
    total_supply += supply[v];
    if (supply[v] > 0) {
      ++positive;
      last_positive = static_cast<std::int32_t>(v);
    }
  }
  if (positive == 0) return fail("no node has a positive supply: nothing to assign");
  // One supply node is a super source when it supplies more than one unit, or when the nodes it
  // sends to pass flow on to further nodes without a demand (mentees to mentors). One node that
  // supplies 1 to mentors which lead straight to demands is a single mentee: both readings are
  // the same flow problem.
  std::int32_t source = 0;
  if (positive == 1) {
    if (supply_of(last_positive) > 1) {
      source = last_positive;
    } else {
      std::vector<std::uint8_t> feeds_transit(un, 0);
      for (std::size_t k = 0; k < arcs.size(); ++k)
        if (supply_of(arcs.to[k]) == 0) feeds_transit[static_cast<std::size_t>(arcs.from[k])] = 1;
      for (std::size_t k = 0; k < arcs.size(); ++k)
        if (arcs.from[k] == last_positive && supply_of(arcs.to[k]) == 0 && feeds_transit[static_cast<std::size_t>(arcs.to[k])])
          source = last_positive;
    }
  }
  std::vector<std::int64_t> source_cost;  // per mentee node: cost of its arc from the source
  if (source == 0) {
    for (std::size_t v = 1; v < un; ++v) {
      if (supply[v] <= 0) continue;
      if (supply[v] != 1)
        return fail(at_line(supply_line[v], node(static_cast<std::int32_t>(v)) + " has supply " + std::to_string(supply[v]) +
                                                ": without a super source every node with a supply is a mentee and supplies 1"));
      role[v] = Role::mentee;
    }
  } else {
    role[static_cast<std::size_t>(source)] = Role::source;
    source_cost.assign(un, 0);
    std::int64_t unit_arcs = 0;
    for (std::size_t k = 0; k < arcs.size(); ++k) {
      if (arcs.from[k] != source || supply_of(arcs.to[k]) != 0) continue;
      const StoredArc a = arcs[k];
      const auto h = static_cast<std::size_t>(a.to);
      if (a.capacity != 1)
        return fail(at_line(line_of_arc(path, k), "the arc from the super source to " + node(a.to) + " has capacity " + std::to_string(a.capacity) +
                                        ": each mentee receives one unit (capacity 1)"));
      if (role[h] == Role::mentee) return fail(at_line(line_of_arc(path, k), "a second arc from the super source to " + node(a.to)));
      role[h] = Role::mentee;
      source_cost[h] = a.cost;
      ++unit_arcs;
    }
    if (unit_arcs != supply_of(source))
      return fail(at_line(node_line(source), "the super source supplies " + std::to_string(supply_of(source)) + " units but has unit arcs to " +
                                                 std::to_string(unit_arcs) + " mentees: it must send one unit to each mentee"));
  }
  std::vector<std::uint8_t> fed_by_transit(un, 0);  // a node with a demand that a non-mentee node sends to
  std::vector<std::uint8_t> fed_by_mentee(un, 0);
  // Per mentee node: its arcs that carry flow (to mentors or the sink), to size its pair list.
  std::vector<std::uint32_t> mentee_arcs(un, 0);
  for (std::size_t k = 0; k < arcs.size(); ++k) {
    const auto t = static_cast<std::size_t>(arcs.from[k]), h = static_cast<std::size_t>(arcs.to[k]);
    if (role[t] == Role::mentee) {
      if (role[h] == Role::mentee || role[h] == Role::source)
        return fail(at_line(line_of_arc(path, k), "arc from mentee " + std::to_string(t) + " to " + role_name(role[h]) + " (" +
                                              node(arcs.to[k]) + ")"));
      if (supply[h] == 0) role[h] = Role::mentor;
      else fed_by_mentee[h] = 1;
      if (arcs.capacity[k] > 0) ++mentee_arcs[t];
    } else if (supply[t] == 0 && supply[h] < 0) {  // t is not a mentee: a mentor, or a stray node
      fed_by_transit[h] = 1;
    }
  }
  std::int32_t sink = 0;
  for (std::size_t v = 1; v < un; ++v) {
    if (!fed_by_transit[v]) continue;
    if (sink != 0)
      return fail(at_line(supply_line[v], "mentors send to two sinks (" + node(sink) + " and " + node(static_cast<std::int32_t>(v)) +
                                              "): an assignment has one"));
    sink = static_cast<std::int32_t>(v);
    role[v] = Role::sink;
  }
  for (std::size_t v = 1; v < un; ++v) {
    if (supply[v] >= 0 || role[v] == Role::sink) continue;
    const std::string name = node(static_cast<std::int32_t>(v));
    if (!fed_by_mentee[v]) {
      // A mentor with whom every pair is forbidden. Harmless when demands are upper bounds; when
      // they must be met exactly (demands = supplies), nothing can meet this one.
      if (total_supply == 0)
        return fail(at_line(supply_line[v], name + " has a demand of " + std::to_string(-supply[v]) +
                                                " but nothing sends to it, and demands equal to the supplies must be met"));
      continue;
    }
    if (sink != 0)
      return fail(at_line(supply_line[v], name + " takes arcs from mentees and has a demand while " + node(sink) +
                                              " is the sink: use one form (mentors into a sink, or mentors with demands)"));
    role[v] = Role::demand_mentor;
  }
  // Supplies must be met exactly (each mentee sends its unit). Demands are met exactly when they
  // add up to the supplies; when they add up to more, each is the most its node takes (a mentor's
  // places), which is how a capacitated assignment with mentor demands is written.
  if (total_supply > 0)
    return fail(at_line(problem_line, "the supplies exceed the demands by " + std::to_string(total_supply) +
                                          ": no flow can send every supply"));
  // Every unit ends in the sink (matched or not), so its demand must cover them all (a smaller one
  // would cap the mentors together, which an assignment cannot say).
  std::int64_t units = 0;
  for (std::size_t v = 1; v < un; ++v) units += std::max<std::int64_t>(0, supply[v]);
  if (sink != 0 && -supply_of(sink) < units)
    return fail(at_line(node_line(sink), "the sink's demand " + std::to_string(-supply_of(sink)) + " is less than the " +
                                             std::to_string(units) + " units supplied"));

  // ---- 3. Mentee and mentor numbers, then every arc checked against its role and used. ----
  std::vector<std::int32_t> index(un, -1);
  int left = 0, right = 0;
  for (std::size_t v = 1; v < un; ++v) {
    if (role[v] == Role::mentee) index[v] = left++;
    else if (role[v] == Role::mentor || role[v] == Role::demand_mentor) index[v] = right++;
  }
  auto& P = out.problem;
  P.left = left;
  P.right = right;
  P.capacity.assign(static_cast<std::size_t>(right), 0);
  for (std::size_t v = 1; v < un; ++v)
    if (role[v] == Role::demand_mentor) P.capacity[static_cast<std::size_t>(index[v])] = static_cast<std::int32_t>(-supply[v]);
  // A mentee's pairs go straight into the problem's CSR arrays, sized by the count above (which
  // also counts its arcs to the sink: `fill` marks where each list really ends).
  P.offset.assign(static_cast<std::size_t>(left) + 1, 0);
  for (std::size_t v = 1; v < un; ++v)
    if (role[v] == Role::mentee) P.offset[static_cast<std::size_t>(index[v]) + 1] = mentee_arcs[v];
  mentee_arcs = std::vector<std::uint32_t>();
  for (int i = 0; i < left; ++i) P.offset[static_cast<std::size_t>(i) + 1] += P.offset[static_cast<std::size_t>(i)];
  P.target.resize(P.offset.back());
  P.profit.resize(P.offset.back());  // holds the arc's cost until the profits are known
  std::vector<std::uint32_t> fill(P.offset.begin(), P.offset.end() - 1);
  constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> opt_out(static_cast<std::size_t>(left), kNone);  // cheapest mentee -> sink arc
  std::vector<std::int64_t> mentor_cost(static_cast<std::size_t>(right), 0);   // per unit into the sink
  std::vector<std::size_t> mentor_cost_arc(static_cast<std::size_t>(right), 0);  // 1 + the arc that set it
  std::int64_t bypass = kNone;  // source -> sink: lets any mentee go unmatched at that cost
  for (std::size_t k = 0; k < arcs.size(); ++k) {
    const StoredArc a = arcs[k];
    const auto t = static_cast<std::size_t>(a.from), h = static_cast<std::size_t>(a.to);
    const Role from = role[t], to = role[h];
    if (from == Role::source && to == Role::mentee) continue;  // read above
    if (from == Role::source && to == Role::sink) {
      if (a.capacity < supply_of(source))
        return fail(at_line(line_of_arc(path, k), "the arc from the super source to the sink has capacity " + std::to_string(a.capacity) +
                                        ", less than the source's supply: it would force some mentees to be matched, which "
                                        "an assignment cannot say"));
      bypass = std::min(bypass, a.cost);
    } else if (from == Role::mentee && (to == Role::mentor || to == Role::demand_mentor)) {
      if (a.capacity == 0) continue;  // an arc that carries nothing
      auto& slot = fill[static_cast<std::size_t>(index[t])];
      P.target[slot] = index[h];
      P.profit[slot] = a.cost;
      ++slot;
    } else if (from == Role::mentee && to == Role::sink) {
      if (a.capacity > 0) opt_out[static_cast<std::size_t>(index[t])] = std::min(opt_out[static_cast<std::size_t>(index[t])], a.cost);
    } else if (from == Role::mentor && to == Role::sink) {
      if (a.capacity == 0) continue;
      const auto j = static_cast<std::size_t>(index[t]);
      // Several arcs of one mentor to the sink add places; at different costs they would make
      // the mentor's cost per place depend on how many it takes, which an assignment cannot say.
      if (mentor_cost_arc[j] != 0 && mentor_cost[j] != a.cost)
        return fail(at_line(line_of_arc(path, k), "mentor " + node(a.from) + " already sends to the sink at cost " + std::to_string(mentor_cost[j]) +
                                        " (line " + std::to_string(line_of_arc(path, mentor_cost_arc[j] - 1)) +
                                        "): its arcs to the sink must cost the same"));
      mentor_cost[j] = a.cost;
      mentor_cost_arc[j] = k + 1;
      P.capacity[j] = static_cast<std::int32_t>(std::min<std::int64_t>(std::int64_t{P.capacity[j]} + a.capacity, std::int64_t{1} << 30));
    } else if (from == Role::none && to == Role::sink) {
      continue;  // a mentor no mentee may be paired with (every pair forbidden): its places stay empty
    } else if (from == Role::sink) {
      return fail(at_line(line_of_arc(path, k), "an arc leaves the sink (" + node(a.from) + "): flow ends there"));
    } else if (from == Role::demand_mentor) {
      return fail(at_line(line_of_arc(path, k), "an arc leaves " + node(a.from) + ", a mentor with a demand: its flow ends there"));
    } else {
      return fail(at_line(line_of_arc(path, k), "an arc from " + node(a.from) + " (" + role_name(from) + ") to " + node(a.to) + " (" + role_name(to) +
                                      ") does not fit an assignment (super source -> mentees -> mentors -> sink)"));
    }
  }
  arcs = ArcColumns();

  // ---- 4. Costs to profits. A pair costs its arc plus the mentee's arc from the source plus the
  // mentor's arc to the sink; staying unmatched costs the cheaper of the mentee's arc to the sink
  // (after its source arc) and the bypass. Profit = (cost unmatched) - (cost of the pair); a mentee
  // with no way to stay unmatched gets a big M instead, larger than any sum of cost differences.
  out.null_cost.assign(static_cast<std::size_t>(left), 0);
  out.must_match.assign(static_cast<std::size_t>(left), true);
  std::int64_t max_abs = 0, max_null = 0;
  for (std::size_t v = 1; v < un; ++v) {
    if (role[v] != Role::mentee) continue;
    const auto i = static_cast<std::size_t>(index[v]);
    const std::int64_t src = source ? source_cost[v] : 0;
    std::int64_t best = bypass;
    if (opt_out[i] != kNone) best = std::min(best, src + opt_out[i]);
    if (best != kNone) {
      out.must_match[i] = false;
      out.null_cost[i] = best;
      max_null = std::max(max_null, best < 0 ? -best : best);
    }
    for (auto e = P.offset[i]; e < fill[i]; ++e) {
      P.profit[e] += src + mentor_cost[static_cast<std::size_t>(P.target[e])];
      max_abs = std::max(max_abs, P.profit[e] < 0 ? -P.profit[e] : P.profit[e]);
    }
  }
  const bool any_must_match = std::find(out.must_match.begin(), out.must_match.end(), true) != out.must_match.end();
  // The solver adds up to one profit (at most M + max_abs + max_null) per mentee: the sum must
  // stay within 64 bits. Checked in floating point with a wide margin, then computed exactly.
  const double people = static_cast<double>(left) + 1;
  const double offset_estimate = (2.0 * static_cast<double>(max_abs) + 2.0 * static_cast<double>(max_null) + 1) * people;
  if (any_must_match &&
      (offset_estimate + static_cast<double>(max_abs) + static_cast<double>(max_null)) * people > 0x1p61)
    return fail("the costs are too large to solve exactly in 64-bit arithmetic with mentees who must be matched");
  out.offset_profit = any_must_match ? (2 * max_abs + 2 * max_null + 1) * (std::int64_t{left} + 1) : 0;
  std::uint32_t kept = 0;
  for (int i = 0; i < left; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const std::int64_t base = out.must_match[ui] ? out.offset_profit : out.null_cost[ui];
    const std::uint32_t begin = P.offset[ui], end = fill[ui];
    P.offset[ui] = kept;
    for (auto e = begin; e < end; ++e) {
      const std::int64_t profit = base - P.profit[e];
      // Never better than staying unmatched, or a mentor without places (no flow can use it).
      if (profit <= 0 || P.capacity[static_cast<std::size_t>(P.target[e])] <= 0) continue;
      P.target[kept] = P.target[e];
      P.profit[kept] = profit;
      ++kept;
    }
  }
  P.offset[static_cast<std::size_t>(left)] = kept;
  P.target.resize(kept);
  P.profit.resize(kept);
  out.ok = true;
  return out;
}

DimacsResult solve_dimacs_file(const std::string& path, const PricedOptions& options) {
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
  const AssignmentSolution s = solve_priced(in.problem, &res.stats, options);
  res.certified = res.stats.certified;
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
