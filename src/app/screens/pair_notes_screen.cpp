// Private notes: one's own thoughts about the mentoring, kept apart from everything shared.
#include <imgui.h>

#include <algorithm>

#include "app/layout.hpp"
#include "app/screens/pair_screen_states.hpp"
#include "app/testing/item_capture.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kPrivacyPromise =
    "Only on this device: never exported to your partner or the coordinator.";

std::string first_line(const std::string& text) {
  std::string line = trim(text.substr(0, text.find('\n')));
  if (line.empty()) return "(empty)";
  if (line.size() > 32) {
    std::size_t cut = 32;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "…";
  }
  return line;
}

}  // namespace

void draw_pair_notes_screen(Session& session, const PairView& view, PairScreens& screens) {
  NotesState& s = screens.notes;
  // Notes belong to whoever wrote them: if this device switched sides, the other person's notes
  // stay hidden rather than being shown (or exported) as this person's own.
  std::vector<PrivateNote> notes;
  for (const PrivateNote& n : session.workspace().private_notes_of(view.pairing->meta.id))
    if (normalize_email(n.author_email) == normalize_email(view.my_email)) notes.push_back(n);
  std::sort(notes.begin(), notes.end(), [](const PrivateNote& a, const PrivateNote& b) {
    return a.date != b.date ? a.date > b.date : a.meta.created_at > b.meta.created_at;
  });
  if (std::none_of(notes.begin(), notes.end(), [&](const PrivateNote& n) { return n.meta.id == s.selected_id; }))
    s.selected_id = notes.empty() ? std::string() : notes.front().meta.id;

  // A distinct background marks everything on this tab as private.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, private_note_background());
  const bool boxed = !narrow_layout();  // (a phone: the whole screen scrolls as one)
  if (boxed) ImGui::BeginChild("PrivateNotes", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleColor();
  capture_text("privacy", kPrivacyPromise);
  text_line("Private notes");
  ImGui::SameLine();
  muted_format("%s", kPrivacyPromise);
  help_text("Meeting notes, the agreement and objectives are shared with your partner when you export a notebook "
            "for them; these notes are not.");
  ImGui::Spacing();

  if (button("New private note", session.can_edit())) {
    session.flush_now();
    PrivateNote n;
    n.pairing_id = view.pairing->meta.id;
    n.author_email = view.my_email;
    n.date = view.today;
    auto saved = session.workspace().save(n);
    if (session.record(saved, "Adding a private note") && !saved->upserts.empty()) {
      s.selected_id = saved->upserts.front().id;
      s.panes.detail_open = true;
    }
  }
  const ListDetailPane pane = list_detail_pane(s.panes, !s.selected_id.empty());
  begin_list_pane("NoteList", pane, ImGui::GetFontSize() * 15.0f);
  if (pane != ListDetailPane::detail) {
    if (notes.empty()) help_text("No private notes yet.");
    for (const PrivateNote& n : notes) {
      const std::string label = n.date + " · " + first_line(n.text) + "##" + n.meta.id;
      if (ImGui::Selectable(painted_label(label.c_str()).c_str(), s.selected_id == n.meta.id, 0, ImVec2(0, list_row_height()))) {
        s.selected_id = n.meta.id;
        s.panes.detail_open = true;
      }
    }
  }
  end_list_pane(pane);
  if (pane != ListDetailPane::list) {
  begin_detail_pane("NoteText", pane, s.panes, "‹ All private notes");
  if (s.draft.sync(session, s.selected_id)) {
    PrivateNote& n = s.draft.value;
    ImGui::BeginDisabled(!session.can_edit());
    bool edited = text_field("Date of the note", n.date, "YYYY-MM-DD",
                             is_valid_date(n.date) ? "" : "not a date like 2024-05-31 (kept as typed)");
    edited |= text_area("Private note", n.text, 12);
    ImGui::EndDisabled();
    if (edited) s.draft.save_soon(session, "the private note");  // a date that is not one is kept, flagged
    if (button("Delete this note", session.can_edit())) {
      session.flush_now();
      session.record(session.workspace().remove<PrivateNote>(s.selected_id));
      s.selected_id.clear();
    }
  } else {
    help_text("Write down what you want to remember for yourself.");
  }
  end_detail_pane(pane);
  }
  if (boxed) ImGui::EndChild();
}

}  // namespace pairwise::app
