#pragma once
// Messages the app hands to the person's own mail program through a mailto: link (RFC 6068). With
// no server, the app cannot send mail or attach files itself: each message says so plainly and
// names the file the person just downloaded, so they know what to attach.
#include <optional>
#include <string>
#include <vector>

#include "core/workspace.hpp"

namespace pairwise {

struct MailMessage {
  std::vector<std::string> to;  // e-mail addresses; empty lets the person choose
  std::string subject;
  std::string body;
  bool operator==(const MailMessage&) const = default;
};

// "mailto:a@x.org,b@y.org?subject=…&body=…": every character outside RFC 3986's unreserved set is
// percent-encoded as UTF-8 (spaces as %20, line breaks as %0D%0A), so any name or script survives.
std::string mailto_url(const MailMessage& message);

// The prepared message to the scheme's escalation contact (IKT: the mentoring supervisor) about a
// request its mentor has not answered; nullopt when the scheme names no contact e-mail or the
// pairing is not waiting for an answer.
std::optional<MailMessage> escalation_message(const Workspace& workspace, const std::string& pairing_id,
                                              const std::string& today);

// For a file just downloaded for other people: names what it is and the file. The app says beside
// the button that the file must be attached by hand (attach_by_hand_notice).
MailMessage file_message(std::vector<std::string> to, const std::string& what, const std::string& file_name,
                         const std::string& scheme_name);

// What the app says when it opens the mail program: the file is not attached by itself.
std::string attach_by_hand_notice(const std::string& file_name);

}  // namespace pairwise
