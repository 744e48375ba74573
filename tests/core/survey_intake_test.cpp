// Survey exports as they really arrive (issue 13): each tool recognised from its own layout,
// answers read as people write them, resubmissions, and nobody left out quietly.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/csv/csv_applications.hpp"
#include "core/documents/documents.hpp"
#include "core/import/batch_import.hpp"
#include "core/intake/survey_answers.hpp"
#include "core/intake/survey_table.hpp"
#include "core/records/text_fold.hpp"
#include "test_support.hpp"

using namespace pairwise;

namespace {

const char* const kThemes[] = {"Stakeholder engagement", "Evidence synthesis", "Implementation science"};

struct SurveyFixture {
  FixedClock clock{"2024-06-01T09:00:00Z"};
  SequentialIdGenerator ids;
  Workspace ws{clock, ids};
  std::string scheme_id;
  SurveyFixture() {
    Scheme s;
    s.meta = ws.new_meta();
    s.name = "KT mentoring";
    s.roles_offered = {Role::mentor, Role::mentee};
    s.topics = {kThemes[0], kThemes[1], kThemes[2]};
    s.intake_fields = {{"email", true}, {"roles", true}, {"topics", true}, {"languages", true}};
    scheme_id = s.meta.id;
    REQUIRE(ws.save(s).ok());
  }
  ImportOptions options(bool skip, std::optional<ColumnMapping> mapping = std::nullopt) const {
    ImportOptions o;
    o.scheme_id = scheme_id;
    o.csv_mapping = std::move(mapping);
    o.skip_bad_csv_rows = skip;
    return o;
  }
  ImportPreview preview(const std::string& file, bool skip = true, std::vector<std::string> keep = {}) {
    ImportOptions o;
    o.scheme_id = scheme_id;
    o.skip_bad_csv_rows = skip;
    o.keep_rows = std::move(keep);
    return preview_import(ws, {{file, test::read_source_file("tests/fixtures/surveys/" + file)}}, o);
  }
};

CsvTable table_of(const std::string& text) {
  auto t = read_csv_table(text, "t.csv");
  REQUIRE(t.ok());
  return t.value();
}

bool has_line(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("SurveyMonkey: the second header row is not an applicant and names each option column") {
  const std::string csv =
      "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email,Do you want to be a mentor or a mentee?,"
      "Which themes? (select all that apply),,How many mentees could you take on?\r\n"
      ",,,,,Open-Ended Response,Response,Theme A,Theme B,Open-Ended Response\r\n"
      "1,9,05/02/2024 09:15:02 AM,05/02/2024 09:31:47 AM,10.0.0.1,ana@x.org,Mentor,Theme A,Theme B,2\r\n";
  const SurveyTable s = recognise_survey(table_of(csv));
  CHECK(s.tool == SurveyTool::surveymonkey);
  REQUIRE(s.table.rows.size() == 1);
  CHECK(s.table.rows[0].row_number == 3);
  CHECK(s.table.header[7] == "Which themes? (select all that apply) [Theme A]");
  CHECK(s.table.header[8] == "Which themes? (select all that apply) [Theme B]");
  CHECK(s.columns[0].identifying);
  CHECK(s.columns[4].identifying);
  CHECK(s.columns[3].submitted_at);
  const ColumnMapping m = suggest_mapping(s);
  CHECK(m.field_for("Respondent ID") == "");
  CHECK(m.field_for("IP Address") == "");
  CHECK(m.field_for("End Date") == "applied_on");
  CHECK(m.field_for("Start Date") == "");
  CHECK(m.field_for("Do you want to be a mentor or a mentee?") == "roles");
  CHECK(m.headers_of("topics").size() == 2);
  SequentialIdGenerator ids;
  FixedClock clock("2024-06-01T00:00:00Z");
  auto read = read_applications(s.table, m, {"s", "t.csv", {}}, ids, clock);
  REQUIRE(read.rows.size() == 1);
  INFO(join_errors(read.rows[0].errors));
  REQUIRE(read.rows[0].person);
  CHECK(read.rows[0].person->topics == std::vector<std::string>{"Theme A", "Theme B"});
  CHECK(read.rows[0].person->roles == std::vector<Role>{Role::mentor});
  CHECK(read.rows[0].person->capacity == 2);
  CHECK(read.rows[0].person->applied_on == "2024-05-02");
}

TEST_CASE("SurveyMonkey fixture: roles, every theme, dates, the resubmission and the left-out answers") {
  SurveyFixture fx;
  auto preview = fx.preview("surveymonkey.csv");
  INFO(join_errors(preview.errors));
  REQUIRE(preview.can_apply());
  REQUIRE(preview.surveys.size() == 1);
  CHECK(preview.surveys[0].tool == SurveyTool::surveymonkey);
  CHECK(preview.surveys[0].answers == 13);
  // Left out, each by row and by the name it gives.
  REQUIRE(preview.left_out.size() == 2);
  CHECK(preview.left_out[0].describe() == "surveymonkey.csv row 11 (Chen Wei): no e-mail address");
  CHECK(preview.left_out[1].describe() ==
        "surveymonkey.csv row 12 (Sam O'Neil): column \"How many mentees could you take on?\": expected a number of "
        "mentees, got \"lots\"");
  // Élodie answered twice (her e-mail once decomposed, once in capitals): the later submission wins.
  REQUIRE(preview.resubmissions.size() == 1);
  CHECK(preview.resubmissions[0].kept_row == 3);
  CHECK(preview.resubmissions[0].set_aside_row == 15);
  CHECK(preview.resubmissions[0].kept_summary.find("9 years, capacity 3") != std::string::npos);
  CHECK(preview.resubmissions[0].set_aside_summary.find("2 years, capacity 1") != std::string::npos);
  CHECK(preview.conflicts.empty());
  CHECK(has_line(preview.notes, "\"10+\" was read as 10"));
  // 王芳 chose only "Other": her topic is her own text.
  REQUIRE(apply_import(fx.ws, preview).ok());
  CHECK(fx.ws.people().size() == 10);
  const Person* elodie = fx.ws.person_by_email("élodie.durand@example.fr");
  REQUIRE(elodie);
  CHECK(elodie->experience_years == 9);
  CHECK(elodie->capacity == 3);
  CHECK(elodie->applied_on == "2024-05-14");
  CHECK(elodie->scheme_id == fx.scheme_id);
  const Person* zoe = fx.ws.person_by_email("zoe.angstrom@example.se");
  REQUIRE(zoe);
  CHECK(zoe->topics == std::vector<std::string>{"Stakeholder engagement", "Evidence synthesis"});
  CHECK(zoe->languages == std::vector<std::string>{"Swedish", "English"});
  CHECK(zoe->applied_on == "2024-05-02");
  CHECK(zoe->face_to_face);
  const Person* dimitris = fx.ws.person_by_email("dimitris@example.gr");
  REQUIRE(dimitris);
  CHECK(dimitris->is_mentor());
  CHECK(dimitris->is_mentee());
  CHECK(dimitris->experience_years == 10);
  CHECK(dimitris->languages == std::vector<std::string>{"Greek", "English"});
  const Person* huong = fx.ws.person_by_email("huong.nguyen@example.vn");
  REQUIRE(huong);
  CHECK(huong->is_mentor());
  CHECK(huong->is_mentee());
  CHECK(huong->topics.size() == 3);
  const Person* olga = fx.ws.person_by_email("olga.ivanova@example.ru");
  REQUIRE(olga);
  CHECK(olga->languages == std::vector<std::string>{"Russian", "English"});
  const Person* wang = fx.ws.person_by_email("wang.fang@example.cn");
  REQUIRE(wang);
  CHECK(wang->topics == std::vector<std::string>{"Health policy\nin rural areas"});
  const Person* jose = fx.ws.person_by_email("jose.mueller@example.de");
  REQUIRE(jose);
  CHECK(jose->name == "José Müller \xF0\x9F\x8C\x8D");
  // Stakeholder engagement reached everyone who chose it (issue 13: lost for 7 people before).
  int engaged = 0;
  for (const auto& [id, p] : fx.ws.people())
    engaged += std::count(p.topics.begin(), p.topics.end(), std::string("Stakeholder engagement")) ? 1 : 0;
  CHECK(engaged == 5);  // Élodie (her later answer), Zoë, Olga, Hương, Priya
  // The lasting history names them too.
  const auto history = fx.ws.import_history();
  REQUIRE(history.size() == 1);
  CHECK(history[0].files.at(0).layout == "SurveyMonkey");
  CHECK(history[0].left_out == preview.left_out);
  CHECK(history[0].resubmissions.size() == 1);
  CHECK(has_line(describe_import(history[0]), "left out: surveymonkey.csv row 11 (Chen Wei): no e-mail address"));
}

TEST_CASE("a resubmission wins by its time; the coordinator can keep the other one") {
  SurveyFixture fx;
  auto chosen = fx.preview("surveymonkey.csv", true, {row_choice_key("surveymonkey.csv", 15)});
  REQUIRE(chosen.can_apply());
  REQUIRE(chosen.resubmissions.size() == 1);
  CHECK(chosen.resubmissions[0].kept_row == 15);
  CHECK(chosen.resubmissions[0].chosen);
  REQUIRE(apply_import(fx.ws, chosen).ok());
  CHECK(fx.ws.person_by_email("elodie.durand@example.fr") == nullptr);
  const Person* kept = fx.ws.person_by_email("ÉLODIE.DURAND@example.fr");
  REQUIRE(kept);
  CHECK(kept->experience_years == 2);
  // The later answer arriving in a later import still wins over the stored earlier one.
  const std::string later =
      "Timestamp,Email address,Full name,Role,Years of experience\n"
      "20/05/2024 10:00:00,Élodie.Durand@EXAMPLE.fr,Élodie Durand,mentor,11\n";
  auto again = preview_import(fx.ws, {{"later.csv", later}}, fx.options(true));
  REQUIRE(again.can_apply());
  for (const auto& c : again.conflicts) CHECK(c.reason != "same revision and time but different content; the first one was kept");
  REQUIRE(apply_import(fx.ws, again).ok());
  CHECK(fx.ws.person_by_email("élodie.durand@example.fr")->experience_years == 11);
}

TEST_CASE("two answers of one person in one file: the later one wins, not the first (issue 13)") {
  SurveyFixture fx;
  const std::string csv =
      "Email,Name,Are you applying as a mentor or mentee?,Years of experience,How many mentees could you take on?,Date\n"
      "Pat@x.org,Pat,Mentor,2,1,2024-05-01T10:00:00\n"
      "pat@X.org ,Pat,Mentor,9,3,2024-05-03T10:00:00\n";
  auto preview = preview_import(fx.ws, {{"s.csv", csv}}, fx.options(false));
  REQUIRE(preview.can_apply());
  for (const auto& c : preview.conflicts) CHECK(c.reason != "same revision and time but different content; the first one was kept");
  REQUIRE(apply_import(fx.ws, preview).ok());
  const Person* pat = fx.ws.person_by_email("pat@x.org");
  REQUIRE(pat);
  CHECK(pat->experience_years == 9);
  CHECK(pat->capacity == 3);
}

TEST_CASE("Google Forms: Timestamp in a day-first locale, checkbox answers joined by \", \"") {
  SurveyFixture fx;
  auto preview = fx.preview("google-forms.csv");
  INFO(join_errors(preview.errors));
  REQUIRE(preview.can_apply());
  CHECK(preview.surveys.at(0).tool == SurveyTool::google_forms);
  REQUIRE(preview.left_out.size() == 1);
  CHECK(preview.left_out[0].describe() == "google-forms.csv row 6 (Иван Петров): no e-mail address");
  REQUIRE(preview.resubmissions.size() == 1);
  CHECK(preview.resubmissions[0].kept_row == 2);  // 13 May beats 3 May although it comes first
  REQUIRE(apply_import(fx.ws, preview).ok());
  const Person* ana = fx.ws.person_by_email("ana.lopez@example.mx");
  REQUIRE(ana);
  CHECK(ana->applied_on == "2024-05-13");
  CHECK(ana->is_mentor());
  CHECK(ana->is_mentee());
  CHECK(ana->topics == std::vector<std::string>{"Stakeholder engagement", "Evidence synthesis"});
  CHECK(ana->languages == std::vector<std::string>{"Spanish", "English"});
  CHECK(ana->experience_years == 10);
  CHECK(ana->utc_offset_minutes == -360);
  const Person* kofi = fx.ws.person_by_email("kofi@example.gh");
  REQUIRE(kofi);
  CHECK(kofi->applied_on == "2024-05-02");  // day first, decided by "13/05/2024" in the same column
  const Person* yuki = fx.ws.person_by_email("yuki@example.jp");
  REQUIRE(yuki);
  CHECK(yuki->experience_years == 15);
  CHECK(yuki->languages == std::vector<std::string>{"Japanese", "English"});
}

TEST_CASE("Microsoft Forms: date cells as ISO text, \"anonymous\" left out by name, \";\" lists with a trailing \";\"") {
  SurveyFixture fx;
  CsvTable t;
  t.header = {"ID", "Start time", "Completion time", "Email", "Name", "Are you applying as a mentor or mentee?",
              "Which topics?", "Languages", "Can you meet face to face?"};
  t.rows = {{2, {"1", "2024-05-06T09:00:00", "2024-05-06T09:12:40", "li.na@example.cn", "李娜", "Mentee",
                 "Evidence synthesis;Implementation science;", "Chinese;English;", "Yes"}},
            {3, {"2", "2024-05-07T10:00:00", "2024-05-07T10:05:00", "anonymous", "", "Mentor", "Evidence synthesis;",
                 "English;", "No"}},
            {4, {"3", "2024-05-08", "2024-05-08", "omar@example.jo", "عمر خالد", "Mentor", "Stakeholder engagement;",
                 "Arabic;", "No"}}};
  const SurveyTable s = recognise_survey(t);
  CHECK(s.tool == SurveyTool::microsoft_forms);
  const ColumnMapping m = suggest_mapping(s);
  CHECK(m.field_for("ID") == "");
  CHECK(m.field_for("Completion time") == "applied_on");
  CHECK(m.field_for("Start time") == "");
  CHECK(m.field_for("Email") == "email");
  CHECK(m.field_for("Name") == "name");
  CHECK(m.field_for("Are you applying as a mentor or mentee?") == "roles");
  auto read = read_applications(s.table, m, {fx.scheme_id, "forms.xlsx", {}}, fx.ids, fx.clock);
  REQUIRE(read.rows.size() == 3);
  REQUIRE(read.rows[0].person);
  CHECK(read.rows[0].person->topics == std::vector<std::string>{"Evidence synthesis", "Implementation science"});
  CHECK(read.rows[0].person->languages == std::vector<std::string>{"Chinese", "English"});
  CHECK(read.rows[0].person->applied_on == "2024-05-06");
  CHECK(read.rows[0].person->meta.updated_at == "2024-05-06T09:12:40Z");
  CHECK(read.rows[0].person->face_to_face);
  CHECK_FALSE(read.rows[1].person);
  CHECK(read.rows[1].errors.at(0).message == "an anonymous answer: no e-mail address to reach them by");
  REQUIRE(read.rows[2].person);
  CHECK(read.rows[2].person->applied_on == "2024-05-08");
}

TEST_CASE("role questions and answers in their common wordings") {
  for (const char* q : {"Do you want to be a mentor or a mentee?", "Would you like to be a mentor, a mentee, or both?",
                        "Are you applying as a mentor or mentee?"})
    CHECK(suggest_mapping(std::vector<std::string>{q}).field_for(q) == "roles");
  const std::vector<Role> both{Role::mentor, Role::mentee};
  CHECK(roles_in_answer("Both") == both);
  CHECK(roles_in_answer("Mentor and mentee") == both);
  CHECK(roles_in_answer("Both (mentor and mentee)") == both);
  CHECK(roles_in_answer("mentor & mentee") == both);
  CHECK(roles_in_answer("Mentor") == std::vector<Role>{Role::mentor});
  CHECK(roles_in_answer("Mentee (I would like a mentor)") == std::vector<Role>{Role::mentee});
  CHECK(roles_in_answer("Coach").empty());
  CHECK(yes_no_answer("Yes") == true);
  CHECK(yes_no_answer("No") == false);
  CHECK(yes_no_answer("Yes, in person") == true);
  CHECK_FALSE(yes_no_answer("Maybe").has_value());
}

TEST_CASE("numbers like \"10+\" are kept as 10 with a note; lists split on ; , \" and \" and line breaks") {
  auto ten = number_in_answer("10+");
  REQUIRE(ten);
  CHECK(ten->value == 10);
  CHECK(ten->note == "\"10+\" was read as 10");
  CHECK(number_in_answer("7")->note.empty());
  CHECK(number_in_answer("7 years")->note.empty());
  CHECK(number_in_answer("More than 3")->value == 3);
  CHECK_FALSE(number_in_answer("lots"));
  CHECK_FALSE(number_in_answer("-2"));
  const std::vector<std::string> three{"English", "French", "Spanish"};
  CHECK(list_in_answer("English; French;Spanish;", ";,", true) == three);
  CHECK(list_in_answer("English, French and Spanish", ";,", true) == three);
  CHECK(list_in_answer("English\r\nFrench\nSpanish", ";,", true) == three);
  // A known item stays whole.
  CHECK(list_in_answer("Monitoring and evaluation, Policy", ";,", true, {"Monitoring and evaluation"}) ==
        std::vector<std::string>{"Monitoring and evaluation", "Policy"});
}

TEST_CASE("dates: US or day-first decided per column; only a truly ambiguous column is asked about") {
  CHECK(decide_date_order({"13/05/2024 10:00:00", "02/05/2024"}).order == DateOrder::day_first);
  CHECK(decide_date_order({"05/13/2024 10:00:00 AM", "05/02/2024"}).order == DateOrder::month_first);
  const auto unsure = decide_date_order({"05/02/2024", "06/03/2024"});
  CHECK(unsure.ambiguous);
  CHECK(decide_date_order({"2024-05-02", "2024-05-13T10:00:00"}).order == DateOrder::automatic);
  CHECK_FALSE(decide_date_order({"2024-05-02"}).ambiguous);
  CHECK(decide_date_order({"13/05/2024", "05/13/2024"}).contradictory);
  CHECK(time_in_answer("05/02/2024 09:31:47 PM", DateOrder::month_first) == "2024-05-02T21:31:47Z");
  CHECK(time_in_answer("05/02/2024 12:05:00 AM", DateOrder::day_first) == "2024-02-05T00:05:00Z");
  CHECK(time_in_answer("2024-05-06T09:12:40", DateOrder::automatic) == "2024-05-06T09:12:40Z");
  CHECK(time_in_answer("2024-05-06", DateOrder::automatic) == "2024-05-06T00:00:00Z");
  CHECK_FALSE(time_in_answer("31/02/2024", DateOrder::day_first));

  SurveyFixture fx;
  const std::string csv = "Timestamp,Email address,Role\n05/02/2024 10:00:00,a@x.org,mentor\n06/03/2024 10:00:00,b@x.org,mentee\n";
  auto asked = preview_import(fx.ws, {{"g.csv", csv}}, fx.options(true));
  CHECK_FALSE(asked.can_apply());
  CHECK(asked.surveys.at(0).ambiguous_date_columns == std::vector<std::string>{"Timestamp"});
  ColumnMapping answered = asked.surveys[0].mapping;
  for (auto& c : answered.columns)
    if (c.header == "Timestamp") c.date_order = DateOrder::day_first;
  auto fine = preview_import(fx.ws, {{"g.csv", csv}}, fx.options(true, answered));
  INFO(join_errors(fine.errors));
  REQUIRE(fine.can_apply());
  REQUIRE(apply_import(fx.ws, fine).ok());
  CHECK(fx.ws.person_by_email("a@x.org")->applied_on == "2024-02-05");
}

TEST_CASE("the survey's submission time becomes applied_on, not the import day (issue 13)") {
  SurveyFixture fx;
  const std::string csv =
      "Respondent ID,Start Date,End Date,Email,Role\r\n,,,Open-Ended Response,Response\r\n"
      "7,04/29/2024 11:59:00 PM,04/30/2024 00:10:00 AM,a@x.org,mentor\r\n";
  auto preview = preview_import(fx.ws, {{"sm.csv", csv}}, fx.options(false));
  INFO(join_errors(preview.errors));
  REQUIRE(preview.can_apply());
  REQUIRE(apply_import(fx.ws, preview).ok());
  CHECK(fx.ws.person_by_email("a@x.org")->applied_on == "2024-04-30");
}

TEST_CASE("several columns feed one list field; a single field keeps one column") {
  ColumnMapping m;
  m.columns = {{"Q [Theme A]", "topics"}, {"Q [Theme B]", "topics"}, {"Name", "name"}, {"Nickname", ""}};
  m.bind("Nickname", "name");
  CHECK(m.field_for("Name") == "");
  CHECK(m.field_for("Nickname") == "name");
  m.bind("Q [Theme B]", "topics");
  CHECK(m.headers_of("topics") == std::vector<std::string>{"Q [Theme A]", "Q [Theme B]"});
  // Saved with the scheme (format v5), date order included.
  m.columns[0].date_order = DateOrder::day_first;
  Json j = encode(m);
  Errors errors;
  ColumnMapping back;
  decode(JsonReader(&j, "$", &errors), back);
  CHECK(errors.empty());
  CHECK(back == m);
}

TEST_CASE("a v4 backup's mapping opens in v5: blank-header bindings are dropped, the rest kept") {
  const std::string text = test::read_source_file("tests/fixtures/backup.v4.json");
  REQUIRE(Json::parse(text)["format_version"] == 4);
  auto r = read_document(text, "backup.v4.json");
  INFO(r.error_text());
  REQUIRE(r.ok());
  CHECK(r->source_format_version == 4);
  const auto& b = std::get<Backup>(r->document);
  const ColumnMapping& m = b.schemes.at(0).csv_mapping;
  CHECK(m.field_for("Email") == "email");
  CHECK(m.field_for("Role") == "roles");
  CHECK(m.headers_of("topics").empty());
  CHECK(document_to_json(r->document, "2024-01-01T00:00:00Z")["format_version"] == kCurrentFormatVersion);
}

TEST_CASE("the import history travels in a backup and back") {
  SurveyFixture fx;
  REQUIRE(apply_import(fx.ws, fx.preview("surveymonkey.csv")).ok());
  const std::string text = write_document(make_backup(fx.ws), "2024-06-01T10:00:00Z");
  auto r = read_document(text, "b.json");
  REQUIRE(r.ok());
  const auto& b = std::get<Backup>(r->document);
  REQUIRE(b.imports.size() == 1);
  CHECK(b.imports[0] == fx.ws.import_history().at(0));
}

TEST_CASE("required answers that came in empty are listed per person") {
  SurveyFixture fx;
  const std::string csv = "Email,Name,Role,Languages\nno.topics@x.org,Noa,mentor,English\n";
  auto preview = preview_import(fx.ws, {{"s.csv", csv}}, fx.options(false));
  REQUIRE(preview.can_apply());
  REQUIRE(preview.missing.size() == 1);
  CHECK(preview.missing[0].describe() == "Noa (no.topics@x.org): Topics");
}

TEST_CASE("e-mails compare trimmed, case-folded and composed across scripts") {
  CHECK(normalize_email(" ÉLODIE@x.org ") == normalize_email("e\xCC\x81lodie@x.org"));
  CHECK(fold_text("ΣΟΦΊΑ") == fold_text("σοφία"));
  CHECK(fold_text("ΣΟΦΙΑ") == "σοφια");
  CHECK(fold_text("ОЛЬГА") == "ольга");
  CHECK(fold_text("NGUYỄN") == "nguyễn");
  CHECK(fold_text("Nguye\xCC\x82\xCC\x83n") == "nguyễn");  // e + circumflex + tilde
  CHECK(fold_text("王芳") == "王芳");
  CHECK(fold_text("Ana") == "ana");
}

TEST_CASE("mapping choices read in plain words, never field keys") {
  CHECK(field_label("applied_on") == "Applied on");
  CHECK(field_label("experience_years") == "Years of experience");
  for (const auto& key : application_field_keys()) {
    const std::string label = field_label(key);
    CHECK_MESSAGE(label != key, key);
    CHECK_MESSAGE(label.find('_') == std::string::npos, key);
    CHECK_MESSAGE(label.find("project.") == std::string::npos, key);
  }
}

#include "core/operations/participant_correction.hpp"

TEST_CASE("a coordinator's correction of a participant is a recorded edit that a re-import does not undo") {
  SurveyFixture fx;
  REQUIRE(apply_import(fx.ws, fx.preview("surveymonkey.csv")).ok());
  const Person* olga = fx.ws.person_by_email("olga.ivanova@example.ru");
  REQUIRE(olga);
  const int revision = olga->meta.revision;
  ParticipantCorrection c = correction_of(*olga);
  c.mentor = true;
  c.topics = {"Evidence synthesis"};
  c.capacity = 2;
  auto saved = correct_participant(fx.ws, olga->meta.id, c);
  REQUIRE(saved.ok());
  REQUIRE(saved->upserts.size() == 1);
  olga = fx.ws.person_by_email("olga.ivanova@example.ru");
  CHECK(olga->meta.revision == revision + 1);
  CHECK(olga->meta.updated_at == fx.clock.now());
  CHECK(olga->is_mentor());
  CHECK(olga->capacity == 2);
  // The same export again: the survey's answer is older than the correction.
  REQUIRE(apply_import(fx.ws, fx.preview("surveymonkey.csv")).ok());
  CHECK(fx.ws.person_by_email("olga.ivanova@example.ru")->topics == std::vector<std::string>{"Evidence synthesis"});
  // Refused, changing nothing: no role, or another person's e-mail.
  c.mentor = c.mentee = false;
  CHECK_FALSE(correct_participant(fx.ws, olga->meta.id, c).ok());
  c.mentee = true;
  c.email = "zoe.angstrom@example.se";
  CHECK_FALSE(correct_participant(fx.ws, olga->meta.id, c).ok());
  CHECK(fx.ws.person_by_email("olga.ivanova@example.ru") != nullptr);
}

TEST_CASE("a question's words match whole words: \"outcome\" is not a UTC offset") {
  const auto m = suggest_mapping(std::vector<std::string>{"What outcome would mean success for you?", "UTC offset",
                                                           "Email", "Your e-mail"});
  CHECK(m.field_for("What outcome would mean success for you?") == "project.success_outcome");
  CHECK(m.field_for("UTC offset") == "utc_offset_minutes");
  CHECK(m.field_for("Email") == "email");
}

TEST_CASE("a v4 pair notebook still opens and is written as the current version") {
  const std::string text = test::read_source_file("tests/fixtures/pair-notebook.v4.json");
  REQUIRE(Json::parse(text)["format_version"] == 4);
  auto r = read_document(text, "pair-notebook.v4.json");
  INFO(r.error_text());
  REQUIRE(r.ok());
  CHECK(r->source_format_version == 4);
  CHECK(std::get<PairNotebook>(r->document).meetings.size() == 1);
  CHECK(document_to_json(r->document, "2024-01-01T00:00:00Z")["format_version"] == kCurrentFormatVersion);
}

TEST_CASE("two columns with one question get names of their own") {
  CsvTable t;
  t.header = {"Email", "Comments", "Comments"};
  const SurveyTable s = recognise_survey(t);
  CHECK(s.table.header == std::vector<std::string>{"Email", "Comments", "Comments (2)"});
}
