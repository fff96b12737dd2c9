// Unit tests: postconf -M#, -MX, -Me, -F, -P, -PX on master.cf text and the
// -Mf entry printer (src/postconf/edit_master.cpp). Expected bytes come from
// the real postconf 3.7.11 on the same input.
#include <doctest/doctest.h>

#include "postconf/edit_master.hpp"
#include "postconf/master_parse.hpp"

using namespace pflint::postconf::edits;

namespace {

EditOutcome edit(const std::string& text, MasterTarget target, EditMode mode, const std::vector<std::string>& args) {
  const auto requests = parse_master_requests(target, mode, args);
  REQUIRE_FALSE(requests.fatal);
  return edit_master_cf(text, "/etc/postfix/master.cf", target, mode, requests.requests);
}

std::string fatal_of(MasterTarget target, EditMode mode, const std::vector<std::string>& args) {
  return parse_master_requests(target, mode, args).fatal.value_or("");
}

}  // namespace

TEST_CASE("-P rewrites the touched entry in -Mf form; comments inside and after it move in front") {
  const auto out = edit(
      "a unix - n - - - x\n# c1\n\n  # c2\n  -o q=1 -o { r = old value }\n# c3\nb unix - n - - - y\n",
      MasterTarget::param, EditMode::set, {"a/unix/r=2"});
  CHECK(out.text ==
        "# c1\n\n  # c2\n# c3\n"
        "a          unix  -       n       -       -       -       x\n"
        "    -o q=1\n"
        "    -o r=2\n"
        "b unix - n - - - y\n");
  CHECK(out.warnings.empty());
}

TEST_CASE("-F splits combined -o options, one per line") {
  const auto out = edit(
      "relay     unix  -       -       y       -       -       smtp\n"
      "        -o syslog_name=postfix/$service_name\n"
      "   -o smtp_helo_timeout=5 -o smtp_connect_timeout=5\n"
      "x unix - n - - - y\n",
      MasterTarget::field, EditMode::set, {"relay/unix/process_limit=20"});
  CHECK(out.text ==
        "relay      unix  -       -       y       -       20      smtp\n"
        "    -o syslog_name=postfix/$service_name\n"
        "    -o smtp_helo_timeout=5\n"
        "    -o smtp_connect_timeout=5\n"
        "x unix - n - - - y\n");
}

TEST_CASE("-M# comments out each physical line, -MX drops them; inner comments stay") {
  const std::string text = "a unix - n - - - x\n  -o y=1\n  # inner\nb unix - n - - - y\n";
  CHECK(edit(text, MasterTarget::entry, EditMode::comment_out, {"a/unix"}).text ==
        "#a unix - n - - - x\n#  -o y=1\n  # inner\nb unix - n - - - y\n");
  CHECK(edit(text, MasterTarget::entry, EditMode::remove, {"a/unix"}).text == "  # inner\nb unix - n - - - y\n");
  CHECK(edit(text, MasterTarget::entry, EditMode::remove, {"*/unix"}).text == "  # inner\n");
}

TEST_CASE("-Me replaces the first entry matching the pattern or the new name, appends otherwise") {
  const std::string text = "a unix - n - - - x\nb unix - n - - - y\n";
  CHECK(edit(text, MasterTarget::entry, EditMode::set, {"b/unix=c unix - n - - - z"}).text ==
        "a unix - n - - - x\nc          unix  -       n       -       -       -       z\n");
  CHECK(edit(text, MasterTarget::entry, EditMode::set, {"newsvc/unix=newsvc unix - - n - - smtp -o a=b"}).text ==
        text + "newsvc     unix  -       -       n       -       -       smtp\n    -o a=b\n");
}

TEST_CASE("-P/-F on a service that is not there: warning, file unchanged") {
  const auto out = edit("a unix - n - - - x\n", MasterTarget::param, EditMode::set, {"nosuch/inet/x=1"});
  CHECK_FALSE(out.changed);
  CHECK(out.warnings == std::vector<std::string>{"unmatched service_name/type: \"nosuch/inet/x=1\""});
}

