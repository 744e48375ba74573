#include "app/locked_files.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <cstring>

#include "app/file_buttons.hpp"
#include "app/layout.hpp"
#include "app/semantics.hpp"
#include "app/session.hpp"
#include "app/testing/item_capture.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"
#include "platform/lock.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kUnlockPopup = "Open a locked file";
constexpr int kFramesAfterAnswer = 4;

// Overwritten before the memory is given back: a passphrase must not linger in freed memory.
void wipe(std::string& secret) {
  volatile char* p = secret.data();
  for (std::size_t i = 0; i < secret.size(); ++i) p[i] = 0;
  secret.clear();
}

// One '*' per character (UTF-8 continuation bytes are not characters), as the field draws it.
std::string masked(const std::string& secret) {
  std::size_t characters = 0;
  for (const char c : secret)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  return std::string(characters, '*');
}

// ImGui keeps its own copy of the text being edited; wipe it too once the passphrase is used.
void forget_edited_text() {
  ImGuiInputTextState& state = GImGui->InputTextState;
  if (state.TextW.Data != nullptr) std::memset(state.TextW.Data, 0, static_cast<std::size_t>(state.TextW.Capacity) * sizeof(ImWchar));
  if (state.TextA.Data != nullptr) std::memset(state.TextA.Data, 0, static_cast<std::size_t>(state.TextA.Capacity));
  if (state.InitialTextA.Data != nullptr) std::memset(state.InitialTextA.Data, 0, static_cast<std::size_t>(state.InitialTextA.Capacity));
  state.ClearFreeMemory();
  state.CurLenA = state.CurLenW = 0;
  state.ID = 0;
  ImGui::ClearActiveID();
}

// Neither a kind nor a name: the file name of a locked file says only that it is locked.
std::string locked_file_name(const Session& session, const std::string& salt) {
  static const char* const kHex = "0123456789abcdef";
  std::string tag;
  for (std::size_t i = 0; i < 2 && i < salt.size(); ++i) {
    tag.push_back(kHex[(static_cast<unsigned char>(salt[i]) >> 4) & 0xF]);
    tag.push_back(kHex[static_cast<unsigned char>(salt[i]) & 0xF]);
  }
  return export_file_name({"locked", session.workspace().clock().today(), tag}, "pwlock");
}

bool password_field(const char* label, std::string& value, ImGuiInputTextFlags extra = 0) {
  ImGui::SetNextItemWidth(260);
  const bool result = ImGui::InputText(label, &value, ImGuiInputTextFlags_Password | extra);
  // Heard as a passphrase field holding so many characters, never the passphrase itself (the
  // page's element would otherwise hold it in clear).
  ItemDescription field;
  field.role = SemanticRole::textbox;
  field.secret = true;
  field.value = masked(value);
  describe_last_item(field);
  return result;
}

void settle_unlock(Session& session, LockedFilesState& state, bool failed, const std::string& check,
                   std::optional<std::string> plaintext) {
  state.opening = false;
  state.frames_to_settle = kFramesAfterAnswer;
  if (state.waiting.empty()) return;
  WaitingLockedFile& front = state.waiting.front();
  if (failed) {
    state.problem = front.file.name + ": this browser could not open the locked file (no Web Crypto)";
    return;
  }
  Unlocked result = judge_unlock(front.envelope, front.file.name, check, std::move(plaintext));
  switch (result.status) {
    case UnlockStatus::opened: {
      platform::OpenedFile opened = front.file;
      opened.text = std::move(result.text);
      const std::string purpose = front.purpose;
      state.waiting.pop_front();
      state.problem.clear();
      receive_unlocked_file(std::move(opened), purpose);
      break;
    }
    case UnlockStatus::wrong_passphrase:
      state.problem = result.message;  // the dialog stays open for another try
      break;
    default:
      session.notify(result.message, true);
      state.waiting.pop_front();
      state.problem.clear();
      break;
  }
}

}  // namespace

