// The fast scoring kernels (16-bit and 32-bit lanes, interned keys) against the reference scorer
// on messy cohorts built from records: names, topics, languages, countries and organisations in
// several scripts and spellings, odd time-zone offsets, missing fields, line managers, rankings.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/matching/from_records.hpp"
#include "core/matching/row_scorer.hpp"

using namespace pairwise;
using namespace pairwise::matching;

namespace {

template <class T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[rng() % v.size()];
}

// A cohort of `people` under the Cochrane KT preset (its criteria and hard rules), seeded.
MatchingInput messy_cohort(unsigned seed, int people) {
  std::mt19937 rng(seed);
  FixedClock clock{"2024-05-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  Scheme scheme = make_preset(SchemePreset::cochrane_kt, ids, clock);
  scheme.matching_mode = MatchingMode::coordinator;
  REQUIRE(ws.save(scheme));
  const std::vector<std::string> names = {"Zoë Ångström", "Παναγιώτης Οικονόμου", "Юлия Соколова", "李小龍", "محمد الأمين",
                                          "Nguyễn Thị Hương", "O'Brien-Smith", "  Kwame  Mensah ", "שרה לוי", "Łukasz Żółć"};
  const std::vector<std::string> topics = {"Implementation", "implementation ", "Évaluation", "EVALUATION", "Systematic reviews",
                                           "Обзоры", "系统评价", "المراجعات المنهجية", "Knowledge translation", "Ärztliche Leitlinien",
                                           "knowledge  translation", "Σύνθεση τεκμηρίων"};
  const std::vector<std::string> languages = {"English", "english", "Español", "ESPAÑOL", "Français", "Русский", "中文",
                                              "العربية", "Português", "Deutsch"};
  const std::vector<std::string> countries = {"GB", "gb", "ES", "RU", "CN", "EG", "BR", "VN", ""};
  const std::vector<std::string> regions = {"Europe", "europe", "Americas", "Asia", "Africa", "Ασία", ""};
  const std::vector<std::string> orgs = {"Cochrane Iberoamerica", "cochrane iberoamerica ", "Университет", "大学", "", "",
                                         "جامعة القاهرة", "NHS"};
  std::vector<std::string> emails;
  for (int k = 0; k < people; ++k) {
    Person p;
    p.scheme_id = scheme.meta.id;
    p.email = "p" + std::to_string(k) + "@x" + std::to_string(rng() % 5) + ".org";
    p.name = pick(rng, names) + " " + std::to_string(k);
    const unsigned r = rng() % 10;
    p.roles = r < 6 ? std::vector<Role>{Role::mentee} : (r < 9 ? std::vector<Role>{Role::mentor} : std::vector<Role>{Role::mentee, Role::mentor});
    for (unsigned t = rng() % 4; t > 0; --t) p.topics.push_back(pick(rng, topics));
    for (unsigned l = rng() % 3; l > 0; --l) p.languages.push_back(pick(rng, languages));
    p.country = pick(rng, countries);
    p.region = pick(rng, regions);
    if (rng() % 6 != 0) p.utc_offset_minutes = static_cast<int>(rng() % 1561) - 720;  // any minute (-720..840), or unknown
    if (rng() % 5 != 0) p.experience_years = static_cast<int>(rng() % 45);
    p.organisation = pick(rng, orgs);
    p.face_to_face = rng() % 3 == 0;
    p.capacity = 1 + static_cast<int>(rng() % 3);
    if (!emails.empty() && rng() % 5 == 0) p.line_manager_email = pick(rng, emails);
    for (unsigned q = emails.empty() ? 0 : rng() % 3; q > 0; --q) p.preferences.push_back(pick(rng, emails));
    emails.push_back(p.email);
    const auto saved = ws.save(p);
    INFO(saved.error_text());
    REQUIRE(saved);
  }
  scheme = *ws.find<Scheme>(scheme.meta.id);
  return matching_input_from_records(ws, scheme).input;
}

void check_kernels(const MatchingInput& in, bool expect_narrow) {
  const Scorer sc(in.mentees, in.mentors, in.criteria, in.forbidden);
  const RowScorer rs(sc);
  REQUIRE(rs.vectorised());
  CHECK(rs.narrow() == expect_narrow);
  const int n = sc.mentee_count(), m = sc.mentor_count();
  REQUIRE(n > 10);
  REQUIRE(m > 10);
  std::vector<std::int64_t> out(static_cast<std::size_t>(m) + 8);
  std::vector<std::int32_t> q(static_cast<std::size_t>(m) + 8, 0), never(static_cast<std::size_t>(m) + 8, 1 << 30);
  std::vector<std::int32_t> pos(static_cast<std::size_t>(m)), score(static_cast<std::size_t>(m));
  long long allowed = 0;
  for (int i = 0; i < n; ++i) {
    rs.row(i, rs.all(), 0, m, out.data());
    // every allowed pair comes out of hits() with a threshold below any reduced profit
    const int count = rs.hits(i, rs.all(), 0, m, q.data(), -1, never.data(), pos.data(), score.data());
    int h = 0;
    for (int j = 0; j < m; ++j) {
      const std::int64_t s = sc.base_score(i, j);
      REQUIRE(out[static_cast<std::size_t>(j)] == s);
      if (s < 0) continue;
      ++allowed;
      REQUIRE(h < count);
      REQUIRE(pos[static_cast<std::size_t>(h)] == j);
      REQUIRE(score[static_cast<std::size_t>(h)] == s);
      ++h;
    }
    REQUIRE(h == count);
  }
  CHECK(allowed > 0);
}

}  // namespace

TEST_CASE("fast kernels equal the reference scorer on messy cohorts from records, several seeds and scripts") {
  for (const unsigned seed : {1u, 7u, 42u, 2024u, 31337u}) {
    CAPTURE(seed);
    MatchingInput in = messy_cohort(seed, 90);
    check_kernels(in, true);  // the preset's scores fit 16 bits
    // Every criterion weighted (at most 40: still 16 bits), some hard, a minimum score.
    std::mt19937 rng(seed);
    for (auto& r : in.criteria.rules) {
      r.weight = static_cast<std::int32_t>(rng() % 41);
      r.hard = rng() % 4 == 0;
      r.min_value = static_cast<std::int32_t>(1 + rng() % 100);
    }
    in.criteria.minimum_score = 1 + static_cast<std::int64_t>(rng() % 3000);
    in.criteria.forbid_line_management = true;
    check_kernels(in, true);
    // The same cohort with weights too large for 16 bits: the 32-bit lanes give the same scores.
    for (auto& r : in.criteria.rules) r.weight *= 40;
    check_kernels(in, false);
  }
}
