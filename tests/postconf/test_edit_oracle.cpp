// Differential tests: every edit here is run by the real postconf 3.7
// (/usr/sbin/postconf) and by run_edit() on identical copies; the files left
// behind, the exit status and the stderr lines must be the same. The cases
// avoid the documented differences (docs/postconf-edits.md), which
// test_edit_main.cpp and test_edit_atomic.cpp cover. Fails when the real
// postconf is missing: install Debian's postfix package (see
// ../shared/reference/tools.md).
#include <doctest/doctest.h>

#include <unistd.h>

#include <optional>
#include <string>
#include <vector>

#include "test_edit_support.hpp"

using namespace pflint::test_edit;

namespace {

struct Case {
  const char* name;
  std::optional<std::string> main_cf;
  std::optional<std::string> master_cf;
  std::string flags;
  std::vector<std::string> args;
};


const std::string cfg10 =
    "# ==========================================================================\n"
    "# service type  private unpriv  chroot  wakeup  maxproc command + args\n"
    "#               (yes)   (yes)   (no)    (never) (100)\n"
    "# ==========================================================================\n"
    "smtp      inet  n       -       y       -       -       smtpd\n"
    "#smtp      inet  n       -       y       -       1       postscreen\n"
    "submission inet n       -       y       -       -       smtpd\n"
    "  -o syslog_name=postfix/submission\n"
    "  -o smtpd_tls_security_level=encrypt\n"
    "  # comment inside a continuation\n"
    "  -o smtpd_sasl_auth_enable=yes\n"
    "  -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }\n"
    "  -o {smtpd_recipient_restrictions=permit_mynetworks,reject}\n"
    "  -o milter_macro_daemon_name=ORIGINATING\n"
    "127.0.0.1:10025 inet n  -       n       -       10      smtpd\n"
    "  -o content_filter=\n"
    "  -o { smtpd_banner = $myhostname   ESMTP  internal }\n"
    "  -o unknown_in_master=1\n"
    "smtps     inet  n       -       y       -       -       smtpd\n"
    "  -o smtpd_tls_wrappermode=yes\n"
    "  -o smtpd_sasl_auth_enable=yes\n"
    "pickup    unix  n       -       y       60      1       pickup\n"
    "\n"
    "cleanup   unix  n       -       y       -       0       cleanup\n"
    "qmgr      unix  n       -       n       300     1       qmgr\n"
    "tlsmgr    unix  -       -       y       1000?   1       tlsmgr\n"
    "relay     unix  -       -       y       -       -       smtp\n"
    "        -o syslog_name=postfix/$service_name\n"
    "   -o smtp_helo_timeout=5 -o smtp_connect_timeout=5\n"
    "# trailing comment after relay\n"
    "maildrop  unix  -       n       n       -       -       pipe\n"
    "  flags=DRhu user=vmail argv=/usr/bin/maildrop -d ${recipient}\n"
    "long      unix  -       n       n       -       -       pipe\n"
    "  -v -vo x=y -oa=b -o { c = d e } -- flags=R user=somebody argv=/usr/local/bin/some-long-program-name\n"
    "  -a ${sender} {with space} -b ${recipient} {x y z} another-argument yet-another-argument\n";

const std::string crlf_main = "a = 1\r\n  x\r\n\r\n# c\r\nb = 2\r\n";

std::vector<Case> cases() {
  return {
      {"-e replace, add, multiple", cfg12, std::nullopt, "-e",
       {"myhostname = new.example.test", "mynetworks = 127.0.0.0/8 [::1]/128", "smtpd_tls_loglevel=1", "zz_new=3"}},
      {"-e spaced value and empty new", cfg12, std::nullopt, "-e", {"smtpd_banner = multi word   value", "empty_new ="}},
      {"-e trimmed value", cfg12, std::nullopt, "-e", {"  myhostname=   spaced.example   "}},
      {"-e same name twice", cfg12, std::nullopt, "-e", {"myhostname=a", "myhostname=b"}},
      {"-X", cfg12, std::nullopt, "-X", {"myhostname", "mynetworks", "smtpd_tls_loglevel", "not_present"}},
      {"-X with trailing blank does not match", cfg12, std::nullopt, "-X", {"myhostname  ", "  mynetworks"}},
      {"-#", cfg12, std::nullopt, "-#", {"myhostname", "mynetworks", "smtpd_tls_loglevel", "not_present"}},
      {"-e missing =", cfg12, std::nullopt, "-e", {"badline"}},
      {"-e missing name", cfg12, std::nullopt, "-e", {" = x"}},
      {"-e tab in name", cfg12, std::nullopt, "-e", {"x\ty=1"}},
      {"-e newline", cfg12, std::nullopt, "-e", {"a=1\nb=2"}},
      {"-e comment", cfg12, std::nullopt, "-e", {"  #a=1"}},
      {"-X with value", cfg12, std::nullopt, "-X", {"a = 1"}},
      {"-# blank", cfg12, std::nullopt, "-#", {"   "}},
      {"CRLF -e", crlf_main, std::nullopt, "-e", {"a=9", "c=1"}},
      {"CRLF -#", crlf_main, std::nullopt, "-#", {"a", "b"}},
      {"CRLF -X", crlf_main, std::nullopt, "-X", {"a"}},
      {"blank line inside entry", "a = 1\n\n  x\nb = 2\n", std::nullopt, "-#", {"a"}},
      {"first line indented", "  a = 1\nb = 2\n", std::nullopt, "-e", {"a=2"}},
      {"vertical tab after name", "a\v= 1\nb = 2\n", std::nullopt, "-e", {"a=2"}},
      {"name = with spaces before =", "a   = 1\n", std::nullopt, "-X", {"a"}},
      {"empty main.cf", "", std::nullopt, "-e", {"x=1"}},
      {"no final newline, replace last", "a = 1\nb = 2", std::nullopt, "-e", {"b=9"}},
      {"no final newline, remove last", "a = 1\nb = 2", std::nullopt, "-X", {"b"}},
      {"no final newline, comment last", "a = 1\n  x", std::nullopt, "-#", {"a"}},
      {"main.cf missing", std::nullopt, std::nullopt, "-e", {"x=1"}},
      {"-e without args", cfg12, std::nullopt, "-e", {}},
      {"-X without args", cfg12, std::nullopt, "-X", {}},
      // master.cf
      {"-PX", "", cfg10, "-PX", {"submission/inet/smtpd_sasl_auth_enable"}},
      {"-PX absent param rewrites entry", "", cfg10, "-PX", {"relay/unix/nothing"}},
      {"-Pe update, add, unmatched", "", cfg10, "-Pe",
       {"submission/inet/smtpd_tls_security_level=may", "smtps/inet/new_opt=1", "nosuch/inet/x=1"}},
      {"-Pe whitespace", "", cfg10, "-Pe", {"smtps/inet/new_opt=1", "smtp/inet/smtpd_banner=a b"}},
      {"-Pe wildcard service", "", cfg10, "-Pe", {"*/unix/wild=1"}},
      {"-PX wildcard type", "", cfg10, "-PX", {"smtps/*/smtpd_sasl_auth_enable"}},
      {"-Pe long entry", "", cfg10, "-Pe", {"long/unix/c=z"}},
      {"-PX long entry", "", cfg10, "-PX", {"long/unix/x"}},
      {"-Fe", "", cfg10, "-Fe", {"smtp/inet/chroot=n", "relay/unix/process_limit=20"}},
      {"-Fe command", "", cfg10, "-Fe", {"pickup/unix/command=pickup -v -o { a = b } x"}},
      {"-Fe service and type", "", cfg10, "-Fe", {"qmgr/unix/service=qmgr2", "tlsmgr/unix/type=fifo"}},
      {"-Fe bad value", "", cfg10, "-Fe", {"smtp/inet/chroot=x"}},
      {"-Fe bad wakeup", "", cfg10, "-Fe", {"smtp/inet/wakeup=1x"}},
      {"-Fe bad field", "", cfg10, "-Fe", {"smtp/inet/foo=1"}},
      {"-Fe wildcard field", "", cfg10, "-Fe", {"smtp/inet/*=1"}},
      {"-Fe whitespace", "", cfg10, "-Fe", {"smtp/inet/chroot=n n"}},
      {"-M#", "", cfg10, "-M#", {"smtps/inet", "submission/inet"}},
      {"-MX", "", cfg10, "-MX", {"relay/unix", "nosuch/unix"}},
      {"-MX wildcard", "", cfg10, "-MX", {"*/inet"}},
      {"-M# trailing blank", "", cfg10, "-M#", {"smtp/inet "}},
      {"-Me new", "", cfg10, "-Me", {"newsvc/unix=newsvc unix - - n - - smtp -o a=b"}},
      {"-Me replace", "", cfg10, "-Me", {"relay/unix=relay unix - - n - 7 smtp -o x=1 {a b}"}},
      {"-Me rename", "", cfg10, "-Me", {"pickup/unix=qmgr unix - - n 300 1 qmgr -v"}},
      {"-Me bad", "", cfg10, "-Me", {"a/unix=a unix - - n - - "}},
      {"-Me bad type", "", cfg10, "-Me", {"a/unix=a nix - - n - - x"}},
      {"-Me brace warning", "", cfg10, "-Me", {"a/unix=a unix - - n - - x -o {a=b"}},
      {"-M pattern errors", "", cfg10, "-MX", {"smtp"}},
      {"-M pattern star inside", "", cfg10, "-MX", {"sm*/inet"}},
      {"-P pattern error", "", cfg10, "-PX", {"smtp/inet"}},
      {"-P wildcard param", "", cfg10, "-PX", {"smtp/inet/*"}},
      {"master name and type split", "", "smtp\n  inet n - n - - smtpd\n", "-MX", {"smtp/inet"}},
      {"master bad service name", "", "a=b inet n - n - - smtpd\n", "-MX", {"smtp/inet"}},
      {"master bad type", "", "a in/et n - n - - smtpd\n", "-MX", {"smtp/inet"}},
      {"master bad field count on touched entry", "", "a unix - n\nb unix - n - - - x\n", "-Pe", {"a/unix/x=1"}},
      {"master CRLF", "", "a unix - n - - - x\r\n  -o y=1\r\nb unix - n - - - x\r\n", "-Pe", {"a/unix/z=1"}},
      {"master CRLF -M#", "", "a unix - n - - - x\r\n  -o y=1\r\nb unix - n - - - x\r\n", "-M#", {"a/unix"}},
      {"master.cf missing", "", std::nullopt, "-MX", {"a/unix"}},
      {"implicit -e on main.cf", cfg12, std::nullopt, "-p", {"myhostname=implicit.example"}},
      {"implicit -e with -F", "", cfg10, "-F", {"smtp/inet/chroot=n"}},
      {"implicit -e with -P", "", cfg10, "-P", {"smtp/inet/x=y"}},
      {"-X with = is -e -X", "", cfg10, "-MX", {"a/unix=a unix - - n - - x"}},
      {"-F with -X", "", cfg10, "-FX", {"smtp/inet/chroot"}},
      {"-P with -#", "", cfg10, "-P#", {"smtp/inet/x"}},
      {"-e -#", cfg12, std::nullopt, "-e#", {"a"}},
      {"-M without args", "", cfg10, "-M#", {}},
      {"-Me without args", "", cfg10, "-Me", {}},
      {"master comments after touched entry", "", "a unix - n - - - x\n# c1\n\n  # c2\n  -o q=1\n# c3\nb unix - n - - - y\n", "-Pe", {"a/unix/r=2"}},
      {"master entry at end without newline", "", "a unix - n - - - x\nb unix - n - - - y", "-Pe", {"b/unix/r=2"}},
      {"master -M# last line without newline", "", "a unix - n - - - x\nb unix - n - - - y\n  -o z=1", "-M#", {"b/unix"}},
      {"master -Fe command with braces", "", "a unix - n - - - x\n", "-Fe", {"a/unix/command=pipe {a b} -o c=d"}},
      {"master dash option", "", "a unix - n - - - x - y -o\n", "-Pe", {"a/unix/r=2"}},
      {"stock -Pe", "", "@STOCK@", "-Pe", {"submission/inet/smtpd_tls_security_level=encrypt"}},
  };
}

}  // namespace

