#pragma once
// Helpers for the scheme scenarios: a scripted cohort goes from application files through the
// core (import, matching, lifecycle, agreement, meetings, objectives, reports) and, natively,
// through the command-line tool on a backup file, as a coordinator would run it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/checks/scheme_rules.hpp"
#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "core/matching/from_records.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/presets/presets.hpp"

#include "../core/cli_runner.hpp"

namespace pairwise::scenario {

struct Cohort {
  FixedClock clock{"2024-01-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  std::string scheme_id;

  explicit Cohort(SchemePreset preset) {
    Scheme s = make_preset(preset, ids, clock);
    scheme_id = s.meta.id;
    REQUIRE(ws.save(s));
  }
  const Scheme& scheme() const { return *ws.find<Scheme>(scheme_id); }

  // Imports application files (as applicants export them) into the scheme, all or nothing.
  void import_applications(const std::vector<Person>& people) {
    std::vector<InputFile> files;
    for (const Person& p : people) {
      Person copy = p;
      copy.meta = new_meta(ids, clock);
      files.push_back({p.email + ".json", write_document(ApplicationDocument{copy, scheme().name}, clock.now())});
    }
    ImportOptions options;
    options.scheme_id = scheme_id;
    auto preview = preview_import(ws, files, options);
    INFO(join_errors(preview.errors));
    REQUIRE(preview.can_apply());
    REQUIRE(apply_import(ws, preview));
  }

  // Runs the scheme's matching and records each proposal as a pairing; returns mentee -> mentor.
  std::map<std::string, std::string> match_and_propose(const std::string& date) {
    auto built = matching::matching_input_from_records(ws, scheme());
    matching::Matcher matcher(built.input);
    const auto& result = matcher.run();
    std::map<std::string, std::string> proposed;
    for (const auto& pair : result.pairs) {
      const auto& mentee = built.input.mentees[static_cast<std::size_t>(pair.mentee)];
      const auto& mentor = built.input.mentors[static_cast<std::size_t>(pair.mentor)];
      REQUIRE(ws.save(make_pairing(ws.new_meta(), scheme_id, mentor.email, mentee.email, date)));
      proposed[normalize_email(mentee.email)] = normalize_email(mentor.email);
    }
    return proposed;
  }

  std::string pairing_of(const std::string& mentor, const std::string& mentee) const {
    const std::string id = find_pairing_id(ws, mentor, mentee);
    REQUIRE_MESSAGE(!id.empty(), mentor, " / ", mentee);
    return id;
  }

  void move(const std::string& pairing_id, PairingStatus to, const std::string& date, Actor by,
            const std::string& reason = "") {
    auto r = ws.transition_pairing(pairing_id, {to, date, by, reason, 0});
    INFO(r.error_text());
    REQUIRE(r.ok());
  }

  // proposed -> requested -> accepted -> active on the given dates.
  void start(const std::string& pairing_id, const std::string& requested, const std::string& accepted,
             const std::string& active) {
    move(pairing_id, PairingStatus::requested, requested, Actor::coordinator);
    move(pairing_id, PairingStatus::accepted, accepted, Actor::mentor);
    move(pairing_id, PairingStatus::active, active, Actor::coordinator);
  }

  void sign_agreement(const std::string& pairing_id, const std::string& mentor_date, const std::string& mentee_date) {
    // One agreement per pair, signed in turn: the second signature updates the same record.
    Agreement a = ws.agreement_of(pairing_id) ? *ws.agreement_of(pairing_id) : Agreement{};
    a.pairing_id = pairing_id;
    a.confidentiality = "What we discuss stays confidential";
    a.meeting_frequency = "monthly";
    a.short_term_objectives = "first abstract";
    // Each consent is given to these words (format v4: a consent records their digest).
    a.mentor_consent = {"Mentor", mentor_date, mentor_date.empty() ? "" : terms_digest(a)};
    a.mentee_consent = {"Mentee", mentee_date, mentee_date.empty() ? "" : terms_digest(a)};
    REQUIRE(ws.save(a));
  }

  void meet(const std::string& pairing_id, const std::string& date, int minutes, MeetingMode mode = MeetingMode::video) {
    auto started = ws.start_meeting(pairing_id, date);
    REQUIRE(started);
    Meeting m = *ws.find<Meeting>(started->upserts.front().id);
    m.length_minutes = minutes;
    m.mode = mode;
    m.topic = "Topic";
    m.goal = "Goal";
    m.reality = "Reality";
    m.options = "Options";
    m.way_forward = "Way forward";
    REQUIRE(ws.save(m));
  }

  void objective(const std::string& pairing_id, const std::string& statement, const std::string& measure,
                 const std::string& due, ObjectiveStatus status = ObjectiveStatus::in_progress) {
    Objective o;
    o.pairing_id = pairing_id;
    o.statement = statement;
    o.measure = measure;
    o.due_date = due;
    o.status = status;
    REQUIRE(ws.save(o));
  }

  void feedback(const std::string& pairing_id, const std::string& from, Role role, const std::string& date,
                bool end_of_relationship) {
    Feedback f;
    f.scheme_id = scheme_id;
    f.pairing_id = pairing_id;
    f.from_email = from;
    f.from_role = role;
    f.date = date;
    f.end_of_relationship = end_of_relationship;
    f.ratings = {{"overall", 4}};
    REQUIRE(ws.save(f));
  }

  // The pair's progress report as the coordinator receives it: written, read back, imported.
  ProgressReport progress_report(const std::string& pairing_id, const std::string& today) {
    auto report = make_progress_report(ws, pairing_id, today);
    REQUIRE(report);
    auto back = read_document(write_document(ProgressReportDocument{report.value()}, clock.now()), "report.json");
    REQUIRE(back);
    return std::get<ProgressReportDocument>(back->document).report;
  }
};

inline const RuleCheck* find_check(const std::vector<RuleCheck>& checks, const std::string& rule) {
  for (const auto& c : checks)
    if (c.rule == rule) return &c;
  return nullptr;
}

// The status of `rule`, with every check in the failure message.
#define CHECK_RULE(CHECKS, RULE_KEY, expected_status)                                                 \
  do {                                                                                               \
    const auto& checks_ = (CHECKS);                                                                  \
    std::string all_;                                                                                \
    for (const auto& c_ : checks_)                                                                   \
      all_ += c_.rule + ": " + enum_to_string(kRuleStatusNames, c_.status) + ": " + c_.message + "\n"; \
    INFO(all_);                                                                                      \
    const RuleCheck* found_ = ::pairwise::scenario::find_check(checks_, RULE_KEY);                       \
    REQUIRE(found_ != nullptr);                                                                      \
    CHECK(found_->status == (expected_status));                                                      \
  } while (0)

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline Person applicant(const std::string& email, std::vector<Role> roles) {
  Person p;
  p.email = email;
  p.name = email.substr(0, email.find('@'));
  p.roles = std::move(roles);
  p.applied_on = "2024-01-05";
  return p;
}

#ifndef __EMSCRIPTEN__
using test::CliRun;
using test::run_cli;

// A backup file of the cohort in a fresh temporary folder, for the command-line tool.
inline std::string write_backup(const Workspace& ws, const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("pairwise-scenario-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = (dir / "backup.json").string();
  std::ofstream(path) << write_document(make_backup(ws), "2024-01-01T09:00:00Z");
  return path;
}

inline Workspace read_backup(const std::string& path, const Clock& clock, IdGenerator& ids) {
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto doc = read_document(text, path);
  REQUIRE(doc);
  auto ws = Workspace::load_records(stored_records_of(doc->document), clock, ids);
  REQUIRE(ws);
  return ws.value();
}

#endif

}  // namespace pairwise::scenario
