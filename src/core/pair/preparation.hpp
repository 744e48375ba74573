#pragma once
// The mentee's preparation before the first meeting (Co-production, MRC CTU LMIC: "what do you
// want to get out of the mentoring?"), answered in the pair workspace. The answers live on the
// mentee's own record (Person::preparation), so they merge field by field like every record and
// the scheme rule "preparation" (check_pairing_rules) reads them for the progress report.
#include <vector>

#include "core/records/person.hpp"
#include "core/records/scheme.hpp"

namespace pairwise {

// Whether the person on `side` answers the scheme's preparation questions: only mentees, and only
// in a scheme that asks any.
bool answers_preparation(const Scheme& scheme, Role side);

// The form as the mentee sees it: one entry per scheme question, in the scheme's order, with the
// stored answer to that question (an answer stored without its question counts by position, as
// older applications kept them).
std::vector<QuestionAnswer> preparation_form(const Scheme& scheme, const Person& mentee);

// The mentee's record with the form's answers stored as typed: only answers to the scheme's own
// questions, each under its question, in the scheme's order; a question left blank stores nothing.
Person with_preparation(const Scheme& scheme, Person mentee, const std::vector<QuestionAnswer>& answers);

}  // namespace pairwise
