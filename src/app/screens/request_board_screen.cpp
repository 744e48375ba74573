#include "app/screens/request_board_screen.hpp"

#include <imgui.h>

#include "app/file_buttons.hpp"
#include "app/locked_files.hpp"
#include "app/opened_documents.hpp"
#include "app/semantics.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "core/documents/restore.hpp"
#include "core/operations/request_board.hpp"
#include "platform/browser.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kBoardFilesPurpose = "request-board";

// The board being fetched from the site: the fetch answers through a plain function pointer, so
// it finds its screen here (one fetch at a time; the screen outlives it, owned by the app).
RequestBoardScreen* g_awaiting_board = nullptr;

void take_board(RequestBoardScreen& screen, std::string_view text, const std::string& source) {
  auto parsed = read_document(text, source);
  if (!parsed) {
    screen.board_problem = parsed.error_text();
    return;
  }
  if (parsed->kind != DocumentKind::request_board) {
    screen.board_problem = source + ": this is a " + to_string(parsed->kind) + " file, not a request board";
    return;
  }
  screen.board = std::get<RequestBoard>(parsed->document);
  screen.board_source = source;
  screen.board_problem.clear();
}

void on_board_fetched(int, std::string_view bytes, const std::string& error) {
  RequestBoardScreen* screen = g_awaiting_board;
  g_awaiting_board = nullptr;
  if (!screen) return;
  screen->fetching = false;
  if (!error.empty()) {
    screen->board_problem = "The board could not be fetched from this site (" + error +
                            "): the coordinator may not have published it yet. You can open a board file instead.";
    return;
  }
  take_board(*screen, bytes, screen->board_source);
  platform::request_frame_after(0);
}

void fetch_board(RequestBoardScreen& screen, const std::string& url) {
  if (screen.fetching) return;
  screen.fetching = true;
  screen.fetch_tried = true;
  screen.board_source = url;
  g_awaiting_board = &screen;
  platform::fetch_site_file(url, 0, on_board_fetched);
}

// The mentor's typing, kept in the settings record: {"name", "email", "chosen": {request id: note}}.
InterestDraft load_draft(const Session& session) {
  InterestDraft d;
  const Json& settings = session.workspace().settings();
  if (!settings.is_object() || !settings.contains(kInterestDraftSetting)) return d;
  const Json& j = settings[kInterestDraftSetting];
  if (!j.is_object()) return d;
  if (j.contains("name") && j["name"].is_string()) d.name = j["name"].get<std::string>();
  if (j.contains("email") && j["email"].is_string()) d.email = j["email"].get<std::string>();
  if (j.contains("chosen") && j["chosen"].is_object())
    for (auto it = j["chosen"].begin(); it != j["chosen"].end(); ++it)
      if (it->is_string()) d.chosen[it.key()] = it->get<std::string>();
  return d;
}

Json draft_json(const InterestDraft& d) {
  Json j{{"name", d.name}, {"email", d.email}};
  if (!d.chosen.empty()) {
    Json chosen = Json::object();
    for (const auto& [id, note] : d.chosen) chosen[id] = note;
    j["chosen"] = chosen;
  }
  return j;
}

void save_draft(Session& session, const InterestDraft& draft) {
  const Json value = draft_json(draft);
  // The settings as they are when the save runs (another form may have saved its own draft since).
  auto with_draft = [value](Json settings) {
    if (!settings.is_object()) settings = Json::object();
    settings[kInterestDraftSetting] = value;
    return settings;
  };
  Session* s = &session;
  session.save_soon(
      "interest", [s, with_draft] { s->record(s->workspace().set_settings(with_draft(s->workspace().settings()))); },
      StoredRecord{kStoreSettings, "settings", with_draft(session.workspace().settings())});
}

void export_interest(Session& session, RequestBoardScreen& screen, const InterestDraft& draft) {
  screen.tried_export = true;
  screen.exported_file.clear();
  Person mentor;
  mentor.meta = session.workspace().new_meta();
  mentor.name = trim(draft.name);
  mentor.email = trim(draft.email);
  mentor.roles = {Role::mentor};
  mentor.applied_on = session.workspace().clock().today();
  std::vector<RequestInterest> interests;
  // Only this board's requests: a choice kept from an older board names a request no longer open.
  for (const auto& r : screen.board->requests)
    if (auto chosen = draft.chosen.find(r.request_id); chosen != draft.chosen.end())
      interests.push_back({r.request_id, session.workspace().clock().today(), trim(chosen->second)});
  auto interest = make_interest(*screen.board, mentor, interests);
  if (!interest) {
    session.notify("The interest file cannot be made yet: " + interest.error_text(), true, "interest-export");
    return;
  }
  session.withdraw_notices("interest-export");
  screen.exported_file =
      deliver_export(session,
                     export_file_name({"interest", screen.board->scheme.name, mentor.name, session.workspace().clock().today()},
                                      "json"),
                     "application/json", write_document(interest.value(), session.workspace().clock().now()));
}

void labelled_answer(const char* question, const std::string& answer) {
  muted_format("%s", question);
  ImGui::Indent();
  const std::string shown = answer.empty() ? "(no answer)" : answer;
  wrapped_format("%s", shown.c_str());
  ImGui::Unindent();
}

