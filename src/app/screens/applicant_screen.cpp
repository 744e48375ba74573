#include "app/screens/applicant_screen.hpp"

#include <imgui.h>

#include "app/layout.hpp"
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "app/locked_files.hpp"

#include "app/shortcuts.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "core/documents/documents.hpp"
#include "core/documents/restore.hpp"
#include "core/checks/project_request.hpp"
#include "core/records/time_zones.hpp"
#include "core/documents/mail_message.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

// The half-filled form lives in the settings record, so it survives reloads before it is complete
// enough to be a valid application.
constexpr const char* kDraftKey = kApplicationDraftSetting;


using FormState = ApplicantFormState;

// The draft stored for the scheme (in the settings record).
Person stored_draft(const Session& session, const std::string& scheme_id) {
  Person draft;
  const Json& settings = session.workspace().settings();
  if (settings.contains(kDraftKey) && settings[kDraftKey].is_object()) {
    const Json& drafts = settings[kDraftKey];
    if (drafts.contains(scheme_id)) {
      Errors ignored;  // a draft may be incomplete; whatever decodes is shown again
      decode(JsonReader(&drafts[scheme_id], "$", &ignored), draft);
    }
  }
  draft.scheme_id = scheme_id;
  return draft;
}

// Takes the stored draft; the screen's own state (export attempt, file name) resets only when
// the scheme changes.
void load_draft(Session& session, FormState& state) {
  if (state.scheme_id != session.scheme_id()) state = FormState{};
  state.scheme_id = session.scheme_id();
  state.version = session.workspace_version();
  state.loaded = true;
  state.taken = state.draft = stored_draft(session, state.scheme_id);
}

// Records that arrive from storage or another tab replace the form's copy; the form's own save
// landing, or a change to anything else, keeps what is being typed.
void follow_stored_draft(Session& session, FormState& state) {
  if (!state.loaded || state.scheme_id != session.scheme_id() || !state.version) return load_draft(session, state);
  if (*state.version == session.workspace_version()) return;
  state.version = session.workspace_version();
  const Person stored = stored_draft(session, state.scheme_id);
  if (stored == state.draft) state.taken = stored;
  else if (!(stored == state.taken)) load_draft(session, state);
}

void save_draft(Session& session, const FormState& state) {
  Session* s = &session;
  // The draft as it stands now goes into the journal at once (closing the tab loses nothing).
  Json journal = session.workspace().settings();
  journal[kDraftKey][state.scheme_id] = encode(state.draft);
  // The form as typed so far (each key typed replaces this save), stored after the pause.
  session.save_soon(
      "application",
      [s, scheme_id = state.scheme_id, draft = state.draft] {
        Json settings = s->workspace().settings();
        settings[kDraftKey][scheme_id] = encode(draft);
        s->record(s->workspace().set_settings(settings));
      },
      StoredRecord{kStoreSettings, "settings", std::move(journal)});
}


std::string label_for(const Scheme& scheme, const char* key, const char* label) {
  for (const auto& f : scheme.intake_fields)
    if (f.key == key && f.required) return std::string(label) + " *";
  return label;
}

std::string problem_for(const FormState& state, const std::vector<std::string>& missing, const char* key) {
  if (!state.tried_export) return {};
  if (std::find(missing.begin(), missing.end(), key) != missing.end()) return "required";
  return {};
}

// The "answers missing" message is withdrawn as soon as its cause is gone (every required answer
// given, or a successful export), so the screen never says what is not so.
constexpr const char* kMissingAnswersCause = "application-missing-answers";

