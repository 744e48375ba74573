#include "app/screens/pair_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "app/file_buttons.hpp"
#include "app/layout.hpp"
#include "app/screens/pair_shared.hpp"
#include "app/widgets.hpp"
#include "core/documents/documents.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kIntroductionPackPurpose = "pair/introduction-pack";
constexpr const char* kJoinPopup = "Join this pairing?";


void open_introduction_pack(Session& session, PairWorkspaceState& s, const platform::OpenedFile& file,
                            const IntroductionPack& pack) {
  session.flush_now();  // the preview compares against everything typed so far
  PendingJoin join{file.name, preview_introduction_pack(session.workspace(), {file.name, file.text}), pack, std::nullopt};
  if (!join.preview.can_apply()) {
    session.notify(file.name + ": this introduction pack was not added: " + join_errors(join.preview.import.errors), true);
    return;
  }
  join.side = side_in_pairing(session.workspace().settings(), join.preview.pairing_id);
  s.join = std::move(join);
}

// Files opened or dropped while the Pair workspace is shown: introduction packs join a pairing,
// notebooks go to the open pairing; anything else is explained.
void route_opened_files(Session& session, PairScreens& screens, const std::optional<PairView>& view) {
  if (!has_opened_files()) return;
  for (const platform::OpenedFile& file : take_opened_files()) {
    if (!file.error.empty()) {
      session.notify(file.name + " " + file.error, true);
      continue;
    }
    auto parsed = read_document(file.text, file.name);
    if (!parsed) {
      session.notify(parsed.error_text() + " (nothing was changed)", true);
      continue;
    }
    if (parsed->kind == DocumentKind::introduction_pack) {
      open_introduction_pack(session, screens.workspace, file, std::get<IntroductionPack>(parsed->document));
    } else if (parsed->kind == DocumentKind::pair_notebook && view) {
      open_partner_notebook(session, *view, screens.files, file);
    } else {
      session.notify(file.name + ": this is a " + to_string(parsed->kind) +
                         " file. Here you can open the introduction pack your coordinator sent you" +
                         (view ? " or the notebook your partner exported." : "."),
                     true);
    }
  }
}

void join_pairing(Session& session, PendingJoin& join) {
  session.flush_now();
  if (!session.record(apply_pair_file(session.workspace(), join.preview), join.file_name)) return;
  Json settings = with_side_in_pairing(session.workspace().settings(), join.preview.pairing_id, *join.side);
  settings = with_current_pairing(settings, join.preview.pairing_id);
  session.record(session.workspace().set_settings(settings));
  const Pairing& p = join.pack.pairing;
  session.notify("You joined the pairing of " + name_on_side(session.workspace(), p, Role::mentor) + " and " +
                 name_on_side(session.workspace(), p, Role::mentee) + " (" + join.pack.scheme.name + ").");
}

