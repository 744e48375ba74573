#include <doctest/doctest.h>

#include <algorithm>

#include "core/documents/documents.hpp"
#include "core/pair/pair_member.hpp"
#include "core/pair/preparation.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

bool has_line(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

InputFile notebook_file(const Workspace& ws, const std::string& pairing_id, NotebookAudience audience,
                        const std::string& name = "partner.json") {
  return {name, write_document(make_pair_notebook(ws, pairing_id, audience).value(), "2024-03-01T09:00:00Z")};
}

// Both devices start from the same agreement without consents, as after the first exchange.
void reset_consents(test::Fixture& fx) {
  Agreement a = *fx.ws.agreement_of(fx.pairing_id);
  a.mentor_consent = a.mentee_consent = Consent{};
  (void)fx.ws.save(a);
}

}  // namespace

TEST_CASE("settings remember several pairings, the side taken in each, and the one open") {
  Json settings = Json::object();
  settings["display"] = {{"dark", true}};
  CHECK(current_pairing_of(settings).empty());
  CHECK_FALSE(side_in_pairing(settings, "p1").has_value());
  settings = with_side_in_pairing(settings, "p1", Role::mentee);
  settings = with_side_in_pairing(settings, "p2", Role::mentor);
  settings = with_current_pairing(settings, "p2");
  CHECK(current_pairing_of(settings) == "p2");
  CHECK(side_in_pairing(settings, "p1") == Role::mentee);
  CHECK(side_in_pairing(settings, "p2") == Role::mentor);
  CHECK(settings["display"]["dark"] == true);  // other settings are left alone
  // Malformed settings read as "not chosen yet" rather than failing.
  Json odd = {{"pair", {{"current", 3}, {"sides", {{"p1", "coach"}}}}}};
  CHECK(current_pairing_of(odd).empty());
  CHECK_FALSE(side_in_pairing(odd, "p1").has_value());
}

TEST_CASE("changing the words of an agreement clears both consents; consenting does not") {
  test::Fixture fx;
  const Agreement before = *fx.ws.agreement_of(fx.pairing_id);
  Agreement consent_only = before;
  withdraw_consent(consent_only, Role::mentor);
  CHECK_FALSE(apply_agreement_edit(before, consent_only));
  CHECK(consent_only.mentee_consent.date == "2024-01-13");

  Agreement reworded = before;
  reworded.boundaries += " and no job references";
  CHECK(apply_agreement_edit(before, reworded));
  CHECK(reworded.mentor_consent.date.empty());
  CHECK(reworded.mentee_consent.date.empty());

  give_consent(reworded, Role::mentee, "  Teo Mentee ", "2024-03-01");
  CHECK(reworded.mentee_consent == Consent{"Teo Mentee", "2024-03-01", terms_digest(reworded)});
  CHECK(consent_is_current(reworded, reworded.mentee_consent));
  CHECK(consent_of(reworded, Role::mentor).date.empty());
}

TEST_CASE("an introduction pack brings the scheme, the pairing and both people to a new device") {
  test::Fixture coordinator;
  const std::string text =
      write_document(make_introduction_pack(coordinator.ws, coordinator.pairing_id).value(), "2024-03-01T09:00:00Z");
  FixedClock clock{"2024-03-02T10:00:00Z"};
  SequentialIdGenerator ids;
  Workspace device(clock, ids);
  auto preview = preview_introduction_pack(device, {"intro.json", text});
  REQUIRE(preview.can_apply());
  CHECK(preview.pairing_id == coordinator.pairing_id);
  CHECK(preview.changes.size() == 4);
  CHECK(has_line(preview.changes, "new: Mina Mentor's profile"));
  CHECK(has_line(preview.changes, "new: the pairing of mentor@example.org and mentee@example.org"));
  REQUIRE(apply_pair_file(device, preview).ok());
  REQUIRE(device.find<Pairing>(coordinator.pairing_id));
  CHECK(name_on_side(device, *device.find<Pairing>(coordinator.pairing_id), Role::mentee) == "Teo Mentee");

  // The same pack again changes nothing.
  auto again = preview_introduction_pack(device, {"intro.json", text});
  REQUIRE(again.can_apply());
  CHECK(again.changes.empty());
}

