#pragma once
// KIND's request board as a mentor sees it: the open project requests the coordinator published
// (fetched from the scheme's site, or opened as a file), filtered by topic, each saying whether it
// is short and precise; the mentor picks the ones they would mentor and exports an interest file.
#include <map>
#include <optional>
#include <string>

#include "app/session.hpp"
#include "core/documents/documents.hpp"

namespace pairwise::app {

// What the mentor types: name, e-mail and the note for each chosen request (by request id). It is
// kept in the settings record (kInterestDraftSetting) as it is typed, so a reload loses nothing.
struct InterestDraft {
  std::string name;
  std::string email;
  std::map<std::string, std::string> chosen;
};

// The screen's state, owned by the app and reset when the scheme changes.
struct RequestBoardScreen {
  std::string scheme_id;
  std::optional<RequestBoard> board;
  std::string board_source;   // "request-board.json on this site", or the file's name
  std::string board_problem;  // why the last attempt to open a board failed
  bool fetching = false;
  bool fetch_tried = false;   // the scheme's own board is fetched once on arrival
  std::string topic;          // "" for every topic
  // The form as typed, read from the settings record once and written back after each edit; the
  // screen draws this copy, never the stored one (a save lands after the typing pause).
  InterestDraft draft;
  bool draft_loaded = false;
  bool tried_export = false;
  std::string exported_file;
};

void draw_request_board_screen(Session& session, RequestBoardScreen& screen);

}  // namespace pairwise::app
