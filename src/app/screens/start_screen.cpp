#include "app/screens/start_screen.hpp"

#include <imgui.h>

#include "core/version.hpp"

namespace pairwise::app {

void draw_start_screen() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("Start", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::SetWindowFontScale(1.6f);
  ImGui::TextUnformatted("Pairwise");
  ImGui::SetWindowFontScale(1.0f);
  ImGui::TextDisabled("Mentoring scheme workspace, version %s", app_version());
  ImGui::Separator();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
  ImGui::TextUnformatted(
      "Everything you type stays on this device, in this browser, until you export it to a file "
      "yourself. There is no server and no account: files you choose to send are the only way "
      "anything reaches another person.");
  ImGui::PopTextWrapPos();
  ImGui::End();
}

}  // namespace pairwise::app
