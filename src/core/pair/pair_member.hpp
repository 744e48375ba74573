#pragma once
// What a mentor or mentee does on their own device: join a pairing from the introduction pack the
// coordinator sent, say which side they are on, consent to the agreement, and merge the notebook
// their partner exported. Nothing here touches the UI.
#include <optional>
#include <string>
#include <vector>

#include "core/import/batch_import.hpp"
#include "core/records/agreement.hpp"
#include "core/records/person.hpp"
#include "core/workspace.hpp"

namespace pairwise {

// ---- which pairing, which side (kept in settings["pair"]) ----
// {"current": PAIRING_ID, "sides": {PAIRING_ID: "mentor" | "mentee"}}: several pairings may live on
// one device (someone mentored in one scheme and mentoring in another).

std::string current_pairing_of(const Json& settings);
Json with_current_pairing(Json settings, const std::string& pairing_id);
std::optional<Role> side_in_pairing(const Json& settings, const std::string& pairing_id);
Json with_side_in_pairing(Json settings, const std::string& pairing_id, Role side);

// The e-mail of the person on `side`, and of the other person.
std::string email_on_side(const Pairing& pairing, Role side);
Role other_side(Role side);
// The name the introduction pack gave the person on `side`, else their e-mail.
std::string name_on_side(const Workspace& ws, const Pairing& pairing, Role side);

// ---- agreement consent ----
// Each side records only their own consent, with their name and the date; the other side's
// consent arrives with their notebook.
Consent& consent_of(Agreement& agreement, Role side);
const Consent& consent_of(const Agreement& agreement, Role side);
void give_consent(Agreement& agreement, Role side, const std::string& name, const std::string& date);
void withdraw_consent(Agreement& agreement, Role side);
// True if anything both people agree to differs (consents and record metadata aside): a consent
// given to other words no longer holds.
bool agreement_terms_differ(const Agreement& a, const Agreement& b);
// Applies an edit of the terms: if the words changed, both consents are cleared (they were given
// to the old words). Returns true if consents were cleared.
bool apply_agreement_edit(const Agreement& before, Agreement& after);

// ---- files from the coordinator and from the partner ----

struct PairFilePreview {
  ImportPreview import;               // errors block everything; changes are what applying stores
  std::vector<std::string> changes;   // one line per record that will change, in plain words
  std::string pairing_id;             // the pairing the file is about
  bool can_apply() const { return import.can_apply(); }
};

// An introduction pack: stores the scheme, the pairing, the mentor and the mentee.
PairFilePreview preview_introduction_pack(const Workspace& ws, const InputFile& file);

// The partner's notebook for the pairing open on this device. Refused (naming the file and the
// field) if it is another kind of file, belongs to another pairing, or holds someone else's private
// notes. Records merge by revision (see batch_import); the agreement's consents merge per side:
// each person's consent comes from their own copy, so neither side's consent is lost.
PairFilePreview preview_partner_notebook(const Workspace& ws, const InputFile& file, const std::string& pairing_id,
                                         Role my_side);

// Applies a preview made against this same workspace; all or nothing.
Result<ChangeSet> apply_pair_file(Workspace& ws, const PairFilePreview& preview);

// Plain-words description of what storing `changes` would do to `ws` ("new meeting on 2024-05-01").
std::vector<std::string> describe_changes(const Workspace& ws, const ChangeSet& changes);

}  // namespace pairwise
