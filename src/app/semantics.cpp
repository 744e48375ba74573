#include "app/item_label.hpp"
#include "app/semantics.hpp"

#include <imgui_internal.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "app/testing/item_capture.hpp"
#include "platform/browser.hpp"
#include "platform/semantics.hpp"

namespace pairwise::app {
namespace {

struct Node {
  ImGuiID id = 0;
  SemanticRole role = SemanticRole::none;
  std::string name;
  std::string value;
  std::string error;
  ImRect rect;
  ImGuiID window = 0;
  ImGuiID dialog = 0;  // the dialog (popup window) the item sits in, 0 for the main window
  ImGuiID table = 0;
  ImGuiID tab_bar = 0;
  int row = -1;
  int column = -1;
  int row_count = 0;  // rows of a virtualised table (only some are drawn)
  int level = 0;
  bool disabled = false;
  bool checked = false;
  bool selected = false;
  bool expanded = false;
  bool has_expanded = false;
  bool multiline = false;
  bool secret = false;
  bool required = false;
  bool opens_files = false;
  bool modal = false;
  bool visible = true;
  bool hidden = false;
  float min_value = 0;
  float max_value = 0;

  bool operator==(const Node& o) const {
    return id == o.id && role == o.role && name == o.name && value == o.value && error == o.error &&
           rect.Min.x == o.rect.Min.x && rect.Min.y == o.rect.Min.y && rect.Max.x == o.rect.Max.x &&
           rect.Max.y == o.rect.Max.y && dialog == o.dialog && table == o.table && tab_bar == o.tab_bar && row == o.row &&
           column == o.column && row_count == o.row_count && level == o.level && disabled == o.disabled &&
           checked == o.checked && selected == o.selected && expanded == o.expanded &&
           has_expanded == o.has_expanded && multiline == o.multiline && secret == o.secret && required == o.required && opens_files == o.opens_files &&
           modal == o.modal && visible == o.visible && hidden == o.hidden && min_value == o.min_value &&
           max_value == o.max_value;
  }
};

// A focus or activation wanted for an item, applied while that item is submitted (where ImGui's
// window and focus scope are the item's own).
struct Request {
  ImGuiID id = 0;
  bool activate = false;
  bool text_input = false;  // start editing a text field
  bool show_focus = true;   // draw the keyboard focus ring
  int frames_left = 0;
};

struct Frame {
  std::vector<Node> nodes;
  std::unordered_map<ImGuiID, std::size_t> index;
  std::string screen_title;
  void clear() {
    nodes.clear();
    index.clear();
    screen_title.clear();
  }
};

Frame g_frame;
Frame g_previous;
// Every item as last seen on screen, by id. Dear ImGui lays out an item scrolled out of its window
// but skips the rest of it (no label, no state), so without this a screen reader would find only
// what fits the window; an item scrolled away keeps its name and state from when it was shown.
std::unordered_map<ImGuiID, Node> g_seen_on_screen;
constexpr std::size_t kMaxSeenOnScreen = 20000;
std::vector<ImGuiID> g_published_order;
std::unordered_map<ImGuiID, Node> g_published;
ImGuiID g_published_focus = 0;
ImGuiID g_published_text = 0;
std::vector<Request> g_requests;
std::unordered_map<ImGuiID, int> g_text_ids_seen;  // same text twice in one window gets distinct ids
std::string g_open_combo_preview;
bool g_installed = false;
int g_dialogs_at_frame_start = 0;
// Frames still to draw for a request: activation happens on the frame after the focus moves.
int g_frames_wanted = 0;
bool g_paused = false;
double g_spent_ms = 0;  // in publish_semantics since the last take_semantics_ms()

bool interactive(SemanticRole role) {
  switch (role) {
    case SemanticRole::button:
    case SemanticRole::tab:
    case SemanticRole::textbox:
    case SemanticRole::checkbox:
    case SemanticRole::radio:
    case SemanticRole::combobox:
    case SemanticRole::option:
    case SemanticRole::slider: return true;
    default: return false;
  }
}

bool focusable(const Node& n) { return interactive(n.role) && !n.disabled && !n.hidden; }

const char* role_name(SemanticRole role) {
  switch (role) {
    case SemanticRole::none: return "";
    case SemanticRole::button: return "button";
    case SemanticRole::tab: return "tab";
    case SemanticRole::textbox: return "textbox";
    case SemanticRole::checkbox: return "checkbox";
    case SemanticRole::radio: return "radio";
    case SemanticRole::combobox: return "combobox";
    case SemanticRole::option: return "option";
    case SemanticRole::slider: return "slider";
    case SemanticRole::heading: return "heading";
    case SemanticRole::text: return "text";
    case SemanticRole::alert: return "alert";
    case SemanticRole::notice: return "notice";
    case SemanticRole::status: return "status";
    case SemanticRole::dialog: return "dialog";
  }
  return "";
}

std::string shown_label(const char* label) { return item_name(label); }

bool is_combo_popup(const ImGuiWindow* w) { return std::strncmp(w->Name, "##Combo_", 8) == 0; }

// The dialog an item belongs to: the nearest popup window that is not a combo list, menu or tooltip.
const ImGuiWindow* dialog_of(const ImGuiWindow* window) {
  for (const ImGuiWindow* w = window ? window->RootWindow : nullptr; w != nullptr;) {
    if (!(w->Flags & ImGuiWindowFlags_Popup)) return nullptr;
    if (!is_combo_popup(w) && !(w->Flags & (ImGuiWindowFlags_ChildMenu | ImGuiWindowFlags_Tooltip))) return w;
    w = w->ParentWindow ? w->ParentWindow->RootWindow : nullptr;
  }
  return nullptr;
}

Node& node_for(ImGuiID id) {
  auto found = g_frame.index.find(id);
  if (found != g_frame.index.end()) return g_frame.nodes[found->second];
  g_frame.index.emplace(id, g_frame.nodes.size());
  g_frame.nodes.push_back({});
  g_frame.nodes.back().id = id;
  return g_frame.nodes.back();
}

Node* find_node(Frame& frame, ImGuiID id) {
  auto found = frame.index.find(id);
  return found == frame.index.end() ? nullptr : &frame.nodes[found->second];
}

void place(Node& node, ImGuiContext* ctx, const ImRect& bb) {
  ImGuiWindow* window = ctx->CurrentWindow;
  node.rect = bb;
  node.window = window ? window->ID : 0;
  const ImGuiWindow* dialog = dialog_of(window);
  node.dialog = dialog ? dialog->ID : 0;
  node.visible = window != nullptr && !window->SkipItems && window->ClipRect.Overlaps(bb);
  if (ImGuiTable* table = ctx->CurrentTable; table != nullptr && window == table->InnerWindow) {
    node.table = table->ID;
    node.row = table->CurrentRow;
    node.column = table->CurrentColumn;
    if (ctx->ClipperTempDataStacked > 0)
      node.row_count = ctx->ClipperTempData[ctx->ClipperTempDataStacked - 1].ListClipper->ItemsCount;
  }
}

void apply_request(ImGuiContext* ctx, ImGuiID id, const ImRect& bb) {
  for (auto it = g_requests.begin(); it != g_requests.end(); ++it) {
    if (it->id != id) continue;
    ImGuiWindow* window = ctx->CurrentWindow;
    ImGui::SetFocusID(id, window);
    ImGui::ScrollToRectEx(window, bb, ImGuiScrollFlags_KeepVisibleEdgeY);
    if (it->show_focus) {
      ctx->NavDisableHighlight = false;
      ctx->NavDisableMouseHover = true;
    }
    // Activating a field being edited again would restart its editing (and drop what is typed).
    if ((it->activate || it->text_input) && ctx->ActiveId != id) {
      ImGui::ActivateItemByID(id);
      if (it->text_input) ctx->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    g_requests.erase(it);
    g_frames_wanted = 3;
    return;
  }
}

// The window got smaller while a field is being edited (a phone's on-screen keyboard came up, the
// page is fitted to what it leaves: web/platform_library.js): the field scrolls back into view.
ImVec2 g_display_size;
int g_keep_in_view_frames = 0;

void keep_edited_field_in_view(ImGuiContext* ctx, ImGuiID id, const ImRect& bb) {
  if (g_keep_in_view_frames <= 0 || id != ctx->ActiveId || ctx->InputTextState.ID != id) return;
  ImGui::ScrollToRectEx(ctx->CurrentWindow, bb, ImGuiScrollFlags_KeepVisibleEdgeY);
}

void queue(const Request& request) {
  g_frames_wanted = 3;
  for (Request& r : g_requests)
    if (r.id == request.id) {
      r = request;
      return;
    }
  g_requests.push_back(request);
}

void request_from_page(unsigned id, int kind) {
  // kind: 0 focus, 1 activate (click, Enter), 2 focus and start editing text. The person's choice
  // wins over a focus the app was about to move by itself (a screen's first field).
  g_requests.clear();
  queue(Request{static_cast<ImGuiID>(id), kind == 1, kind == 2, true, 4});
}

nlohmann::json to_json(const Node& n) {
  nlohmann::json j = {{"i", n.id},
                      {"r", role_name(n.role)},
                      {"n", n.name},
                      {"x", n.rect.Min.x},
                      {"y", n.rect.Min.y},
                      {"w", n.rect.GetWidth()},
                      {"h", n.rect.GetHeight()}};
  if (!n.value.empty() || n.role == SemanticRole::textbox || n.role == SemanticRole::slider) j["v"] = n.value;
  if (!n.error.empty()) j["e"] = n.error;
  if (n.dialog != 0) j["dlg"] = n.dialog;
  if (n.table != 0) {
    j["tb"] = n.table;
    j["row"] = n.row;
    j["col"] = n.column;
    if (n.row_count > 0) j["rc"] = n.row_count;
  }
  if (n.tab_bar != 0) j["tl"] = n.tab_bar;
  if (n.level > 0) j["lv"] = n.level;
  if (n.disabled) j["d"] = 1;
  if (n.role == SemanticRole::checkbox || n.role == SemanticRole::radio) j["c"] = n.checked ? 1 : 0;
  if (n.selected) j["s"] = 1;
  if (n.has_expanded) j["ex"] = n.expanded ? 1 : 0;
  if (n.multiline) j["ml"] = 1;
  if (n.secret) j["pw"] = 1;
  if (n.required) j["rq"] = 1;
  if (n.opens_files) j["of"] = 1;
  if (n.modal) j["mod"] = 1;
  if (!n.visible) j["off"] = 1;
  if (n.role == SemanticRole::slider) {
    j["min"] = n.min_value;
    j["max"] = n.max_value;
  }
  return j;
}

bool mirrored(const Node& n) { return n.role != SemanticRole::none && !n.hidden && (!n.name.empty() || n.role == SemanticRole::dialog); }

// Where keyboard focus goes when the focused item is gone: the item that followed it (or, failing
// that, preceded it) when it was last drawn, so Tab carries on from the same place.
std::vector<ImGuiID> g_focus_seen_order;  // reading order on the last frame the focused item was drawn
ImGuiID g_focus_seen = 0;
ImRect g_focus_seen_rect;  // where it was then

// The control drawn where the lost one was ("Withdraw my consent" in place of "I agree"): what
// took its place is what the person expects focus on, not a neighbour further up the screen.
ImGuiID successor_in_place() {
  for (const Node& n : g_frame.nodes)
    if (focusable(n) && n.visible && n.dialog == 0 && n.rect.Overlaps(g_focus_seen_rect)) return n.id;
  return 0;
}

ImGuiID replacement_for(ImGuiID lost) {
  const auto at = std::find(g_focus_seen_order.begin(), g_focus_seen_order.end(), lost);
  if (at == g_focus_seen_order.end()) return 0;
  auto usable = [](ImGuiID id) {
    const Node* now = find_node(g_frame, id);
    return now != nullptr && focusable(*now) && now->visible;
  };
  for (auto it = at + 1; it != g_focus_seen_order.end(); ++it)
    if (usable(*it)) return *it;
  for (auto it = at; it != g_focus_seen_order.begin();)
    if (usable(*--it)) return *it;
  return 0;
}

// The first field of the screen just opened: a text field if the screen has one, else its first
// control, after the screen's title.
ImGuiID first_field_after_title() {
  bool after_title = false;
  ImGuiID first_control = 0;
  for (const Node& n : g_frame.nodes) {
    if (n.role == SemanticRole::heading && n.level == 1) after_title = true;
    if (!after_title || !focusable(n) || !n.visible || n.dialog != 0) continue;
    if (n.role == SemanticRole::textbox) return n.id;
    if (first_control == 0) first_control = n.id;
  }
  return first_control;
}

void keep_focus_in_view(ImGuiContext& g) {
  const bool keyboard = !g.NavDisableHighlight;
  if (!g_frame.screen_title.empty() && !g_previous.screen_title.empty() && g_frame.screen_title != g_previous.screen_title &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    if (const ImGuiID first = first_field_after_title(); first != 0) {
      const Node* n = find_node(g_frame, first);
      queue(Request{first, false, keyboard && n->role == SemanticRole::textbox, keyboard, 3});
      return;
    }
  }
  // A dialog on top keeps the keyboard: focus goes to its first control when it opens, and back
  // into it if it strays (Tab never reaches what is behind a dialog).
  const Node* top_dialog = nullptr;
  for (const Node& n : g_frame.nodes)
    if (n.role == SemanticRole::dialog) top_dialog = &n;
  if (top_dialog != nullptr) {
    const Node* focused_node = find_node(g_frame, g.NavId);
    if (focused_node != nullptr && focused_node->dialog == top_dialog->id) return;
    if (g.ActiveId != 0 && g.ActiveIdWindow != nullptr && dialog_of(g.ActiveIdWindow) != nullptr) return;
    for (const Node& n : g_frame.nodes)
      if (n.dialog == top_dialog->id && focusable(n)) {
        queue(Request{n.id, false, keyboard && n.role == SemanticRole::textbox, keyboard, 3});
        return;
      }
    return;
  }
  const ImGuiID focused = g.NavId;
  if (focused != 0 && g_frame.index.count(focused) != 0) {
    g_focus_seen = focused;
    g_focus_seen_rect = find_node(g_frame, focused)->rect;
    g_focus_seen_order.clear();
    for (const Node& n : g_frame.nodes) g_focus_seen_order.push_back(n.id);
    return;
  }
  // Gone: the focused item vanished (its row changed, its reminder went away), or the keyboard
  // focus was dropped while someone was using the keyboard.
  // Only for someone using the keyboard: an item scrolled out of a region by the mouse wheel also
  // stops being drawn, and pulling focus (and the scroll) back to it would fight the wheel.
  if (!keyboard || g.IO.MouseWheel != 0 || g.IO.MouseWheelH != 0) return;
  const ImGuiID lost = focused != 0 ? focused : g_focus_seen;
  if (lost == 0 || lost != g_focus_seen) return;
  if (g.ActiveId != 0 && g.ActiveId != lost) return;
  // A field being typed into is still there while ImGui keeps it alive, described this frame or
  // not (a banner that appears mid-word moves it): pulling focus away would send the rest of the
  // word elsewhere.
  if (g.ActiveId == lost && g.ActiveIdIsAlive == lost) return;
  // Dropped while still there (e.g. the page lost focus to a file chooser): it gets focus back.
  const Node* still = find_node(g_frame, lost);
  if (still != nullptr && focusable(*still)) {
    queue(Request{lost, false, false, keyboard, 3});
    return;
  }
  if (const ImGuiID in_place = successor_in_place(); in_place != 0) {
    queue(Request{in_place, false, false, keyboard, 3});
    return;
  }
  if (const ImGuiID next = replacement_for(lost); next != 0) queue(Request{next, false, false, keyboard, 3});
}

void publish(ImGuiContext& g) {
  nlohmann::json update;
  nlohmann::json changed = nlohmann::json::array();
  std::vector<ImGuiID> order;
  order.reserve(g_frame.nodes.size());
  std::unordered_map<ImGuiID, Node> now;
  now.reserve(g_frame.nodes.size());
  const Node* last_opener = nullptr;
  for (Node& n : g_frame.nodes) {
    if (n.has_expanded && n.expanded) last_opener = &n;
    // ImGui::BeginPopup windows are called "##Popup_1a2b3c4d": such a dialog takes the name of the
    // control that opened it.
    if (n.role == SemanticRole::dialog && n.name.rfind("Popup_", 0) == 0 && last_opener != nullptr) n.name = last_opener->name;
    if (!mirrored(n)) continue;
    // A field drawn straight with ImGui::InputText (no widget helper) shows its text while edited.
    // (Never a passphrase: its description carries only as many '*' as it has characters.)
    if (n.role == SemanticRole::textbox && n.value.empty() && !n.secret && g.InputTextState.ID == n.id &&
        !(g.InputTextState.Flags & ImGuiInputTextFlags_Password))
      n.value.assign(g.InputTextState.TextA.Data, g.InputTextState.TextA.Data ? std::strlen(g.InputTextState.TextA.Data) : 0);
    if (n.visible) {
      if (g_seen_on_screen.size() > kMaxSeenOnScreen) g_seen_on_screen.clear();
      Node& seen = g_seen_on_screen[n.id];
      if (!(seen == n)) seen = n;
    }
    order.push_back(n.id);
    auto before = g_published.find(n.id);
    if (before == g_published.end() || !(before->second == n)) changed.push_back(to_json(n));
    now.emplace(n.id, n);
  }
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& [id, n] : g_published)
    if (now.count(id) == 0) removed.push_back(id);
  const ImGuiID text = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId && now.count(g.ActiveId) != 0 &&
                               now[g.ActiveId].role == SemanticRole::textbox
                           ? g.ActiveId
                           : 0;
  ImGuiID focus = now.count(g.NavId) ? g.NavId : 0;
  // A click or tap that left a text field (on a label, on empty space) leaves ImGui's focus on it
  // without editing it. Kept on the field's element, the next key typed there would start editing
  // it again with all its text selected, and replace the whole answer: like a web page, the page's
  // focus leaves the field instead, and typing goes nowhere until a field is chosen.
  if (focus != 0 && focus != text && g.NavDisableHighlight && now[focus].role == SemanticRole::textbox) focus = 0;
  const bool order_changed = order != g_published_order;
  if (changed.empty() && removed.empty() && !order_changed && focus == g_published_focus && text == g_published_text)
    return;
  if (!changed.empty()) update["u"] = std::move(changed);
  if (!removed.empty()) update["x"] = std::move(removed);
  if (order_changed) update["o"] = order;
  update["f"] = focus;
  update["fv"] = !g.NavDisableHighlight;
  update["t"] = text;
  g_published = std::move(now);
  g_published_order = std::move(order);
  g_published_focus = focus;
  g_published_text = text;
  // Text cut inside a UTF-8 character (it happened to import samples) is shown with replacement
  // characters: a throwing dump would fail the whole frame.
  platform::publish_semantics(update.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

void describe_item(ImGuiID id, const ItemDescription& d) {
  if (id == 0) return;
  Node& n = node_for(id);
  if (d.role != SemanticRole::none) n.role = d.role;
  if (!d.name.empty()) n.name = d.name;
  if (!d.value.empty() || d.role == SemanticRole::textbox || d.role == SemanticRole::slider) n.value = d.value;
  n.error = d.error;
  n.multiline = d.multiline;
  n.secret = d.secret;
  n.required = d.required;
  n.opens_files = n.opens_files || d.opens_files;
  if (d.has_expanded) {
    n.has_expanded = true;
    n.expanded = d.expanded;
  }
  n.hidden = d.hidden;
  if (d.checked >= 0) n.checked = d.checked == 1;
  n.min_value = d.min_value;
  n.max_value = d.max_value;
  if (n.role == SemanticRole::combobox) g_open_combo_preview = n.expanded ? n.value : std::string();
}

void describe_last_item(const ItemDescription& d) { describe_item(ImGui::GetItemID(), d); }

void semantic_text(SemanticRole role, const std::string& text, int level) {
  if (text.empty()) return;
  ImGuiContext& g = *GImGui;
  ImGuiWindow* window = g.CurrentWindow;
  ImGuiID id = ImHashStr(text.c_str(), text.size(), window->ID ^ static_cast<ImGuiID>(role) * 2654435761u);
  const int seen = g_text_ids_seen[id]++;
  if (seen > 0) id = ImHashData(&seen, sizeof(seen), id);
  Node& n = node_for(id);
  place(n, &g, g.LastItemData.Rect);
  n.role = role;
  n.name = text;
  n.level = level;
  if (role == SemanticRole::heading && level == 1 && g_frame.screen_title.empty()) g_frame.screen_title = text;
}

void begin_semantics_frame() {
  ImGuiContext& g = *GImGui;
  g_paused = platform::semantics_paused();
  // (The test flavour's item table needs the hooks even while the layer pauses.)
  g.TestEngineHookItems = !g_paused || kItemCaptureNeedsHooks;
  const ImVec2 display = g.IO.DisplaySize;
  if (display.y < g_display_size.y || display.x != g_display_size.x) g_keep_in_view_frames = 3;
  else if (g_keep_in_view_frames > 0) --g_keep_in_view_frames;
  g_display_size = display;
  g_previous = std::move(g_frame);
  g_frame.clear();
  g_text_ids_seen.clear();
  if (g_frames_wanted > 0) --g_frames_wanted;
  for (auto it = g_requests.begin(); it != g_requests.end();)
    it = --it->frames_left < 0 ? g_requests.erase(it) : it + 1;
  // Esc closes the dialog on top, also those whose screen does not listen for it.
  g_dialogs_at_frame_start = g.OpenPopupStack.Size;
}

void publish_semantics() {
  ImGuiContext& g = *GImGui;
  if (g_paused) return;
  const double started = platform::now_ms();
  if (g.OpenPopupStack.Size > 0 && g.OpenPopupStack.Size == g_dialogs_at_frame_start &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
  }
  keep_focus_in_view(g);
  publish(g);
  g_spent_ms += platform::now_ms() - started;
}

double take_semantics_ms() {
  const double spent = g_spent_ms;
  g_spent_ms = 0;
  return spent;
}

bool semantics_wants_frames() { return g_frames_wanted > 0 || !g_requests.empty(); }

void install_semantics() {
  if (g_installed) return;
  g_installed = true;
  platform::install_semantics(request_from_page);
}

// Tab reaches the controls inside a scrolling region (a table's rows, a list of meetings) in reading
// order instead of stopping once at the whole region: every child window is made navigation-
// flattened, as ImGuiWindowFlags_NavFlattened would (called from Begin(), which set up the window's
// navigation root and focus scope just before, so both are put as that flag would have put them).
void flatten_for_tabbing(ImGuiContext* ctx, ImGuiWindow* window) {
  constexpr ImGuiWindowFlags kNotRegions = ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip |
                                           ImGuiWindowFlags_ChildMenu | ImGuiWindowFlags_NavFlattened;
  if (!(window->Flags & ImGuiWindowFlags_ChildWindow) || (window->Flags & kNotRegions) || window->ParentWindow == nullptr)
    return;
  if (std::strstr(window->Name, "/##") != nullptr) return;  // a multi-line text field's own scroller
  if (ctx->FocusScopeStack.Size == 0 || ctx->CurrentFocusScopeId != window->ID) return;
  window->Flags |= ImGuiWindowFlags_NavFlattened;
  window->RootWindowForNav = window->ParentWindow->RootWindowForNav;
  ImGui::PopFocusScope();  // End() pops it only for windows that are not flattened
  window->NavRootFocusScopeId = ctx->CurrentFocusScopeId;
}

}  // namespace pairwise::app

// ---- Dear ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE, on in every build) ----------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item) {
  using namespace pairwise::app;
  if (id == 0) return;
  capture_item_added(ctx, id, bb);
  ImGuiWindow* window = ctx->CurrentWindow;
  if (item == nullptr && window != nullptr && id == window->ID) {
    flatten_for_tabbing(ctx, window);
    // A window: dialogs (popups that are not combo lists, menus or tooltips) are mirrored.
    if (dialog_of(window) == window) {
      Node& n = node_for(id);
      n.rect = bb;
      n.window = id;
      n.dialog = 0;
      n.role = SemanticRole::dialog;
      n.name = shown_label(window->Name);
      n.modal = (window->Flags & ImGuiWindowFlags_Modal) != 0;
    }
    return;
  }
  Node& n = node_for(id);
  place(n, ctx, bb);
  if (!n.visible && n.role == SemanticRole::none) {
    // Scrolled out of its window: what it was when last on screen, where it is now.
    if (auto seen = g_seen_on_screen.find(id); seen != g_seen_on_screen.end()) {
      const Node placed = n;
      n = seen->second;
      n.rect = placed.rect;
      n.visible = false;
      n.window = placed.window;
      n.dialog = placed.dialog;
      n.table = placed.table;
      n.row = placed.row;
      n.column = placed.column;
      n.row_count = placed.row_count;
    }
  }
  n.disabled = item != nullptr && (item->InFlags & ImGuiItemFlags_Disabled) != 0;
  apply_request(ctx, id, bb);
  keep_edited_field_in_view(ctx, id, bb);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  using namespace pairwise::app;
  if (id == 0 || label == nullptr) return;
  capture_item_info(ctx, id, label, flags);
  ImGuiWindow* window = ctx->CurrentWindow;
  if (window != nullptr && id == window->ID) return;
  Node& n = node_for(id);
  n.name = shown_label(label);
  if (flags & ImGuiItemStatusFlags_Inputable) {
    n.role = SemanticRole::textbox;
  } else if (flags & ImGuiItemStatusFlags_Checkable) {
    n.role = SemanticRole::checkbox;
    n.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
  } else if (flags & ImGuiItemStatusFlags_Openable) {
    n.role = SemanticRole::button;
    n.has_expanded = true;
    n.expanded = (flags & ImGuiItemStatusFlags_Opened) != 0;
  } else if (ImGuiTabBar* bar = ctx->CurrentTabBar; bar != nullptr && ImGui::TabBarFindTabByID(bar, id) != nullptr) {
    n.role = SemanticRole::tab;
    n.tab_bar = bar->ID;
    n.selected = bar->SelectedTabId == id || bar->VisibleTabId == id;
  } else if (window != nullptr && is_combo_popup(window)) {
    n.role = SemanticRole::option;
    n.selected = !g_open_combo_preview.empty() && n.name == g_open_combo_preview;
  } else {
    n.role = SemanticRole::button;
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
