#pragma once
// Survey answers as people write them: roles in the common wordings, yes/no, "10+", lists joined
// by ";", ",", " and " or line breaks, and dates in US, day-first or ISO order.
#include <optional>
#include <string>
#include <vector>

#include "core/intake/date_order.hpp"
#include "core/records/person.hpp"

namespace pairwise {

// "Mentor", "Mentee", "Both", "Mentor and mentee", "Both (mentor and mentee)", "I'd like to be a
// mentor": the roles named, or none for an answer naming neither.
std::vector<Role> roles_in_answer(const std::string& answer);

// "Yes", "No", "Yes, in person", "Y", "true", "x": nullopt when it is neither.
std::optional<bool> yes_no_answer(const std::string& answer);

struct NumberAnswer {
  int value = 0;
  std::string note;  // set when the answer said more than a number ("10+" -> 10)
};
// The first whole number in the answer ("10+", "about 5", "3 mentees", "More than 10").
std::optional<NumberAnswer> number_in_answer(const std::string& answer);

// Items of a list answer, split on the separators (any of the characters, and the word " and "
// when `split_on_and`) and on line breaks. An item that is one of `known` (compared without case)
// stays whole even when it holds a separator ("Monitoring and evaluation", "Policy, law").
std::vector<std::string> list_in_answer(const std::string& answer, const std::string& separators, bool split_on_and,
                                        const std::vector<std::string>& known = {});

struct DateOrderDecision {
  DateOrder order = DateOrder::automatic;  // automatic: no value says (every date is ISO, or ambiguous)
  bool ambiguous = false;      // slashed dates whose parts are all 12 or less: only a person can say
  bool contradictory = false;  // some values read only month-first, others only day-first
};
// Decides a column's order from its values: a first part above 12 means day-first, a second part
// above 12 means month-first.
DateOrderDecision decide_date_order(const std::vector<std::string>& values);

// "2024-05-01", "2024-05-01T10:23:11", "05/01/2024 10:23:11 AM", "1.5.2024 9:03", "2024/05/01"
// -> "YYYY-MM-DDTHH:MM:SSZ" (the tool's local time, kept as written). nullopt when it is not a date
// or its order is needed and unknown.
std::optional<std::string> time_in_answer(const std::string& answer, DateOrder order);

}  // namespace pairwise
