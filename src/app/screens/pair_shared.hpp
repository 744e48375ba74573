#pragma once
// What the Pair workspace's tabs share: the open pairing seen from this person's side, working
// copies of records being typed into, and the one-line dialogs (date of a new meeting, …).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/screens/conflict_choices.hpp"
#include "app/session.hpp"
#include "core/pair/pair_member.hpp"
#include "core/sync/field_merge.hpp"
#include "platform/files.hpp"

namespace pairwise::app {

// The open pairing as this person sees it.
struct PairView {
  const Pairing* pairing = nullptr;
  Role side = Role::mentee;
  std::string my_email;
  std::string my_name;
  std::string partner_name;
  std::string today;
};

// "Mina Mentor (mentor)" for the side given.
std::string person_label(const Session& session, const Pairing& pairing, Role side);

// A screen's working copy of one stored record. It is typed into directly and saved after a pause
// (Session::save_soon); it reloads when another record is chosen or the stored record changed
// underneath (another tab, a merged notebook, a chosen conflict), and keeps what is being typed
// when the only change was its own save landing or a change to other records.
template <class T>
struct RecordDraft {
  std::string id;
  std::optional<std::uint64_t> version;  // the workspace version last looked at
  T taken{};                             // the stored record this copy started from
  std::optional<T> sent;                 // what this copy last handed to be saved
  T value{};

  // Returns false if the record no longer exists.
  bool sync(const Session& session, const std::string& wanted_id) {
    const T* stored = session.workspace().find<T>(wanted_id);
    if (id != wanted_id || !version) {
      take(session, wanted_id, stored);
    } else if (*version != session.workspace_version()) {
      version = session.workspace_version();
      const T current = stored ? *stored : T{};
      // Its own save landing (what was sent may differ from what is shown: a meeting keeps its
      // last valid date while the typed one is not a date yet) or no change to this record.
      const bool own = same_content(current, value) || (sent && same_content(current, *sent));
      if (own) taken = current;
      else if (!same_content(current, taken)) take(session, wanted_id, stored);  // changed underneath
    }
    return stored != nullptr;
  }

  // Saves this copy after the typing pause; the copy is taken now, so choosing another record
  // before the pause ends cannot redirect the save.
  void save_soon(Session& session, const char* what) { save_soon(session, what, value); }
  // Saves `copy` (this record as it should be stored) after the typing pause.
  void save_soon(Session& session, const char* what, T copy) {
    Session* s = &session;
    sent = copy;
    StoredRecord journal{T::kStore, id, encode(copy)};
    session.save_soon(
        std::string("pair/") + T::kStore + "/" + id,
        [s, copy, what] { s->record(s->workspace().save(copy), std::string("Saving ") + what); }, std::move(journal));
  }

  // Saves at once (a button press); earlier typing is stored first so it cannot land afterwards
  // and overwrite this change with an older copy.
  void save_now(Session& session, const char* what) {
    const T pressed = value;
    sent = pressed;
    session.flush_now();
    session.record(session.workspace().save(pressed), std::string("Saving ") + what);
    version.reset();  // take the stored revision on the next frame
  }

 private:
  void take(const Session& session, const std::string& wanted_id, const T* stored) {
    id = wanted_id;
    version = session.workspace_version();
    taken = value = stored ? *stored : T{};
    sent.reset();
  }
  // Equal apart from the revision, times and field versions that a save gives it.
  static bool same_content(const T& a, T b) {
    b.meta = a.meta;
    return a == b;
  }
};


// Fields edited on both devices keep both texts until the person chooses: each value is shown
// side by side with a button to keep it (typing a combined text into the field resolves it too).
// Returns true when a choice was stored.
template <class T>
bool draw_conflicts(Session& session, const T& record, RecordDraft<T>& draft) {
  std::string path;
  Json value;
  if (!draw_conflict_choices(encode(record), session.can_edit(), path, value)) return false;
  session.flush_now();
  const bool stored = session.record(session.workspace().resolve_conflict<T>(record.meta.id, path, value),
                                     "Keeping the chosen text");
  draft.version.reset();  // take the stored record on the next frame
  return stored;
}
// A small popup with one single-line field: Enter confirms, Esc or Cancel closes. Open it with
// ImGui::OpenPopup(title) after setting `value`. Returns true on the frame the person confirms
// with a valid value; `problem` (empty when fine) blocks confirming and is shown once something is typed.
bool single_line_dialog(const char* title, const char* label, std::string& value, const char* confirm,
                        const std::string& problem);

// Downloads `meetings` of the open pairing as one calendar file (.ics) named after `what`
// ("meeting-2024-05-31", "planned-meetings") and says where it went.
void download_meetings_calendar(Session& session, const PairView& view, const std::vector<Meeting>& meetings,
                                const std::string& what);
// Opens a printable page (from core/print) in a new window; if the browser blocks the window, the
// page is downloaded as `file_name` instead, and the person is told how to print it.
void open_printable(Session& session, const std::string& html, const std::string& file_name);

// Meetings, objectives and private notes: the list beside the chosen item on a wide screen; on a
// narrow one (a phone) either the list or the chosen item, under a button back to the list.
enum class ListDetailPane { both, list, detail };
struct ListDetailView {
  bool detail_open = false;  // narrow screens: the chosen item is shown instead of the list
};
ListDetailPane list_detail_pane(const ListDetailView& view, bool has_selection);
// Opens the list (or list and detail) part; `list_width` applies beside the detail only.
void begin_list_pane(const char* id, ListDetailPane pane, float list_width);
void end_list_pane(ListDetailPane pane);
// Opens the detail part; on a narrow screen with the back button `back_label` above it.
void begin_detail_pane(const char* id, ListDetailPane pane, ListDetailView& view, const char* back_label);
void end_detail_pane(ListDetailPane pane);

// Draws the open pairing's tabs (agreement, meetings, objectives, private notes, sharing); each
// keeps what it remembers in its part of `screens` (app/screens/pair_screen_states.hpp).
struct PairScreens;
struct PairFilesState;
void draw_pair_agreement_screen(Session& session, const PairView& view, PairScreens& screens);
void draw_pair_meetings_screen(Session& session, const PairView& view, PairScreens& screens);
void draw_pair_objectives_screen(Session& session, const PairView& view, PairScreens& screens);
void draw_pair_notes_screen(Session& session, const PairView& view, PairScreens& screens);
// The mentee's preparation before the first meeting; only for schemes that ask preparation questions.
bool pair_has_preparation(const Session& session, const PairView& view);
void draw_pair_preparation_screen(Session& session, const PairView& view, PairScreens& screens);
// Periodic and ending feedback from this side, and withdrawing without fault.
void draw_pair_feedback_screen(Session& session, const PairView& view, PairScreens& screens);
void draw_pair_files_screen(Session& session, const PairView& view, PairScreens& screens);
// The partner's notebook, opened or dropped on any tab: previewed in the sharing tab's dialog.
void open_partner_notebook(Session& session, const PairView& view, PairFilesState& files, const platform::OpenedFile& file);
// The merge preview dialog; drawn whichever tab is showing, since files may be dropped anywhere.
void draw_partner_notebook_popup(Session& session, const PairView& view, PairFilesState& files);

}  // namespace pairwise::app