TEST_CASE("fatal problems inside master.cf stop the edit") {
  auto run = [](const std::string& text) {
    return edit(text, MasterTarget::entry, EditMode::remove, {"x/unix"}).fatal.value_or("");
  };
  CHECK(run("smtp\n  inet n - n - - smtpd\n") ==
        "file /etc/postfix/master.cf: line 1: specify service name and type on the same line");
  CHECK(run("a=b inet n - n - - smtpd\n") ==
        "file /etc/postfix/master.cf: line 1: service name syntax \"a=b\" is unsupported with -Me, -Fe, -Pe, -X, or -#");
  const auto bad = edit("a unix - n\nb unix - n - - - x\n", MasterTarget::param, EditMode::set, {"a/unix/x=1"});
  CHECK(bad.fatal == "file /etc/postfix/master.cf: line 1: bad field count");
  const auto chroot = edit("a unix - n - - - x\n", MasterTarget::field, EditMode::set, {"a/unix/chroot=x"});
  CHECK(chroot.fatal == "invalid chroot field \"x\" in \"x\"");
}

TEST_CASE("request errors use postconf's texts") {
  CHECK(fatal_of(MasterTarget::entry, EditMode::remove, {"smtp"}) == "-Me, -MX or -M# requires service_name/type");
  CHECK(fatal_of(MasterTarget::entry, EditMode::remove, {"sm*/inet"}) == "-Me, -MX or -M# requires service_name/type");
  CHECK(fatal_of(MasterTarget::param, EditMode::set, {"smtp/inet/x=a b"}) ==
        "-Pe does not accept whitespace in parameter value");
  CHECK(fatal_of(MasterTarget::param, EditMode::remove, {"smtp/inet/*"}) == "-Pe does not accept wild-card parameter name");
  CHECK(fatal_of(MasterTarget::field, EditMode::set, {"smtp/inet/foo=1"}) == "invalid service attribute name: \"foo\"");
  CHECK(fatal_of(MasterTarget::field, EditMode::set, {"smtp/inet/chroot=n n"}) ==
        "-Fe does not accept whitespace in non-command field");
  CHECK(fatal_of(MasterTarget::entry, EditMode::remove, {"#a/unix"}) == "-Me, -Fe, -Pe, -X, or -# accept no comment input");
}

TEST_CASE("-Mf printer: columns, -o per line, braces only where needed, folding at 80") {
  std::vector<std::string> warnings;
  const auto parsed = pflint::postconf::parse_master_entry(
      "c unix - n - - - smtpd -v -o { a = b c }  -x -o -y {aa bb} c", warnings);
  REQUIRE(parsed.ok());
  CHECK(warnings.empty());
  CHECK(format_master_entry(parsed.argv) ==
        "c          unix  -       n       -       -       -       smtpd -v\n"
        "    -o {a=b c}\n"
        "    -x\n"
        "    -o -y\n"
        "    aa bb c\n");
  CHECK(check_master_cf("a unix - n\n", "/m") == "file /m: line 1: bad field count");
  CHECK_FALSE(check_master_cf("  ignored first line\na unix - n - - - x\n", "/m"));
}

TEST_CASE("improvement: an entry appended to a file without a final newline starts its own line") {
  const auto out = edit("a unix - n - - - x", MasterTarget::entry, EditMode::set, {"b/unix=b unix - n - - - y"});
  CHECK(out.text == "a unix - n - - - x\nb          unix  -       n       -       -       -       y\n");
}

// Found by fuzz_postconf_edit: the editor read a NUL byte and what follows it
// as part of the entry, where postconf's reader (and its editor's C strings)
// stop at the NUL, so -P wrote the bytes after it back as arguments.
TEST_CASE("fuzz regression: -P on an entry with a NUL byte drops what follows the NUL, as postconf's reader does") {
  using namespace std::string_literals;
  const auto out = edit("smtp inet n - y - - ! \0o ${\"\"\"\"\" =myo \n"s, MasterTarget::param, EditMode::set,
                        {"smtp/inet/smvel=enc"});
  REQUIRE_FALSE(out.fatal);
  CHECK(out.text ==
        "smtp       inet  n       -       y       -       -       !\n"
        "    -o smvel=enc\n");
  CHECK_FALSE(check_master_cf(out.text, "master.cf"));
}
