// KIND's request board through the files people exchange (issue 16 part 1): the coordinator
// publishes the open requests, a mentor browses them and sends an interest file, the coordinator
// imports it and introduces the pair. Every step goes through the same operations as the app.
#include "scenario_support.hpp"

#include "../core/test_support.hpp"
#include "core/operations/request_board.hpp"

using namespace pairwise;
using namespace pairwise::scenario;

namespace {

Person mentee_request(const std::string& email, const std::string& name, const std::string& what, bool published) {
  Person p = applicant(email, {Role::mentee});
  p.name = name;
  p.project = {what, "Following the R Packages book, on my own", "Testing and documentation conventions",
               "Review my package structure and suggest what to change", "A package on CRAN"};
  p.topics = {"R"};
  p.organisation = "Ministry of Health";
  p.request_published = published;
  return p;
}

struct KindRound {
  Cohort c{SchemePreset::kind};
  KindRound() {
    Person kim = mentee_request("kim@kind.example", "Kim Nguyễn", "Turn my R scripts for survey weighting into a package", true);
    kim.applied_on = "2024-01-03";
    Person zoe = mentee_request("zoe@kind.example", "Zoë Ørsted", "Support me through a first literature review", true);
    zoe.topics = {"Literature review"};
    zoe.applied_on = "2024-01-02";
    Person amir = mentee_request("amir@kind.example", "أمير حداد", "Write unit tests for my Stata ado files", false);
    Person max = mentee_request("max@kind.example", "Max Mustermann", "Teach me how to code in Python", true);
    Person nia = applicant("nia@kind.example", {Role::mentor});
    nia.name = "Nia Okafor";
    c.import_applications({kim, zoe, amir, max, nia});
    // What only the coordinator knows of the scheme, to be sure none of it is published.
    Scheme scheme = c.scheme();
    scheme.forbidden_pairs = {{"secret-mentor@kind.example", "secret-mentee@kind.example"}};
    scheme.escalate_to = {"mentoring supervisor", "Sam Secret", "supervisor-secret@kind.example"};
    scheme.topics = {"Statistics", "R"};
    REQUIRE(c.ws.save(scheme));
  }
  const Person& person(const std::string& email) { return *c.ws.person_by_email(email); }
  ImportPreview import(const InterestDocument& interest, const std::string& name = "interest.json") {
    ImportOptions options;
    options.scheme_id = c.scheme_id;
    return preview_import(c.ws, {{name, write_document(interest, c.clock.now())}}, options);
  }
};

Person board_mentor(KindRound& k, const std::string& email, const std::string& name) {
  Person m;
  m.meta = new_meta(k.c.ids, k.c.clock);
  m.email = email;
  m.name = name;
  m.roles = {Role::mentor};
  return m;
}

}  // namespace

