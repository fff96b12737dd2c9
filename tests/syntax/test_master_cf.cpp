// Unit tests: master.cf syntax cases, each with its expected tree.
#include <doctest/doctest.h>

#include "tree_test_util.hpp"

using namespace pflint;
using syntax::FileKind;
using test::parse_text;

namespace {
std::string field(const test::Parsed& p, std::size_t service, syntax::Field f) {
  return std::string(p.source.slice(p.tree.services.at(service).fields[static_cast<std::size_t>(f)]));
}
std::string override_text(const test::Parsed& p, const syntax::Override& o) {
  return std::string(p.source.slice(o.name)) + "=" + syntax::logical_text(p.source, o.value).text;
}
}  // namespace

TEST_CASE("master.cf: eight fields, '-' defaults, tabs") {
  auto p = parse_text("smtp      inet  n       -       y       -       -       smtpd\npickup\tunix\tn\t-\ty\t60\t1\tpickup\n",
                      FileKind::master_cf);
  REQUIRE(test::item_kinds(p.tree) == "service service");
  CHECK(field(p, 0, syntax::Field::service) == "smtp");
  CHECK(field(p, 0, syntax::Field::type) == "inet");
  CHECK(field(p, 0, syntax::Field::private_) == "n");
  CHECK(field(p, 0, syntax::Field::unprivileged) == "-");
  CHECK(field(p, 0, syntax::Field::command) == "smtpd");
  CHECK(field(p, 1, syntax::Field::wakeup) == "60");
  CHECK(field(p, 1, syntax::Field::process_limit) == "1");
  CHECK(test::tokens(p, 1) ==
        "field:pickup space:\\t field:unix space:\\t field:n space:\\t field:- space:\\t field:y space:\\t "
        "field:60 space:\\t field:1 space:\\t command:pickup newline:\\n");
  CHECK(p.tree.diagnostics.empty());
  CHECK(test::lossless(p));
}

TEST_CASE("master.cf: bracketed service names and commented-out entries") {
  auto p = parse_text("#smtp inet n - y - 1 postscreen\n[127.0.0.1]:10025 inet n - n - - smtpd\n", FileKind::master_cf);
  REQUIRE(test::item_kinds(p.tree) == "comment service");
  CHECK(field(p, 0, syntax::Field::service) == "[127.0.0.1]:10025");
  CHECK(test::lossless(p));
}

TEST_CASE("master.cf: -o overrides on continuation lines, short and long form") {
  auto p = parse_text(
      "submission inet n       -       y       -       -       smtpd\n"
      "  -o syslog_name=postfix/submission\n"
      "# a comment between options\n"
      "  -o { smtpd_banner = hello  world }\n"
      "  -o smtpd_tls_security_level=encrypt\n"
      "  -o empty=\n",
      FileKind::master_cf);
  REQUIRE(test::item_kinds(p.tree) == "service");
  const auto& s = p.tree.services[0];
  REQUIRE(s.overrides.size() == 4);
  CHECK(override_text(p, s.overrides[0]) == "syslog_name=postfix/submission");
  CHECK(override_text(p, s.overrides[1]) == "smtpd_banner=hello  world");
  CHECK(s.overrides[1].braced);
  CHECK(override_text(p, s.overrides[2]) == "smtpd_tls_security_level=encrypt");
  CHECK(override_text(p, s.overrides[3]) == "empty=");
  CHECK(p.source.position(s.overrides[2].name.begin) == syntax::Position{5, 6});
  CHECK(p.tree.diagnostics.empty());
  CHECK(test::lossless(p));
}

TEST_CASE("master.cf: combined and attached -o forms, -- ends the options") {
  auto p = parse_text("relay unix - - n - - smtp -vo a=1 -ob=2 -o{c = 3} -v -- -o d=4 argv=x\n", FileKind::master_cf);
  REQUIRE(test::item_kinds(p.tree) == "service");
  const auto& s = p.tree.services[0];
  REQUIRE(s.overrides.size() == 3);
  CHECK(override_text(p, s.overrides[0]) == "a=1");
  CHECK(p.source.slice(s.overrides[0].option) == "-vo");
  CHECK(override_text(p, s.overrides[1]) == "b=2");
  CHECK(override_text(p, s.overrides[2]) == "c=3");
  REQUIRE(s.args.size() == 8);
  CHECK(s.args[3].kind == syntax::ArgKind::option);   // -v
  CHECK(s.args[4].kind == syntax::ArgKind::option);   // --
  CHECK(s.args[5].kind == syntax::ArgKind::plain);    // -o after --
  CHECK(p.source.slice(s.args[7].span) == "argv=x");
  CHECK(test::lossless(p));
}

TEST_CASE("master.cf: options stop at the first plain argument") {
  auto p = parse_text("pipe unix - n n - - pipe flags=R user=x argv=/bin/x -o not=override\n", FileKind::master_cf);
  const auto& s = p.tree.services.at(0);
  CHECK(s.overrides.empty());
  CHECK(s.args.size() == 5);
}

TEST_CASE("master.cf: a { } group may hold blanks and span continuation lines") {
  auto p = parse_text("x unix - - n - - smtpd -o { smtpd_banner = a\n    b }\nnext unix - - n - - smtp\n",
                      FileKind::master_cf);
  REQUIRE(test::item_kinds(p.tree) == "service service");
  CHECK(override_text(p, p.tree.services[0].overrides.at(0)) == "smtpd_banner=a    b");
  CHECK(test::lossless(p));
}

TEST_CASE("master.cf: bad -o values, missing fields and brace errors are diagnosed, parsing goes on") {
  auto p = parse_text(
      "a unix - - n - - smtp -o bad\n"
      "short inet n\n"
      "b unix - - n - - smtp -o\n"
      "c unix - - n - - smtp -o {x=1\n"
      "d unix - - n - - smtp arg={ok} {x}y\n"
      "e unix - - n - - smtp\n",
      FileKind::master_cf);
  REQUIRE(test::item_kinds(p.tree) == "service error service service service service");
  CHECK(test::messages(p.tree) ==
        std::vector<std::string>{
            "invalid \"-o bad\" option value: missing '=' after attribute name",
            "bad field count: missing \"unprivileged\" field (an entry has 8 fields: service, type, private, "
            "unprivileged, chroot, wakeup, process_limit, command)",
            "option \"-o\" needs a name=value setting after it", "missing '}' in \"{x=1\"",
            "syntax error after '}' in \"{x}y\""});
  CHECK(test::lossless(p));
}

TEST_CASE("master.cf: 10,000 nested braces cost no recursion") {
  std::string text = "a unix - - n - - smtp arg=" + std::string(10000, '{') + "x" + std::string(10000, '}') + "\n";
  auto p = parse_text(text, FileKind::master_cf);
  CHECK(test::item_kinds(p.tree) == "service");
  CHECK(p.tree.diagnostics.empty());
  CHECK(test::lossless(p));
}
