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

// The screen's state, owned by the session and reset when the scheme changes. What the mentor
// types (name, e-mail, the note for each chosen request) is not here: it lives in the settings
// record (kInterestDraftSetting) and survives a reload.
struct RequestBoardScreen {
  std::string scheme_id;
  std::optional<RequestBoard> board;
  std::string board_source;   // "request-board.json on this site", or the file's name
  std::string board_problem;  // why the last attempt to open a board failed
  bool fetching = false;
  bool fetch_tried = false;   // the scheme's own board is fetched once on arrival
  std::string topic;          // "" for every topic
  bool tried_export = false;
  std::string exported_file;
};

void draw_request_board_screen(Session& session, RequestBoardScreen& screen);

}  // namespace pairwise::app