TEST_CASE("opening another kind of file as an introduction pack names the file and the field") {
  test::Fixture fx;
  auto preview = preview_introduction_pack(fx.ws, notebook_file(fx.ws, fx.pairing_id, NotebookAudience::partner, "notes.json"));
  REQUIRE_FALSE(preview.can_apply());
  CHECK(preview.import.errors[0].file == "notes.json");
  CHECK(preview.import.errors[0].path == "$.kind");
  CHECK(preview.import.errors[0].message.find("pair-notebook") != std::string::npos);
  auto garbage = preview_introduction_pack(fx.ws, {"broken.json", "{not json"});
  REQUIRE_FALSE(garbage.can_apply());
  CHECK(garbage.import.errors[0].file == "broken.json");
}

TEST_CASE("merging the partner's notebook keeps each side's own consent, whichever copy is newer") {
  test::Fixture fx;
  reset_consents(fx);
  Workspace mentor_device = fx.ws;
  Workspace mentee_device = fx.ws;
  const std::string agreement_id = fx.ws.agreement_of(fx.pairing_id)->meta.id;

  // The mentor edits more (higher revision) and consents; the mentee consents on their own device.
  Agreement m = *mentor_device.find<Agreement>(agreement_id);
  m.communication = "e-mail first";
  REQUIRE(mentor_device.save(m).ok());
  m = *mentor_device.find<Agreement>(agreement_id);
  give_consent(m, Role::mentor, "Mina Mentor", "2024-03-01");
  REQUIRE(mentor_device.save(m).ok());
  Agreement e = *mentee_device.find<Agreement>(agreement_id);
  give_consent(e, Role::mentee, "Teo Mentee", "2024-03-02");
  REQUIRE(mentee_device.save(e).ok());

  // The mentor imports the mentee's notebook: the mentor's words win, the mentee's consent is added,
  // but she gave it to the words before "e-mail first", so it is shown as void (issue 11).
  auto at_mentor = preview_partner_notebook(mentor_device, notebook_file(mentee_device, fx.pairing_id, NotebookAudience::partner),
                                            fx.pairing_id, Role::mentor);
  REQUIRE(at_mentor.can_apply());
  CHECK(has_line(at_mentor.changes, "updated: the agreement (consent: Mina Mentor on 2024-03-01, Teo Mentee on "
                                    "2024-03-02 (given to earlier words: void))"));
  REQUIRE(apply_pair_file(mentor_device, at_mentor).ok());
  const Agreement merged = *mentor_device.find<Agreement>(agreement_id);
  CHECK(merged.communication == "e-mail first");
  CHECK(consent_is_current(merged, merged.mentor_consent));
  CHECK(consent_is_void(merged, merged.mentee_consent));
  CHECK_FALSE(merged.is_agreed_by_both());
  const int merged_revision = merged.meta.revision;
  CHECK(merged_revision > m.meta.revision);

  // And back: the mentee's device ends with the same agreement, and her consent is void there too.
  auto at_mentee = preview_partner_notebook(mentee_device, notebook_file(mentor_device, fx.pairing_id, NotebookAudience::partner),
                                            fx.pairing_id, Role::mentee);
  REQUIRE(at_mentee.can_apply());
  REQUIRE(apply_pair_file(mentee_device, at_mentee).ok());
  CHECK(*mentee_device.find<Agreement>(agreement_id) == merged);

  // She reads the words and consents to them; after the next exchange both have agreed.
  Agreement again = *mentee_device.find<Agreement>(agreement_id);
  give_consent(again, Role::mentee, "Teo Mentee", "2024-03-03");
  REQUIRE(mentee_device.save(again).ok());
  auto back = preview_partner_notebook(mentor_device, notebook_file(mentee_device, fx.pairing_id, NotebookAudience::partner),
                                       fx.pairing_id, Role::mentor);
  REQUIRE(back.can_apply());
  REQUIRE(apply_pair_file(mentor_device, back).ok());
  CHECK(mentor_device.find<Agreement>(agreement_id)->is_agreed_by_both());
}

