#include "app/screens/coordinator_screen.hpp"

#include <imgui.h>

#include "app/locked_files.hpp"

#include "app/screens/import_screen.hpp"
#include "app/screens/matching_screen.hpp"
#include "app/screens/monitoring_screen.hpp"
#include "app/screens/pairings_screen.hpp"
#include "app/screens/participants_screen.hpp"
#include "app/screens/requests_screen.hpp"
#include "app/widgets.hpp"
#include "core/documents/documents.hpp"
#include "core/documents/file_names.hpp"
#include "platform/files.hpp"

namespace pairwise::app {

void draw_coordinator_screen(Session& session) {
  const auto& schemes = session.workspace().schemes();
  auto found = schemes.find(session.scheme_id());
  if (found == schemes.end()) {
    screen_title("Coordinate a scheme");
    help_text("Choose a scheme on the Start screen first.");
    return;
  }
  // A copy: an import or an accepted match replaces the workspace's tables mid-frame, and a
  // reference into them would then dangle.
  const Scheme scheme = found->second;
  screen_title(scheme.name.c_str());
  // A scheme is edited as a file: export it, change it (weights, expectations, questions…), open
  // it again on the Start screen, where it replaces this one after being checked.
  if (ImGui::SmallButton("Export scheme file")) {
    deliver_export(session, export_file_name({"scheme", scheme.name, session.workspace().clock().today()}, "json"),
                   "application/json", write_document(SchemeDocument{scheme}, session.workspace().clock().now()));
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Edit the exported file and open it on the Start screen to change this scheme's rules");
  if (ImGui::BeginTabBar("CoordinatorTabs")) {
    if (ImGui::BeginTabItem("Import")) {
      draw_import_screen(session, scheme);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Participants")) {
      draw_participants_screen(session, scheme);
      ImGui::EndTabItem();
    }
    if (scheme.matching_mode == MatchingMode::mentor_picks_requests && ImGui::BeginTabItem("Requests")) {
      draw_requests_screen(session, scheme);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Matching")) {
      draw_matching_screen(session, scheme);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Pairings")) {
      draw_pairings_screen(session, scheme);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Monitoring")) {
      draw_monitoring_screen(session, scheme);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace pairwise::app
