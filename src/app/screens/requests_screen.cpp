#include "app/screens/requests_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/locked_files.hpp"
#include "app/semantics.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/operations/request_board.hpp"
#include "core/operations/scheme_operations.hpp"

namespace pairwise::app {

namespace {

void line(const std::string& text) {
  wrapped_format("%s", text.c_str());
}

}  // namespace

void draw_requests_screen(Session& session, const Scheme& scheme) {
  const Workspace& ws = session.workspace();
  const auto open = open_project_requests(ws, scheme.meta.id);
  // What make_request_board puts on the board, counted from the list already at hand; the board
  // itself is made only when exported.
  const auto on_board = static_cast<std::size_t>(std::count_if(open.begin(), open.end(), goes_on_board));
  section_heading("Publish the board for mentors");
  const std::string where = scheme.request_board_url.empty()
                                ? std::string("This scheme names no board address: send the file to mentors, who open it "
                                              "under Project requests.")
                                : "Put the file on the scheme's site next to the app as \"" + scheme.request_board_url +
                                      "\": mentors' Project requests screen opens it from there. Or send it to them.";
  paragraph(where.c_str());
  const std::string count = std::to_string(on_board) + " of " + std::to_string(open.size()) +
                            " open request(s) go on the board: only the four answers and topics, never a name or "
                            "contact.";
  capture_text("board-count", count);
  line(count);
  const std::string file_name = scheme.request_board_url.empty() ? std::string("request-board.json")
                                                                 : scheme.request_board_url.substr(scheme.request_board_url.find_last_of('/') + 1);
  if (button("Export request board", on_board > 0, "No open request whose mentee agreed to post it."))
    deliver_export(session, file_name, "application/json",
                   write_document(make_request_board(ws, scheme.meta.id, ws.clock().today()), ws.clock().now()));

  section_heading("Open requests");
  if (open.empty()) help_text("No open request: every mentee with a request has a mentor, or none has posted one.");
  for (const ProjectRequestView& r : open) {
    ImGui::PushID(r.mentee.meta.id.c_str());
    std::string text = ws.display_name(r.mentee.email) + ": \"" + r.mentee.project.what + "\"";
    text += r.issues.empty() ? "; short and precise" : "; not short and precise yet";
    text += goes_on_board(r) ? "; on the board" : "; not on the board (the mentee has not agreed to post it)";
    if (!r.interested_mentors.empty()) {
      text += "; interest from ";
      for (std::size_t i = 0; i < r.interested_mentors.size(); ++i)
        text += (i ? ", " : "") + ws.display_name(r.interested_mentors[i]);
      text += " (introduce them from Pairings)";
    }
    capture_text("open-request", text);
    line(text);
    for (const auto& i : r.issues) {
      ImGui::Indent();
      line(i.message);
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
}

}  // namespace pairwise::app
