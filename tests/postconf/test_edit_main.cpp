// Unit tests: postconf -e, -X, -# on main.cf text (src/postconf/edit_main.cpp).
// Expected bytes come from running the real postconf 3.7.11 on the same
// input (../shared/reference/oracle.md §2.9 and transcripts made while
// writing this file); the two improvements are tested at the end.
#include <doctest/doctest.h>

#include "postconf/edit_main.hpp"
#include "test_edit_support.hpp"

using namespace pflint::postconf::edits;

namespace {

using pflint::test_edit::cfg12;

EditOutcome edit(const std::string& text, EditMode mode, const std::vector<std::string>& args) {
  const auto requests = parse_main_requests(mode, args);
  REQUIRE_FALSE(requests.fatal);
  return edit_main_cf(text, "/etc/postfix/main.cf", mode, requests.requests);
}

std::string fatal_of(EditMode mode, const std::vector<std::string>& args) {
  return parse_main_requests(mode, args).fatal.value_or("");
}

}  // namespace

TEST_CASE("-e replaces every entry in place, keeps inner comments, appends new names") {
  const auto out = edit(cfg12, EditMode::set,
                        {"myhostname = new.example.test", "mynetworks = 127.0.0.0/8 [::1]/128", "smtpd_tls_loglevel=1",
                         "newparam_zz = 1"});
  CHECK(out.text ==
        "# Header comment\n"
        "compatibility_level = 3.6\n"
        "\n"
        "# Network\n"
        "myhostname = new.example.test\n"
        "#relayhost = [commented.example]\n"
        "mynetworks = 127.0.0.0/8 [::1]/128\n"
        "    # comment inside continuation\n"
        "smtpd_banner = $myhostname ESMTP\n"
        "smtpd_tls_loglevel = 1\n"
        "alias_maps = hash:/etc/aliases\n"
        "smtpd_tls_loglevel = 1\n"
        "# Footer comment\n"
        "newparam_zz = 1\n");
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0] == "/etc/postfix/main.cf: multiple entries for \"smtpd_tls_loglevel\"");
  CHECK(out.changed);
}

TEST_CASE("-e: value trimmed, inner blanks kept, empty value has a trailing blank") {
  const auto out = edit("a = 1\nb = 2\n", EditMode::set, {"  a=   x   y  ", "empty ="});
  CHECK(out.text == "a = x   y\nb = 2\nempty = \n");
}

TEST_CASE("-X drops the logical line but not the comment lines inside it") {
  const auto out = edit(cfg12, EditMode::remove, {"myhostname", "mynetworks", "smtpd_tls_loglevel", "not_present"});
  CHECK(out.text ==
        "# Header comment\n"
        "compatibility_level = 3.6\n"
        "\n"
        "# Network\n"
        "#relayhost = [commented.example]\n"
        "    # comment inside continuation\n"
        "smtpd_banner = $myhostname ESMTP\n"
        "alias_maps = hash:/etc/aliases\n"
        "# Footer comment\n");
  CHECK(out.warnings.size() == 1);
}

TEST_CASE("-# comments out every physical line but the comment lines inside") {
  const auto out = edit(cfg12, EditMode::comment_out, {"myhostname", "mynetworks"});
  CHECK(out.text ==
        "# Header comment\n"
        "compatibility_level = 3.6\n"
        "\n"
        "# Network\n"
        "#myhostname = old.example.test   \n"
        "#relayhost = [commented.example]\n"
        "#mynetworks = 127.0.0.0/8\n"
        "#    10.0.0.0/8\n"
        "    # comment inside continuation\n"
        "#    192.168.0.0/16\n"
        "smtpd_banner = $myhostname ESMTP\n"
        "smtpd_tls_loglevel = first\n"
        "alias_maps = hash:/etc/aliases\n"
        "smtpd_tls_loglevel = second\n"
        "# Footer comment\n");
}

TEST_CASE("a blank line does not end an entry; continuation after it goes with the entry") {
  CHECK(edit("a = 1\n\n  x\nb = 2\n", EditMode::set, {"a=9"}).text == "a = 9\n\nb = 2\n");
  CHECK(edit("a = 1\n\n  x\nb = 2\n", EditMode::comment_out, {"a"}).text == "#a = 1\n\n#  x\nb = 2\n");
}

