#include "app/touch_input.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

#include "platform/browser.hpp"

namespace pairwise::app {
namespace {

// A finger that moves less than this is tapping, not dragging (CSS pixels; web/files_library.js
// uses the same distance for the file chooser's tap).
constexpr float kTapSlop = 10.0f;
// How fast a glide slows down (ms for the speed to fall to about a third), and the speeds at which
// a flick starts one and a glide ends (CSS px per ms).
constexpr double kGlideTimeConstantMs = 325.0;
constexpr double kFlickSpeed = 0.3;
constexpr double kStopSpeed = 0.02;
constexpr double kMaxSpeed = 6.0;  // a very fast flick glides like a fast one

enum class Gesture { none, pressing, scrolling, ignored };

struct TouchState {
  Gesture gesture = Gesture::none;
  SDL_FingerID finger = 0;
  ImVec2 start;
  ImVec2 last;
  double last_ms = 0;
  double velocity = 0;   // CSS px per ms, + when the finger moves down (content follows it)
  ImGuiID window = 0;    // the scrolled window
  bool gliding = false;
  double glide_ms = 0;
};
TouchState g_touch;

ImVec2 finger_position(const SDL_TouchFingerEvent& finger) {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  return ImVec2(finger.x * size.x, finger.y * size.y);
}

// The window a drag at `pos` scrolls: the topmost window under the finger, or the nearest of its
// parents that has something to scroll.
ImGuiWindow* scrollable_window_at(ImVec2 pos) {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* hit = nullptr;
  for (int i = g.Windows.Size - 1; i >= 0 && hit == nullptr; --i) {
    ImGuiWindow* w = g.Windows[i];
    if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
    if (w->OuterRectClipped.Contains(pos)) hit = w;
  }
  // A child drawn inside a popup or the main window: prefer the deepest one that contains the point.
  for (ImGuiWindow* w = hit; w != nullptr; w = w->ParentWindow) {
    if (w->ScrollMax.y > 0.0f && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return w;
    if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
  }
  return nullptr;
}

// Scrolls by `dy` (finger moved down: content moves down, scroll goes up). False at either end.
bool scroll_by(ImGuiID id, float dy) {
  ImGuiWindow* w = ImGui::FindWindowByID(id);
  if (w == nullptr) return false;
  const float from = w->ScrollTarget.y < FLT_MAX ? w->ScrollTarget.y : w->Scroll.y;
  const float to = ImClamp(from - dy, 0.0f, w->ScrollMax.y);
  ImGui::SetScrollY(w, to);
  return to != from;
}

void tap(ImVec2 pos) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(pos.x, pos.y);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  // A finger leaves no pointer behind: nothing stays hovered (or shows a tooltip) after the tap.
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

}  // namespace

void install_touch_input() { SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0"); }

bool handle_touch_event(const SDL_Event& event, double frame_ms) {
  // When the finger moved, not when the frame drew it (a slow frame would make a flick look slow).
  const double now_ms = event.type >= SDL_FINGERDOWN && event.type <= SDL_FINGERMOTION ? static_cast<double>(event.tfinger.timestamp) : frame_ms;
  switch (event.type) {
    case SDL_MOUSEMOTION: return event.motion.which == SDL_TOUCH_MOUSEID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: return event.button.which == SDL_TOUCH_MOUSEID;
    case SDL_MOUSEWHEEL: return event.wheel.which == SDL_TOUCH_MOUSEID;
    case SDL_FINGERDOWN: {
      if (event.tfinger.touchId == SDL_MOUSE_TOUCHID) return false;
      if (g_touch.gesture == Gesture::none) {
        g_touch = TouchState{};
        g_touch.gesture = Gesture::pressing;
        g_touch.finger = event.tfinger.fingerId;
        g_touch.start = g_touch.last = finger_position(event.tfinger);
        g_touch.last_ms = now_ms;
      } else if (event.tfinger.fingerId != g_touch.finger) {
        g_touch.gesture = Gesture::ignored;  // a second finger (a pinch): neither a tap nor a scroll
      }
      return true;
    }
    case SDL_FINGERMOTION: {
      if (event.tfinger.touchId == SDL_MOUSE_TOUCHID) return false;
      if (event.tfinger.fingerId != g_touch.finger || g_touch.gesture == Gesture::ignored) return true;
      const ImVec2 pos = finger_position(event.tfinger);
      if (g_touch.gesture == Gesture::pressing) {
        const float dx = pos.x - g_touch.start.x;
        const float dy = pos.y - g_touch.start.y;
        if (std::sqrt(dx * dx + dy * dy) < kTapSlop) return true;
        ImGuiWindow* target = scrollable_window_at(g_touch.start);
        g_touch.gesture = Gesture::scrolling;
        g_touch.window = target != nullptr ? target->ID : 0;
      }
      if (g_touch.gesture == Gesture::scrolling && g_touch.window != 0) {
        const float dy = pos.y - g_touch.last.y;
        scroll_by(g_touch.window, dy);
        const double dt = std::max(1.0, now_ms - g_touch.last_ms);
        // Smoothed over the last few moves, so the flick's speed is not one jittery sample.
        g_touch.velocity = ImClamp(0.8 * (dy / dt) + 0.2 * g_touch.velocity, -kMaxSpeed, kMaxSpeed);
      }
      g_touch.last = pos;
      g_touch.last_ms = now_ms;
      return true;
    }
    case SDL_FINGERUP: {
      if (event.tfinger.touchId == SDL_MOUSE_TOUCHID) return false;
      if (event.tfinger.fingerId != g_touch.finger) return true;
      if (g_touch.gesture == Gesture::pressing) {
        tap(g_touch.start);
      } else if (g_touch.gesture == Gesture::scrolling && g_touch.window != 0 && now_ms - g_touch.last_ms < 100 &&
                 std::abs(g_touch.velocity) > kFlickSpeed && !platform::prefers_reduced_motion()) {
        g_touch.gliding = true;
        g_touch.glide_ms = frame_ms;
      }
      g_touch.gesture = Gesture::none;
      return true;
    }
    default: return false;
  }
}

void update_touch_scrolling(double now_ms) {
  if (!g_touch.gliding) return;
  const double dt = now_ms - g_touch.glide_ms;
  if (dt < 1.0) return;
  g_touch.glide_ms = now_ms;
  g_touch.velocity *= std::exp(-dt / kGlideTimeConstantMs);
  const bool moved = scroll_by(g_touch.window, static_cast<float>(g_touch.velocity * dt));
  // A new touch stops the glide, as on any phone; so does either end of the page.
  if (!moved || std::abs(g_touch.velocity) < kStopSpeed || g_touch.gesture != Gesture::none) g_touch.gliding = false;
}

bool touch_scrolling_moves() { return g_touch.gliding; }

}  // namespace pairwise::app
