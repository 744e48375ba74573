// Pairwise in the browser: SDL2 window + WebGL2 context + Dear ImGui, drawn only when needed.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>

#include <cstdio>
#include <exception>
#include <string>

#include "app/app_shell.hpp"
#include "app/browser_input_bridge.hpp"
#include "app/file_buttons.hpp"
#include "app/layout.hpp"
#include "app/semantics.hpp"
#include "app/session.hpp"
#include "app/testing/item_capture.hpp"
#include "app/theme.hpp"
#include "app/touch_input.hpp"
#include "app/ui_fonts.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"
#include "platform/semantics.hpp"
#include "platform/storage.hpp"

namespace {

SDL_Window* g_window = nullptr;
SDL_GLContext g_gl = nullptr;
pairwise::app::Session* g_session = nullptr;
pairwise::app::AppScreens* g_screens = nullptr;
// ImGui settles hover states and layout over a couple of frames after each input.
constexpr int kFramesAfterInput = 3;
constexpr int kMaxInputPassesPerFrame = 8;  // bounded: a stuck queue never stalls the page
int g_frames_left = kFramesAfterInput;
bool g_first_frame_done = false;
bool g_theme_dark = true;
float g_theme_text_size = 17.0f;

// Runs synchronously as SDL queues an event from a browser callback, so input wakes the loop.
int wake_on_event(void*, SDL_Event* event) {
  // SDL_PollEvent queues a sentinel of its own on every call; waking on it would never idle.
  if (event->type != SDL_POLLSENTINEL) pairwise::platform::request_frame();
  return 0;
}

// An exception that reaches an entry point is a bug: without this it escapes to the browser as a
// bare "Exception" with no message, and the step it interrupted is silently half-done. Here it is
// named in the console and told to the person, and the app goes on drawing.
void report_internal_error(const char* where, const char* what) {
  const std::string text = std::string(where) + ": " + what;
  pairwise::platform::report_internal_error(text);
  if (g_session != nullptr)
    g_session->notify("Pairwise hit an internal error (" + text + "). Records stored before it are kept; "
                      "please report it to whoever runs this site.", true, "internal-error");
}

template <typename Step>
void guarded(const char* where, Step&& step) {
  try {
    step();
  } catch (const std::exception& e) {
    report_internal_error(where, e.what());
  } catch (...) {
    report_internal_error(where, "an exception that is not a std::exception");
  }
}

void draw_frame_unguarded();
void draw_frame() { guarded("drawing a frame", draw_frame_unguarded); }

void draw_frame_unguarded() {
  const double frame_started = pairwise::platform::now_ms();
  bool had_event = false;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    had_event = true;
    if (event.type == SDL_TEXTINPUT) pairwise::app::note_text_seen(event.text.text);
    if (pairwise::app::handle_browser_text_event(event)) continue;
    if (pairwise::app::handle_touch_event(event, frame_started)) continue;
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  pairwise::app::update_touch_scrolling(frame_started);
  pairwise::app::Session& session = *g_session;
  session.tick(pairwise::platform::now_ms());
  const auto& display = session.display();
  const bool dark = display.dark(pairwise::platform::prefers_dark_colours());
  const bool touch = pairwise::platform::coarse_pointer();
  const float text_size = display.text_size(pairwise::platform::browser_text_scale());
  if (dark != g_theme_dark || touch != pairwise::app::touch_layout() || text_size != g_theme_text_size) {
    g_theme_dark = dark;
    g_theme_text_size = text_size;
    pairwise::app::set_touch_layout(touch);
    pairwise::app::apply_theme(dark, text_size, touch ? pairwise::app::kTouchTarget : 0.0f);
  }
  if (pairwise::app::update_ui_fonts(pairwise::platform::device_pixel_ratio(), text_size)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }

  // ImGui takes fast input a few events per frame ("trickling": a key press, then its text, then
  // the next key), so a word typed quickly could wait several browser frames in ImGui's queue, and
  // a tab closed meanwhile lost it. The queue is drained here, in this one browser frame, so the
  // typed text reaches the draft (and its journal) at once; only the last pass is drawn.
  for (int pass = 0; pass < kMaxInputPassesPerFrame; ++pass) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    pairwise::app::begin_semantics_frame();
    pairwise::app::begin_item_capture();
    bool drawn = false;
    guarded("drawing the screen", [&] {
      pairwise::app::draw_app_shell(session, *g_screens);
      drawn = true;
    });
    // Closes whatever window or stack the interrupted screen left open, so the frame still ends.
    if (!drawn) ImGui::ErrorCheckEndFrameRecover(nullptr);
    pairwise::app::publish_semantics();
    ImGui::Render();
    pairwise::app::publish_item_capture();
    if (GImGui->InputEventsQueue.Size == 0) break;
  }