void export_application(Session& session, FormState& state, const Scheme& scheme) {
  state.tried_export = true;
  state.exported_file.clear();  // a "Saved as" line from an earlier export must not outlive a failed one
  Person person = only_asked_answers(scheme, state.draft);
  person.email = trim(person.email);
  // Every export is a new revision, so a corrected re-export wins over the copy already sent.
  person.meta = session.workspace().next_export_meta(person.meta);
  if (person.applied_on.empty()) person.applied_on = session.workspace().clock().today();
  if (!missing_intake_fields(scheme, person).empty()) {
    session.notify("Some required answers are missing: they are marked in red.", true, kMissingAnswersCause);
    return;
  }
  ApplicationDocument document{person, scheme.name};
  const std::string text = write_document(document, session.workspace().clock().now());
  // The file must pass the same validation the coordinator's import applies.
  auto check = read_document(text, "application");
  if (!check) {
    session.notify(check.error_text(), true);
    return;
  }
  state.draft.meta = person.meta;
  state.draft.applied_on = person.applied_on;
  save_draft(session, state);
  state.exported_file = deliver_export(
      session,
      export_file_name({"application", scheme.name, person.name.empty() ? person.email : person.name,
                        session.workspace().clock().today()},
                       "json"),
      "application/json", text);
  session.withdraw_notices(kMissingAnswersCause);
}

// The time zone from the real zone list, found by city, and the offset it has today; or an offset
// typed by hand ("+5:30") for someone who would rather not name a place.
bool draw_time_zone_choice(const Scheme& scheme, FormState& state, const std::vector<std::string>& missing) {
  Person& p = state.draft;
  bool edited = false;
  std::string zone_problem = problem_for(state, missing, "timezone");
  label_with_problem(label_for(scheme, "timezone", "Time zone").c_str(), zone_problem);
  if (!p.timezone_name.empty()) {
    ImGui::SameLine();
    text_line(p.timezone_name.c_str());
  }
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 28.0f));
  ImGui::InputTextWithHint("##Search time zones", "Search by city, e.g. Nairobi, Kolkata, New York", &state.zone_query);
  describe_text_input("Search time zones", state.zone_query);
  if (!trim(state.zone_query).empty()) {
    const std::vector<TimeZoneNow> found = search_time_zones(platform::time_zones_now(), state.zone_query);
    if (found.empty()) help_text("No time zone has that city in its name: try a larger city nearby, or type the offset below.");
    for (const TimeZoneNow& zone : found) {
      if (ImGui::Selectable((describe_time_zone(zone) + "##zone-" + zone.name).c_str(), zone.name == p.timezone_name)) {
        p.timezone_name = zone.name;
        p.utc_offset_minutes = zone.offset_minutes;
        state.offset_text.clear();
        state.zone_query.clear();
        edited = true;
      }
    }
  }
  // The offset: what is typed stays on screen while it does not read as an offset yet.
  std::string offset_problem = problem_for(state, missing, "utc_offset_minutes");
  std::string shown = state.offset_text.empty() && p.utc_offset_minutes ? format_utc_offset(*p.utc_offset_minutes)
                                                                         : state.offset_text;
  if (!state.offset_text.empty() && !parse_utc_offset(state.offset_text))
    offset_problem = "write it like +5:30, -3 or 0 (from UTC-12 to UTC+14)";
  if (text_field("Hours from UTC (e.g. +1, -5, +5:30)", shown, "not answered", offset_problem)) {
    state.offset_text = shown;
    if (trim(shown).empty()) {
      p.utc_offset_minutes.reset();
      state.offset_text.clear();
      edited = true;
    } else if (auto minutes = parse_utc_offset(shown)) {
      p.utc_offset_minutes = *minutes;
      edited = true;
    }
  }
  if (!ImGui::IsItemActive() && state.offset_text != "" && parse_utc_offset(state.offset_text))
    state.offset_text.clear();  // once it reads as an offset, it is shown as stored
  return edited;
}

// The scheme's rules for a mentee's project request, shown under each answer as it is typed.
std::string request_problem(const std::vector<ProjectRequestIssue>& issues, const char* field) {
  std::string out;
  for (const auto& issue : issues)
    if (issue.field == field) out += (out.empty() ? "" : " ") + issue.message;
  return out;
}

}  // namespace

