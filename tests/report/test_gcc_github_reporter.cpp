// Unit tests: the gcc and github formats, exactly, including escaping.
#include <doctest/doctest.h>

#include "report_sample.hpp"

using namespace pflint::report;
using test::render;

TEST_CASE("parse_format knows the five formats") {
  Format f = Format::text;
  CHECK(parse_format("gcc", f));
  CHECK(f == Format::gcc);
  CHECK(parse_format("github", f));
  CHECK(f == Format::github);
  CHECK(parse_format("sarif", f));
  CHECK(parse_format("json", f));
  CHECK(parse_format("text", f));
  CHECK(f == Format::text);
  CHECK_FALSE(parse_format("xml", f));
  CHECK_FALSE(parse_format("", f));
}

TEST_CASE("gcc: one line per finding, info as note, no summary") {
  const test::Sample sample;
  CHECK(render(Format::gcc, sample.input()) ==
        "pflint: note: mynetworks is not set: 100% of local subnets are trusted, by default [PF2900]\n"
        "conf dir/master.cf:1:33: error: smtp runs chrooted [PF4001]\n"
        "main.cf:2:16: warning: banner shows $myhostname [PF2201]\n"
        "main.cf:3:20: note: host name is not ASCII [PF2101]\n"
        "main.cf:4:1: warning: smtp_use_tls is obsolete [PF3001]\n"
        "main.cf:5:7: error: ESC in value [PF1002]\n");
}

TEST_CASE("gcc: syntax diagnostics (parse, policy) in the same line format, without a code") {
  const pflint::syntax::SourceFile file{"conf dir/main.cf", "a = 1\nbad\x01 line\n  b = 2\n"};
  using pflint::syntax::Severity;
  using pflint::syntax::SyntaxIssue;
  const std::vector<pflint::syntax::SyntaxDiagnostic> diagnostics{
      {SyntaxIssue::missing_equals, Severity::error, {6, 15}, "missing '=': \"bad\x01 line\""},
      {SyntaxIssue::leading_whitespace, Severity::warning, {16, 23}, "leading space"}};
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&data, &size);
  write_syntax_diagnostics(file, diagnostics, out);
  std::fclose(out);
  const std::string text(data, size);
  std::free(data);
  CHECK(text ==
        "conf dir/main.cf:2:1: error: missing '=': \"bad\\x01 line\"\n"
        "conf dir/main.cf:3:1: warning: leading space\n");
}

TEST_CASE("github: workflow commands with UTF-16 columns and escaping") {
  const test::Sample sample;
  CHECK(render(Format::github, sample.input()) ==
        "::notice title=PF2900 mynetworks-unset::mynetworks is not set: 100%25 of local subnets are trusted, by default\n"
        "::error file=conf dir/master.cf,line=1,col=33,endLine=1,endColumn=33,title=PF4001 chroot-service::"
        "smtp runs chrooted\n"
        "::warning file=main.cf,line=2,col=16,endLine=2,endColumn=26,title=PF2201 banner-reveals-hostname::"
        "banner shows $myhostname\n"
        "::notice file=main.cf,line=3,col=19,endLine=3,endColumn=25,title=PF2101 non-ascii-hostname::"
        "host name is not ASCII\n"
        "::warning file=main.cf,line=4,col=1,endLine=4,endColumn=18,title=PF3001 obsolete-tls-parameter::"
        "smtp_use_tls is obsolete%0Anote: use smtp_tls_security_level = may%0Anote: see TLS_README"
        "%0Afix (safe): Replace with smtp_tls_security_level = may\n"
        "::error file=main.cf,line=5,col=7,endLine=5,endColumn=14,title=PF1002 control-character::ESC in value\n"
        "2 errors, 2 warnings, 2 info in 2 configs, 1 file skipped\n");
}

TEST_CASE("github: properties escape : and , ; a span over lines has no columns") {
  const pflint::syntax::SourceFile file("a:b,c%.cf", "x = 1\n  2\n");
  pflint::lint::Diagnostic d;
  d.code = "PF2000";
  d.rule = "r,:";
  d.severity = pflint::lint::Severity::warning;
  d.file = &file;
  d.span = {4, 10};  // "1\n  2\n": ends with the newline of line 2
  d.message = "50% a\r\nb: c, d";
  const std::vector<pflint::lint::Diagnostic> findings{d};
  ReportInput in;
  in.findings = findings;
  in.checked = {file.path()};
  CHECK(render(Format::github, in) ==
        "::warning file=a%3Ab%2Cc%25.cf,line=1,endLine=2,title=PF2000 r%2C%3A::50%25 a%0D%0Ab: c, d\n"
        "1 warning in 1 config\n");
}
