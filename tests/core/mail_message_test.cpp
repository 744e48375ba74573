// mailto: links for the mail program: the escalation to the supervisor and "Send by e-mail".
#include <doctest/doctest.h>

#include "core/documents/mail_message.hpp"
#include "test_support.hpp"

using namespace pairwise;

TEST_CASE("mailto links percent-encode every script, line breaks as CRLF, and keep addresses readable") {
  MailMessage m{{"zhang.wei@example.cn", "o'brien+ikt@example.org"}, "Introduction: 张伟 & Ana", "Line one\nLine 2 ü"};
  CHECK(mailto_url(m) ==
        "mailto:zhang.wei@example.cn,o%27brien%2Bikt@example.org?subject=Introduction%3A%20%E5%BC%A0%E4%BC%9F%20%26%20Ana"
        "&body=Line%20one%0D%0ALine%202%20%C3%BC");
  CHECK(mailto_url(MailMessage{{}, "", ""}) == "mailto:");
  CHECK(mailto_url(MailMessage{{}, "", "a\r\nb"}) == "mailto:?body=a%0D%0Ab");  // CRLF is not doubled
  // A "?" or "&" in the text can never start a new header.
  CHECK(mailto_url(MailMessage{{"a@b.org"}, "x?cc=evil@x.org&bcc=y", ""}) == "mailto:a@b.org?subject=x%3Fcc%3Devil%40x.org%26bcc%3Dy");
}

TEST_CASE("a request the mentor has not answered is escalated by a prepared message to the scheme's contact") {
  test::Fixture f(SchemePreset::ikt);
  Workspace& ws = f.ws;
  Scheme scheme = *ws.find<Scheme>(f.scheme_id);
  scheme.escalate_to = {"mentoring supervisor", "Dr Sam Okafor", "supervisor@ikt.example.org"};
  REQUIRE(ws.save(scheme));
  CHECK_FALSE(escalation_message(ws, f.pairing_id, "2024-03-01"));  // the fixture's pair is meeting: nothing to chase

  Person mentee;
  mentee.scheme_id = f.scheme_id;
  mentee.email = "ana@example.org";
  mentee.name = "Ana Souza";
  mentee.roles = {Role::mentee};
  REQUIRE(ws.save(mentee));
  Pairing request = make_pairing(ws.new_meta(), f.scheme_id, "mentor@example.org", "ana@example.org", "2024-02-01");
  request.history.push_back({PairingStatus::requested, "2024-02-01", Actor::coordinator, ""});
  REQUIRE(ws.save(request));
  auto m = escalation_message(ws, request.meta.id, "2024-02-20");
  REQUIRE(m);
  CHECK(m->to == std::vector<std::string>{"supervisor@ikt.example.org"});
  CHECK(m->subject == scheme.name + ": no answer from Mina Mentor about mentoring Ana Souza");
  CHECK(m->body.find("Dear Dr Sam Okafor,") == 0);
  CHECK(m->body.find("was asked on 2024-02-01") != std::string::npos);
  CHECK(m->body.find("in 19 day(s)") != std::string::npos);
  CHECK(mailto_url(*m).rfind("mailto:supervisor@ikt.example.org?subject=", 0) == 0);

  scheme.escalate_to.email.clear();  // nobody to write to: no button, no empty mail
  REQUIRE(ws.save(scheme));
  CHECK_FALSE(escalation_message(ws, request.meta.id, "2024-02-20"));
}

TEST_CASE("'Send by e-mail' names the downloaded file, and the app says it must be attached by hand") {
  MailMessage m = file_message({"mentor@example.org", "mentee@example.org"}, "your introduction pack",
                               "pairwise-introduction-ikt-ana-mina-2024-03-01.json", "IKT mentoring");
  CHECK(m.subject == "IKT mentoring: your introduction pack");
  CHECK(m.body.find("pairwise-introduction-ikt-ana-mina-2024-03-01.json") != std::string::npos);
  CHECK(attach_by_hand_notice("x.json").find("Attach x.json from your downloads by hand") != std::string::npos);
}