TEST_CASE("a request board carries each agreed request's answers and topics and nothing that names its mentee") {
  KindRound k;
  const RequestBoard board = make_request_board(k.c.ws, k.c.scheme_id, "2024-01-10");
  // Amir did not agree to be posted; Nia is a mentor.
  REQUIRE(board.requests.size() == 3);
  const auto left_off = requests_not_on_board(k.c.ws, k.c.scheme_id);
  REQUIRE(left_off.size() == 1);
  CHECK(left_off[0].email == "amir@kind.example");

  const std::string text = write_document(board, "2024-01-10T09:00:00Z");
  for (const char* never : {"kim@kind.example", "Kim Nguy", "Zo\xC3\xAB", "Ministry of Health", "A package on CRAN",
                            "amir", "Stata", "nia@kind.example", "Nia Okafor", "csv_mapping", "forbidden_pairs",
                            "escalate_to", "criteria", "secret-mentor", "Sam Secret", "supervisor-secret"}) {
    INFO(std::string(never));
    CHECK(text.find(never) == std::string::npos);
  }
  CHECK(text.find("Turn my R scripts for survey weighting into a package") != std::string::npos);
  CHECK(text.find("Review my package structure") != std::string::npos);

  // A mentor's device reads the file back whole, and sees oldest first, by topic, with the checks.
  auto parsed = read_document(text, "request-board.json");
  REQUIRE(parsed.ok());
  CHECK(parsed->kind == DocumentKind::request_board);
  const RequestBoard& read = std::get<RequestBoard>(parsed->document);
  CHECK(read == board);
  CHECK(board_topics(read) == std::vector<std::string>{"R", "Literature review"});
  const auto all = board_entries(read, "");
  REQUIRE(all.size() == 3);
  CHECK(all[0].request->project.what == "Support me through a first literature review");
  CHECK(all[0].number == 1);
  const auto r_only = board_entries(read, "R");
  REQUIRE(r_only.size() == 2);
  // Numbered on the whole board, so "request 2" stays request 2 whatever topic is shown.
  CHECK(r_only[0].number == 2);
  CHECK(r_only[1].number == 3);
  for (const auto& e : r_only) {
    if (e.request->project.what == "Teach me how to code in Python") {
      REQUIRE(e.issues.size() == 1);
      CHECK(contains(e.issues[0].message, "open-ended projects aren't a good fit"));
    } else {
      CHECK(e.issues.empty());
    }
  }
}

TEST_CASE("a mentor's interest from the board becomes a pairing the coordinator introduces") {
  KindRound k;
  const RequestBoard board = make_request_board(k.c.ws, k.c.scheme_id, "2024-01-10");
  const std::string kim_request = k.person("kim@kind.example").meta.id;
  const std::string zoe_request = k.person("zoe@kind.example").meta.id;

  // Wen has never applied: the interest form is KIND's "potential mentor form".
  auto interest = make_interest(board, board_mentor(k, "wen@uni.example", "Wen Li 李文"),
                                {{kim_request, "2024-01-11", "I maintain two R packages"},
                                 {zoe_request, "2024-01-11", ""}});
  REQUIRE(interest.ok());
  auto reread = read_document(write_document(interest.value(), "2024-01-11T10:00:00Z"), "wen-interest.json");
  INFO(reread.error_text());
  REQUIRE(reread.ok());
  CHECK(std::get<InterestDocument>(reread->document) == interest.value());

  // Interest is not yet a commitment: both are recorded (the capacity counts once introduced).
  const ImportPreview preview = k.import(interest.value(), "wen-interest.json");
  INFO(join_errors(preview.errors));
  REQUIRE(preview.can_apply());
  REQUIRE(preview.interests.size() == 2);
  CHECK(contains(preview.interests[0], "Wen Li 李文 would mentor Kim Nguyễn's request"));
  CHECK(contains(preview.interests[1], "would mentor Zoë Ørsted's request \"Support me through a first literature review\""));
  REQUIRE(apply_import(k.c.ws, preview));
  const Person* wen = k.c.ws.person_by_email("wen@uni.example");
  REQUIRE(wen);
  CHECK(wen->is_mentor());
  CHECK(wen->scheme_id == k.c.scheme_id);
  const std::string pairing_id = find_pairing_id(k.c.ws, "wen@uni.example", "kim@kind.example");
  REQUIRE_FALSE(pairing_id.empty());
  const Pairing& proposed = *k.c.ws.find<Pairing>(pairing_id);
  CHECK(proposed.status() == PairingStatus::proposed);
  CHECK(proposed.origin == PairingOrigin::mentor_interest);
  CHECK(proposed.history.front().reason == "I maintain two R packages");

  // The coordinator introduces them; the request leaves the next board.
  REQUIRE(introduce(k.c.ws, pairing_id, "2024-01-12"));
  CHECK(k.c.ws.find<Pairing>(pairing_id)->status() == PairingStatus::accepted);
  const RequestBoard next = make_request_board(k.c.ws, k.c.scheme_id, "2024-01-12");
  for (const auto& r : next.requests) CHECK(r.request_id != kim_request);

  // The same file again records nothing new and says why.
  const ImportPreview again = k.import(interest.value(), "wen-interest.json");
  REQUIRE(again.can_apply());
  for (const auto& said : again.interests) CHECK(contains(said, "is not recorded"));
}

