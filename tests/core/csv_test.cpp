#include <doctest/doctest.h>

#include "core/csv/csv_applications.hpp"
#include "core/csv/csv_reader.hpp"
#include "core/csv/csv_writer.hpp"
#include "core/records/time_zones.hpp"
#include "core/reports/csv_exports.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("CSV: quotes, embedded commas, doubled quotes and embedded newlines (RFC 4180)") {
  auto rows = read_csv_rows("a,\"b,c\",\"say \"\"hi\"\"\"\n\"line1\nline2\",x,\n", "t.csv");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK(rows->at(0).cells == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  CHECK(rows->at(1).cells == std::vector<std::string>{"line1\nline2", "x", ""});
  CHECK(rows->at(1).row_number == 2);
}

TEST_CASE("CSV: CRLF line ends and a UTF-8 byte-order mark") {
  auto t = read_csv_table("\xEF\xBB\xBF" "Email,Name\r\nana@x.org,Ana L\xC3\xB3pez\r\n\r\nbo@x.org,Bo\r\n", "t.csv");
  REQUIRE(t.ok());
  CHECK(t->header == std::vector<std::string>{"Email", "Name"});
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[0].cells[1] == "Ana L\xC3\xB3pez");
  CHECK(t->rows[1].row_number == 4);  // the blank line still counts as a spreadsheet row
  auto no_bom = read_csv_table("Email,Name\nana@x.org,Ana\n", "t.csv");
  REQUIRE(no_bom.ok());
  CHECK(no_bom->header[0] == "Email");
}

