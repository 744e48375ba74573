#include "app/screens/matching_screen.hpp"

#include <imgui.h>

#include <cstdint>
#include <optional>

#include "app/widgets.hpp"
#include "core/matching/accept_proposals.hpp"
#include "core/matching/from_records.hpp"
#include "core/matching/worker_messages.hpp"
#include "platform/browser.hpp"
#include "platform/matching_worker.hpp"

namespace pairwise::app {
namespace {

using matching::MatchResult;
using matching::PairRuleChoice;


MatchingState& state(Session& session) { return session.screens().matching; }

const char* criterion_title(const std::string& key) {
  if (key == "topics") return "Shared topics / area of activity";
  if (key == "language" || key == "languages") return "Shared language";
  if (key == "geography") return "Same country or region";
  if (key == "timezone" || key == "time_zone") return "Close time zones";
  if (key == "experience") return "Mentor more experienced";
  if (key == "face_to_face") return "Can meet face to face";
  if (key == "mentee_preference") return "Mentee's preferences";
  if (key == "mentor_preference") return "Mentor's preferences";
  if (key == "capacity") return "Mentor capacity";
  if (key == "same_organisation") return "Not from the same organisation";
  if (key == "line_management") return "Not their line manager";
  return key.c_str();
}

bool is_conflict_rule(const std::string& key) {
  return key == "capacity" || key == "same_organisation" || key == "line_management";
}

void start_run(Session& session, const Scheme& scheme) {
  MatchingState& s = state(session);
  s.scheme_id = scheme.meta.id;
  s.sent = matching::matching_input_from_records(session.workspace(), scheme);
  s.running = true;
  s.error.clear();
  s.out_of_date = false;
  s.run_version = session.workspace_version();
  s.started_ms = platform::now_ms();
  // The reply finds the state it belongs to; a run the screen has since dropped (another scheme,
  // a restored workspace, Stop) is ignored.
  const std::uint64_t run = s.run_version;
  MatchingState* owner = &s;
  platform::run_in_matching_worker(matching::encode_matching_request(s.sent.input, {}), [owner, run](const std::string& reply) {
    MatchingState& st = *owner;
    if (!st.running || st.run_version != run) return;
    st.running = false;
    MatchResult result;
    if (matching::decode_matching_reply(reply, result, st.error)) {
      st.result = std::move(result);
      st.row_order_stale = true;
    }
  });
}

void save_scheme(Session& session, const Scheme& changed) {
  session.record(session.workspace().save(changed), "Matching rules");
}

void draw_rules(Session& session, const Scheme& scheme) {
  section_heading("What counts");
  help_text("Weights say how much each criterion adds to a pair's score; \"must match\" turns it into a rule "
            "no proposal may break.");
  if (!ImGui::BeginTable("MatchingRules", 3, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Weight", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  for (std::size_t k = 0; k < scheme.criteria.size(); ++k) {
    const MatchingCriterion& c = scheme.criteria[k];
    ImGui::PushID(static_cast<int>(k));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text_line(criterion_title(c.key));
    ImGui::TableNextColumn();
    if (!is_conflict_rule(c.key)) {
      float weight = static_cast<float>(c.weight);
      ImGui::SetNextItemWidth(-1);
      ImGui::BeginDisabled(!session.can_edit());
      ImGui::SliderFloat("##weight", &weight, 0.0f, 5.0f, "%.1f");
      if (ImGui::IsItemDeactivatedAfterEdit()) {
        Scheme changed = scheme;
        changed.criteria[k].weight = static_cast<double>(weight);
        save_scheme(session, changed);
      }
      ImGui::EndDisabled();
    }
    ImGui::TableNextColumn();
    bool hard = c.hard_rule;
    ImGui::BeginDisabled(!session.can_edit() || c.key == "capacity");
    if (ImGui::Checkbox(is_conflict_rule(c.key) ? "always" : "must match", &hard)) {
      Scheme changed = scheme;
      changed.criteria[k].hard_rule = hard;
      save_scheme(session, changed);
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

std::string person_label(const matching::MatchProfile& p) {
  return p.name.empty() || p.name == p.email ? p.email : p.name + " <" + p.email + ">";
}

void draw_pair_rules(Session& session, const Scheme& scheme) {
  if (scheme.locked_pairs.empty() && scheme.forbidden_pairs.empty()) return;
  section_heading("Your decisions");
  int id = 0;
  auto row = [&](const EmailPair& pair, const char* what) {
    ImGui::PushID(id++);
    bullet_format("%s: %s with %s", what, pair.mentee_email.c_str(), pair.mentor_email.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove"))
      save_scheme(session, matching::with_pair_rule(scheme, pair, PairRuleChoice::none));
    ImGui::PopID();
  };
  for (const EmailPair& p : scheme.locked_pairs) row(p, "Locked");
  for (const EmailPair& p : scheme.forbidden_pairs) row(p, "Never");
}

void accept_all(Session& session, const Scheme& scheme) {
  MatchingState& s = state(session);
  const std::vector<matching::AcceptedProposal> proposals = matching::proposals_of(s.sent.input, *s.result);
  auto accepted = matching::accept_proposals(session.workspace(), scheme.meta.id, proposals,
                                             session.workspace().clock().today());
  if (session.record(accepted, "Accepting the proposals")) {
    session.notify("Accepted " + std::to_string(proposals.size()) +
                   " pair(s). Send each pair its introduction pack from the Pairings tab.");
    s.result.reset();
  }
}

void draw_results(Session& session, const Scheme& scheme) {
  MatchingState& s = state(session);
  const MatchResult& r = *s.result;
  const auto& input = s.sent.input;
  section_heading("Proposals");
  text_format("%zu pair(s) proposed, %zu mentee(s) without a mentor, total score %lld%s. Found in %.0f ms.",
              r.pairs.size(), r.unmatched.size(), static_cast<long long>(r.total_score),
              r.proven_optimal ? " (the best possible under these rules)" : "", r.stats.total_ms);
  for (const std::string& w : s.sent.warnings) help_text(("Note: " + w).c_str());
  if (s.out_of_date) error_text("Rules or people changed since this run: run matching again before accepting.");
  if (button("Accept all proposals", !r.pairs.empty() && !s.out_of_date && !s.running && session.can_edit(),
             "Run matching again first (the rules changed), or there is nothing to accept.")) {
    accept_all(session, scheme);
    return;  // the results are gone (they became pairings)
  }

  if (s.row_order_stale) {
    std::vector<std::string> mentees;
    mentees.reserve(r.pairs.size());
    for (const matching::ProposedPair& p : r.pairs) mentees.push_back(input.mentees[static_cast<std::size_t>(p.mentee)].email);
    s.row_order = matching::steady_order(s.shown_mentees, mentees);
    s.shown_mentees.clear();
    for (std::size_t i : s.row_order) s.shown_mentees.push_back(mentees[i]);
    s.row_order_stale = false;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  const float height = ImGui::GetTextLineHeightWithSpacing() * std::min<float>(14.0f, static_cast<float>(r.pairs.size()) + 1.5f);
  if (!r.pairs.empty() && ImGui::BeginTable("Proposals", 5, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Mentee", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Mentor", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableSetupColumn("Decide", ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.pairs.size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const matching::ProposedPair& p = r.pairs[s.row_order[static_cast<std::size_t>(row)]];
        const auto& mentee = input.mentees[static_cast<std::size_t>(p.mentee)];
        const auto& mentor = input.mentors[static_cast<std::size_t>(p.mentor)];
        const EmailPair pair{mentor.email, mentee.email};
        ImGui::PushID(row);
        ImGui::TableNextRow();
        // Names wrap in their column instead of being cut (issue 15: names in proposals at 1280 px).
        ImGui::TableNextColumn();
        wrapped_format("%s", person_label(mentee).c_str());
        ImGui::TableNextColumn();
        wrapped_format("%s", person_label(mentor).c_str());
        ImGui::TableNextColumn();
        text_format("%lld", static_cast<long long>(p.score));
        ImGui::TableNextColumn();
        wrapped_format("%s", matching::score_reasons(p.breakdown).c_str());
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(!session.can_edit());
        const bool locked = matching::pair_rule_of(scheme, pair) == PairRuleChoice::locked;
        if (ImGui::SmallButton(locked ? "Unlock" : "Lock")) {
          save_scheme(session, matching::with_pair_rule(scheme, pair, locked ? PairRuleChoice::none : PairRuleChoice::locked));
          start_run(session, *session.workspace().find<Scheme>(scheme.meta.id));
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keep this pair in every re-run");
        ImGui::SameLine();
        if (ImGui::SmallButton("Never")) {
          save_scheme(session, matching::with_pair_rule(scheme, pair, PairRuleChoice::forbidden));
          start_run(session, *session.workspace().find<Scheme>(scheme.meta.id));
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Never propose this pair, and re-run");
        ImGui::EndDisabled();
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }

  if (!r.unmatched.empty()) {
    section_heading("Without a mentor");
    for (const matching::UnmatchedMentee& u : r.unmatched) {
      const auto& mentee = input.mentees[static_cast<std::size_t>(u.mentee)];
      bullet_format("%s", person_label(mentee).c_str());
      ImGui::Indent();
      help_text(u.text.c_str());
      ImGui::Unindent();
    }
  }
}

}  // namespace

void draw_matching_screen(Session& session, const Scheme& scheme) {
  MatchingState& s = state(session);
  if (s.scheme_id != scheme.meta.id) {
    if (s.running) platform::cancel_matching_worker();
    s = MatchingState{};
    s.scheme_id = scheme.meta.id;
  }
  const std::uint64_t version = session.workspace_version();
  if (s.result && s.run_version != version) s.out_of_date = true;
  if (s.preview_version != version) {
    s.preview = matching::matching_input_from_records(session.workspace(), scheme);
    s.preview_version = version;
  }
  // Ready before "Run matching" (and again after Stop): the worker starts, and warms up on a small
  // cut of this cohort, while the coordinator reads the screen.
  if (!s.preview.input.mentees.empty() && !s.preview.input.mentors.empty())
    platform::prepare_matching_worker(
        [&s] { return matching::encode_matching_request(matching::warm_up_input(s.preview.input), {}); });

  if (scheme.matching_mode == MatchingMode::mentor_picks_requests)
    help_text("In this scheme mentors choose from the mentees' requests; matching here only suggests pairs.");
  draw_rules(session, scheme);
  draw_pair_rules(session, scheme);

  const auto& preview = s.preview;
  int places = 0;
  for (const auto& m : preview.input.mentors) places += std::max(0, m.capacity - m.current_load);
  section_heading("Run");
  text_format("%zu mentee(s) to match, %zu mentor(s) with %d free place(s).", preview.input.mentees.size(),
              preview.input.mentors.size(), places);
  if (s.running) {
    const double seconds = (platform::now_ms() - s.started_ms) / 1000.0;
    const char spinner[] = "|/-\\";
    text_format("Matching %zu mentees with %zu mentors… %c %.1f s", s.sent.input.mentees.size(),
                s.sent.input.mentors.size(), spinner[static_cast<int>(seconds * 8) % 4], seconds);
    ImGui::SameLine();
    if (ImGui::Button("Stop")) {
      platform::cancel_matching_worker();
      s.running = false;
    }
    platform::request_frame_after(100);  // keeps the elapsed time moving while the worker runs
  } else if (button("Run matching", !preview.input.mentees.empty() && !preview.input.mentors.empty(),
                    "Import mentees and mentors first.")) {
    start_run(session, scheme);
  }
  if (!s.error.empty()) error_text("Matching failed: " + s.error);
  if (s.result) draw_results(session, scheme);
}

}  // namespace pairwise::app