TEST_CASE("postconf edits: byte-identical to the real postconf 3.7") {
  REQUIRE_MESSAGE(::access(real_postconf, X_OK) == 0, "the real postconf is needed: apt-get install postfix");
  const auto stock = read_file("/usr/share/postfix/master.cf.dist");
  for (const Case& c : cases()) {
    const std::string name = c.name;
    CAPTURE(name);
    ScratchDir real;
    ScratchDir ours;
    for (const ScratchDir* d : {&real, &ours}) {
      if (c.main_cf) write_file(d->file("main.cf"), *c.main_cf);
      if (c.master_cf) write_file(d->file("master.cf"), *c.master_cf == "@STOCK@" ? stock.value_or("") : *c.master_cf);
    }
    const RunResult want = run_real(real.path(), c.flags, c.args);
    const RunResult got = run_ours(ours.path(), c.flags, c.args);
    CHECK(got.rc == want.rc);
    CHECK(got.err == want.err);
    // postconf leaves main.cf.tmp / master.cf.tmp behind after a fatal error; we leave nothing.
    auto real_files = list_dir(real.path());
    std::erase_if(real_files, [](const std::string& f) { return f.ends_with(".tmp"); });
    CHECK(list_dir(ours.path()) == real_files);
    for (const char* file : {"main.cf", "master.cf"}) {
      CAPTURE(file);
      CHECK(read_file(ours.file(file)) == read_file(real.file(file)));
    }
  }
}