TEST_CASE("an interest file naming a request the board never posted is refused whole; a board is not imported") {
  KindRound k;
  const RequestBoard board = make_request_board(k.c.ws, k.c.scheme_id, "2024-01-10");
  const std::string kim_request = k.person("kim@kind.example").meta.id;
  auto interest = make_interest(board, board_mentor(k, "wen@uni.example", "Wen Li"), {{kim_request, "2024-01-11", ""}});
  REQUIRE(interest.ok());
  InterestDocument edited = interest.value();
  edited.interests.push_back({"0000000000000000000000000000ffff", "2024-01-11", ""});
  const auto before = k.c.ws.all_records().size();
  const ImportPreview refused = k.import(edited, "edited.json");
  REQUIRE_FALSE(refused.can_apply());
  INFO(join_errors(refused.errors));
  CHECK(contains(join_errors(refused.errors), "edited.json: $.interests[1].request_id: request 0000000000000000000000000000ffff was not posted"));
  CHECK_FALSE(apply_import(k.c.ws, refused).ok());
  CHECK(k.c.ws.all_records().size() == before);
  CHECK(k.c.ws.person_by_email("wen@uni.example") == nullptr);

  ImportOptions options;
  options.scheme_id = k.c.scheme_id;
  const auto board_import = preview_import(k.c.ws, {{"request-board.json", write_document(board, k.c.clock.now())}}, options);
  REQUIRE_FALSE(board_import.can_apply());
  CHECK(contains(join_errors(board_import.errors), "request-board.json: this is a request board, which mentors browse"));
}

TEST_CASE("the interest form says what is missing, and refuses a request that is not short and precise") {
  KindRound k;
  const RequestBoard board = make_request_board(k.c.ws, k.c.scheme_id, "2024-01-10");
  const std::string max_request = k.person("max@kind.example").meta.id;
  const std::string kim_request = k.person("kim@kind.example").meta.id;
  auto nothing = make_interest(board, board_mentor(k, "", " "), {});
  REQUIRE_FALSE(nothing.ok());
  CHECK(contains(nothing.error_text(), "name: your name is missing"));
  CHECK(contains(nothing.error_text(), "email: your e-mail address is missing"));
  CHECK(contains(nothing.error_text(), "choose at least one request"));
  auto bad = make_interest(board, board_mentor(k, "wen at uni", "Wen"), {{max_request, "2024-01-11", ""}});
  REQUIRE_FALSE(bad.ok());
  CHECK(contains(bad.error_text(), "\"wen at uni\" is not an e-mail address"));
  CHECK(contains(bad.error_text(), "\"Teach me how to code in Python\" is not short and precise yet"));
  auto elsewhere = make_interest(board, board_mentor(k, "wen@uni.example", "Wen"), {{"abc123", "2024-01-11", ""}});
  REQUIRE_FALSE(elsewhere.ok());
  CHECK(contains(elsewhere.error_text(), "request abc123 is not on this board"));
  CHECK(make_interest(board, board_mentor(k, "wen@uni.example", "Wen"), {{kim_request, "2024-01-11", ""}}).ok());
}

