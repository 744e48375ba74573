// Share and report: the notebook for the partner (and for oneself), the partner's notebook merged
// in after a preview, and the redacted progress report for the coordinator.
#include <imgui.h>

#include "app/locked_files.hpp"

#include <optional>

#include "app/file_buttons.hpp"
#include "app/layout.hpp"
#include "app/screens/pair_screen_states.hpp"
#include "app/widgets.hpp"
#include "core/documents/file_names.hpp"
#include "core/documents/documents.hpp"
#include "core/documents/mail_message.hpp"
#include "platform/browser.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

constexpr const char* kPartnerNotebookPurpose = "pair/partner-notebook";
constexpr const char* kMergePopup = "Merge your partner's notebook?";


// e.g. "pairwise-notebook-mina-teo-for-partner-2024-05-31.json"; names fall back to e-mails.
std::string export_name(const Session& session, const PairView& view, const char* kind, const char* audience) {
  const Pairing& p = *view.pairing;
  return export_file_name({kind, name_on_side(session.workspace(), p, Role::mentor),
                           name_on_side(session.workspace(), p, Role::mentee), audience, view.today},
                          "json");
}

void export_notebook(Session& session, const PairView& view, PairFilesState& s, NotebookAudience audience) {
  session.flush_now();  // the file holds everything typed up to the click
  auto notebook = make_pair_notebook(session.workspace(), view.pairing->meta.id, audience);
  if (!notebook) {
    session.notify("The notebook was not exported: " + notebook.error_text(), true);
    return;
  }
  const bool for_partner = audience == NotebookAudience::partner;
  const std::string name = export_name(session, view, "notebook", for_partner ? "for-partner" : "for-myself");
  const std::string delivered =
      deliver_export(session, name, "application/json", write_document(notebook.value(), session.workspace().clock().now()));
  if (delivered.empty()) return;
  if (delivered != name) {
    s.last_export = "Saved " + delivered + " in your downloads, locked with your passphrase" +
                    (for_partner ? ": send it to " + view.partner_name + " and tell them the passphrase another way."
                                 : ". It holds your private notes: keep it to yourself.");
    return;
  }
  s.last_export = for_partner ? "Saved " + name + " in your downloads: send it to " + view.partner_name +
                                    ", who opens it under Share and report."
                              : "Saved " + name + " in your downloads. It holds your private notes: keep it to "
                                                  "yourself.";
}

void export_progress_report(Session& session, const PairView& view, PairFilesState& s) {
  session.flush_now();
  auto report = make_progress_report(session.workspace(), view.pairing->meta.id, view.today);
  if (!report) {
    session.notify("The progress report was not exported: " + report.error_text(), true);
    return;
  }
  const std::string name = export_name(session, view, "progress-report", "");
  const std::string delivered = deliver_export(
      session, name, "application/json",
      write_document(ProgressReportDocument{report.value()}, session.workspace().clock().now()));
  if (delivered.empty()) return;  // not exported (the lock's passphrase was refused): nothing to remember
  // Remembered, so the person can see what they last sent the coordinator.
  session.record(session.workspace().store_progress_report(report.value()));
  s.last_export = "Saved " + delivered + " in your downloads: send it to your scheme's coordinator.";
}

// "Send by e-mail" beside an export for another person: the mail program opens with the message
// naming the file that export writes, which the person attaches by hand.
void send_by_email_button(Session& session, const PairView& view, PairFilesState& s, const char* id,
                          std::vector<std::string> to,
                          const std::string& what, const std::string& file_name) {
  same_line_if_fits(button_width("Send by e-mail"));
  if (button((std::string("Send by e-mail##") + id).c_str())) {
    const Scheme* scheme = session.workspace().find<Scheme>(view.pairing->scheme_id);
    platform::open_mail(mailto_url(file_message(std::move(to), what, file_name, scheme ? scheme->name : std::string())));
    s.last_export = attach_by_hand_notice(file_name);
    session.notify(s.last_export);
  }
}

void draw_report_contents(const ProgressReport& r) {
  bullet_format("status: %s; agreement %s", to_string(r.status).c_str(),
                    r.agreement_signed ? ("agreed on " + r.agreement_signed_on).c_str() : "not agreed by both yet");
  bullet_format("%d meeting(s), %d minutes in all; actions: %d open, %d done", r.meeting_count, r.total_minutes,
                    r.actions_open, r.actions_done);
  int smart = 0;
  for (const auto& o : r.objectives) smart += o.smart ? 1 : 0;
  bullet_format("%zu objective(s), %d of them SMART", r.objectives.size(), smart);
}

}  // namespace

