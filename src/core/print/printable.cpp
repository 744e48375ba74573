#include "core/print/printable.hpp"

#include <utility>
#include <vector>

#include "core/pair/pair_member.hpp"
#include "core/privacy/audience.hpp"
#include "core/version.hpp"

namespace pairwise {

namespace {

std::string e(std::string_view text) { return html_escape(text); }

// The sections of the agreement (the MRC CTU LMIC form's categories), in the order they are agreed.
const std::pair<const char*, std::string Agreement::*> kAgreementSections[] = {
    {"Confidentiality", &Agreement::confidentiality},
    {"Frequency of meetings", &Agreement::meeting_frequency},
    {"Timing of meetings", &Agreement::meeting_timing},
    {"Duration of meetings", &Agreement::meeting_duration},
    {"Communication", &Agreement::communication},
    {"Feedback to one another", &Agreement::feedback},
    {"Reviewing the relationship", &Agreement::reviewing},
    {"Short-term objectives", &Agreement::short_term_objectives},
    {"Long-term objectives", &Agreement::long_term_objectives},
    {"How progress will be tracked", &Agreement::tracking_progress},
    {"Boundaries and conflicts of interest", &Agreement::boundaries},
};

// The page's own policy: nothing loads and nothing runs, also when the page is saved and opened
// on its own. Its inline style is allowed here; the app's inherited policy allows it by hash.
constexpr const char* kPagePolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

std::string page(const std::string& title, const std::string& body, const std::string& footer) {
  return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kPagePolicy) + "\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" + e(title) + "</title>\n<style>" + print_stylesheet() + "</style>\n</head>\n<body>\n<main>\n" + body +
         "</main>\n<footer>" + footer + "</footer>\n</body>\n</html>\n";
}

// A paragraph keeping the person's line breaks (white-space: pre-wrap); an empty text says so.
std::string text_block(const std::string& text) {
  if (text.empty()) return "<p class=\"empty\">(nothing written)</p>\n";
  return "<p class=\"text\">" + e(text) + "</p>\n";
}

std::string printed_line(const Workspace& ws) {
  return "Printed from Pairwise " + e(app_version()) + " on " + e(ws.clock().today()) + ".";
}

std::string pair_heading(const Workspace& ws, const Pairing& p) {
  const Scheme* scheme = ws.find<Scheme>(p.scheme_id);
  std::string out = "<dl class=\"pair\">\n<dt>Mentor</dt><dd>" + e(name_on_side(ws, p, Role::mentor)) + " &lt;" +
                    e(p.mentor_email) + "&gt;</dd>\n<dt>Mentee</dt><dd>" + e(name_on_side(ws, p, Role::mentee)) +
                    " &lt;" + e(p.mentee_email) + "&gt;</dd>\n";
  if (scheme) out += "<dt>Scheme</dt><dd>" + e(scheme->name) + "</dd>\n";
  return out + "</dl>\n";
}

std::string consent_line(const Agreement& a, const Consent& c) {
  if (c.date.empty()) return "not consented yet";
  if (consent_is_void(a, c))
    return "consented on " + e(c.date) + " to earlier words, so that consent is void for the words printed here";
  return "consented as \u201c" + e(c.name) + "\u201d on " + e(c.date);
}

std::string who_label(const std::string& who, const Workspace& ws, const Pairing& p) {
  if (who == "mentor") return name_on_side(ws, p, Role::mentor);
  if (who == "mentee") return name_on_side(ws, p, Role::mentee);
  return who;
}

std::string actions_table(const std::vector<Action>& actions, const Workspace& ws, const Pairing& p) {
  if (actions.empty()) return "<p class=\"empty\">(no actions)</p>\n";
  std::string out = "<table>\n<thead><tr><th>Who</th><th>What</th><th>By when</th><th>Done</th></tr></thead>\n<tbody>\n";
  for (const Action& a : actions)
    out += "<tr><td>" + e(who_label(a.who, ws, p)) + "</td><td class=\"text\">" + e(a.what) + "</td><td>" + e(a.by_when) +
           "</td><td>" + (a.done ? "done" : "open") + "</td></tr>\n";
  return out + "</tbody>\n</table>\n";
}

// Whether `viewer_email` may read a private note's text, by the private_notes audience declaration.
bool may_print_private_note(const PrivateNote& note, const std::string& viewer_email) {
  const Reader reader = normalize_email(note.author_email) == normalize_email(viewer_email) ? Reader::author : Reader::partner;
  for (const FieldAudience& f : field_audiences(PrivateNote::kStore))
    if (f.field == "text") return may_see(f.audience, reader);
  return false;  // undeclared: never printed
}

const char* mode_words(MeetingMode mode) {
  switch (mode) {
    case MeetingMode::in_person: return "in person";
    case MeetingMode::video: return "by video";
    case MeetingMode::phone: return "by phone";
  }
  return "";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

const std::string& print_stylesheet() {
  // Changing one character here changes its hash: update style-src in web/index.html (the
  // printable_test says which hash it expects).
  static const std::string css =
      "body{font-family:Georgia,'Noto Serif','DejaVu Serif',serif;color:#111;background:#fff;margin:0;line-height:1.45}"
      "main{max-width:42em;margin:2em auto;padding:0 1.5em}"
      "h1{font-size:1.6em;margin:0 0 .4em}h2{font-size:1.15em;margin:1.4em 0 .3em;border-bottom:1px solid #999}"
      "dl.pair{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}"
      ".text{white-space:pre-wrap;overflow-wrap:anywhere}.empty{color:#666;font-style:italic}"
      "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.25em .5em;text-align:left;"
      "vertical-align:top}"
      ".sign{display:grid;grid-template-columns:1fr 1fr;gap:2em;margin-top:2.5em}"
      ".sign p{border-top:1px solid #111;padding-top:.3em;margin:3em 0 0}"
      ".private{border:2px dashed #555;padding:.2em 1em;margin-top:1.5em}"
      "footer{max-width:42em;margin:2em auto;padding:0 1.5em;color:#555;font-size:.85em}"
      "@media print{main,footer{margin:0;max-width:none;padding:0}h2,tr,.sign{break-inside:avoid}"
      "h2{break-after:avoid}@page{margin:2cm}}";
  return css;
}

std::optional<std::string> printable_agreement(const Workspace& ws, const std::string& pairing_id) {
  const Pairing* p = ws.find<Pairing>(pairing_id);
  if (p == nullptr) return std::nullopt;
  const Agreement* stored = ws.agreement_of(pairing_id);
  const Agreement a = stored ? *stored : Agreement{};
  std::string body = "<h1>Mentoring agreement</h1>\n" + pair_heading(ws, *p);
  for (const auto& [label, field] : kAgreementSections) body += "<h2>" + e(label) + "</h2>\n" + text_block(a.*field);
  body += "<h2>Mutual consent</h2>\n<ul class=\"consents\">\n";
  for (Role side : {Role::mentor, Role::mentee})
    body += "<li>" + e(name_on_side(ws, *p, side)) + " (" + e(enum_to_string(kRoleNames, side)) + "): " +
            consent_line(a, consent_of(a, side)) + "</li>\n";
  body += "</ul>\n";
  body += a.is_agreed_by_both() ? "<p>Both have consented to these words.</p>\n"
                                : "<p>Not yet agreed by both to these words.</p>\n";
  body += "<div class=\"sign\">\n";
  for (Role side : {Role::mentor, Role::mentee})
    body += "<p>" + e(name_on_side(ws, *p, side)) + " (" + e(enum_to_string(kRoleNames, side)) + "), signature and date</p>\n";
  body += "</div>\n";
  const std::string footer = printed_line(ws) + " Words of the agreement: " + e(terms_digest(a)) + ".";
  return page("Mentoring agreement: " + name_on_side(ws, *p, Role::mentor) + " and " + name_on_side(ws, *p, Role::mentee),
              body, footer);
}

std::optional<std::string> printable_meeting_notes(const Workspace& ws, const std::string& meeting_id,
                                                   const std::string& viewer_email) {
  const Meeting* m = ws.find<Meeting>(meeting_id);
  if (m == nullptr) return std::nullopt;
  const Pairing* p = ws.find<Pairing>(m->pairing_id);
  if (p == nullptr) return std::nullopt;
  std::string when = m->date;
  if (!m->start_time.empty()) when += " at " + m->start_time + (m->time_zone.empty() ? "" : " (" + m->time_zone + ")");
  std::string how = mode_words(m->mode);
  if (m->length_minutes > 0) how += ", " + std::to_string(m->length_minutes) + " minutes";
  std::string body = "<h1>Meeting notes: " + e(when) + "</h1>\n" + pair_heading(ws, *p) + "<p>Met " + e(how) + ".</p>\n";
  body += "<h2>Review of the previous actions</h2>\n" + actions_table(m->review.previous_actions, ws, *p);
  const std::pair<const char*, const std::string*> review[] = {
      {"What went well", &m->review.went_well}, {"What went badly", &m->review.went_badly},
      {"What we learned", &m->review.learned}};
  for (const auto& [label, text] : review) body += "<h2>" + e(label) + "</h2>\n" + text_block(*text);
  const std::pair<const char*, const std::string*> togrow[] = {
      {"Topic", &m->topic}, {"Goal", &m->goal}, {"Reality", &m->reality}, {"Options", &m->options},
      {"Way forward", &m->way_forward}};
  for (const auto& [label, text] : togrow) body += "<h2>" + e(label) + "</h2>\n" + text_block(*text);
  body += "<h2>Actions (who, what, by when)</h2>\n" + actions_table(m->actions, ws, *p);
  std::string own_notes;
  for (const PrivateNote& n : ws.private_notes_of(p->meta.id))
    if (n.date == m->date && may_print_private_note(n, viewer_email)) own_notes += text_block(n.text);
  if (!own_notes.empty())
    body += "<section class=\"private\">\n<h2>My private notes of this day</h2>\n<p>Only on my own printout: my "
            "partner never sees these.</p>\n" + own_notes + "</section>\n";
  return page("Meeting notes " + when + ": " + name_on_side(ws, *p, Role::mentor) + " and " +
                  name_on_side(ws, *p, Role::mentee),
              body, printed_line(ws) + " Private to the pair: keep this copy safe.");
}

}  // namespace pairwise
