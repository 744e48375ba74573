#pragma once
// A SMART objective of a pairing (MRC CTU LMIC): see checks/smart.hpp for what makes one SMART.
#include <string>
#include <vector>

#include "core/records/record_meta.hpp"

namespace pairwise {

enum class ObjectiveStatus { not_started, in_progress, achieved, dropped };
inline constexpr EnumNames<ObjectiveStatus, 4> kObjectiveStatusNames{{{ObjectiveStatus::not_started, "not_started"},
                                                                      {ObjectiveStatus::in_progress, "in_progress"},
                                                                      {ObjectiveStatus::achieved, "achieved"},
                                                                      {ObjectiveStatus::dropped, "dropped"}}};

struct Objective {
  static constexpr const char* kStore = "objectives";
  RecordMeta meta;
  std::string pairing_id;
  std::string statement;   // specific
  std::string measure;     // measurable
  std::string achievable;  // why it is attainable
  std::string relevant;    // why it matters
  std::string due_date;    // time-bound
  ObjectiveStatus status = ObjectiveStatus::not_started;
  int progress_percent = 0;
  std::vector<std::string> linked_action_ids;
  std::vector<std::string> linked_meeting_ids;

  bool operator==(const Objective&) const = default;
};

Json encode(const Objective& objective);
void decode(const JsonReader& in, Objective& objective);

}  // namespace pairwise
