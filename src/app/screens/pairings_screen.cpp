#include "app/screens/pairings_screen.hpp"

#include <imgui.h>

#include "app/locked_files.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "app/testing/item_capture.hpp"
#include "app/theme.hpp"
#include "app/screens/conflict_choices.hpp"
#include "app/widgets.hpp"
#include "core/operations/scheme_operations.hpp"
#include "core/sync/field_merge.hpp"
#include "core/documents/documents.hpp"
#include "core/checks/scheme_rules.hpp"
#include "core/documents/file_names.hpp"
#include "core/documents/mail_message.hpp"
#include "core/records/timestamps.hpp"
#include "core/reports/csv_exports.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

const char* status_title(PairingStatus status) {
  switch (status) {
    case PairingStatus::proposed: return "Proposed";
    case PairingStatus::requested: return "Introduced, awaiting mentor";
    case PairingStatus::accepted: return "Accepted";
    case PairingStatus::declined: return "Declined";
    case PairingStatus::no_response: return "No response";
    case PairingStatus::active: return "Meeting";
    case PairingStatus::completed: return "Completed";
    case PairingStatus::withdrawn: return "Withdrawn";
  }
  return "";
}

PairingsState& state(Session& session) { return session.screens().pairings; }

// A pairing's buttons change with its status, and the next stage's button appears where the pointer
// just clicked ("Introduce" becomes "Accepted"): the second click of a double click would record an
// answer nobody gave. For a moment after a change, longer than a double click, that row's buttons
// are shown disabled.
constexpr double kSettleSeconds = 0.6;

bool settling(const PairingsState& s, const Pairing& pairing) {
  auto it = s.changed_at.find(pairing.meta.id);
  return it != s.changed_at.end() && ImGui::GetTime() - it->second < kSettleSeconds;
}

bool move(Session& session, const Scheme& scheme, const Pairing& pairing, PairingStatus to, Actor by,
          const std::string& reason = {}) {
  TransitionRequest request{to, session.workspace().clock().today(), by, reason, scheme.no_response_days};
  const std::string id = pairing.meta.id;  // the record may be replaced by the change
  if (!session.record(session.workspace().transition_pairing(id, request), "Updating the pairing")) return false;
  state(session).changed_at[id] = ImGui::GetTime();
  platform::request_frame_after(static_cast<int>(kSettleSeconds * 1000) + 50);  // to draw them enabled again
  return true;
}

std::string introduction_pack_file_name(const Workspace& ws, const Scheme& scheme, const Pairing& pairing) {
  return export_file_name({"introduction", scheme.name, ws.display_name(pairing.mentee_email),
                           ws.display_name(pairing.mentor_email), ws.clock().today()},
                          "json");
}

// Opens the mail program to both people, naming the pack file they are to receive.
void mail_introduction_pack(Session& session, const Scheme& scheme, const Pairing& pairing) {
  const std::string file = introduction_pack_file_name(session.workspace(), scheme, pairing);
  platform::open_mail(mailto_url(file_message({pairing.mentor_email, pairing.mentee_email}, "your introduction pack", file,
                                              scheme.name)));
  session.notify(attach_by_hand_notice(file));
}

// Writes the pack both people of a pair receive; true if the download started.
bool download_introduction_pack(Session& session, const Scheme& scheme, const Pairing& pairing) {
  auto pack = make_introduction_pack(session.workspace(), pairing.meta.id);
  if (!pack) {
    session.notify("The introduction pack cannot be made: " + pack.error_text(), true);
    return false;
  }
  const Workspace& ws = session.workspace();
  return !deliver_export(session, introduction_pack_file_name(ws, scheme, pairing), "application/json",
                         write_document(pack.value(), ws.clock().now()))
              .empty();
}

void introduce(Session& session, const Scheme& scheme, const Pairing& pairing) {
  if (!download_introduction_pack(session, scheme, pairing)) return;
  if (pairing.origin == PairingOrigin::mentor_interest) {
    // KIND: the mentor already said yes by expressing interest; putting them in touch accepts.
    const std::string id = pairing.meta.id;
    session.record(pairwise::introduce(session.workspace(), id, session.workspace().clock().today()), "Introduce");
    return;
  }
  move(session, scheme, pairing, PairingStatus::requested, Actor::coordinator);
}

