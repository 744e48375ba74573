#include "app/screens/start_screen.hpp"

#include <imgui.h>

#include "app/file_buttons.hpp"
#include "app/layout.hpp"
#include "app/opened_documents.hpp"
#include "app/widgets.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/documents/documents.hpp"

namespace pairwise::app {
namespace {

void open_scheme_files(Session& session) {
  for (const platform::OpenedFile& file : take_opened_files()) {
    auto parsed = read_opened_document(session, file, DocumentKind::scheme,
                                       "Applications and other files are opened from the Coordinator screen.");
    if (!parsed) continue;
    Scheme scheme = std::get<SchemeDocument>(parsed->document).scheme;
    const std::string id = scheme.meta.id;
    // The same id replaces this device's copy (a coordinator's edit of an exported scheme file),
    // checked in full first; an unchanged file changes nothing.
    const bool known = session.workspace().find<Scheme>(id) != nullptr;
    if (session.record(import_scheme_file(session.workspace(), file.text, file.name), file.name)) {
      session.set_scheme(id);
      session.notify((known ? "Updated the scheme \"" : "Opened the scheme \"") + scheme.name + "\" from " + file.name + ".");
    }
  }
}

void add_preset(Session& session, const Scheme& preset) {
  for (const auto& [id, scheme] : session.workspace().schemes()) {
    if (scheme.name == preset.name) {
      session.set_scheme(id);
      return;
    }
  }
  Scheme copy = preset;
  copy.meta.id.clear();  // a fresh record of this device, editable from here on
  auto result = session.workspace().save(copy);
  if (session.record(result, preset.name) && !result->upserts.empty()) session.set_scheme(result->upserts.front().id);
}

}  // namespace

void draw_start_screen(Session& session, StartScreenState& state) {
  if (has_opened_files()) open_scheme_files(session);
  screen_title("Welcome to Pairwise", "A workspace for mentoring schemes: applications, matching, agreements, meetings and objectives.");
  paragraph("Everything you type stays on this device, in this browser, until you export it to a file yourself. "
            "There is no server and no account: the files you choose to send are the only way anything reaches "
            "another person.");

  section_heading("1. Choose your scheme");
  const auto& schemes = session.workspace().schemes();
  if (schemes.empty()) help_text("No scheme on this device yet: start from one of the built-in schemes, or open the scheme file your coordinator sent you.");
  for (const auto& [id, scheme] : schemes) {
    if (radio_button(scheme.name.c_str(), session.scheme_id() == id)) session.set_scheme(id);
  }
  text_line("Start from a built-in scheme:");
  std::vector<Scheme>& presets = state.presets;
  if (presets.empty()) presets = all_presets(session.workspace().ids(), session.workspace().clock());
  for (std::size_t i = 0; i < presets.size(); ++i) {
    const Scheme& preset = presets[i];
    if (i > 0) same_line_if_fits(button_width(preset.name.c_str()));  // a row that wraps on a phone
    ImGui::PushID(preset.name.c_str());
    if (ImGui::Button(preset.name.c_str())) add_preset(session, preset);
    ImGui::PopID();
  }
  open_files_button("Open a scheme file…");

  section_heading("2. What would you like to do?");
  const bool has_scheme = session.workspace().schemes().count(session.scheme_id()) > 0;
  const char* why = "Choose a scheme first.";
  if (button("Apply as a mentor or mentee", has_scheme, why)) session.set_role(UserRole::applicant);
  same_line_if_fits(button_width("Coordinate the scheme"));
  if (button("Coordinate the scheme", has_scheme, why)) session.set_role(UserRole::coordinator);
  // KIND: mentors choose from the requests mentees posted, on the board the coordinator publishes.
  if (has_scheme && session.workspace().schemes().at(session.scheme_id()).matching_mode == MatchingMode::mentor_picks_requests) {
    same_line_if_fits(button_width("Browse project requests (mentors)"));
    if (button("Browse project requests (mentors)")) session.set_role(UserRole::request_board);
  }
}

}  // namespace pairwise::app