void draw_applicant_screen(Session& session, ApplicantFormState& state) {
  const auto& schemes = session.workspace().schemes();
  auto found = schemes.find(session.scheme_id());
  if (found == schemes.end()) {
    screen_title("Apply to a scheme");
    help_text("Choose a scheme on the Start screen first.");
    return;
  }
  const Scheme& scheme = found->second;
  follow_stored_draft(session, state);
  Person& p = state.draft;
  const std::vector<std::string> missing = missing_intake_fields(scheme, p);
  bool edited = false;

  screen_title(("Apply to " + scheme.name).c_str(),
               "Your answers are saved on this device as you type. When you are ready, export the application "
               "file and e-mail it to the scheme's coordinator.");
  if (!trim(scheme.description).empty()) {
    capture_text("scheme-description", scheme.description);
    paragraph(scheme.description.c_str());
  }
  ImGui::BeginDisabled(!session.can_edit());

  section_heading("About you");
  std::string email_problem = problem_for(state, missing, "email");
  if (!p.email.empty() && !looks_like_email(trim(p.email)) && (state.email_touched || state.tried_export))
    email_problem = "this does not look like an e-mail address";
  edited |= text_field(label_for(scheme, "email", "E-mail address").c_str(), p.email, "name@example.org", email_problem);
  if (ImGui::IsItemDeactivated()) state.email_touched = true;
  if (form_asks(scheme, "name")) edited |= text_field(label_for(scheme, "name", "Full name").c_str(), p.name, "", problem_for(state, missing, "name"));

  text_line(label_for(scheme, "roles", "I would like to be").c_str());
  if (auto why = problem_for(state, missing, "roles"); !why.empty()) { ImGui::SameLine(); error_text(why); }
  for (Role role : {Role::mentor, Role::mentee}) {
    const bool offered = scheme.roles_offered.empty() ||
                         std::find(scheme.roles_offered.begin(), scheme.roles_offered.end(), role) != scheme.roles_offered.end();
    if (!offered) continue;
    bool on = std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end();
    ImGui::SameLine();
    if (ImGui::Checkbox(role == Role::mentor ? "a mentor" : "a mentee", &on)) {
      if (on) p.roles.push_back(role);
      else p.roles.erase(std::remove(p.roles.begin(), p.roles.end(), role), p.roles.end());
      edited = true;
    }
  }

  section_heading("Where and how you work");
  if (form_asks(scheme, "country")) edited |= text_field(label_for(scheme, "country", "Country").c_str(), p.country, "", problem_for(state, missing, "country"));
  if (form_asks(scheme, "region")) edited |= text_field(label_for(scheme, "region", "Region").c_str(), p.region, "e.g. East Africa", problem_for(state, missing, "region"));
  if (form_asks(scheme, "timezone") || form_asks(scheme, "utc_offset_minutes")) {
    edited |= draw_time_zone_choice(scheme, state, missing);
  }
  if (form_asks(scheme, "languages")) edited |= list_field(label_for(scheme, "languages", "Languages you can mentor in").c_str(), p.languages, "e.g. Spanish; English", problem_for(state, missing, "languages"));
  if (form_asks(scheme, "topics") && scheme.topics.empty()) {
    edited |= list_field(label_for(scheme, "topics", "Areas of activity").c_str(), p.topics,
                         "e.g. implementation; evaluation", problem_for(state, missing, "topics"));
  } else if (form_asks(scheme, "topics")) {
    text_line(label_for(scheme, "topics", "Areas of activity").c_str());
    if (auto why = problem_for(state, missing, "topics"); !why.empty()) { ImGui::SameLine(); error_text(why); }
    for (const std::string& topic : scheme.topics) {
      bool on = std::find(p.topics.begin(), p.topics.end(), topic) != p.topics.end();
      if (ImGui::Checkbox(topic.c_str(), &on)) {
        if (on) p.topics.push_back(topic);
        else p.topics.erase(std::remove(p.topics.begin(), p.topics.end(), topic), p.topics.end());
        edited = true;
      }
    }
  }
  if (form_asks(scheme, "experience_years")) {
    edited |= optional_int_field(label_for(scheme, "experience_years", "Years of experience").c_str(), p.experience_years,
                                 0, 60, problem_for(state, missing, "experience_years"));
  }
  if (form_asks(scheme, "career_stage"))
    edited |= text_field(label_for(scheme, "career_stage", "Career stage").c_str(), p.career_stage,
                         "e.g. early career, senior", problem_for(state, missing, "career_stage"));
  if (form_asks(scheme, "face_to_face")) edited |= ImGui::Checkbox("I can meet face to face", &p.face_to_face);
  if (p.is_mentor() && form_asks(scheme, "capacity")) edited |= int_field("How many mentees can you take on?", p.capacity, 1, 20);
  if (form_asks(scheme, "availability"))
    edited |= text_field(label_for(scheme, "availability", "Availability").c_str(), p.availability,
                         "e.g. 60-90 minutes a month", problem_for(state, missing, "availability"));
  if (form_asks(scheme, "organisation"))
    edited |= text_field(label_for(scheme, "organisation", "Organisation").c_str(), p.organisation, "",
                         problem_for(state, missing, "organisation"));
  if (form_asks(scheme, "line_manager_email"))
    edited |= text_field(label_for(scheme, "line_manager_email", "Line manager's e-mail (to avoid conflicts of interest)").c_str(),
                         p.line_manager_email, "", problem_for(state, missing, "line_manager_email"));

  if (p.is_mentee() && (form_asks(scheme, "project.what") || scheme.intake_fields.empty())) {
    section_heading("Your project (for mentees)");
    const std::vector<ProjectRequestIssue> issues = check_project_request(scheme, p.project);
    auto problem = [&](const char* key) {
      const std::string required = problem_for(state, missing, key);
      return required.empty() ? request_problem(issues, key) : required;
    };
    edited |= text_area("What are you trying to do?", p.project.what, 3, problem("project.what"));
    edited |= text_area("How are you trying to do it?", p.project.how, 3, problem("project.how"));
    edited |= text_area("Which barriers do you face?", p.project.barriers, 3, problem("project.barriers"));
    edited |= text_area("What do you need a mentor to do?", p.project.mentor_role, 3, problem("project.mentor_role"));
    edited |= text_area("What outcome would mean success?", p.project.success_outcome, 3, problem("project.success_outcome"));
    if (const std::string whole = request_problem(issues, "project"); !whole.empty()) error_text(whole);
    if (scheme.matching_mode == MatchingMode::mentor_picks_requests) {
      // KIND: mentors find requests on the board the coordinator publishes; posting is the mentee's choice.
      edited |= ImGui::Checkbox("Post my request on the scheme's request board", &p.request_published);
      help_text("Mentors browsing the board see your four answers above and your topics, never your name, e-mail or "
                "organisation. Without this, only the coordinator sees your request.");
    }
  }
  if (p.is_mentee() && !scheme.preparation_questions.empty()) {
    section_heading("Before your first meeting");
    p.preparation.resize(std::max(p.preparation.size(), scheme.preparation_questions.size()));
    for (std::size_t i = 0; i < scheme.preparation_questions.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      p.preparation[i].question = scheme.preparation_questions[i];
      edited |= text_area(scheme.preparation_questions[i].c_str(), p.preparation[i].answer, 2);
      ImGui::PopID();
    }
  }
  ImGui::EndDisabled();
  if (edited) save_draft(session, state);
  if (missing_intake_fields(scheme, p).empty()) session.withdraw_notices(kMissingAnswersCause);

  section_heading("Send your application");
  if (button("Export application file", session.loaded())) export_application(session, state, scheme);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+S");
  offer_export_shortcut("Export application file", [&session, &state, &scheme] { export_application(session, state, scheme); });
  // The lock choice sits under the button, so the button stays where the form's end is.
  draw_export_lock_choice(session, true);
  if (!state.exported_file.empty()) {
    const std::string saved = "Saved as " + state.exported_file +
                              " in your downloads. E-mail this file to the scheme's coordinator; nothing has been sent "
                              "anywhere yet.";
    capture_text("export-result", saved);
    paragraph(saved.c_str());
    // The scheme file names no coordinator address: the person picks the recipient.
    if (button("Send by e-mail")) {
      platform::open_mail(mailto_url(file_message({}, "my application", state.exported_file, scheme.name)));
      session.notify(attach_by_hand_notice(state.exported_file));
    }
    if (!narrow_layout()) ImGui::SameLine();  // a phone has no room beside the button
    help_text("Opens your mail program with a message naming the file: attach it by hand.");
  }
}

}  // namespace pairwise::app