void ask_to_end(Session& session, const Pairing& pairing, PairingStatus to, const std::string& question) {
  state(session).end = PendingEnd{pairing.meta.id, to, "", question, true};
}

// A button that moves the pairing to its next status: shown disabled while the row settles, so the
// second click of a double click cannot take a step nobody chose. Downloads and mail stay live.
bool step_button(const char* label, bool settling_now) {
  ImGui::BeginDisabled(settling_now);
  const bool pressed = ImGui::SmallButton(label);
  ImGui::EndDisabled();
  return pressed && !settling_now;
}

// The label, the tooltip and the confirmation of each step the core offers (coordinator_steps).
const char* step_label(PairingStatus from, const PairingStep& step) {
  switch (step.to) {
    case PairingStatus::requested: return from == PairingStatus::proposed ? "Introduce" : "Ask again";
    case PairingStatus::accepted: return "Accepted";
    case PairingStatus::declined: return "Declined";
    case PairingStatus::no_response: return "No response";
    case PairingStatus::active: return "Started";
    case PairingStatus::completed: return "Close…";
    case PairingStatus::withdrawn: return "Withdraw…";
    case PairingStatus::proposed: break;
  }
  return "";
}

const char* step_tooltip(PairingStatus from, const PairingStep& step) {
  if (step.to == PairingStatus::requested && from == PairingStatus::proposed)
    return "Downloads the introduction pack to send to both, and records the request";
  if (step.to == PairingStatus::declined) return "A mentor may decline without giving a reason";
  if (step.to == PairingStatus::active) return "They have met: the pairing is under way";
  return nullptr;
}

void take_step(Session& session, const Scheme& scheme, const Pairing& pairing, const PairingStep& step) {
  const PairingStatus from = pairing.status();
  if (step.to == PairingStatus::requested && from == PairingStatus::proposed) return introduce(session, scheme, pairing);
  if (!step.ends) {
    move(session, scheme, pairing, step.to, step.by, step.reason);
    return;
  }
  const std::string who = session.workspace().display_name(pairing.mentee_email) + " and " +
                          session.workspace().display_name(pairing.mentor_email);
  ask_to_end(session, pairing, step.to,
             step.to == PairingStatus::completed
                 ? "Close the pairing of " + who + " as completed?"
                 : "Withdraw the pairing of " + who + "? Either side may withdraw without giving fault. This cannot be undone.");
}