  int width = 0;
  int height = 0;
  SDL_GL_GetDrawableSize(g_window, &width, &height);
  glViewport(0, 0, width, height);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  pairwise::platform::report_frame_cost(pairwise::platform::now_ms() - frame_started, pairwise::app::take_semantics_ms());
  if (!g_first_frame_done) {
    g_first_frame_done = true;
    pairwise::platform::signal_ready();
  }
  // ImGui takes fast input (typing, click down+up) a few events per frame ("trickling"): keep
  // drawing until its queue is empty, or the last keys typed wait for the next unrelated event.
  const bool input_waiting = GImGui->InputEventsQueue.Size > 0;
  g_frames_left = had_event || input_waiting || pairwise::app::semantics_wants_frames() ||
                          pairwise::app::touch_scrolling_moves()
                      ? kFramesAfterInput
                                                                                      : g_frames_left - 1;
  if (g_frames_left > 0) pairwise::platform::request_frame();
}

void redraw_soon() {
  g_frames_left = kFramesAfterInput;
  pairwise::platform::request_frame();
}

void install_storage() {
  pairwise::platform::StorageHandlers handlers;
  handlers.loaded = [](const std::string& json) {
    guarded("loading the stored workspace", [&] {
      pairwise::app::note_text_seen(json);  // names in other scripts fetch their font at once
      g_session->on_loaded(json);
    });
    redraw_soon();
  };
  handlers.external_change = [](const std::string& json) {
    guarded("taking in another tab's change", [&] {
      pairwise::app::note_text_seen(json);
      g_session->on_external_change(json);
    });
    redraw_soon();
  };
  handlers.flush_now = [] { guarded("saving before the page closes", [] { g_session->flush_now(); }); };
  handlers.saved = [](int write_id) {
    guarded("finishing a save", [&] { g_session->on_saved(write_id); });
    redraw_soon();
  };
  handlers.write_failed = [](int write_id) {
    guarded("handling a failed save", [&] { g_session->on_write_failed(write_id); });
    redraw_soon();
  };
  pairwise::platform::open_storage(handlers);
}

}  // namespace

int main() {
  pairwise::app::install_touch_input();
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  g_window = SDL_CreateWindow("Pairwise: mentoring scheme workspace", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                              1280, 800, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (g_window == nullptr) {
    std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
    return 1;
  }
  g_gl = SDL_GL_CreateContext(g_window);
  if (g_gl == nullptr) {
    std::fprintf(stderr, "WebGL2 context failed: %s\n", SDL_GetError());
    return 1;
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;
  // A blinking caret would need a frame twice a second forever; a steady one needs none.
  io.ConfigInputTextCursorBlink = false;
  pairwise::app::apply_theme(g_theme_dark);
  ImGui_ImplSDL2_InitForOpenGL(g_window, g_gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  pairwise::app::install_browser_input_bridge();
  pairwise::app::install_semantics();

  static pairwise::app::Session session;
  static pairwise::app::AppScreens screens;
  g_screens = &screens;
  g_session = &session;
  pairwise::platform::install_file_handling([](std::vector<pairwise::platform::OpenedFile> files) {
    guarded("opening files", [&] {
      const bool dropped = !files.empty() && files.front().dropped;
      for (const auto& file : files) pairwise::app::note_text_seen(file.text);
      pairwise::app::receive_opened_files(std::move(files), dropped);
    });
    redraw_soon();
  });
  install_storage();

  SDL_AddEventWatch(wake_on_event, nullptr);
  pairwise::platform::set_frame_function(draw_frame);
  pairwise::platform::request_frame();
  return 0;
}