void open_partner_notebook(Session& session, const PairView& view, PairFilesState& s, const platform::OpenedFile& file) {
  session.flush_now();  // the preview compares against everything typed so far
  PendingMerge merge{file.name, preview_partner_notebook(session.workspace(), {file.name, file.text},
                                                         view.pairing->meta.id, view.side)};
  if (!merge.preview.can_apply()) {
    session.notify(file.name + ": nothing was merged: " + join_errors(merge.preview.import.errors), true);
    return;
  }
  s.merge = std::move(merge);
}

void draw_partner_notebook_popup(Session& session, const PairView& view, PairFilesState& s) {
  if (s.merge && !ImGui::IsPopupOpen(kMergePopup)) ImGui::OpenPopup(kMergePopup);
  if (!ImGui::BeginPopupModal(kMergePopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!s.merge) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const PairFilePreview& p = s.merge->preview;
  text_format("%s from %s", s.merge->file_name.c_str(), view.partner_name.c_str());
  if (p.changes.empty()) {
    help_text("Nothing new: this device already has everything in the notebook.");
  } else {
    text_line("Merging changes these records on this device:");
    for (const std::string& line : p.changes) bullet_format("%s", line.c_str());
  }
  if (!p.import.conflicts.empty()) {
    text_line("Edited on both sides: both texts are kept, side by side, until you choose one:");
    for (const auto& c : p.import.conflicts) bullet_format("%s: %s", c.store.c_str(), c.kept.c_str());
  }
  help_text("Each of you keeps your own consent to the agreement. Your private notes are not touched.");
  if (button("Merge", session.can_edit() && !p.changes.empty())) {
    session.flush_now();
    if (session.record(apply_pair_file(session.workspace(), p), s.merge->file_name)) {
      session.notify("Merged " + s.merge->file_name + ": " + std::to_string(p.changes.size()) + " record(s) changed.");
    }
    s.merge.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    s.merge.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_pair_files_screen(Session& session, const PairView& view, PairScreens& screens) {
  PairFilesState& s = screens.files;
  ImGui::BeginChild("ShareScroll", ImVec2(0, 0));
  section_heading("Share with your partner");
  paragraph("Your partner keeps their own copy. After you write something, export a notebook for them; when they "
            "send theirs, open it here and the two copies are merged.");
  draw_export_lock_choice(session, true);
  if (button("Export notebook for my partner", session.loaded())) export_notebook(session, view, s, NotebookAudience::partner);
  send_by_email_button(session, view, s, "notebook", {email_on_side(*view.pairing, other_side(view.side))},
                       "our mentoring notebook", export_name(session, view, "notebook", "for-partner"));
  help_text("Holds the agreement, meetings, actions and objectives; never your private notes. \"Send by e-mail\" opens "
            "your mail program with a message naming the file: attach the downloaded file by hand.");
  open_files_button("Open my partner's notebook…", kPartnerNotebookPurpose);
  help_text("You see what would change before anything is stored, and a file with a problem changes nothing.");

  section_heading("Progress report for the coordinator");
  paragraph("The coordinator follows the scheme from counts and dates only. The report holds none of the words you "
            "wrote: no meeting notes, actions, objectives, agreement text or private notes.");
  if (auto preview = make_progress_report(session.workspace(), view.pairing->meta.id, view.today)) {
    text_line("It would say:");
    draw_report_contents(preview.value());
  }
  if (button("Export progress report", session.loaded())) export_progress_report(session, view, s);
  // The scheme file names no coordinator address: the person picks the recipient in the mail program.
  send_by_email_button(session, view, s, "report", {}, "our progress report", export_name(session, view, "progress-report", ""));
  const auto& reports = session.workspace().progress_reports();
  if (auto it = reports.find(view.pairing->meta.id); it != reports.end())
    help_text(("Last exported on " + it->second.generated_on + ".").c_str());

  section_heading("Keep a copy for yourself");
  if (button("Export notebook for myself", session.loaded())) export_notebook(session, view, s, NotebookAudience::self);
  help_text("Everything, including your private notes: to move to another device or keep safe. Do not send it.");
  if (!s.last_export.empty()) {
    ImGui::Spacing();
    paragraph(s.last_export.c_str());
  }
  ImGui::EndChild();
}

}  // namespace pairwise::app