// The pack and the mail for a pair introduced but not yet under way (not steps of the lifecycle).
void draw_introduction_tools(Session& session, const Scheme& scheme, const Pairing& pairing) {
  if (ImGui::SmallButton("Pack")) download_introduction_pack(session, scheme, pairing);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download the introduction pack again");
  if (pairing.status() == PairingStatus::accepted) return;
  ImGui::SameLine();
  if (ImGui::SmallButton("Send by e-mail")) mail_introduction_pack(session, scheme, pairing);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Opens your mail program to both of them; attach the pack by hand");
  if (pairing.status() != PairingStatus::no_response) return;
  if (auto escalation = escalation_message(session.workspace(), pairing.meta.id, session.workspace().clock().today())) {
    ImGui::SameLine();
    if (ImGui::SmallButton("E-mail the supervisor")) {
      platform::open_mail(mailto_url(*escalation));
      session.notify("Your mail program opens with a message to " + scheme.escalate_to.describe() + ".");
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A prepared message asking %s to follow up", scheme.escalate_to.describe().c_str());
  }
}

// The steps the core's lifecycle allows today (coordinator_steps, from allowed_next), then the
// pack and mail, then withdrawing, which sits last in every row.
void draw_actions_now(Session& session, const Scheme& scheme, const Pairing& pairing, bool settle) {
  const PairingStatus from = pairing.status();
  const std::vector<PairingStep> steps =
      coordinator_steps(pairing, session.workspace().clock().today(), scheme.no_response_days);
  bool first = true;
  auto beside = [&first] {
    if (!first) ImGui::SameLine();
    first = false;
  };
  std::optional<PairingStep> taken;
  auto draw_step = [&](const PairingStep& step) {
    beside();
    if (step_button(step_label(from, step), settle)) taken = step;
    if (const char* tip = step_tooltip(from, step); tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  };
  for (const PairingStep& step : steps)
    if (step.to != PairingStatus::withdrawn) draw_step(step);
  if (from == PairingStatus::requested || from == PairingStatus::no_response || from == PairingStatus::accepted) {
    beside();
    draw_introduction_tools(session, scheme, pairing);
  }
  for (const PairingStep& step : steps)
    if (step.to == PairingStatus::withdrawn) draw_step(step);
  // Taken after the row is drawn: the step replaces the record `pairing` refers to.
  if (taken) take_step(session, scheme, pairing, *taken);
}

void draw_actions(Session& session, const Scheme& scheme, const Pairing& pairing) {
  draw_actions_now(session, scheme, pairing, settling(state(session), pairing));
}

void draw_end_dialog(Session& session, const Scheme& scheme) {
  PendingEnd& p = state(session).end;
  if (p.open) ImGui::OpenPopup("End pairing");
  p.open = false;
  const bool confirmed = confirm_dialog("End pairing", p.question,
                                        p.to == PairingStatus::completed ? "Close pairing" : "Withdraw", {.reason = &p.reason});
  if (!confirmed) return;
  const Pairing* pairing = session.workspace().find<Pairing>(p.pairing_id);
  if (pairing == nullptr) return;
  if (move(session, scheme, *pairing, p.to, Actor::coordinator, p.reason))
    session.notify(p.to == PairingStatus::completed ? "Pairing closed." : "Pairing withdrawn.");
}

ImVec4 rule_color(RuleStatus status) {
  if (status == RuleStatus::not_met) return theme_colour(TextTone::error);
  if (status == RuleStatus::met) return theme_colour(TextTone::success);
  return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

const char* rule_mark(RuleStatus status) {
  return status == RuleStatus::met ? "met" : (status == RuleStatus::not_met ? "not met" : "pending");
}

// The scheme's own rules (response times, escalations, decision dates, feedback invitations…):
// only what needs the coordinator's attention, so a healthy scheme shows one line.
void draw_scheme_rules(Session& session, const Scheme& scheme, const std::string& today) {
  // Checked again only when a record changed (the checks read every person and pairing).
  PairingsState& s = state(session);
  std::vector<RuleCheck>& attention = s.attention;
  const std::string key = scheme.meta.id + "/" + today + "/" + std::to_string(session.workspace_version());
  if (key != s.checked_key) {
    s.checked_key = key;
    attention.clear();
    for (const RuleCheck& c : check_scheme_rules(session.workspace(), scheme.meta.id, today))
      if (c.status == RuleStatus::not_met) attention.push_back(c);
  }
  if (attention.empty()) {
    muted_format("The scheme's rules are all kept today.");
    return;
  }
  if (ImGui::CollapsingHeader(("Needs attention (" + std::to_string(attention.size()) + ")").c_str(),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const RuleCheck& c : attention) {
      capture_text("rule", c.message);
      ImGui::PushStyleColor(ImGuiCol_Text, rule_color(c.status));
      bullet_format("%s", c.message.c_str());
      ImGui::PopStyleColor();
    }
  }
}

void draw_pairing_rules_tooltip(const Workspace& ws, const Pairing& pairing, const std::string& today) {
  const std::vector<RuleCheck> checks = check_pairing_rules(ws, pairing.meta.id, today);
  ImGui::BeginTooltip();
  if (!pairing.score_explanation.empty()) text_format("Matched on %s", pairing.score_explanation.c_str());
  for (const RuleCheck& c : checks) {
    ImGui::TextColored(rule_color(c.status), "%s", rule_mark(c.status));
    ImGui::SameLine();
    text_line(c.message.c_str());
  }
  if (checks.empty() && pairing.score_explanation.empty()) muted_format("No rules apply yet.");
  ImGui::EndTooltip();
}

}  // namespace

// Pairings changed differently on two devices (an exchanged backup): each with its kept versions,
// until the coordinator picks one. Few ever do, so they are drawn in full above the table.
void draw_conflicted_pairings(Session& session, const std::vector<Pairing>& pairings) {
  constexpr int kShown = 5;
  int shown = 0;
  for (const Pairing& p : pairings) {
    if (!may_hold_conflicts(p.meta.sync)) continue;
    const Json record = encode(p);
    if (conflicts_in(record).empty()) continue;
    if (++shown > kShown) break;
    const Workspace& ws = session.workspace();
    ImGui::PushID(p.meta.id.c_str());
    const std::string heading = ws.display_name(p.mentee_email) + " and " + ws.display_name(p.mentor_email) +
                                ": changed differently on two devices";
    capture_text("two-versions", heading);
    error_text(heading);
    std::string path;
    Json value;
    if (draw_conflict_choices(record, session.can_edit(), path, value,
                              "This pairing was changed on two devices (or by two coordinators) before a backup was "
                              "exchanged, in different ways. Both histories are kept until you choose one.")) {
      session.flush_now();
      session.record(session.workspace().resolve_conflict<Pairing>(p.meta.id, path, value), "Keeping the chosen version");
    }
    ImGui::PopID();
  }
}

void draw_pairings_screen(Session& session, const Scheme& scheme) {
  const Workspace& ws = session.workspace();
  const std::string today = ws.clock().today();
  std::vector<Pairing> pairings = ws.pairings_of_scheme(scheme.meta.id);
  std::stable_sort(pairings.begin(), pairings.end(), [](const Pairing& a, const Pairing& b) {
    return is_final(a.status()) != is_final(b.status()) ? !is_final(a.status()) : a.status_since() > b.status_since();
  });
  int waiting = 0, overdue_count = 0, proposed = 0;
  for (const Pairing& p : pairings) {
    if (p.status() == PairingStatus::proposed) ++proposed;
    if (p.status() == PairingStatus::requested) ++waiting;
    if (is_awaiting_response_too_long(p, today, scheme.no_response_days)) ++overdue_count;
  }
  if (pairings.empty()) {
    paragraph("No pairs yet. Run matching and accept the proposals, and they appear here.");
    return;
  }
  text_format("%zu pair(s): %d to introduce, %d awaiting the mentor's answer", pairings.size(), proposed, waiting);
  if (overdue_count > 0) {
    ImGui::SameLine();
    ImGui::TextColored(theme_colour(TextTone::error), "(%d overdue: no answer after %d days)", overdue_count,
                       scheme.no_response_days);
  }
  draw_scheme_rules(session, scheme, today);
  help_text("Hover a pair's status for the rules of the scheme it keeps or misses.");
  if (ImGui::Button("Export pairings CSV"))
    deliver_export(session, export_file_name({"pairings", today}, "csv"), "text/csv", pairings_csv(ws, scheme.meta.id));
  ImGui::SameLine();
  if (ImGui::Button("Export pairings XLSX"))
    deliver_export(session, export_file_name({"pairings", today}, "xlsx"), kXlsxMimeType,
                            pairings_xlsx(ws, scheme.meta.id));
  ImGui::BeginDisabled(!session.can_edit());
  draw_export_lock_choice(session, true);  // introduction packs travel by e-mail
  if (proposed > 0 && ImGui::Button("Introduce all proposed pairs")) {
    for (const Pairing& p : pairings)
      if (p.status() == PairingStatus::proposed) introduce(session, scheme, p);
  }
  ImGui::EndDisabled();
  draw_conflicted_pairings(session, pairings);

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("Pairings", 5, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Mentee", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Mentor", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Since", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Next step", ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(pairings.size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const Pairing& p = pairings[static_cast<std::size_t>(row)];
        const bool overdue = is_awaiting_response_too_long(p, today, scheme.no_response_days);
        ImGui::PushID(p.meta.id.c_str());
        ImGui::TableNextRow();
        if (overdue || p.status() == PairingStatus::no_response)
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(0.85f, 0.3f, 0.2f, 0.25f)));
        ImGui::TableNextColumn();
        text_line(ws.display_name(p.mentee_email).c_str());
        ImGui::TableNextColumn();
        text_line(ws.display_name(p.mentor_email).c_str());
        ImGui::TableNextColumn();
        text_line(status_title(p.status()));
        if (overdue) {
          const auto waited = days_between(p.requested_on(), today);
          ImGui::SameLine();
          ImGui::TextColored(theme_colour(TextTone::error), "· %lld days", static_cast<long long>(waited.value_or(0)));
        }
        if (ImGui::IsItemHovered()) draw_pairing_rules_tooltip(ws, p, today);
        ImGui::TableNextColumn();
        text_line(p.status_since().c_str());
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(!session.can_edit());
        draw_actions(session, scheme, p);
        ImGui::EndDisabled();
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  draw_end_dialog(session, scheme);
}

}  // namespace pairwise::app
