#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/session.hpp"

namespace pairwise::app {

// What the form remembers between frames, held by the app (AppScreens::applicant) and started
// afresh when the scheme changes or the workspace is replaced.
struct ApplicantFormState {
  std::string scheme_id;
  std::optional<std::uint64_t> version;  // the workspace version last looked at
  Person taken;                          // the stored draft the form started from
  Person draft;
  bool loaded = false;
  bool tried_export = false;
  bool email_touched = false;
  std::string exported_file;
  std::string zone_query;   // what is typed in the time zone search
  std::string offset_text;  // the UTC offset as typed ("+5:" mid-typing), shown until it reads as one
};

// The scheme's intake form: saved as it is typed, checked inline, exported as an application file.
void draw_applicant_screen(Session& session, ApplicantFormState& state);

}  // namespace pairwise::app
