#pragma once
// Which part of a slashed date ("05/01/2024") is the month: decided per column from its values,
// or by the coordinator when every value could be read both ways.
#include "core/validation/json_reader.hpp"

namespace pairwise {

enum class DateOrder { automatic, month_first, day_first };
inline constexpr EnumNames<DateOrder, 3> kDateOrderNames{{{DateOrder::automatic, "automatic"},
                                                          {DateOrder::month_first, "month_first"},
                                                          {DateOrder::day_first, "day_first"}}};

}  // namespace pairwise
