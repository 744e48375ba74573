#include "app/screens/pair_shared.hpp"

#include "app/layout.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/widgets.hpp"
#include "core/calendar/ics.hpp"
#include "core/documents/file_names.hpp"
#include "platform/browser.hpp"

namespace pairwise::app {
std::string person_label(const Session& session, const Pairing& pairing, Role side) {
  return name_on_side(session.workspace(), pairing, side) + " (" + enum_to_string(kRoleNames, side) + ")";
}

void download_meetings_calendar(Session& session, const PairView& view, const std::vector<Meeting>& meetings,
                                const std::string& what) {
  if (meetings.empty()) return;
  session.flush_now();  // the file holds the time typed up to the click
  const Pairing& p = *view.pairing;
  const std::string name = export_file_name({"calendar", name_on_side(session.workspace(), p, Role::mentor),
                                             name_on_side(session.workspace(), p, Role::mentee), what},
                                            "ics");
  // Meetings as stored now (flush_now may just have saved a typed time).
  std::vector<Meeting> current;
  for (const Meeting& m : meetings)
    if (const Meeting* stored = session.workspace().find<Meeting>(m.meta.id)) current.push_back(*stored);
  platform::download_file(name, "text/calendar", meetings_calendar(session.workspace(), current));
  session.notify("Saved " + name + " in your downloads: open it to add " +
                 (current.size() == 1 ? std::string("the meeting") : std::to_string(current.size()) + " meetings") +
                 " to your calendar. It says who meets and when, never your notes.");
}

void open_printable(Session& session, const std::string& html, const std::string& name) {
  if (platform::open_printable_page(html)) {
    session.notify("The printable page opened in a new window: print it from there (Ctrl+P or Cmd+P).");
    return;
  }
  platform::download_file(name, "text/html", html);
  session.notify("Your browser blocked the new window, so the page was saved as " + name +
                     " in your downloads: open it and print it from there.",
                 true);
}

bool single_line_dialog(const char* title, const char* label, std::string& value, const char* confirm,
                        const std::string& problem) {
  bool confirmed = false;
  if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    text_line(label);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20.0f);
    const bool entered = ImGui::InputText((std::string("##") + label).c_str(), &value, ImGuiInputTextFlags_EnterReturnsTrue);
    describe_text_input(label, value);
    // An empty field is not scolded before the person has typed anything; it only cannot be confirmed.
    if (!problem.empty() && !value.empty()) error_text(problem);
    if ((button(confirm, problem.empty()) || entered) && problem.empty()) {
      confirmed = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return confirmed;
}

ListDetailPane list_detail_pane(const ListDetailView& view, bool has_selection) {
  if (!narrow_layout()) return ListDetailPane::both;
  return view.detail_open && has_selection ? ListDetailPane::detail : ListDetailPane::list;
}

// On a narrow screen neither part is a scrolling box of its own: the whole screen scrolls as one,
// so a finger's drag moves what it is on and no box is squeezed under the header.
void begin_list_pane(const char* id, ListDetailPane pane, float list_width) {
  if (pane == ListDetailPane::both) ImGui::BeginChild(id, ImVec2(list_width, 0), ImGuiChildFlags_Border);
}

void end_list_pane(ListDetailPane pane) {
  if (pane != ListDetailPane::both) return;
  ImGui::EndChild();
  ImGui::SameLine();
}

void begin_detail_pane(const char* id, ListDetailPane pane, ListDetailView& view, const char* back_label) {
  if (pane == ListDetailPane::detail && ImGui::Button(back_label)) view.detail_open = false;
  if (pane == ListDetailPane::both) ImGui::BeginChild(id, ImVec2(0, 0));
}

void end_detail_pane(ListDetailPane pane) {
  if (pane == ListDetailPane::both) ImGui::EndChild();
}

}  // namespace pairwise::app
