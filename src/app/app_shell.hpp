#pragma once
#include "app/screens/request_board_screen.hpp"
#include "app/session.hpp"

namespace pairwise::app {

// The frame around every screen: the top bar (roles, save status, settings), the storage banner,
// notices, and the current screen.
// The screens' own state, held by the app for as long as it runs.
// The header on a narrow screen: Settings chosen from the menu opens once the menu has closed.
struct TopBarState {
  bool open_settings = false;
};

struct AppScreens {
  TopBarState top_bar;
  RequestBoardScreen request_board;
};

void draw_app_shell(Session& session, AppScreens& screens);

}  // namespace pairwise::app
