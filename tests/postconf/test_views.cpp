// NAME
//   test_views — unit tests of postconf's viewing modes: option parsing,
//   the line printer, the file reader, master.cf parsing and the views.
// DESCRIPTION
//   Expected texts are the real postconf 3.7.11's (oracle.md §2). The
//   differential harness (diff_postconf.py) covers the rest end to end.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../unit/temp_config.hpp"
#include "postconf/diag.hpp"
#include "postconf/master_parse.hpp"
#include "postconf/options.hpp"
#include "postconf/print_line.hpp"
#include "postconf/reader.hpp"
#include "postconf/session.hpp"
#include "postconf/views.hpp"

using namespace pflint::postconf;

namespace {

std::string parse_error(std::vector<std::string> argv) { return parse_options(argv).error; }

// TempConfig - a config directory with main.cf and master.cf.
struct TempConfig {
  pflint::test::TempDir dir_;
  std::filesystem::path dir;
  TempConfig(const std::string& main_cf, const std::string& master_cf)
      : dir_("views", {{"main.cf", main_cf}, {"master.cf", master_cf}}), dir(dir_.path()) {}
};

// view - run a main.cf view and return what it printed on stdout.
std::string view(const TempConfig& cfg, std::vector<std::string> args) {
  args.insert(args.begin(), {"-c", cfg.dir.string()});
  ParseResult parsed = parse_options(args);
  REQUIRE(parsed.options);
  out().clear();
  Session s(*parsed.options);
  if (parsed.options->master_entries || parsed.options->master_fields || parsed.options->master_params) {
    s.read_master(true);
    s.read_main();
    s.register_service_parameters();
    s.register_user_parameters();
    if (parsed.options->master_fields)
      show_master_fields(s);
    else if (parsed.options->master_params)
      show_master_params(s);
    else
      show_master_entries(s);
  } else {
    s.read_main();
    s.read_master(false);
    s.register_service_parameters();
    s.register_user_parameters();
    show_parameters(s);
  }
  std::string text = out();
  out().clear();
  return text;
}

}  // namespace

TEST_CASE("postconf options: combined flags, values and the implicit -e") {
  ParseResult r = parse_options({"-nxf", "-cDIR", "-o", "a = b ", "name"});
  REQUIRE(r.options);
  CHECK(r.options->non_default);
  CHECK(r.options->expand);
  CHECK(r.options->fold);
  CHECK(*r.options->config_dir == "DIR");
  REQUIRE(r.options->overrides.size() == 1);
  CHECK(r.options->overrides[0] == std::pair<std::string, std::string>{"a", "b"});
  CHECK(r.options->args == std::vector<std::string>{"name"});
  // Scanning stops at the first non-option, as postconf's getopt("+...").
  r = parse_options({"-n", "mail_version", "-x"});
  REQUIRE(r.options);
  CHECK_FALSE(r.options->expand);
  CHECK(r.options->args.size() == 2);
  r = parse_options({"myhostname=x"});
  REQUIRE(r.options);
  CHECK(r.options->edit);
}

TEST_CASE("postconf options: postconf's conflict and usage texts") {
  CHECK(parse_error({"-dn"}) == "fatal: specify one of -d -n");
  CHECK(parse_error({"-MF"}) == "fatal: specify one of -F -M");
  CHECK(parse_error({"-hH"}) == "fatal: specify one of -h -H");
  CHECK(parse_error({"-d", "-o", "a=b"}) == "fatal: specify one of -d -o");
  CHECK(parse_error({"-Mn"}) == "fatal: with option -M, do not specify -n");
  CHECK(parse_error({"-Pd"}) == "fatal: with option -P, do not specify -d");
  CHECK(parse_error({"-e"}) == "fatal: -e requires name=value argument");
  CHECK(parse_error({"-o", "foo"}) == "fatal: invalid parameter override: foo: missing '=' after attribute name");
  CHECK(parse_error({"-Z"}).starts_with("invalid option -- 'Z'\nfatal: usage: postconf [-a (server SASL types)]"));
  CHECK(parse_error({"-c"}).starts_with("option requires an argument -- 'c'\nfatal: usage: postconf"));
}

TEST_CASE("postconf options: --postfix-version") {
  ParseResult r = parse_options({"--postfix-version", "3.11", "-n"});
  REQUIRE(r.options);
  CHECK(r.options->version == pflint::params::Version{3, 11, 0});
  CHECK(r.options->non_default);
  CHECK(parse_options({"--help"}).help);
}