TEST_CASE("a partner cannot withdraw or invent my consent through their notebook") {
  test::Fixture fx;
  reset_consents(fx);
  Workspace mine = fx.ws;
  Workspace theirs = fx.ws;
  const std::string id = fx.ws.agreement_of(fx.pairing_id)->meta.id;
  Agreement a = *mine.find<Agreement>(id);
  give_consent(a, Role::mentee, "Teo Mentee", "2024-03-02");
  REQUIRE(mine.save(a).ok());
  Agreement b = *theirs.find<Agreement>(id);
  give_consent(b, Role::mentor, "Mina Mentor", "2024-03-01");
  b.meta.revision += 5;  // a much newer copy without my consent in it
  REQUIRE(theirs.save(b).ok());
  auto preview = preview_partner_notebook(mine, notebook_file(theirs, fx.pairing_id, NotebookAudience::partner),
                                          fx.pairing_id, Role::mentee);
  REQUIRE(preview.can_apply());
  REQUIRE(apply_pair_file(mine, preview).ok());
  const Agreement& kept = *mine.find<Agreement>(id);
  CHECK(kept.mentee_consent == Consent{"Teo Mentee", "2024-03-02", terms_digest(kept)});
  CHECK(kept.mentor_consent == Consent{"Mina Mentor", "2024-03-01", terms_digest(kept)});
  CHECK(kept.is_agreed_by_both());  // both were given to the same, unchanged words
}

TEST_CASE("issue 11 finding: a consent never re-attaches to words changed after it was given, in either direction") {
  test::Fixture fx;  // both consented to the same words on both devices
  REQUIRE(fx.ws.agreement_of(fx.pairing_id)->is_agreed_by_both());
  Workspace hers = fx.ws;  // the mentee
  Workspace his = fx.ws;   // the mentor
  const std::string id = fx.ws.agreement_of(fx.pairing_id)->meta.id;
  // She changes Frequency: both consents are withdrawn on her device.
  Agreement before = *hers.find<Agreement>(id);
  Agreement edited = before;
  edited.meeting_frequency = "every two weeks";
  CHECK(apply_agreement_edit(before, edited));
  REQUIRE(hers.save(edited).ok());
  // Merging his older copy, which still holds his consent to the old words, into hers.
  auto at_hers = preview_partner_notebook(hers, notebook_file(his, fx.pairing_id, NotebookAudience::partner), fx.pairing_id,
                                          Role::mentee);
  REQUIRE(at_hers.can_apply());
  REQUIRE(apply_pair_file(hers, at_hers).ok());
  const Agreement& on_hers = *hers.agreement_of(fx.pairing_id);
  CHECK(on_hers.meeting_frequency == "every two weeks");
  CHECK_FALSE(consent_is_current(on_hers, on_hers.mentor_consent));
  CHECK_FALSE(on_hers.is_agreed_by_both());
  auto report_hers = make_progress_report(hers, fx.pairing_id, "2024-03-05");
  REQUIRE(report_hers.ok());
  CHECK_FALSE(report_hers->agreement_signed);
  // And his device merging her newer copy: her words, his old consent void.
  auto at_his = preview_partner_notebook(his, notebook_file(hers, fx.pairing_id, NotebookAudience::partner), fx.pairing_id,
                                         Role::mentor);
  REQUIRE(at_his.can_apply());
  REQUIRE(apply_pair_file(his, at_his).ok());
  const Agreement& on_his = *his.agreement_of(fx.pairing_id);
  CHECK(on_his.meeting_frequency == "every two weeks");
  CHECK(consent_is_void(on_his, on_his.mentor_consent));
  CHECK_FALSE(on_his.is_agreed_by_both());
  CHECK_FALSE(make_progress_report(his, fx.pairing_id, "2024-03-05")->agreement_signed);
}

TEST_CASE("issue 11 finding: a partner's file never sets my consent, even where I have no agreement yet") {
  test::Fixture fx;
  Workspace mine = fx.ws;
  (void)mine.remove<Agreement>(mine.agreement_of(fx.pairing_id)->meta.id);
  REQUIRE(mine.agreement_of(fx.pairing_id) == nullptr);
  // Their copy asserts both consents (the mentee is me).
  auto preview = preview_partner_notebook(mine, notebook_file(fx.ws, fx.pairing_id, NotebookAudience::partner),
                                          fx.pairing_id, Role::mentee);
  REQUIRE(preview.can_apply());
  REQUIRE(apply_pair_file(mine, preview).ok());
  const Agreement* taken = mine.agreement_of(fx.pairing_id);
  REQUIRE(taken != nullptr);
  CHECK(taken->confidentiality == "SECRET-agreement-confidentiality");  // their words arrive
  CHECK(taken->mentee_consent.date.empty());                             // my consent does not
  CHECK(consent_is_current(*taken, taken->mentor_consent));              // theirs does
  CHECK_FALSE(taken->is_agreed_by_both());
}