void draw_join_popup(Session& session, PairWorkspaceState& s) {
  if (s.join && !ImGui::IsPopupOpen(kJoinPopup)) ImGui::OpenPopup(kJoinPopup);
  if (!ImGui::BeginPopupModal(kJoinPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!s.join) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  PendingJoin& join = *s.join;
  const Pairing& p = join.pack.pairing;
  text_format("%s: %s", join.file_name.c_str(), join.pack.scheme.name.c_str());
  // Some schemes (IKT) register people by e-mail alone: the e-mail then stands for the name.
  const std::string mentor = join.pack.mentor.name.empty() ? p.mentor_email : join.pack.mentor.name;
  const std::string mentee = join.pack.mentee.name.empty() ? p.mentee_email : join.pack.mentee.name;
  text_format("Mentor: %s (%s)", mentor.c_str(), p.mentor_email.c_str());
  text_format("Mentee: %s (%s)", mentee.c_str(), p.mentee_email.c_str());
  if (join.preview.changes.empty()) {
    help_text("Everything in this pack is already on this device.");
  } else {
    text_line("Adding it stores on this device:");
    for (const std::string& line : join.preview.changes) bullet_format("%s", line.c_str());
  }
  ImGui::Spacing();
  text_line("Which one are you?");
  const std::string as_mentor = "I am the mentor, " + mentor;
  const std::string as_mentee = "I am the mentee, " + mentee;
  if (radio_button(as_mentor.c_str(), join.side == Role::mentor)) join.side = Role::mentor;
  if (radio_button(as_mentee.c_str(), join.side == Role::mentee)) join.side = Role::mentee;
  help_text("This device remembers your answer; it decides whose consent and notes are yours.");
  if (button("Join the pairing", join.side.has_value() && session.can_edit(), "Say whether you are the mentor or the mentee first.")) {
    join_pairing(session, join);
    s.join.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    s.join.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// Pairings this person joined on this device (a coordinator's pairings are not theirs).
std::vector<const Pairing*> joined_pairings(const Session& session) {
  std::vector<const Pairing*> out;
  for (const auto& [id, p] : session.workspace().pairings())
    if (side_in_pairing(session.workspace().settings(), id)) out.push_back(&p);
  return out;
}

void draw_empty_state() {
  screen_title("Your mentoring pair",
               "Keep your mentoring agreement, meeting notes and objectives with your mentor or mentee.");
  paragraph("When the coordinator has paired you, they send you an introduction pack: a .json file with the scheme "
            "and both your profiles. Open it here to start (or drop it anywhere on this page).");
  open_files_button("Open introduction pack…", kIntroductionPackPurpose);
  ImGui::Spacing();
  help_text("Everything you write stays in this browser. You share it by exporting a notebook for your partner, who "
            "opens it on their side; the coordinator only receives a progress report with counts and dates, never "
            "what you wrote.");
}

void draw_pairing_picker(Session& session, const std::vector<const Pairing*>& pairings, const Pairing& current) {
  if (pairings.size() < 2) return;
  auto label = [&](const Pairing& p) {
    const Scheme* s = session.workspace().find<Scheme>(p.scheme_id);
    return name_on_side(session.workspace(), p, Role::mentor) + " & " + name_on_side(session.workspace(), p, Role::mentee) +
           (s ? " (" + s->name + ")" : std::string());
  };
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 26.0f);
  if (labelled_combo("Pairing", label(current).c_str())) {
    for (const Pairing* p : pairings) {
      if (ImGui::Selectable(painted_label(label(*p).c_str()).c_str(), p->meta.id == current.meta.id) && p->meta.id != current.meta.id) {
        session.flush_now();  // drafts of this pairing are stored before the other one shows
        session.record(session.workspace().set_settings(with_current_pairing(session.workspace().settings(), p->meta.id)));
      }
    }
    ImGui::EndCombo();
  }
}

void draw_about_pairing(Session& session, const PairView& view) {
  const Pairing& p = *view.pairing;
  if (!ImGui::CollapsingHeader("About this pairing")) return;
  const Scheme* scheme = session.workspace().find<Scheme>(p.scheme_id);
  if (scheme) {
    text_format("Scheme: %s", scheme->name.c_str());
    if (!scheme->description.empty()) help_text(scheme->description.c_str());
  }
  text_format("Status: %s since %s", to_string(p.status()).c_str(), p.status_since().c_str());
  const Person* partner = session.workspace().person_by_email(email_on_side(p, other_side(view.side)));
  if (partner) {
    text_format("Your %s: %s <%s>", enum_to_string(kRoleNames, other_side(view.side)).c_str(), partner->name.c_str(),
                partner->email.c_str());
    if (!partner->project.empty()) {
      const std::pair<const char*, const std::string*> project[] = {
          {"What they are trying to do", &partner->project.what}, {"How", &partner->project.how},
          {"Barriers", &partner->project.barriers}, {"What they need from a mentor", &partner->project.mentor_role},
          {"What success would look like", &partner->project.success_outcome}};
      for (const auto& [title, text] : project)
        if (!text->empty()) bullet_format("%s: %s", title, text->c_str());
    }
  }
  text_line("On this device I am");
  for (Role side : {Role::mentor, Role::mentee}) {
    ImGui::SameLine();
    const std::string label = "the " + enum_to_string(kRoleNames, side) + "##my-side";
    if (radio_button(label.c_str(), view.side == side) && view.side != side && session.can_edit()) {
      session.flush_now();
      session.record(session.workspace().set_settings(with_side_in_pairing(session.workspace().settings(), p.meta.id, side)));
    }
  }
}

}  // namespace

void draw_pair_screen(Session& session, PairScreens& screens) {
  const auto pairings = joined_pairings(session);
  const Pairing* current = nullptr;
  const std::string wanted = current_pairing_of(session.workspace().settings());
  for (const Pairing* p : pairings)
    if (p->meta.id == wanted) current = p;
  if (!current && !pairings.empty()) current = pairings.front();

  std::optional<PairView> view;
  if (current) {
    PairView v;
    v.pairing = current;
    v.side = *side_in_pairing(session.workspace().settings(), current->meta.id);
    v.my_email = email_on_side(*current, v.side);
    v.my_name = name_on_side(session.workspace(), *current, v.side);
    v.partner_name = name_on_side(session.workspace(), *current, other_side(v.side));
    v.today = session.workspace().clock().today();
    view = v;
  }
  route_opened_files(session, screens, view);
  draw_join_popup(session, screens.workspace);
  if (!view) {
    draw_empty_state();
    return;
  }

  screen_title(("Mentoring: " + view->my_name + " and " + view->partner_name).c_str());
  text_format("You are the %s; your %s is %s.", enum_to_string(kRoleNames, view->side).c_str(),
              enum_to_string(kRoleNames, other_side(view->side)).c_str(), view->partner_name.c_str());
  draw_pairing_picker(session, pairings, *current);
  if (pairings.size() >= 2) same_line_if_fits(button_width("Open another introduction pack…"));
  open_files_button("Open another introduction pack…", kIntroductionPackPurpose);
  draw_about_pairing(session, *view);
  draw_partner_notebook_popup(session, *view, screens.files);

  struct Section {
    const char* title;
    void (*draw)(Session&, const PairView&, PairScreens&);
  };
  std::vector<Section> sections = {{"Agreement", draw_pair_agreement_screen}};
  if (pair_has_preparation(session, *view)) sections.push_back({"Preparation", draw_pair_preparation_screen});
  sections.insert(sections.end(), {{"Meetings", draw_pair_meetings_screen},
                                   {"Objectives", draw_pair_objectives_screen},
                                   {"Private notes", draw_pair_notes_screen},
                                   {"Feedback and ending", draw_pair_feedback_screen},
                                   {"Share and report", draw_pair_files_screen}});
  std::string& section = screens.workspace.section;
  std::string& section_shown = screens.workspace.section_shown;
  if (std::none_of(sections.begin(), sections.end(), [&](const Section& x) { return section == x.title; }))
    section = sections.front().title;
  // The tabs, each at its full width: where they do not all fit (a phone, a narrow window), they
  // were cut to "Agreem…", so one full-width choice shows the section instead.
  float tabs_width = 0;
  for (const Section& x : sections)
    tabs_width += ImGui::CalcTextSize(x.title).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemInnerSpacing.x;
  if (narrow_layout() || tabs_width > ImGui::GetContentRegionAvail().x) {
    text_line("Section");
    ImGui::SetNextItemWidth(-1);
    if (labelled_combo("Section##pair-section", section.c_str())) {
      for (const Section& x : sections)
        if (ImGui::Selectable(x.title, section == x.title, 0, ImVec2(0, list_row_height()))) section = x.title;
      ImGui::EndCombo();
    }
    for (const Section& x : sections)
      if (section == x.title) x.draw(session, *view, screens);
    return;
  }
  if (ImGui::BeginTabBar("PairTabs")) {
    for (const Section& x : sections) {
      // The section chosen on a narrow screen stays chosen when the window widens.
      const ImGuiTabItemFlags flags = section_shown != section && section == x.title ? ImGuiTabItemFlags_SetSelected : 0;
      if (ImGui::BeginTabItem(x.title, nullptr, flags)) {
        section = section_shown = x.title;
        x.draw(session, *view, screens);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
}

}  // namespace pairwise::app
