#include <doctest/doctest.h>

#include "core/checks/expectations.hpp"
#include "core/checks/smart.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

bool has(const std::vector<SmartIssue>& issues, SmartIssueKind kind) {
  for (const auto& i : issues)
    if (i.kind == kind) return true;
  return false;
}

Meeting meeting(const std::string& pairing_id, const std::string& date, int minutes) {
  Meeting m;
  m.pairing_id = pairing_id;
  m.date = date;
  m.length_minutes = minutes;
  return m;
}

Pairing active_since(const std::string& date) {
  Pairing p;
  p.meta.id = "p";
  p.history = {{PairingStatus::proposed, date, Actor::coordinator, ""},
               {PairingStatus::requested, date, Actor::coordinator, ""},
               {PairingStatus::accepted, date, Actor::mentor, ""},
               {PairingStatus::active, date, Actor::coordinator, ""}};
  return p;
}

Scheme preset(SchemePreset which) {
  SequentialIdGenerator ids;
  FixedClock clock("2024-01-01T00:00:00Z");
  return make_preset(which, ids, clock);
}

}  // namespace

TEST_CASE("SMART: a complete objective passes") {
  Objective o;
  o.statement = "Submit one conference abstract on the KT project";
  o.measure = "abstract submitted";
  o.due_date = "2024-09-30";
  CHECK(check_smart(o, "2024-03-01").empty());
}

TEST_CASE("SMART: says what is missing: measure, due date, past date, vague wording") {
  Objective o;
  o.statement = "Get better at things";
  auto issues = check_smart(o, "2024-03-01");
  CHECK(has(issues, SmartIssueKind::no_measure));
  CHECK(has(issues, SmartIssueKind::no_due_date));
  CHECK(has(issues, SmartIssueKind::vague_wording));
  for (const auto& i : issues)
    if (i.kind == SmartIssueKind::vague_wording) CHECK(i.message.find("\"better\"") != std::string::npos);

  o.measure = "two presentations given";
  o.due_date = "2024-02-01";
  issues = check_smart(o, "2024-03-01");
  CHECK(has(issues, SmartIssueKind::due_date_past));
  CHECK_FALSE(has(issues, SmartIssueKind::no_due_date));
  o.status = ObjectiveStatus::achieved;  // a met objective is not late
  CHECK_FALSE(has(check_smart(o, "2024-03-01"), SmartIssueKind::due_date_past));
  Objective empty;
  CHECK(has(check_smart(empty, "2024-03-01"), SmartIssueKind::no_statement));
}

TEST_CASE("Co-production: 3 meetings of at least 30 minutes; short ones do not count") {
  Scheme s = preset(SchemePreset::coproduction);  // 3 meetings over at least 12 weeks
  Pairing p = active_since("2024-01-01");
  std::vector<Meeting> ms = {meeting("p", "2024-01-10", 45), meeting("p", "2024-02-10", 20)};
  auto r = check_expectations(s, p, ms, "2024-04-01");  // past 12 weeks: all 3 due
  CHECK(r.status == ExpectationStatus::behind);
  REQUIRE_FALSE(r.reasons.empty());
  CHECK(r.reasons[0] == "1 of 3 meetings of at least 30 minutes (1 shorter meeting(s) not counted); 3 expected by 2024-04-01");
  ms.push_back(meeting("p", "2024-02-20", 30));
  ms.push_back(meeting("p", "2024-03-20", 60));
  r = check_expectations(s, p, ms, "2024-04-01");
  CHECK(r.status == ExpectationStatus::on_track);
  // Early on, fewer meetings are expected.
  CHECK(check_expectations(s, p, {meeting("p", "2024-01-10", 45)}, "2024-02-01").status == ExpectationStatus::on_track);
}

TEST_CASE("Cochrane: 60-90 minutes a month, reason names the month") {
  Scheme s = preset(SchemePreset::cochrane_kt);
  Pairing p = active_since("2024-01-01");
  std::vector<Meeting> ms = {meeting("p", "2024-01-10", 60), meeting("p", "2024-02-05", 30),
                             meeting("p", "2024-03-05", 90)};
  auto r = check_expectations(s, p, ms, "2024-04-02");
  CHECK(r.status == ExpectationStatus::behind);
  REQUIRE(r.reasons.size() == 1);
  CHECK(r.reasons[0] == "February 2024: 30 minutes, expected at least 60");
  ms.push_back(meeting("p", "2024-02-20", 30));
  CHECK(check_expectations(s, p, ms, "2024-04-02").status == ExpectationStatus::on_track);
}

TEST_CASE("MRC CTU LMIC: at least two meetings a year") {
  Scheme s = preset(SchemePreset::mrc_ctu_lmic);
  Pairing p = active_since("2023-01-01");
  auto r = check_expectations(s, p, {meeting("p", "2023-03-01", 60)}, "2024-01-15");
  CHECK(r.status == ExpectationStatus::behind);
  CHECK(r.reasons[0].find("1 online meeting(s) in the last 12 months; at least 2 a year expected") == 0);
  r = check_expectations(s, p, {meeting("p", "2023-03-01", 60), meeting("p", "2023-09-01", 60)}, "2023-12-31");
  CHECK(r.status == ExpectationStatus::on_track);
  // Seven months in, one meeting is enough.
  CHECK(check_expectations(s, p, {meeting("p", "2023-03-01", 60)}, "2023-08-01").status == ExpectationStatus::on_track);
}

TEST_CASE("expectations are not judged before a pairing is active or for schemes without any") {
  Scheme s = preset(SchemePreset::coproduction);
  Pairing p;
  p.history = {{PairingStatus::proposed, "2024-01-01", Actor::coordinator, ""}};
  CHECK(check_expectations(s, p, {}, "2024-06-01").status == ExpectationStatus::not_started);
  CHECK(check_expectations(preset(SchemePreset::kind), active_since("2024-01-01"), {}, "2024-06-01").status ==
        ExpectationStatus::not_applicable);
}

TEST_CASE("IKT intake needs only e-mail, role and the three criteria") {
  Scheme s = preset(SchemePreset::ikt);
  Person p;
  p.email = "x@y.org";
  p.roles = {Role::mentee};
  CHECK(missing_intake_fields(s, p) == std::vector<std::string>{"country", "topics", "experience_years"});
  p.country = "UK";
  p.topics = {"arts"};
  p.experience_years = 2;
  CHECK(missing_intake_fields(s, p).empty());
}
