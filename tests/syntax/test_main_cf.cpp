// Unit tests: main.cf syntax cases, each with its expected tree.
#include <doctest/doctest.h>

#include "tree_test_util.hpp"

using namespace pflint;
using test::parse_text;

TEST_CASE("main.cf: name = value with spaces around '='") {
  auto p = parse_text("myhostname = mail.example.test\n");
  CHECK(test::item_kinds(p.tree) == "parameter");
  CHECK(test::tokens(p, 0) == "name:myhostname space:  equals:= space:  value:mail.example.test newline:\\n");
  CHECK(syntax::postfix_value(p.source, p.tree.items[0]) == "mail.example.test");
  CHECK(p.tree.diagnostics.empty());
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: no spaces, empty value, only the first '=' splits") {
  auto p = parse_text("a=b\nempty =\nempty2=  \r\nmyhostname = a = b\nmydomain == x\n");
  REQUIRE(test::item_kinds(p.tree) == "parameter parameter parameter parameter parameter");
  CHECK(test::tokens(p, 0) == "name:a equals:= value:b newline:\\n");
  CHECK(syntax::postfix_value(p.source, p.tree.items[1]).empty());
  CHECK(test::tokens(p, 2) == "name:empty2 equals:= space:  \\r newline:\\n");
  CHECK(syntax::postfix_value(p.source, p.tree.items[2]).empty());
  CHECK(syntax::postfix_value(p.source, p.tree.items[3]) == "a = b");
  CHECK(syntax::postfix_value(p.source, p.tree.items[4]) == "= x");
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: '#' after text is part of the value") {
  auto p = parse_text("mydomain = example.test # trailing text\n");
  CHECK(syntax::postfix_value(p.source, p.tree.items[0]) == "example.test # trailing text");
}

TEST_CASE("main.cf: continuation lines keep their indentation, skipped lines inside do not end them") {
  auto p = parse_text(
      "mynetworks = 127.0.0.0/8\n"
      "    10.0.0.0/8\n"
      "# comment inside (col 0)\n"
      "    192.168.0.0/16\n"
      "    # indented comment inside\n"
      "\n"
      "  \t\n"
      "\t[::1]/128\n"
      "relayhost = x\n");
  REQUIRE(test::item_kinds(p.tree) == "parameter parameter");
  CHECK(syntax::postfix_value(p.source, p.tree.items[0]) ==
        "127.0.0.0/8    10.0.0.0/8    192.168.0.0/16\t[::1]/128");
  CHECK(test::tokens(p, 0) ==
        "name:mynetworks space:  equals:= space:  value:127.0.0.0/8 newline:\\n space:     value:10.0.0.0/8 "
        "newline:\\n comment:# comment inside (col 0) newline:\\n space:     value:192.168.0.0/16 newline:\\n "
        "comment:    # indented comment inside newline:\\n newline:\\n blank:  \\t newline:\\n space:\\t "
        "value:[::1]/128 newline:\\n");
  CHECK(p.source.position(p.tree.items[1].span.begin) == syntax::Position{9, 1});
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: comment and blank lines after a logical line stay top-level") {
  auto p = parse_text("a = 1\n# c\n\n   \nb = 2\n   # indented\n");
  CHECK(test::item_kinds(p.tree) == "parameter comment blank blank parameter comment");
  CHECK(test::tokens(p, 3) == "blank:    newline:\\n");
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: name and '=' may be split over continuation lines") {
  auto p = parse_text("foo\n  = bar\n");
  REQUIRE(test::item_kinds(p.tree) == "parameter");
  CHECK(p.source.slice(p.tree.items[0].name) == "foo");
  CHECK(syntax::postfix_value(p.source, p.tree.items[0]) == "bar");
}