TEST_CASE("CSV: an unclosed quote and non-UTF-8 bytes are errors with a location") {
  auto r = read_csv_rows("a,b\nc,\"open\n", "bad.csv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error_text() == "bad.csv: row 2: a quoted cell is never closed (missing \")");
  CHECK_FALSE(read_csv_rows("a,\xFF\n", "latin1.csv").ok());
}

TEST_CASE("CSV writer neutralises formula injection and quotes where needed") {
  CHECK(neutralise_formula("=HYPERLINK(\"http://evil\")") == "'=HYPERLINK(\"http://evil\")");
  CHECK(neutralise_formula("+1+2") == "'+1+2");
  CHECK(neutralise_formula("-2+3") == "'-2+3");
  CHECK(neutralise_formula("@SUM(A1)") == "'@SUM(A1)");
  CHECK(neutralise_formula("-300") == "-300");  // a plain number stays a number
  CHECK(neutralise_formula("Ana") == "Ana");
  const std::string out = write_csv({{"Name", "Note"}, {"=cmd|' /C calc'!A0", "a,b\"c"}});
  CHECK(out == "\xEF\xBB\xBFName,Note\r\n'=cmd|' /C calc'!A0,\"a,b\"\"c\"\r\n");
  // What we write, we read back (minus the neutralising apostrophe).
  auto back = read_csv_rows(out, "x.csv");
  REQUIRE(back.ok());
  CHECK(back->at(1).cells[1] == "a,b\"c");
}

TEST_CASE("CSV writer neutralises NUL and quotes semicolons and padding (issue 12)") {
  // A leading NUL hides the rest of the cell from C-string readers, and may precede a formula.
  CHECK(neutralise_formula(std::string_view("\0=1+1", 5)) == std::string("'\0=1+1", 6));
  // Where ';' is the separator (most European spreadsheets), "a;=1+1" split into a formula cell.
  CHECK(quote_csv_cell("a;=1+1") == "\"a;=1+1\"");
  // Readers trim unquoted padding; quoting keeps what was typed.
  CHECK(quote_csv_cell(" Ana") == "\" Ana\"");
  CHECK(quote_csv_cell("Ana ") == "\"Ana \"");
  CHECK(quote_csv_cell("Ana Ng") == "Ana Ng");
  CHECK(quote_csv_cell("") == "");
  const std::string out = write_csv({{"a;=1+1", " x ", "-5", "+4", "=1"}});
  CHECK(out == "\xEF\xBB\xBF\"a;=1+1\",\" x \",-5,+4,'=1\r\n");
  auto back = read_csv_rows(out, "x.csv");
  REQUIRE(back.ok());
  CHECK(back->at(0).cells[0] == "a;=1+1");
  CHECK(back->at(0).cells[1] == " x ");
}

TEST_CASE("column mapping is suggested from survey header names") {
  auto m = suggest_mapping({"Timestamp", "Email Address", "Full name", "Would you like to be a mentor or mentee?",
                            "Preferred language(s)", "Time zone", "Areas of activity", "Years of experience",
                            "Organisation", "What are you trying to do?", "Which barriers do you have?",
                            "What do you need a mentor to do?", "Favourite colour"});
  CHECK(m.field_for("Timestamp") == "applied_on");
  CHECK(m.field_for("Email Address") == "email");
  CHECK(m.field_for("Full name") == "name");
  CHECK(m.field_for("Would you like to be a mentor or mentee?") == "roles");
  CHECK(m.field_for("Preferred language(s)") == "languages");
  CHECK(m.field_for("Time zone") == "timezone");
  CHECK(m.field_for("Areas of activity") == "topics");
  CHECK(m.field_for("Years of experience") == "experience_years");
  CHECK(m.field_for("Organisation") == "organisation");
  CHECK(m.field_for("What are you trying to do?") == "project.what");
  CHECK(m.field_for("Which barriers do you have?") == "project.barriers");
  CHECK(m.field_for("What do you need a mentor to do?") == "project.mentor_role");
  CHECK(m.field_for("Favourite colour") == "");
}

TEST_CASE("a column mapping saved with the scheme round-trips through the scheme document") {
  SequentialIdGenerator ids;
  FixedClock clock("2024-01-01T00:00:00Z");
  Scheme s = make_preset(SchemePreset::ikt, ids, clock);
  s.csv_mapping = suggest_mapping({"Email", "Country"});
  Json j = encode(s);
  Errors errors;
  Scheme back;
  decode(JsonReader(&j, "$", &errors), back);
  CHECK(errors.empty());
  CHECK(back.csv_mapping == s.csv_mapping);
}

TEST_CASE("CSV applications: multi-value cells and per-row errors with row numbers") {
  const std::string csv =
      "Email,Name,Role,Languages,Years of experience,Time zone,Capacity\r\n"
      "ana@x.org,Ana,Both,\"Spanish; English\",4,UTC+5:30,2\r\n"
      "not-an-email,Bad,mentor,English,3,,1\r\n"
      "bo@x.org,Bo,coach,English,3,Europe/London,lots\r\n";
  auto table = read_csv_table(csv, "survey.csv");
  REQUIRE(table.ok());
  SequentialIdGenerator ids;
  FixedClock clock("2024-01-01T00:00:00Z");
  auto rows = applications_from_csv(table.value(), suggest_mapping(table->header), "s1", "survey.csv", ids, clock);
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[0].person);
  CHECK(rows[0].person->languages == std::vector<std::string>{"Spanish", "English"});
  CHECK(rows[0].person->is_mentor());
  CHECK(rows[0].person->is_mentee());
  CHECK(rows[0].person->utc_offset_minutes == 330);
  CHECK(rows[0].person->capacity == 2);
  CHECK_FALSE(rows[1].person);
  REQUIRE(rows[1].errors.size() == 1);
  CHECK(rows[1].errors[0].to_string() == "survey.csv: row 3, column \"Email\": expected an e-mail address, got \"not-an-email\"");
  CHECK_FALSE(rows[2].person);
  CHECK(rows[2].errors.size() == 2);
  CHECK(rows[2].errors[0].path == "row 4, column \"Role\"");
}

