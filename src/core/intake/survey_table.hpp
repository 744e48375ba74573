#pragma once
// A survey tool's export as the tool lays it out, recognised from the table itself (never from the
// file name), so an ordinary form needs no hand mapping:
// - SurveyMonkey: two header rows. The second holds "Response" / "Open-Ended Response" under a
//   single-answer question, or an option name under each column of a "select all that apply"
//   question, whose first header cell is followed by blank ones. Respondent ID, Collector ID,
//   IP Address and Custom Data columns identify the respondent's device, not the person: left out.
//   Start Date / End Date are written MM/DD/YYYY hh:mm:ss AM.
// - Google Forms (the CSV of its sheet): "Timestamp" first, in the sheet's locale; "Email address"
//   when the form collects it; checkbox answers joined by ", " in one cell.
// - Microsoft Forms (XLSX): ID, Start time, Completion time (date cells, read as ISO text), Email
//   ("anonymous" for an anonymous form), Name; multiple choices joined by ";" with a trailing ";".
// Everything else is a plain table with one header row.
#include <string>
#include <vector>

#include "core/csv/csv_reader.hpp"
#include "core/intake/date_order.hpp"

namespace pairwise {

enum class SurveyTool { plain_table, surveymonkey, google_forms, microsoft_forms };
const char* survey_tool_name(SurveyTool tool);  // "SurveyMonkey", ..., "a table"

struct SurveyColumn {
  // The column's name in a mapping: the question, or "Question [Option]" for one option column
  // of a "select all that apply" question. Unique within the table.
  std::string key;
  std::string question;       // first header row (a blank cell carries the question before it)
  std::string option;         // the option named in SurveyMonkey's second header row, else ""
  bool identifying = false;   // names the device or the tool's own record, never the person
  bool submitted_at = false;  // the tool's own time of submission
  // The tool's own date format, when it has one (SurveyMonkey writes MM/DD/YYYY whatever the
  // respondent's country); automatic = decided from the values.
  DateOrder date_order = DateOrder::automatic;
};

struct SurveyTable {
  SurveyTool tool = SurveyTool::plain_table;
  std::vector<SurveyColumn> columns;
  // header = the columns' keys; rows = the answers only (a second header row is not an answer),
  // each keeping its row number as the spreadsheet shows it.
  CsvTable table;

  const SurveyColumn* column(const std::string& key) const;
};

SurveyTable recognise_survey(const CsvTable& raw);

}  // namespace pairwise
