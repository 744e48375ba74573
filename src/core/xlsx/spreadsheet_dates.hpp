#pragma once
// Spreadsheet date serials (days since the workbook's epoch, the fraction the time of day) and
// the ISO 8601 text Pairwise keeps dates in.
#include <optional>
#include <string>
#include <string_view>

namespace pairwise {

enum class DateShown {
  date,       // "YYYY-MM-DD", or with the time when the serial has one (a survey's submission time)
  date_time,  // always "YYYY-MM-DDTHH:MM:SS"
  time,       // "HH:MM:SS" for a serial below 1 (a time of day or a duration), else as date_time
};

// The 1900 system counts 1900-02-29 (serial 60), which never existed, as Lotus 1-2-3 did: serials
// from 61 on are days since 1899-12-30. The 1904 system (old Mac workbooks) counts days since
// 1904-01-01. Times are rounded to the second. Nothing for a serial outside 0001..9999-12-31.
std::optional<std::string> serial_to_iso(double serial, bool date1904, DateShown shown);

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (fractions of a second and a trailing "Z" accepted) to a
// 1900-system serial; nothing for any other text or a date before 1900-03-01.
std::optional<double> iso_to_serial(std::string_view text);

}  // namespace pairwise