void draw_export_lock_choice(Session& session, bool for_mail) {
  ExportLockChoice& choice = session.locked_files().choice;
  ImGui::Checkbox("Lock exported files with a passphrase", &choice.lock);
  if (for_mail) {
    // Beside the box where it fits, under it on a phone (a check box's own label cannot wrap).
    constexpr const char* kRecommended = "(recommended for e-mail)";
    same_line_if_fits(ImGui::CalcTextSize(kRecommended).x);
    help_text(kRecommended);
  }
  if (!choice.lock) {
    if (!choice.passphrase.empty()) wipe(choice.passphrase);
    if (!choice.repeat.empty()) wipe(choice.repeat);
    return;
  }
  ImGui::Indent();
  password_field("Passphrase##export-lock", choice.passphrase);
  password_field("Repeat the passphrase##export-lock", choice.repeat);
  const PassphraseStrength strength = passphrase_strength(choice.passphrase);
  capture_text("hint", strength.hint);
  if (strength.level <= 1) error_text(strength.hint);
  else help_text(strength.hint.c_str());
  if (!choice.repeat.empty() && choice.repeat != choice.passphrase) error_text("The two passphrases differ.");
  help_text("The file holds no readable text: not its kind, not a name. Whoever receives it needs the passphrase; "
            "it is not kept anywhere, so if it is forgotten the file cannot be opened.");
  ImGui::Unindent();
}

std::string deliver_export(Session& session, const std::string& file_name, const std::string& mime_type,
                           const std::string& content) {
  LockedFilesState& state = session.locked_files();
  ExportLockChoice& choice = state.choice;
  if (!choice.lock) {
    platform::download_file(file_name, mime_type, content);
    return file_name;
  }
  if (const std::string problem = passphrase_problem(choice.passphrase); !problem.empty()) {
    session.notify("Nothing was exported: the passphrase " + problem + ".", true);
    return {};
  }
  if (choice.repeat != choice.passphrase) {
    session.notify("Nothing was exported: the two passphrases differ.", true);
    return {};
  }
  const LockPlan plan = plan_lock(platform::random_bytes(kSaltBytes + kNonceBytes));
  const std::string name = locked_file_name(session, plan.salt);
  ++state.sealing;
  Session* owner = &session;
  platform::seal_for_lock(plan, choice.passphrase, content, [owner, plan, name](bool failed, std::string check,
                                                                                 std::string sealed) {
    --owner->locked_files().sealing;
    owner->locked_files().frames_to_settle = kFramesAfterAnswer;
    if (failed) {
      owner->notify("Nothing was exported: this browser could not lock the file (no Web Crypto).", true);
      return;
    }
    platform::download_file(name, "text/plain", assemble_locked_file(plan, check, sealed));
    owner->notify("Saved " + name + ", locked with your passphrase. Tell the passphrase to the person another way.");
  });
  return name;
}

void draw_locked_file_dialog(Session& session) {
  LockedFilesState& state = session.locked_files();
  if (state.frames_to_settle > 0) {
    --state.frames_to_settle;
    platform::request_frame();
  }
  for (LockedArrival& arrival : take_locked_files()) {
    auto envelope = read_locked_file(arrival.file.text, arrival.file.name);
    if (!envelope) {  // damaged: refused before a passphrase is asked for
      session.notify(envelope.error_text(), true);
      continue;
    }
    state.waiting.push_back({std::move(arrival.file), std::move(arrival.purpose), std::move(envelope.value())});
  }
  if (!state.waiting.empty() && !ImGui::IsPopupOpen(kUnlockPopup)) ImGui::OpenPopup(kUnlockPopup);
  if (!ImGui::BeginPopupModal(kUnlockPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (state.waiting.empty()) {  // opened (the answer came between frames) or given up
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const WaitingLockedFile& front = state.waiting.front();
  ImGui::Text("%s is locked with a passphrase.", front.file.name.c_str());
  help_text("Type the passphrase the sender told you. It is used once to open the file and is not kept.");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool entered = password_field("Passphrase##unlock", state.passphrase, ImGuiInputTextFlags_EnterReturnsTrue);
  if (!state.problem.empty()) error_text(state.problem);
  if (state.opening) ImGui::TextDisabled("Opening…");
  const bool can_open = !state.opening && !state.passphrase.empty();
  if ((button("Open", can_open) || (entered && can_open))) {
    state.opening = true;
    state.problem.clear();
    Session* owner = &session;
    platform::open_locked(front.envelope, state.passphrase,
                          [owner](bool failed, std::string check, std::optional<std::string> plaintext) {
                            settle_unlock(*owner, owner->locked_files(), failed, check, std::move(plaintext));
                          });
    wipe(state.passphrase);
    forget_edited_text();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    if (!state.opening) {
      session.notify(front.file.name + " was not opened; nothing from it was stored.");
      state.waiting.pop_front();
      state.problem.clear();
      wipe(state.passphrase);
      forget_edited_text();
    }
  }
  ImGui::EndPopup();
}

}  // namespace pairwise::app