TEST_CASE("print_line normalizes whitespace and folds at column 80") {
  std::string s;
  print_line(s, false, "a =  b\t c ");
  CHECK(s == "a = b c\n");
  s.clear();
  print_name_value(s, false, "relayhost", "");
  CHECK(s == "relayhost =\n");
  s.clear();
  std::string value;
  for (int i = 0; i < 12; ++i) value += "word" + std::to_string(i) + " ";
  print_name_value(s, true, "name", value);
  CHECK(s == "name = word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n");
  s.clear();
  print_name_value(s, true, "mynetworks", "127.0.0.1/32 192.0.2.2/32 [::1]/128 [fd00::2]/128 [fe80::fc:ff:fe00:1]/128");
  CHECK(s == "mynetworks = 127.0.0.1/32 192.0.2.2/32 [::1]/128 [fd00::2]/128\n    [fe80::fc:ff:fe00:1]/128\n");
}

TEST_CASE("master.cf entries are normalized as pcf_normalize_daemon_args does") {
  std::vector<std::string> warnings;
  const ParsedMasterEntry entry =
      parse_master_entry("smtp inet n - y - - smtpd -vo x=1 -o { a = b c } -oq=2 {x y} -o {y", warnings);
  REQUIRE(entry.ok());
  CHECK(entry.argv == std::vector<std::string>{"smtp", "inet", "n", "-", "y", "-", "-", "smtpd", "-v", "-o", "x=1",
                                               "-o", "a=b c", "-o", "q=2", "x y", "-o", "y"});
  CHECK(warnings == std::vector<std::string>{"master.cf: missing '}' in \"{y\""});  // after the options: no name=value
  warnings.clear();
  CHECK(parse_master_entry("smtp inet n - y - - smtpd -o { y }", warnings).argv.back() == "y");
  CHECK(warnings == std::vector<std::string>{"master.cf: missing '=' after attribute name: \"y\""});
  CHECK(parse_master_entry("smtp inet n - y - -", warnings).bad_field_count);
  CHECK(parse_master_entry("smtp tcp n - y - - smtpd", warnings).fatal ==
        "invalid type field \"tcp\" in \"smtp tcp n - y - - smtpd\"");
  CHECK(parse_master_entry("smtp inet n - y 1x - smtpd", warnings).fatal ==
        "invalid wakeup field \"1x\" in \"smtp inet n - y 1x - smtpd\"");
}

TEST_CASE("views: -n, user-defined names and -x") {
  TempConfig cfg("myhostname = mail.example.test\nsmtpd_banner = $myhostname  $my_word\nmy_word = hi\n"
                 "unused_one = 1\n",
                 "smtp inet n - y - - smtpd\n");
  CHECK(view(cfg, {"-n"}) == "config_directory = " + cfg.dir.string() +
                                 "\nmy_word = hi\nmyhostname = mail.example.test\nsmtpd_banner = $myhostname "
                                 "$my_word\n");
  CHECK(view(cfg, {"-xh", "smtpd_banner"}) == "mail.example.test hi\n");
  CHECK(view(cfg, {"-d", "mail_version"}) == "mail_version = 3.7.11\n");
}

TEST_CASE("views: -M column layout, -Mf folding, -F and -P") {
  TempConfig cfg("myhostname = mail.example.test\n",
                 "127.0.0.1:10025 inet n - n - 10 smtpd\n  -o { smtpd_banner = $myhostname   ESMTP }\n"
                 "relay unix - - y - - smtp\n  -o syslog_name=postfix/$service_name\n");
  CHECK(view(cfg, {"-M"}) ==
        "127.0.0.1:10025 inet n   -       n       -       10      smtpd -o {smtpd_banner=$myhostname   ESMTP}\n"
        "relay      unix  -       -       y       -       -       smtp -o syslog_name=postfix/$service_name\n");
  CHECK(view(cfg, {"-Mf", "relay"}) ==
        "relay      unix  -       -       y       -       -       smtp\n    -o syslog_name=postfix/$service_name\n");
  CHECK(view(cfg, {"-F", "relay/unix/process_limit"}) == "relay/unix/process_limit = -\n");
  CHECK(view(cfg, {"-Px"}) == "127.0.0.1:10025/inet/smtpd_banner = mail.example.test ESMTP\n"
                              "relay/unix/syslog_name = postfix/relay\n");
}