TEST_CASE("CSV exports of participants, pairings and monitoring open cleanly and are neutralised") {
  test::Fixture fx;
  Person evil = *fx.ws.person_by_email("mentee@example.org");
  evil.name = "=HYPERLINK(\"http://x\")";
  REQUIRE(fx.ws.save(evil));
  const std::string people = participants_csv(fx.ws, "");
  CHECK(people.find("'=HYPERLINK") != std::string::npos);
  CHECK(people.find(",=HYPERLINK") == std::string::npos);
  auto parsed = read_csv_table(people, "p.csv");
  REQUIRE(parsed.ok());
  CHECK(parsed->rows.size() == 2);
  auto pairs = read_csv_table(pairings_csv(fx.ws, fx.scheme_id), "x.csv");
  REQUIRE(pairs.ok());
  REQUIRE(pairs->rows.size() == 1);
  CHECK(pairs->rows[0].cells[6] == "active");
  auto mon = read_csv_table(monitoring_csv(fx.ws, fx.scheme_id, "2024-06-01"), "m.csv");
  REQUIRE(mon.ok());
  REQUIRE(mon->rows.size() == 1);
  CHECK(mon->rows[0].cells[11] == "behind");  // 1 of 3 meetings after 12 weeks
  CHECK(mon->rows[0].cells[12].find("1 of 3 meetings") == 0);
  for (const auto& text : {people, monitoring_csv(fx.ws, "", "2024-06-01")}) CHECK(text.find("SECRET") == std::string::npos);
}

TEST_CASE("a saved column mapping is reused for known headers and suggestions fill the rest") {
  ColumnMapping saved;
  saved.columns = {{"Contact", "email"}, {"Where do you live?", "country"}, {"Shoe size", ""}};
  saved.multi_value_separators = ";";
  const ColumnMapping m = mapping_for_headers(saved, {"Full name", "Contact", "E-mail address", "Shoe size", "Where do you live?"});
  REQUIRE(m.columns.size() == 5);
  CHECK(m.columns[0].field == "name");        // suggested
  CHECK(m.columns[1].field == "email");       // saved
  CHECK(m.columns[2].field.empty());          // would suggest e-mail, but the saved choice has it
  CHECK(m.columns[3].field.empty());          // saved as ignored stays ignored
  CHECK(m.columns[4].field == "country");     // saved
  CHECK(m.multi_value_separators == ";");
}

TEST_CASE("a survey's UTC offsets read as the applicant form reads them, and minutes from a column of minutes") {
  // One rule for offsets across the form and survey imports: "+0530" was once read as 530 minutes
  // here and "UTC" alone as no offset on the form.
  const std::string csv =
      "Email,Name,Role,UTC offset\r\n"
      "a@x.org,A,mentor,+0530\r\n"
      "b@x.org,B,mentor,UTC\r\n"
      "c@x.org,C,mentor,-300\r\n"
      "d@x.org,D,mentor,GMT-3:00\r\n"
      "e@x.org,E,mentor,+99:00\r\n";
  auto table = read_csv_table(csv, "survey.csv");
  REQUIRE(table.ok());
  const ColumnMapping mapping = suggest_mapping(table->header);
  CHECK(mapping.field_for("UTC offset") == "utc_offset_minutes");
  SequentialIdGenerator ids;
  FixedClock clock("2024-01-01T00:00:00Z");
  auto rows = applications_from_csv(table.value(), mapping, "s1", "survey.csv", ids, clock);
  REQUIRE(rows.size() == 5);
  for (int i = 0; i < 4; ++i) REQUIRE(rows[static_cast<std::size_t>(i)].person);
  CHECK(rows[0].person->utc_offset_minutes == 330);
  CHECK(rows[1].person->utc_offset_minutes == 0);
  CHECK(rows[2].person->utc_offset_minutes == -300);
  CHECK(rows[3].person->utc_offset_minutes == -180);
  CHECK_FALSE(rows[4].person);
  REQUIRE(rows[4].errors.size() == 1);
  CHECK(rows[4].errors[0].message.find("expected a UTC offset") != std::string::npos);
  CHECK(parse_utc_offset("UTC") == 0);
  CHECK(parse_utc_offset("gmt") == 0);
}
