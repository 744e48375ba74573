#include "app/screens/conflict_choices.hpp"

#include <imgui.h>

#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/sync/field_merge.hpp"

namespace pairwise::app {

bool draw_conflict_choices(const Json& record, bool can_edit, std::string& path, Json& value, const char* explanation) {
  const auto conflicts = conflicts_in(record);
  if (conflicts.empty()) return false;
  bool chosen = false;
  section_heading("Edited on both devices");
  help_text(explanation != nullptr
                ? explanation
                : "You and your partner changed these on your own devices before exchanging notebooks. Both texts are "
                  "kept until you choose one (or type one text that combines them into the field below); your choice "
                  "reaches your partner with your next notebook.");
  for (const auto& c : conflicts) {
    ImGui::PushID(c.path.c_str());
    text_line(c.path.c_str());
    if (ImGui::BeginTable("versions", static_cast<int>(c.values.size()), ImGuiTableFlags_BordersInnerV)) {
      for (std::size_t i = 0; i < c.values.size(); ++i) {
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        const std::string label = i == 0 ? "Shown now" : "Also kept (version " + std::to_string(i + 1) + ")";
        muted_format("%s", label.c_str());
        const std::string text = conflict_value_text(c.values[i]);
        capture_text("kept-version", text);
        wrapped_format("%s", text.c_str());
        const std::string keep = "Keep this version of " + c.path;
        if (button(keep.c_str(), can_edit) && !chosen) {
          path = c.path;
          value = c.values[i];
          chosen = true;
        }
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  return chosen;
}

}  // namespace pairwise::app