TEST_CASE("request boards and interest files are format v6: a v5 file of those kinds is refused, v5 files still open") {
  const std::string v5_board = R"({"format":"pairwise","kind":"request-board","format_version":5,"scheme":{"name":"KIND"},"requests":[]})";
  auto refused = read_document(v5_board, "old-board.json");
  REQUIRE_FALSE(refused.ok());
  CHECK(contains(refused.error_text(), "old-board.json: $.kind: \"request-board\" files exist from format version 6 on"));
  for (const char* name : {"tests/fixtures/application.v5.json", "tests/fixtures/backup.v5.json",
                           "tests/fixtures/pair-notebook.v5.json"}) {
    const std::string text = test::read_source_file(name);
    REQUIRE(Json::parse(text)["format_version"] == 5);
    auto r = read_document(text, name);
    INFO(name, " ", r.error_text());
    REQUIRE(r.ok());
    CHECK(r->source_format_version == 5);
    CHECK(document_to_json(r->document, "2024-01-01T00:00:00Z")["format_version"] == 6);
    // Nobody in a v5 file agreed to the board, which did not exist yet.
    for (const auto& rec : stored_records_of(r->document))
      if (rec.store == kStorePeople) CHECK_FALSE(rec.value.contains("request_published"));
  }
}

TEST_CASE("a scheme's board address must be on the app's own site") {
  Cohort c(SchemePreset::kind);
  CHECK(c.scheme().request_board_url == "request-board.json");
  for (const char* elsewhere : {"https://evil.example/board.json", "//evil.example/board.json", "javascript:alert(1)"}) {
    Json doc = document_to_json(SchemeDocument{c.scheme()}, "2024-01-01T00:00:00Z");
    doc["scheme"]["request_board_url"] = elsewhere;
    auto r = read_document(doc.dump(), "kind.json");
    INFO(elsewhere);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error_text(), "kind.json: $.scheme.request_board_url: expected a path on the app's own site"));
  }
}

TEST_CASE("the board choice is kept only beside a request, in a scheme whose mentors pick requests") {
  Cohort kind(SchemePreset::kind);
  Person p = mentee_request("kim@kind.example", "Kim", "Turn my R scripts into a package", true);
  CHECK(only_asked_answers(kind.scheme(), p).request_published);
  Person no_request = p;
  no_request.project = {};
  CHECK_FALSE(only_asked_answers(kind.scheme(), no_request).request_published);
  Cohort ikt(SchemePreset::ikt);
  CHECK_FALSE(only_asked_answers(ikt.scheme(), p).request_published);
}

#ifndef __EMSCRIPTEN__
TEST_CASE("the command line publishes the board, validates it and imports a mentor's interest") {
  KindRound k;
  const std::string backup = write_backup(k.c.ws, "kind-board");
  const std::string dir = std::filesystem::path(backup).parent_path().string();
  CliRun published = run_cli("export --from " + backup + " --kind request-board --scheme " + k.c.scheme_id +
                             " --today 2024-01-10 -o " + dir + "/request-board.json");
  INFO(published.output);
  REQUIRE(published.exit_code == 0);
  CHECK(contains(published.output, "1 open request(s) left off the board: their mentees have not agreed to post them"));
  CliRun valid = run_cli("validate " + dir + "/request-board.json");
  CHECK(valid.exit_code == 0);
  CHECK(contains(valid.output, "request-board"));

  std::ifstream in(dir + "/request-board.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto board = read_document(text, "request-board.json");
  REQUIRE(board.ok());
  const RequestBoard& b = std::get<RequestBoard>(board->document);
  auto interest = make_interest(b, board_mentor(k, "wen@uni.example", "Wen Li"),
                                {{k.person("kim@kind.example").meta.id, "2024-01-11", "R packages"}});
  REQUIRE(interest.ok());
  std::ofstream(dir + "/interest.json") << write_document(interest.value(), "2024-01-11T10:00:00Z");
  CliRun imported = run_cli("import --into " + backup + " --scheme " + k.c.scheme_id + " " + dir + "/interest.json");
  INFO(imported.output);
  REQUIRE(imported.exit_code == 0);
  CHECK(contains(imported.output, "interest: Wen Li would mentor Kim Nguyễn's request"));
  CliRun requests = run_cli("requests --from " + backup + " --scheme " + k.c.scheme_id);
  CHECK(contains(requests.output, "kim@kind.example: ready; 1 interested mentor(s) wen@uni.example"));
}
#endif
