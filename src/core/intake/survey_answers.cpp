#include "core/intake/survey_answers.hpp"

#include <algorithm>
#include <cstdio>

#include "core/records/text_fold.hpp"
#include "core/records/timestamps.hpp"

namespace pairwise {

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : fold_text(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0x80)) {
      w += c;
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<Role> roles_in_answer(const std::string& answer) {
  std::string text = answer;
  const auto words = words_of(text);
  if (words.empty()) return {};
  if (words.front() == "both") return {Role::mentor, Role::mentee};
  // "Mentee (I would like a mentor)": what comes before the brackets is the answer.
  if (auto open = text.find('('); open != std::string::npos && open > 0) {
    const auto before = words_of(text.substr(0, open));
    if (std::any_of(before.begin(), before.end(), [](const std::string& w) {
          return w == "mentor" || w == "mentee" || w == "mentors" || w == "mentees";
        }))
      text = text.substr(0, open);
  }
  std::vector<Role> roles;
  for (const auto& w : words_of(text)) {
    if (w == "mentor" || w == "mentors" || w == "mentoring") roles.push_back(Role::mentor);
    if (w == "mentee" || w == "mentees") roles.push_back(Role::mentee);
    if (w == "both") return {Role::mentor, Role::mentee};
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

std::optional<bool> yes_no_answer(const std::string& answer) {
  const auto words = words_of(answer);
  const std::string t = fold_text(trim(answer));
  if (t == "1" || t == "x" || t == "true") return true;
  if (t == "0" || t == "false") return false;
  if (words.empty()) return std::nullopt;
  if (words.front() == "yes" || words.front() == "y") return true;
  if (words.front() == "no" || words.front() == "n") return false;
  return std::nullopt;
}

std::optional<NumberAnswer> number_in_answer(const std::string& answer) {
  const std::string t = trim(answer);
  std::size_t i = 0;
  while (i < t.size() && !is_digit(t[i])) ++i;
  if (i == t.size()) return std::nullopt;
  // "-3" is not a count of anything: a minus right before the digits is refused.
  if (i > 0 && t[i - 1] == '-') return std::nullopt;
  long long v = 0;
  std::size_t j = i;
  while (j < t.size() && is_digit(t[j]) && v < 100000000) v = v * 10 + (t[j++] - '0');
  NumberAnswer out;
  out.value = static_cast<int>(v);
  // Only "N" (and "N years"/"N mentees", the unit the question asked for) is plain.
  std::string rest = trim(t.substr(j));
  const auto rest_words = words_of(rest);
  const bool plain_unit = rest_words.size() == 1 && rest == rest_words.front() &&
                          (rest_words.front() == "years" || rest_words.front() == "year" ||
                           rest_words.front() == "mentees" || rest_words.front() == "mentee");
  if (i > 0 || !(rest.empty() || plain_unit))
    out.note = "\"" + t + "\" was read as " + std::to_string(out.value);
  return out;
}

std::vector<std::string> list_in_answer(const std::string& answer, const std::string& separators, bool split_on_and,
                                        const std::vector<std::string>& known) {
  std::vector<std::string> out;
  std::vector<std::string> known_folded;
  for (const auto& k : known) known_folded.push_back(fold_text(trim(k)));
  const std::string folded = fold_text(answer);
  // fold_text keeps byte offsets only for ASCII; match known items on folded text when the lengths agree.
  const bool can_match_known = folded.size() == answer.size();
  auto is_sep_at = [&](std::size_t i, std::size_t* len) {
    if (answer[i] == '\n' || answer[i] == '\r' || separators.find(answer[i]) != std::string::npos) {
      *len = 1;
      return true;
    }
    if (split_on_and && answer.compare(i, 5, " and ") == 0) {
      *len = 5;
      return true;
    }
    if (split_on_and && answer.compare(i, 5, " And ") == 0) {
      *len = 5;
      return true;
    }
    return false;
  };
  std::size_t i = 0;
  while (i < answer.size()) {
    std::size_t len = 0;
    if (is_sep_at(i, &len) || answer[i] == ' ' || answer[i] == '\t') {
      i += len ? len : 1;
      continue;
    }
    std::size_t end = std::string::npos;
    if (can_match_known) {
      std::size_t best = 0;
      for (const auto& k : known_folded) {
        if (k.empty() || k.size() <= best || folded.compare(i, k.size(), k) != 0) continue;
        std::size_t after = i + k.size(), l = 0;
        bool boundary = after == answer.size() || is_sep_at(after, &l);
        while (!boundary && after < answer.size() && answer[after] == ' ') ++after;
        boundary = boundary || after == answer.size() || is_sep_at(after, &l);
        if (boundary) best = k.size();
      }
      if (best) end = i + best;
    }
    if (end == std::string::npos) {
      end = i;
      while (end < answer.size() && !is_sep_at(end, &len)) ++end;
    }
    const std::string item = trim(answer.substr(i, end - i));
    if (!item.empty()) out.push_back(item);
    i = end;
  }
  return out;
}

namespace {

struct DateParts {
  int a = 0, b = 0, year = 0;  // slashed: a/b/year; ISO: a = month, b = day
  bool iso = false;
  int hour = 0, minute = 0, second = 0;
};

bool read_int(const std::string& s, std::size_t& i, int& out, std::size_t max_digits) {
  const std::size_t start = i;
  out = 0;
  while (i < s.size() && is_digit(s[i]) && i - start < max_digits) out = out * 10 + (s[i++] - '0');
  return i > start;
}

std::optional<DateParts> parse_parts(const std::string& text) {
  const std::string t = trim(text);
  DateParts p;
  std::size_t i = 0;
  int first = 0;
  if (!read_int(t, i, first, 4)) return std::nullopt;
  if (i >= t.size()) return std::nullopt;
  const char sep = t[i];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  ++i;
  int second = 0, third = 0;
  if (!read_int(t, i, second, 2) || i >= t.size() || t[i] != sep) return std::nullopt;
  ++i;
  if (!read_int(t, i, third, 4)) return std::nullopt;
  if (first >= 1000) {  // year first: ISO order (2024-05-01, 2024/05/01)
    p.iso = true;
    p.year = first;
    p.a = second;
    p.b = third;
  } else {
    if (third < 100) third += 2000;  // "5/1/24"
    p.a = first;
    p.b = second;
    p.year = third;
  }
  // Time of day, if any: " 10:23:11 AM", "T10:23:11Z", " 9:03".
  while (i < t.size() && (t[i] == ' ' || t[i] == 'T' || t[i] == ',')) ++i;
  if (i < t.size() && is_digit(t[i])) {
    if (!read_int(t, i, p.hour, 2)) return std::nullopt;
    if (i < t.size() && t[i] == ':') {
      ++i;
      read_int(t, i, p.minute, 2);
      if (i < t.size() && t[i] == ':') {
        ++i;
        read_int(t, i, p.second, 2);
      }
    }
    while (i < t.size() && t[i] == '.') {  // fractions of a second
      ++i;
      while (i < t.size() && is_digit(t[i])) ++i;
    }
    while (i < t.size() && t[i] == ' ') ++i;
    const std::string rest = t.substr(i);
    if (rest.rfind("PM", 0) == 0 || rest.rfind("pm", 0) == 0) {
      if (p.hour < 12) p.hour += 12;
    } else if (rest.rfind("AM", 0) == 0 || rest.rfind("am", 0) == 0) {
      if (p.hour == 12) p.hour = 0;
    }
  }
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return std::nullopt;
  return p;
}

}  // namespace

DateOrderDecision decide_date_order(const std::vector<std::string>& values) {
  DateOrderDecision d;
  bool day_first = false, month_first = false, slashed = false;
  for (const auto& v : values) {
    auto p = parse_parts(v);
    if (!p || p->iso) continue;
    slashed = true;
    if (p->a > 12 && p->b <= 12) day_first = true;
    if (p->b > 12 && p->a <= 12) month_first = true;
  }
  if (day_first && month_first) d.contradictory = true;
  else if (day_first) d.order = DateOrder::day_first;
  else if (month_first) d.order = DateOrder::month_first;
  else d.ambiguous = slashed;
  return d;
}

std::optional<std::string> time_in_answer(const std::string& answer, DateOrder order) {
  auto p = parse_parts(answer);
  if (!p) return std::nullopt;
  int month = p->a, day = p->b;
  if (!p->iso) {
    if (order == DateOrder::automatic) {
      // Only a value that reads one way is safe without knowing the column's order.
      if (p->a > 12 && p->b <= 12) order = DateOrder::day_first;
      else if (p->b > 12 && p->a <= 12) order = DateOrder::month_first;
      else if (p->a == p->b) order = DateOrder::month_first;
      else return std::nullopt;
    }
    if (order == DateOrder::day_first) std::swap(month, day);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", p->year, month, day, p->hour, p->minute,
                p->second);
  const std::string out = buf;
  if (!is_valid_date(out.substr(0, 10))) return std::nullopt;
  return out;
}

}  // namespace pairwise
