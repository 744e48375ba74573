#include "core/documents/mail_message.hpp"

#include "core/records/timestamps.hpp"

namespace pairwise {

namespace {

// RFC 3986 unreserved characters stay; everything else (bytes of UTF-8 included) is %XX.
std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Mail programs expect CRLF line breaks in a mailto body (RFC 6068 section 5).
std::string with_crlf(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

}  // namespace

std::string mailto_url(const MailMessage& message) {
  std::string url = "mailto:";
  for (std::size_t i = 0; i < message.to.size(); ++i) {
    if (i > 0) url += ',';
    // '@' may stay literal in an addr-spec; the rest of the address is encoded like any text.
    const std::string& address = message.to[i];
    const auto at = address.rfind('@');
    url += at == std::string::npos ? percent_encode(address)
                                   : percent_encode(address.substr(0, at)) + "@" + percent_encode(address.substr(at + 1));
  }
  std::string query;
  if (!message.subject.empty()) query += "subject=" + percent_encode(message.subject);
  if (!message.body.empty()) query += std::string(query.empty() ? "" : "&") + "body=" + percent_encode(with_crlf(message.body));
  return query.empty() ? url : url + "?" + query;
}

std::optional<MailMessage> escalation_message(const Workspace& workspace, const std::string& pairing_id,
                                              const std::string& today) {
  const Pairing* pairing = workspace.find<Pairing>(pairing_id);
  if (pairing == nullptr) return std::nullopt;
  if (pairing->status() != PairingStatus::requested && pairing->status() != PairingStatus::no_response) return std::nullopt;
  const Scheme* scheme = workspace.find<Scheme>(pairing->scheme_id);
  if (scheme == nullptr || scheme->escalate_to.email.empty()) return std::nullopt;
  const std::string mentor = workspace.display_name(pairing->mentor_email);
  const std::string mentee = workspace.display_name(pairing->mentee_email);
  const std::string asked = pairing->requested_on();
  const auto waited = days_between(asked, today);
  MailMessage m;
  m.to = {scheme->escalate_to.email};
  m.subject = scheme->name + ": no answer from " + mentor + " about mentoring " + mentee;
  const std::string greeting = scheme->escalate_to.name.empty() ? "Hello," : "Dear " + scheme->escalate_to.name + ",";
  m.body = greeting + "\n\n" + mentor + " (" + pairing->mentor_email + ") was asked on " + asked + " to mentor " + mentee +
           " (" + pairing->mentee_email + ") in " + scheme->name + " and has not answered" +
           (waited ? " in " + std::to_string(*waited) + " day(s)" : "") +
           ". A mentor may decline without giving a reason, but must respond.\n\n"
           "Could you follow this up with them?\n\nThank you.\n";
  return m;
}

MailMessage file_message(std::vector<std::string> to, const std::string& what, const std::string& file_name,
                         const std::string& scheme_name) {
  MailMessage m;
  m.to = std::move(to);
  m.subject = scheme_name.empty() ? what : scheme_name + ": " + what;
  m.body = "Hello,\n\nI am sending you " + what + " as the attached file " + file_name +
           ". Open it in Pairwise, from the scheme's site.\n";
  return m;
}

std::string attach_by_hand_notice(const std::string& file_name) {
  return "Your mail program opens with the message. Attach " + file_name +
         " from your downloads by hand: Pairwise cannot attach files to e-mail.";
}

}  // namespace pairwise