TEST_CASE("issue 11 finding: one agreement per pairing, whichever partner starts it") {
  test::Fixture fx;
  Workspace mentor_device = fx.ws, mentee_device = fx.ws;
  for (Workspace* w : {&mentor_device, &mentee_device})
    (void)w->remove<Agreement>(w->agreement_of(fx.pairing_id)->meta.id);
  // Both start the agreement on their own device before any exchange.
  Agreement a;
  a.pairing_id = fx.pairing_id;
  a.communication = "mentor's words";
  REQUIRE(mentor_device.save(a).ok());
  Agreement b;
  b.pairing_id = fx.pairing_id;
  b.boundaries = "mentee's words";
  REQUIRE(mentee_device.save(b).ok());
  CHECK(mentor_device.agreement_of(fx.pairing_id)->meta.id == mentee_device.agreement_of(fx.pairing_id)->meta.id);
  CHECK(mentor_device.agreement_of(fx.pairing_id)->meta.id == agreement_id_for(fx.pairing_id));
  auto merged = preview_partner_notebook(mentor_device, notebook_file(mentee_device, fx.pairing_id, NotebookAudience::partner),
                                         fx.pairing_id, Role::mentor);
  REQUIRE(merged.can_apply());
  REQUIRE(apply_pair_file(mentor_device, merged).ok());
  int agreements = 0;
  for (const auto& r : mentor_device.all_records()) agreements += r.store == kStoreAgreements;
  CHECK(agreements == 1);
}

TEST_CASE("two agreements for one pairing (made before ids were derived) merge into one") {
  test::Fixture fx;
  Workspace mine = fx.ws, theirs = fx.ws;
  const Agreement original = *fx.ws.agreement_of(fx.pairing_id);
  (void)theirs.remove<Agreement>(original.meta.id);
  Agreement other = original;
  other.meta = theirs.new_meta();  // a second id, as an older version created
  other.meta.revision = original.meta.revision + 3;
  other.communication = "their newer words";
  REQUIRE(theirs.save(other).ok());
  auto preview = preview_partner_notebook(mine, notebook_file(theirs, fx.pairing_id, NotebookAudience::partner),
                                          fx.pairing_id, Role::mentee);
  REQUIRE(preview.can_apply());
  REQUIRE(apply_pair_file(mine, preview).ok());
  int agreements = 0;
  for (const auto& r : mine.all_records()) agreements += r.store == kStoreAgreements;
  CHECK(agreements == 1);
  CHECK(mine.agreement_of(fx.pairing_id)->meta.id == original.meta.id);
  CHECK(mine.agreement_of(fx.pairing_id)->communication == "their newer words");
}

TEST_CASE("a partner's new and edited meetings are listed before anything is stored") {
  test::Fixture fx;
  Workspace partner = fx.ws;
  REQUIRE(partner.start_meeting(fx.pairing_id, "2024-02-15").ok());
  Meeting first = partner.meetings_of(fx.pairing_id).front();
  first.length_minutes = 50;
  REQUIRE(partner.save(first).ok());
  const auto before = fx.ws.all_records();
  auto preview = preview_partner_notebook(fx.ws, notebook_file(partner, fx.pairing_id, NotebookAudience::partner),
                                          fx.pairing_id, Role::mentor);
  REQUIRE(preview.can_apply());
  CHECK(has_line(preview.changes, "new: meeting on 2024-02-15"));
  CHECK(has_line(preview.changes, "updated: meeting on 2024-01-15"));
  CHECK(preview.changes.size() == 2);
  CHECK(fx.ws.all_records() == before);  // a preview stores nothing
}

