// Unit tests: the text format, exactly, with and without colour.
#include <doctest/doctest.h>

#include "report_sample.hpp"

using namespace pflint::report;
using test::render;

TEST_CASE("text: findings with source line, caret, notes, fixes and summary") {
  const test::Sample sample;
  CHECK(render(Format::text, sample.input()) ==
        "pflint: info: mynetworks is not set: 100% of local subnets are trusted, by default [PF2900]\n"
        "conf dir/master.cf:1:33: error: smtp runs chrooted [PF4001]\n"
        "    1 | smtp      inet  n       -       y       -       -       smtpd\n"
        "      |                                 ^\n"
        "main.cf:2:16: warning: banner shows $myhostname [PF2201]\n"
        "    2 | smtpd_banner =\t$myhostname ESMTP\n"
        "      |               \t^~~~~~~~~~~\n"
        "main.cf:3:20: info: host name is not ASCII [PF2101]\n"
        "    3 | myhostname = m\xC3\xA4il.example.com\n"
        "      |                   ^~~~~~~\n"
        "main.cf:4:1: warning: smtp_use_tls is obsolete [PF3001]\n"
        "    4 | smtp_use_tls = yes\\r\n"
        "      | ^~~~~~~~~~~~~~~~~~\n"
        "  note: use smtp_tls_security_level = may\n"
        "  note: see TLS_README\n"
        "  fix (safe): Replace with smtp_tls_security_level = may\n"
        "main.cf:5:7: error: ESC in value [PF1002]\n"
        "    5 | bad = \\x1B[31mred\n"
        "      |       ^~~~~~~~~~~\n"
        "templates/main.cf.j2: skipped: Jinja template\n"
        "2 errors, 2 warnings, 2 info in 2 configs, 1 file skipped\n");
}

TEST_CASE("text: colour only when asked") {
  const test::Sample sample;
  const std::string plain = render(Format::text, sample.input(false));
  CHECK(plain.find('\x1b') == std::string::npos);
  const std::string colour = render(Format::text, sample.input(true));
  CHECK(colour.find("\x1b[1mconf dir/master.cf:1:33:\x1b[0m \x1b[1;31merror:\x1b[0m smtp runs chrooted [PF4001]\n") !=
        std::string::npos);
  CHECK(colour.find("\x1b[1;33mwarning:\x1b[0m") != std::string::npos);
  CHECK(colour.find("\x1b[1mpflint:\x1b[0m \x1b[1;36minfo:\x1b[0m") != std::string::npos);
  CHECK(colour.find("      |               \t\x1b[1;32m^~~~~~~~~~~\x1b[0m\n") != std::string::npos);
  // The configuration's own ESC is still escaped.
  CHECK(colour.find("bad = \\x1B[31mred") != std::string::npos);
}

TEST_CASE("text: nothing found") {
  ReportInput in;
  in.checked = {"main.cf", "master.cf"};
  CHECK(render(Format::text, in) == "no findings in 2 configs\n");
}

TEST_CASE("text: a span over several lines is underlined to the end of its first line") {
  const pflint::syntax::SourceFile file("main.cf", "a = b\n  c\n");
  pflint::lint::Diagnostic d;
  d.code = "PF1000";
  d.severity = pflint::lint::Severity::error;
  d.file = &file;
  d.span = {4, 9};
  d.message = "multi\x1b";
  const std::vector<pflint::lint::Diagnostic> findings{d};
  ReportInput in;
  in.findings = findings;
  in.checked = {"main.cf"};
  CHECK(render(Format::text, in) ==
        "main.cf:1:5: error: multi\\x1B [PF1000]\n"
        "    1 | a = b\n"
        "      |     ^\n"
        "1 error in 1 config\n");
}
