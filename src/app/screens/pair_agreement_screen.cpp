// The mentoring agreement: the MRC CTU LMIC form's categories, then each side's consent.
#include <imgui.h>

#include "app/layout.hpp"

#include "app/screens/pair_screen_states.hpp"
#include "app/testing/item_capture.hpp"
#include "app/semantics.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "core/print/printable.hpp"

namespace pairwise::app {
namespace {

struct Category {
  const char* label;
  std::string Agreement::*field;
  const char* prompt;  // the questions the seed schemes suggest talking through
};

const Category kCategories[] = {
    {"Confidentiality", &Agreement::confidentiality,
     "What stays between you? E.g. what we discuss stays confidential; e-mails are seen only by us; general feedback "
     "to the coordinators is fine; an issue goes to a third party only with the other's permission."},
    {"Frequency of meetings", &Agreement::meeting_frequency, "How often will you meet?"},
    {"Timing of meetings", &Agreement::meeting_timing, "When: days, times, time zones?"},
    {"Duration of meetings", &Agreement::meeting_duration, "How long will a meeting last?"},
    {"Communication", &Agreement::communication, "How will you keep in touch between meetings, and how fast will you reply?"},
    {"Feedback to one another", &Agreement::feedback, "How will you tell each other what works and what does not?"},
    {"Reviewing the relationship", &Agreement::reviewing, "When will you step back and review how the mentoring is going?"},
    {"Short-term objectives", &Agreement::short_term_objectives, "What should be different in the next few months?"},
    {"Long-term objectives", &Agreement::long_term_objectives, "Where should this lead by the end of the scheme?"},
    {"How progress will be tracked", &Agreement::tracking_progress, "E.g. SMART objectives reviewed at each meeting."},
    {"Boundaries and conflicts of interest", &Agreement::boundaries,
     "What is outside the mentoring (e.g. job applications, line management)? Any conflicts of interest?"},
};

// The agreement is created the first time either person types into it, not merely by looking.
bool ensure_stored(Session& session, const PairView& view, RecordDraft<Agreement>& d) {
  if (!d.value.meta.id.empty()) return true;
  Agreement fresh;
  fresh.pairing_id = view.pairing->meta.id;
  auto saved = session.workspace().save(fresh);
  if (!session.record(saved, "Starting the agreement") || saved->upserts.empty()) return false;
  d.sync(session, saved->upserts.front().id);
  return true;
}

void draw_consents(Session& session, const PairView& view, RecordDraft<Agreement>& d) {
  section_heading("Mutual consent");
  help_text("Each of you consents on your own device. Your partner's consent reaches you with the notebook they "
            "export for you.");
  for (Role side : {Role::mentor, Role::mentee}) {
    const Consent& c = consent_of(d.value, side);
    const std::string who = person_label(session, *view.pairing, side);
    const bool void_consent = consent_is_void(d.value, c);
    const std::string line =
        c.date.empty() ? who + ": not consented yet"
        : void_consent ? who + ": consented on " + c.date + " to earlier words, so that consent is void: consent again to these words"
                       : who + ": consented as \"" + c.name + "\" on " + c.date;
    capture_text("consent", line);
    if (c.date.empty() || void_consent) muted_format("%s", line.c_str());
    else text_line(line.c_str());
  }
  if (d.value.is_agreed_by_both()) {
    text_line("You have both agreed to this agreement.");
  }
  const bool mine_given = consent_is_current(d.value, consent_of(d.value, view.side));
  if (!mine_given) {
    const std::string label = "I agree to this agreement (" + view.my_name + ", " + view.today + ")";
    if (button(label.c_str(), session.can_edit()) && ensure_stored(session, view, d)) {
      give_consent(d.value, view.side, view.my_name, view.today);
      d.save_now(session, "your consent");
    }
  } else if (button("Withdraw my consent", session.can_edit())) {
    withdraw_consent(d.value, view.side);
    d.save_now(session, "the withdrawal of your consent");
  }
}

}  // namespace

void draw_pair_agreement_screen(Session& session, const PairView& view, PairScreens& screens) {
  RecordDraft<Agreement>& d = screens.agreement.draft;
  const Agreement* stored = session.workspace().agreement_of(view.pairing->meta.id);
  d.sync(session, stored ? stored->meta.id : std::string());
  if (!stored) d.value.pairing_id = view.pairing->meta.id;

  // (On a phone the whole screen scrolls as one: a box of its own would be squeezed under the header.)
  const bool own_scroll = !narrow_layout();
  if (own_scroll) ImGui::BeginChild("AgreementScroll", ImVec2(0, 0));
  if (stored) draw_conflicts(session, *stored, d);
  paragraph("Agree together how your mentoring will work. Talk each point through at your first meeting; either "
            "of you can write it down here and share it in your notebook.");
  if (button("Print agreement")) {
    session.flush_now();  // the page holds the words typed up to the click
    if (auto page = printable_agreement(session.workspace(), view.pairing->meta.id))
      open_printable(session, *page,
                     export_file_name({"agreement", name_on_side(session.workspace(), *view.pairing, Role::mentor),
                                       name_on_side(session.workspace(), *view.pairing, Role::mentee), view.today},
                                      "html"));
  }
  if (!narrow_layout()) ImGui::SameLine();  // a phone has no room beside the button
  help_text("A page with both consents and lines to sign, for signing on paper or filing a copy.");
  const bool any_consent = consent_is_current(d.value, d.value.mentor_consent) || consent_is_current(d.value, d.value.mentee_consent);
  if (d.value.is_agreed_by_both())
    text_line("You have both consented to this agreement (see the end of the page).");
  else
    help_text("Not yet agreed by both of you: each gives their consent at the end of the page.");
  if (any_consent)
    help_text("Consent is given to these exact words: changing any of them withdraws both consents, and you both "
              "consent again.");
  ImGui::BeginDisabled(!session.can_edit());
  const Agreement before = d.value;
  bool edited = false;
  for (const Category& c : kCategories) {
    ImGui::PushID(c.label);
    // The prompt stays whether or not the field is focused or filled: a prompt that hid when its
    // field lost focus moved every field below by a line, under the pointer that was clicking one.
    edited |= text_area(c.label, d.value.*(c.field), 2);
    help_text(c.prompt);
    ImGui::PopID();
  }
  ImGui::EndDisabled();
  if (edited) {
    const Agreement typed = d.value;
    if (ensure_stored(session, view, d)) {
      // Storing a new agreement reloaded the copy: put the typed words back on it.
      const RecordMeta meta = d.value.meta;
      d.value = typed;
      d.value.meta = meta;
      if (apply_agreement_edit(before, d.value))
        session.notify("The agreement's words changed, so both consents were withdrawn: consent again when you both agree.");
      d.save_soon(session, "the agreement");
    }
  }
  draw_consents(session, view, d);
  if (own_scroll) ImGui::EndChild();
}

}  // namespace pairwise::app
