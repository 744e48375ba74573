#pragma once
#include "app/backup_panel.hpp"
#include "app/screens/applicant_screen.hpp"
#include "app/screens/pair_screen.hpp"
#include "app/screens/request_board_screen.hpp"
#include "app/screens/start_screen.hpp"
#include "app/session.hpp"

namespace pairwise::app {

// The frame around every screen: the top bar (roles, save status, settings), the storage banner,
// notices, and the current screen.
// The screens' own state, held by the app for as long as it runs.
// The header on a narrow screen: Settings chosen from the menu opens once the menu has closed.
struct TopBarState {
  bool open_settings = false;
};

// The coordinator's screens keep theirs in the Session (ScreenStates); these are the others'.
// All start afresh together when the scheme changes or the workspace is replaced.
struct AppScreens {
  std::uint64_t generation = 0;  // ScreenStates::generation these belong to
  TopBarState top_bar;
  StartScreenState start;
  ApplicantFormState applicant;
  PairScreens pair;
  RequestBoardScreen request_board;
  RestoreDialogState restore;
};

void draw_app_shell(Session& session, AppScreens& screens);

}  // namespace pairwise::app
