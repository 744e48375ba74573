#include "app/screens/applicant_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/shortcuts.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "core/documents/documents.hpp"
#include "core/documents/mail_message.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

// The half-filled form lives in the settings record, so it survives reloads before it is complete
// enough to be a valid application.
constexpr const char* kDraftKey = "application_draft";

struct FormState {
  std::string scheme_id;
  int data_generation = -1;
  Person draft;
  bool loaded = false;
  bool tried_export = false;
  bool email_touched = false;
  std::string exported_file;
};

FormState& form() {
  static FormState state;
  return state;
}

// Takes the stored draft; the screen's own state (export attempt, file name) resets only when
// the scheme changes.
void load_draft(Session& session, FormState& state) {
  if (state.scheme_id != session.scheme_id()) state = FormState{};
  state.draft = Person{};
  state.scheme_id = session.scheme_id();
  state.data_generation = session.data_generation();
  state.loaded = true;
  const Json& settings = session.workspace().settings();
  if (settings.contains(kDraftKey) && settings[kDraftKey].is_object()) {
    const Json& drafts = settings[kDraftKey];
    if (drafts.contains(state.scheme_id)) {
      Errors ignored;  // a draft may be incomplete; whatever decodes is shown again
      decode(JsonReader(&drafts[state.scheme_id], "$", &ignored), state.draft);
    }
  }
  state.draft.scheme_id = state.scheme_id;
}

void save_draft(Session& session) {
  Session* s = &session;
  // The draft as it stands now goes into the journal at once (closing the tab loses nothing).
  Json journal = session.workspace().settings();
  journal[kDraftKey][form().scheme_id] = encode(form().draft);
  session.save_soon(
      "application",
      [s] {
        FormState& state = form();
        Json settings = s->workspace().settings();
        settings[kDraftKey][state.scheme_id] = encode(state.draft);
        s->record(s->workspace().set_settings(settings));
      },
      StoredRecord{kStoreSettings, "settings", std::move(journal)});
}