TEST_CASE("notebooks of another pairing, or with the partner's private notes, are refused whole") {
  test::Fixture fx;
  const auto before = fx.ws.all_records();
  // The fixture's private note is the mentee's: the mentor must never receive it.
  auto theirs = preview_partner_notebook(fx.ws, notebook_file(fx.ws, fx.pairing_id, NotebookAudience::self, "teo-self.json"),
                                         fx.pairing_id, Role::mentor);
  REQUIRE_FALSE(theirs.can_apply());
  CHECK(theirs.import.errors[0].file == "teo-self.json");
  CHECK(theirs.import.errors[0].path == "$.private_notes[0]");
  CHECK_FALSE(apply_pair_file(fx.ws, theirs).ok());
  CHECK(fx.ws.all_records() == before);
  // The mentee's own copy (moving to a new device) is fine.
  auto own = preview_partner_notebook(fx.ws, notebook_file(fx.ws, fx.pairing_id, NotebookAudience::self),
                                      fx.pairing_id, Role::mentee);
  CHECK(own.can_apply());

  Workspace other = fx.ws;
  Pairing p = make_pairing(other.new_meta(), fx.scheme_id, "mentor@example.org", "mentee@example.org", "2024-02-01");
  REQUIRE(other.save(p).ok());
  auto wrong = preview_partner_notebook(fx.ws, notebook_file(other, p.meta.id, NotebookAudience::partner, "old.json"),
                                        fx.pairing_id, Role::mentor);
  REQUIRE_FALSE(wrong.can_apply());
  CHECK(wrong.import.errors[0].to_string().find("old.json: $.pairing.id") == 0);
}

TEST_CASE("a notebook with one bad field changes nothing and says which file and field") {
  test::Fixture fx;
  Json doc = Json::parse(notebook_file(fx.ws, fx.pairing_id, NotebookAudience::partner).content);
  doc["meetings"][0]["date"] = "15/01/2024";
  auto preview = preview_partner_notebook(fx.ws, {"bad.json", doc.dump()}, fx.pairing_id, Role::mentor);
  REQUIRE_FALSE(preview.can_apply());
  CHECK(preview.import.errors[0].file == "bad.json");
  CHECK(preview.import.errors[0].path == "$.meetings[0].date");
  CHECK(preview.changes.empty());
}

TEST_CASE("the mentor reads the mentee's preparation from the notebook the mentee sends (issue 16 finding)") {
  test::Fixture coordinator;
  const std::string pack =
      write_document(make_introduction_pack(coordinator.ws, coordinator.pairing_id).value(), "2024-03-01T09:00:00Z");
  FixedClock clock{"2024-03-02T10:00:00Z"};
  SequentialIdGenerator mentor_ids, mentee_ids;
  Workspace mentor_device(clock, mentor_ids), mentee_device(clock, mentee_ids);
  for (Workspace* device : {&mentor_device, &mentee_device}) {
    auto joined = preview_introduction_pack(*device, {"intro.json", pack});
    REQUIRE(joined.can_apply());
    REQUIRE(apply_pair_file(*device, joined).ok());
  }
  const Scheme& scheme = *mentee_device.find<Scheme>(coordinator.scheme_id);
  REQUIRE_FALSE(scheme.preparation_questions.empty());
  auto form = preparation_form(scheme, *mentee_device.person_by_email("mentee@example.org"));
  form[0].answer = "Уверенность: to lead a workshop with the community";
  REQUIRE(mentee_device.save(with_preparation(scheme, *mentee_device.person_by_email("mentee@example.org"), form)));

  // What the mentee sends holds their profile as a partner may see it: no coordinator's fields.
  const InputFile notebook = notebook_file(mentee_device, coordinator.pairing_id, NotebookAudience::partner, "teo.json");
  const Json sent = Json::parse(notebook.content);
  REQUIRE(sent.contains("mentee"));
  for (const char* hidden : {"status_history", "decision", "preferences", "line_manager_email", "applied_on"})
    CHECK_FALSE(sent["mentee"].contains(hidden));

  auto at_mentor = preview_partner_notebook(mentor_device, notebook, coordinator.pairing_id, Role::mentor);
  INFO(join_errors(at_mentor.import.errors));
  REQUIRE(at_mentor.can_apply());
  REQUIRE(apply_pair_file(mentor_device, at_mentor).ok());
  const auto seen = preparation_form(scheme, *mentor_device.person_by_email("mentee@example.org"));
  CHECK(seen[0].answer == "Уверенность: to lead a workshop with the community");

  // The mentor's notebook back changes nothing of the mentee's answers on the mentee's device.
  auto back = preview_partner_notebook(mentee_device, notebook_file(mentor_device, coordinator.pairing_id, NotebookAudience::partner),
                                       coordinator.pairing_id, Role::mentee);
  REQUIRE(back.can_apply());
  REQUIRE(apply_pair_file(mentee_device, back).ok());
  CHECK(preparation_form(scheme, *mentee_device.person_by_email("mentee@example.org"))[0].answer ==
        "Уверенность: to lead a workshop with the community");
}
