#pragma once
// A small, fully populated workspace for tests: one scheme, a mentor, a mentee, an active
// pairing with agreement, meetings, objectives, feedback and a private note. Every free-text
// field holds a unique marker "SECRET-<field>" so leaks can be detected.
#include <fstream>
#include <sstream>
#include <string>

#include "core/workspace.hpp"

namespace pairwise::test {

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(PAIRWISE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Fixture {
  FixedClock clock{"2024-03-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  std::string scheme_id, pairing_id;

  explicit Fixture(SchemePreset preset = SchemePreset::coproduction) {
    Scheme s = make_preset(preset, ids, clock);
    scheme_id = s.meta.id;
    (void)ws.save(s);
    Person mentor;
    mentor.scheme_id = scheme_id;
    mentor.email = "Mentor@Example.org";
    mentor.name = "Mina Mentor";
    mentor.roles = {Role::mentor};
    mentor.languages = {"English", "Spanish"};
    mentor.topics = {"Dissemination"};
    mentor.experience_years = 12;
    mentor.utc_offset_minutes = 0;
    (void)ws.save(mentor);
    Person mentee;
    mentee.scheme_id = scheme_id;
    mentee.email = "mentee@example.org";
    mentee.name = "Teo Mentee";
    mentee.roles = {Role::mentee};
    mentee.project.what = "SECRET-project-what";
    mentee.project.barriers = "SECRET-project-barriers";
    (void)ws.save(mentee);
    Pairing p = make_pairing(ws.new_meta(), scheme_id, "mentor@example.org", "mentee@example.org", "2024-01-01");
    p.history.push_back({PairingStatus::requested, "2024-01-02", Actor::coordinator, "SECRET-reason-request"});
    p.history.push_back({PairingStatus::accepted, "2024-01-05", Actor::mentor, "SECRET-reason-accept"});
    p.history.push_back({PairingStatus::active, "2024-01-10", Actor::coordinator, ""});
    pairing_id = p.meta.id;
    (void)ws.save(p);

    Agreement a;
    a.pairing_id = pairing_id;
    a.confidentiality = "SECRET-agreement-confidentiality";
    a.meeting_frequency = "SECRET-agreement-frequency";
    a.communication = "SECRET-agreement-communication";
    a.boundaries = "SECRET-agreement-boundaries";
    a.short_term_objectives = "SECRET-agreement-short";
    a.long_term_objectives = "SECRET-agreement-long";
    a.mentor_consent = {"SECRET-consent-mentor-name", "2024-01-12", terms_digest(a)};  // given to these words
    a.mentee_consent = {"SECRET-consent-mentee-name", "2024-01-13", terms_digest(a)};
    (void)ws.save(a);

    Meeting m1;
    m1.pairing_id = pairing_id;
    m1.date = "2024-01-15";
    m1.length_minutes = 45;
    m1.topic = "SECRET-meeting-topic";
    m1.goal = "SECRET-meeting-goal";
    m1.reality = "SECRET-meeting-reality";
    m1.options = "SECRET-meeting-options";
    m1.way_forward = "SECRET-meeting-way-forward";
    m1.review.went_well = "SECRET-review-well";
    m1.review.went_badly = "SECRET-review-badly";
    m1.review.learned = "SECRET-review-learned";
    m1.actions = {{"a1", "mentee", "SECRET-action-one", "2024-02-01", false},
                  {"a2", "mentor", "SECRET-action-two", "", true}};
    (void)ws.save(m1);

    Objective o;
    o.pairing_id = pairing_id;
    o.statement = "SECRET-objective-statement submit 1 grant application";
    o.measure = "SECRET-objective-measure";
    o.achievable = "SECRET-objective-achievable";
    o.relevant = "SECRET-objective-relevant";
    o.due_date = "2024-06-30";
    o.status = ObjectiveStatus::in_progress;
    o.progress_percent = 40;
    (void)ws.save(o);

    Feedback f;
    f.scheme_id = scheme_id;
    f.pairing_id = pairing_id;
    f.from_email = "mentee@example.org";
    f.from_role = Role::mentee;
    f.date = "2024-02-20";
    f.ratings = {{"overall", 4}};
    f.comments = {{"SECRET-feedback-question", "SECRET-feedback-answer"}};
    (void)ws.save(f);

    PrivateNote n;
    n.pairing_id = pairing_id;
    n.author_email = "mentee@example.org";
    n.date = "2024-02-21";
    n.text = "SECRET-private-note";
    (void)ws.save(n);
  }
};

}  // namespace pairwise::test