TEST_CASE("CRLF files: untouched lines keep CRLF, written lines use LF (as postconf)") {
  const std::string crlf = "a = 1\r\n  x\r\n\r\nb = 2\r\n";
  CHECK(edit(crlf, EditMode::set, {"a=9", "c=1"}).text == "a = 9\n\r\nb = 2\r\nc = 1\n");
  CHECK(edit(crlf, EditMode::comment_out, {"a"}).text == "#a = 1\r\n#  x\r\n\r\nb = 2\r\n");
}

TEST_CASE("-X/-# match the name as given: trailing blanks are not trimmed (postconf's trimblanks slip)") {
  CHECK(edit("a=1\n", EditMode::remove, {"a  "}).text == "a=1\n");
  CHECK(edit("a=1\n", EditMode::remove, {"  a"}).text == "");
}

TEST_CASE("unterminated last line: replaced/removed/commented as postconf does") {
  CHECK(edit("a = 1\nb = 2", EditMode::set, {"b=9"}).text == "a = 1\nb = 9\n");
  CHECK(edit("a = 1\nb = 2", EditMode::remove, {"b"}).text == "a = 1\n");
  CHECK(edit("a = 1\nb = 2", EditMode::comment_out, {"b"}).text == "a = 1\n#b = 2");
}

TEST_CASE("argument errors use postconf's texts") {
  CHECK(fatal_of(EditMode::set, {"badline"}) == "missing '=' after attribute name: \"badline\"");
  CHECK(fatal_of(EditMode::set, {"  =3"}) == "missing attribute name: \"=3\"");
  CHECK(fatal_of(EditMode::set, {""}) == "missing attribute name: \"\"");
  CHECK(fatal_of(EditMode::set, {"a=1\nb=2"}) == "-e, -X, or -# accepts no multi-line input");
  CHECK(fatal_of(EditMode::remove, {"  # a"}) == "-e, -X, or -# accepts no comment input");
  CHECK(fatal_of(EditMode::remove, {"   "}) == "-X or -# requires non-blank parameter names");
  CHECK(fatal_of(EditMode::comment_out, {"a=1"}) == "-X or -# requires parameter names without value");
}

TEST_CASE("a repeated -e name: the later request wins, with postconf's warning") {
  const auto r = parse_main_requests(EditMode::set, {"foo=1", "bar=2", "foo=2"});
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] == "ignoring earlier request: 'foo = 1'");
  REQUIRE(r.requests.size() == 2);
  CHECK(r.requests[1].value == "2");
  // postconf 3.7 crashes on a repeated -X/-# name; we warn and go on.
  CHECK(parse_main_requests(EditMode::remove, {"foo", "foo"}).warnings.at(0) == "ignoring earlier request: 'foo'");
}

TEST_CASE("improvement: a file without a final newline gets one before appended lines") {
  // postconf 3.7.11 writes "a=1new_after_noeol = 1\n" here, corrupting both lines.
  CHECK(edit("a=1", EditMode::set, {"new_after_noeol=1"}).text == "a=1\nnew_after_noeol = 1\n");
  CHECK(edit("a = 1\n# c", EditMode::set, {"z=1"}).text == "a = 1\n# c\nz = 1\n");
  CHECK(edit("", EditMode::set, {"x=1"}).text == "x = 1\n");
}

TEST_CASE("improvement: new parameters are appended in argument order") {
  // postconf 3.7.11 appends them in hash-table order, which changes from run to run.
  const auto out = edit("relayhost = old\n", EditMode::set, {"zz_new=1", "aa_new=2", "mm_new=3", "relayhost=x", "bb_new=4"});
  CHECK(out.text == "relayhost = x\nzz_new = 1\naa_new = 2\nmm_new = 3\nbb_new = 4\n");
}

TEST_CASE("an edit that changes nothing reports no change") {
  CHECK_FALSE(edit("a = 1\n", EditMode::set, {"a=1"}).changed);
  CHECK_FALSE(edit("a = 1\n", EditMode::remove, {"b"}).changed);
}