bool wants(const Scheme& scheme, const char* key) {
  if (scheme.intake_fields.empty()) return true;
  return std::any_of(scheme.intake_fields.begin(), scheme.intake_fields.end(),
                     [&](const IntakeField& f) { return f.key == key; });
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

void export_application(Session& session, FormState& state, const Scheme& scheme) {
  state.tried_export = true;
  Person person = state.draft;
  person.email = trim(person.email);
  // Every export is a new revision, so a corrected re-export wins over the copy already sent.
  person.meta = session.workspace().next_export_meta(person.meta);
  if (person.applied_on.empty()) person.applied_on = session.workspace().clock().today();
  if (!missing_intake_fields(scheme, person).empty()) {
    session.notify("Some required answers are missing: they are marked in red.", true);
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
  save_draft(session);
  state.exported_file = export_file_name({"application", scheme.name, person.name.empty() ? person.email : person.name,
                                          session.workspace().clock().today()},
                                         "json");
  platform::download_file(state.exported_file, "application/json", text);
}

}  // namespace

void draw_applicant_screen(Session& session) {
  const auto& schemes = session.workspace().schemes();
  auto found = schemes.find(session.scheme_id());
  if (found == schemes.end()) {
    screen_title("Apply to a scheme");
    help_text("Choose a scheme on the Start screen first.");
    return;
  }
  const Scheme& scheme = found->second;
  FormState& state = form();
  // Records that arrive from storage or another tab replace the form's copy.
  if (!state.loaded || state.scheme_id != session.scheme_id() || state.data_generation != session.data_generation())
    load_draft(session, state);
  Person& p = state.draft;
  const std::vector<std::string> missing = missing_intake_fields(scheme, p);
  bool edited = false;

  screen_title(("Apply to " + scheme.name).c_str(),
               "Your answers are saved on this device as you type. When you are ready, export the application "
               "file and e-mail it to the scheme's coordinator.");
  ImGui::BeginDisabled(!session.can_edit());

  section_heading("About you");
  std::string email_problem = problem_for(state, missing, "email");
  if (!p.email.empty() && !looks_like_email(trim(p.email)) && (state.email_touched || state.tried_export))
    email_problem = "this does not look like an e-mail address";
  edited |= text_field(label_for(scheme, "email", "E-mail address").c_str(), p.email, "name@example.org", email_problem);
  if (ImGui::IsItemDeactivated()) state.email_touched = true;
  if (wants(scheme, "name")) edited |= text_field(label_for(scheme, "name", "Full name").c_str(), p.name, "", problem_for(state, missing, "name"));

  ImGui::TextUnformatted(label_for(scheme, "roles", "I would like to be").c_str());
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
  if (wants(scheme, "country")) edited |= text_field(label_for(scheme, "country", "Country").c_str(), p.country, "", problem_for(state, missing, "country"));
  if (wants(scheme, "region")) edited |= text_field(label_for(scheme, "region", "Region").c_str(), p.region, "e.g. East Africa", problem_for(state, missing, "region"));
  if (wants(scheme, "timezone") || wants(scheme, "utc_offset_minutes")) {
    edited |= text_field(label_for(scheme, "timezone", "Time zone").c_str(), p.timezone_name, "e.g. Europe/London", problem_for(state, missing, "timezone"));
    int hours = p.utc_offset_minutes ? *p.utc_offset_minutes / 60 : 0;
    if (int_field("Hours from UTC (e.g. 1 for UTC+1, -5 for UTC-5)", hours, -12, 14)) {
      p.utc_offset_minutes = hours * 60;
      edited = true;
    }
  }
  if (wants(scheme, "languages")) edited |= list_field(label_for(scheme, "languages", "Languages you can mentor in").c_str(), p.languages, "e.g. Spanish; English", problem_for(state, missing, "languages"));
  if (wants(scheme, "topics") && scheme.topics.empty()) {
    edited |= list_field(label_for(scheme, "topics", "Areas of activity").c_str(), p.topics,
                         "e.g. implementation; evaluation", problem_for(state, missing, "topics"));
  } else if (wants(scheme, "topics")) {
    ImGui::TextUnformatted(label_for(scheme, "topics", "Areas of activity").c_str());
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
  if (wants(scheme, "experience_years")) {
    int years = p.experience_years.value_or(0);
    if (int_field(label_for(scheme, "experience_years", "Years of experience").c_str(), years, 0, 60)) {
      p.experience_years = years;
      edited = true;
    }
  }
  if (wants(scheme, "career_stage")) edited |= text_field("Career stage", p.career_stage, "e.g. early career, senior");
  if (wants(scheme, "face_to_face")) edited |= ImGui::Checkbox("I can meet face to face", &p.face_to_face);
  if (p.is_mentor() && wants(scheme, "capacity")) edited |= int_field("How many mentees can you take on?", p.capacity, 1, 20);
  if (wants(scheme, "availability")) edited |= text_field("Availability", p.availability, "e.g. 60-90 minutes a month");
  if (wants(scheme, "organisation")) edited |= text_field("Organisation", p.organisation, "", problem_for(state, missing, "organisation"));
  if (wants(scheme, "line_manager_email")) edited |= text_field("Line manager's e-mail (to avoid conflicts of interest)", p.line_manager_email);

  if (p.is_mentee() && (wants(scheme, "project.what") || scheme.intake_fields.empty())) {
    section_heading("Your project (for mentees)");
    edited |= text_area("What are you trying to do?", p.project.what, 3, problem_for(state, missing, "project.what"));
    edited |= text_area("How are you trying to do it?", p.project.how, 3, problem_for(state, missing, "project.how"));
    edited |= text_area("Which barriers do you face?", p.project.barriers, 3, problem_for(state, missing, "project.barriers"));
    edited |= text_area("What do you need a mentor to do?", p.project.mentor_role, 3, problem_for(state, missing, "project.mentor_role"));
    edited |= text_area("What outcome would mean success?", p.project.success_outcome, 3, problem_for(state, missing, "project.success_outcome"));
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
  if (edited) save_draft(session);

  section_heading("Send your application");
  if (button("Export application file", session.loaded())) export_application(session, state, scheme);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+S");
  offer_export_shortcut("Export application file", [&session, &state, &scheme] { export_application(session, state, scheme); });
  if (!state.exported_file.empty()) {
    paragraph(("Saved as " + state.exported_file + " in your downloads. E-mail this file to the scheme's coordinator; "
               "nothing has been sent anywhere yet.").c_str());
    // The scheme file names no coordinator address: the person picks the recipient.
    if (button("Send by e-mail")) {
      platform::open_mail(mailto_url(file_message({}, "my application", state.exported_file, scheme.name)));
      session.notify(attach_by_hand_notice(state.exported_file));
    }
    ImGui::SameLine();
    help_text("Opens your mail program with a message naming the file: attach it by hand.");
  }
}

}  // namespace pairwise::app