TEST_CASE("main.cf: CRLF files") {
  auto p = parse_text("myhostname = a.example\r\nmynetworks = 127.0.0.0/8\r\n    10.0.0.0/8\r\n\r\nrelayhost = [r]\r\n");
  REQUIRE(test::item_kinds(p.tree) == "parameter parameter blank parameter");
  CHECK(syntax::postfix_value(p.source, p.tree.items[0]) == "a.example");
  // The inner '\r' stays embedded, as in Postfix; only the trailing one is trimmed.
  CHECK(syntax::postfix_value(p.source, p.tree.items[1]) == "127.0.0.0/8\r    10.0.0.0/8");
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: missing final newline") {
  auto p = parse_text("a = 1\nb = 2");
  REQUIRE(test::item_kinds(p.tree) == "parameter parameter");
  CHECK(test::tokens(p, 1) == "name:b space:  equals:= space:  value:2");
  CHECK(test::lossless(p));
  auto q = parse_text("a = 1\n# last comment");
  CHECK(test::item_kinds(q.tree) == "parameter comment");
  CHECK(test::lossless(q));
  auto r = parse_text("a = 1\n   ");
  CHECK(test::item_kinds(r.tree) == "parameter blank");
  CHECK(test::lossless(r));
}

TEST_CASE("main.cf: NUL bytes are kept, warned about, and cut the value") {
  auto p = parse_text(std::string("a = x\0y\nb = 2\n", 14));
  REQUIRE(test::item_kinds(p.tree) == "parameter parameter");
  CHECK(syntax::postfix_value(p.source, p.tree.items[0]) == "x");
  REQUIRE(p.tree.diagnostics.size() == 1);
  CHECK(p.tree.diagnostics[0].message == "text after null byte may be ignored");
  CHECK(p.tree.diagnostics[0].severity == syntax::Severity::warning);
  CHECK(p.source.position(p.tree.diagnostics[0].span.begin) == syntax::Position{1, 6});
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: a first logical line that starts with whitespace is ignored with a warning") {
  auto p = parse_text("# header\n   leading_ws = 1\n  more\nmyhostname = a\n");
  REQUIRE(test::item_kinds(p.tree) == "comment ignored parameter");
  REQUIRE(p.tree.diagnostics.size() == 1);
  CHECK(p.tree.diagnostics[0].message ==
        "logical line must not start with whitespace: \"   leading_ws = 1  more\" (Postfix ignores this line)");
  CHECK_FALSE(p.tree.has_errors());
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: duplicate names are both kept in the tree (the model decides that the last wins)") {
  auto p = parse_text("relayhost = [a]\nrelayhost = [b]\n");
  REQUIRE(test::item_kinds(p.tree) == "parameter parameter");
  CHECK(syntax::postfix_value(p.source, p.tree.items[1]) == "[b]");
}

TEST_CASE("main.cf: malformed lines become error items and parsing goes on") {
  auto p = parse_text("a = 1\nthis line has no equals sign\n  and a continuation\n=novalue\nfoo bar = x\nb = 2\n");
  REQUIRE(test::item_kinds(p.tree) == "parameter error error error parameter");
  CHECK(test::messages(p.tree) ==
        std::vector<std::string>{
            "missing '=' after attribute name: \"this line has no equals sign  and a continuation\"",
            "missing attribute name: \"=novalue\"", "missing '=' after attribute name: \"foo bar = x\""});
  CHECK(p.source.position(p.tree.diagnostics[0].span.begin) == syntax::Position{2, 1});
  CHECK(p.tree.has_errors());
  CHECK(test::tokens(p, 1) == "error:this line has no equals sign newline:\\n space:   error:and a continuation newline:\\n");
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: quotes have no meaning") {
  auto p = parse_text("smtp_tls_security_level = \"may\"\n");
  CHECK(syntax::postfix_value(p.source, p.tree.items[0]) == "\"may\"");
}

TEST_CASE("main.cf: a file of only continuation lines is one ignored logical line") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "   continued " + std::to_string(i) + "\n";
  auto p = parse_text(text);
  CHECK(test::item_kinds(p.tree) == "ignored");
  CHECK(test::lossless(p));
}

TEST_CASE("main.cf: empty file and whitespace-only file") {
  auto p = parse_text("");
  CHECK(p.tree.items.empty());
  CHECK(test::lossless(p));
  auto q = parse_text("\n\n \t\n");
  CHECK(test::item_kinds(q.tree) == "blank blank blank");
  CHECK(test::lossless(q));
}

TEST_CASE("logical_text maps logical offsets back to file offsets") {
  auto p = parse_text("mynetworks = a\n# c\n  b\n");
  const auto& item = p.tree.items[0];
  const auto lt = syntax::logical_text(p.source, item.value);
  CHECK(lt.text == "a  b");
  CHECK(lt.file_offset(0) == p.source.text().find('a', 10));
  CHECK(lt.file_offset(3) == p.source.text().rfind('b'));
}
