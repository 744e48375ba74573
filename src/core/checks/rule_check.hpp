#pragma once
// The outcome of checking one of a scheme's rules, for a pairing or for the scheme as a whole.
// Messages hold only dates, counts, statuses, e-mail addresses and the scheme's own wording: never
// free text a pair wrote, so checks can travel in the redacted progress report.
#include <string>

#include "core/validation/json_reader.hpp"

namespace pairwise {

enum class RuleStatus { met, not_met, pending };
inline constexpr EnumNames<RuleStatus, 3> kRuleStatusNames{
    {{RuleStatus::met, "met"}, {RuleStatus::not_met, "not_met"}, {RuleStatus::pending, "pending"}}};

struct RuleCheck {
  std::string rule;  // stable key, e.g. "meetings", "duration", "ending_feedback"
  RuleStatus status = RuleStatus::pending;
  std::string message;
  bool operator==(const RuleCheck&) const = default;
};

inline Json encode(const RuleCheck& c) {
  return Json{{"rule", c.rule}, {"status", enum_to_string(kRuleStatusNames, c.status)}, {"message", c.message}};
}
inline void decode(const JsonReader& in, RuleCheck& c) {
  in.required("rule", c.rule);
  in.required_enum("status", c.status, kRuleStatusNames);
  in.optional("message", c.message);
}

}  // namespace pairwise
