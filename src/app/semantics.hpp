#pragma once
// The semantics layer: what a screen reader and the keyboard need from a canvas app. Each frame it
// collects every item a person can read or operate (role, accessible name, value, state, rectangle,
// in reading order) through Dear ImGui's item hooks, and hands only what changed to the page
// (web/semantics_library.js), which keeps transparent DOM elements with ARIA roles over the canvas.
// Requests the other way (a screen reader focusing or clicking an element) are queued by the page
// and applied at the start of the next frame.
#include <imgui.h>

#include <string>

namespace pairwise::app {

enum class SemanticRole : unsigned char {
  none,  // not mirrored (e.g. a scroll region)
  button,
  tab,
  textbox,
  checkbox,
  radio,
  combobox,
  option,
  slider,
  heading,
  text,
  alert,
  notice,
  status,
  dialog,
};

// What a widget helper knows and ImGui's hooks cannot tell (role, value, error, a clearer name).
// Empty strings and `none` keep what the hooks inferred.
struct ItemDescription {
  SemanticRole role = SemanticRole::none;
  std::string name;
  std::string value;
  std::string error;  // shown next to the item; makes it invalid
  bool multiline = false;
  bool secret = false;  // a passphrase: mirrored as a password field whose value is only '*'s
  bool required = false;
  bool opens_files = false;  // Enter/Space must open the browser's file chooser in the key event
  bool expanded = false;
  bool has_expanded = false;
  bool hidden = false;
  int checked = -1;  // 0 or 1 for a radio button drawn by ImGui::RadioButton (its hook reports no state)
  float min_value = 0;
  float max_value = 0;
};

// Describes the item just submitted (ImGui::GetItemID()).
void describe_last_item(const ItemDescription& description);
// Describes an item by id (e.g. a part of a compound widget such as InputInt's step buttons).
void describe_item(ImGuiID id, const ItemDescription& description);
// Mirrors text just drawn (headings, paragraphs, errors, notices, the save status) at the last
// item's rectangle.
void semantic_text(SemanticRole role, const std::string& text, int level = 0);

// Once per frame, right after ImGui::NewFrame(): applies the page's focus/activation requests.
void begin_semantics_frame();
// Once per drawn frame, after ImGui::Render(): keeps focus where a person can see it and sends the
// changes to the page.
void publish_semantics();
// Milliseconds publish_semantics() took since the last call (the layer's cost, for measuring).
double take_semantics_ms();
// True while a request from the page still needs frames drawn (focus first, activation next).
bool semantics_wants_frames();
// Installs the page side (DOM tree, live region, request queue).
void install_semantics();

}  // namespace pairwise::app