void draw_request(Session& session, const BoardEntry& entry, InterestDraft& draft, bool& edited) {
  const PostedRequest& r = *entry.request;
  const int number = entry.number;
  ImGui::PushID(r.request_id.c_str());
  std::string heading = "Request " + std::to_string(number);
  if (!r.posted_on.empty()) heading += ", posted " + r.posted_on;
  if (!r.topics.empty()) {
    heading += " (";
    for (std::size_t i = 0; i < r.topics.size(); ++i) heading += (i ? ", " : "") + r.topics[i];
    heading += ")";
  }
  section_heading(heading.c_str());
  labelled_answer("What are you trying to do?", r.project.what);
  labelled_answer("How are you trying to do it?", r.project.how);
  labelled_answer("Which barriers do you face?", r.project.barriers);
  labelled_answer("What do you need a mentor to do?", r.project.mentor_role);
  const bool ready = entry.issues.empty();
  if (ready) {
    const std::string ok = "Short and precise: open to interest.";
    capture_text("request-ready", ok);
    text_line(ok.c_str());
  } else {
    std::string text = "Not ready for interest yet; the coordinator will ask the mentee to sharpen it:";
    for (const auto& i : entry.issues) text += "\n  " + i.message;
    error_text(text);
  }
  auto chosen = draft.chosen.find(r.request_id);
  bool on = chosen != draft.chosen.end();
  ImGui::BeginDisabled(!ready || !session.can_edit());
  const std::string label = "I would mentor request " + std::to_string(number);
  if (ImGui::Checkbox(label.c_str(), &on)) {
    if (on) draft.chosen[r.request_id] = "";
    else draft.chosen.erase(r.request_id);
    edited = true;
  }
  ImGui::EndDisabled();
  if (on && ready) {
    std::string& note = draft.chosen[r.request_id];
    edited |= text_area(("What should the coordinator know? (request " + std::to_string(number) + ")").c_str(), note, 2);
  }
  ImGui::PopID();
}

}  // namespace

void draw_request_board_screen(Session& session, RequestBoardScreen& screen) {
  const auto& schemes = session.workspace().schemes();
  const auto found = schemes.find(session.scheme_id());
  if (screen.scheme_id != session.scheme_id()) {
    if (g_awaiting_board == &screen) g_awaiting_board = nullptr;  // its answer belongs to the old scheme
    screen = RequestBoardScreen{};
    screen.scheme_id = session.scheme_id();
  }
  screen_title("Project requests", "For mentors: the requests mentees have posted, to choose the ones you would mentor.");
  if (found == schemes.end()) {
    help_text("Choose the scheme on the Start screen first.");
    return;
  }
  const Scheme& scheme = found->second;

  for (const platform::OpenedFile& file : take_opened_files()) {
    if (auto parsed = read_opened_document(session, file, DocumentKind::request_board,
                                           "A request board is the file the coordinator publishes for mentors.")) {
      screen.board = std::get<RequestBoard>(parsed->document);
      screen.board_source = file.name;
      screen.board_problem.clear();
    }
  }
  if (!screen.board && !screen.fetch_tried && !scheme.request_board_url.empty()) fetch_board(screen, scheme.request_board_url);

  if (!scheme.request_board_url.empty()) {
    const std::string fetch_label = "Open the board on this site (" + scheme.request_board_url + ")";
    if (button(fetch_label.c_str(), !screen.fetching, "Fetching the board…")) fetch_board(screen, scheme.request_board_url);
    ImGui::SameLine();
  }
  open_files_button("Open a board file…", kBoardFilesPurpose);
  if (screen.fetching) help_text("Fetching the board…");
  if (!screen.board_problem.empty()) error_text(screen.board_problem);
  if (!screen.board) {
    help_text("The coordinator publishes the open requests as a board: on this site, or as a file they send you.");
    return;
  }
  const RequestBoard& board = *screen.board;
  if (!board.scheme.description.empty()) paragraph(board.scheme.description.c_str());
  const std::string summary = board.scheme.name + ": " + std::to_string(board.requests.size()) + " open request(s)" +
                              (board.published_on.empty() ? "" : ", published " + board.published_on) + " (from " +
                              screen.board_source + ").";
  capture_text("board-summary", summary);
  paragraph(summary.c_str());

  const auto topics = board_topics(board);
  if (!topics.empty()) {
    text_line("Topic:");
    ImGui::SameLine();
    if (radio_button("All topics", screen.topic.empty())) screen.topic.clear();
    for (const auto& t : topics) {
      ImGui::SameLine();
      if (radio_button(t.c_str(), screen.topic == t)) screen.topic = t;
    }
  }

  if (!screen.draft_loaded) {
    screen.draft = load_draft(session);
    screen.draft_loaded = true;
  }
  InterestDraft& draft = screen.draft;
  bool edited = false;
  const auto entries = board_entries(board, screen.topic);
  if (entries.empty()) help_text("No open request on this topic.");
  for (const BoardEntry& entry : entries) draw_request(session, entry, draft, edited);

  section_heading("Your interest, for the coordinator");
  ImGui::BeginDisabled(!session.can_edit());
  edited |= text_field("Your name", draft.name, "", screen.tried_export && trim(draft.name).empty() ? "required" : "");
  edited |= text_field("Your e-mail", draft.email, "name@example.org",
                       screen.tried_export && !looks_like_email(trim(draft.email)) ? "an e-mail address, please" : "");
  ImGui::EndDisabled();
  if (edited) save_draft(session, draft);
  std::size_t chosen_here = 0;
  for (const auto& r : board.requests) chosen_here += draft.chosen.count(r.request_id);
  const std::string chosen_text = std::to_string(chosen_here) + " request(s) chosen.";
  text_line(chosen_text.c_str());
  if (button("Export interest file", chosen_here > 0, "Choose at least one request you would mentor."))
    export_interest(session, screen, draft);
  draw_export_lock_choice(session, true);
  if (!screen.exported_file.empty()) {
    const std::string saved = "Saved as " + screen.exported_file +
                              " in your downloads. Send it to the scheme's coordinator, who puts you in touch with the "
                              "mentee; nothing has been sent anywhere yet.";
    capture_text("export-result", saved);
    paragraph(saved.c_str());
  }
}

}  // namespace pairwise::app
