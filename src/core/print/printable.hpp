#pragma once
// Printable pages for people who sign on paper or file a copy (KIND's pairs sign their agreement):
// the mentoring agreement with both consents, and one meeting's notes. Each page is a complete,
// standalone HTML document with its own print stylesheet; the app opens it in a new window
// (web/platform_library.js) where the browser's own Print prints it.
//
// Every text from the records is HTML-escaped, so a note holding "<script>" prints as those
// characters. The page runs no script and loads nothing: its own policy is default-src 'none', and
// its one <style> element is allowed by the app page's Content-Security-Policy through that
// style's SHA-256 hash (a new window opened from the app inherits the app's policy).
#include <optional>
#include <string>
#include <string_view>

#include "core/workspace.hpp"

namespace pairwise {

// & < > " ' as character references: safe inside elements and quoted attributes.
std::string html_escape(std::string_view text);

// The text of the page's <style> element, exactly (its hash is in web/index.html's policy).
const std::string& print_stylesheet();

// The pairing's agreement as a page: both people, every section of the agreement, each consent as
// given (or not yet, or given to earlier words), and lines to sign on paper. nullopt when the
// pairing is unknown; an agreement not started yet prints with its sections empty.
std::optional<std::string> printable_agreement(const Workspace& workspace, const std::string& pairing_id);

// One meeting's notes: the review of the previous actions, Topic, Goal, Reality, Options and Way
// forward, and the new actions. `viewer_email` is who prints: their own private notes of the
// meeting's day are added (the private_notes audience is the author alone), anyone else's never.
// nullopt when the meeting is unknown.
std::optional<std::string> printable_meeting_notes(const Workspace& workspace, const std::string& meeting_id,
                                                   const std::string& viewer_email);

}  // namespace pairwise
