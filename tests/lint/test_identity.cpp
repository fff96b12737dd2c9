// Unit tests: a finding's identity (code, file, subject, normalised message)
// survives lines added above and reindentation, and tells findings apart.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../unit/temp_config.hpp"
#include "lint/identity.hpp"

using namespace pflint;

namespace {

// identities - code, subject and message of every finding (each check has
// a fresh temp dir, so its path is left out here).
std::vector<std::string> identities(const test::Files& files) {
  std::vector<std::string> errors;
  const auto checked = test::check_files(files, {}, errors);
  REQUIRE(checked != nullptr);
  std::vector<std::string> out;
  for (const lint::Diagnostic& d : checked->findings) {
    const lint::FindingIdentity id = lint::identity_of(d);
    std::string message = id.message;  // without the temp dir, where it names a file
    const std::string dir = checked->files.dir + "/";
    for (auto at = message.find(dir); at != std::string::npos; at = message.find(dir)) message.erase(at, dir.size());
    out.push_back(id.code + " | " + id.subject + " | " + message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("identity: messages lose the line numbers of file references and extra white space") {
  CHECK(lint::normalise_message("level dane (/etc/postfix/main.cf:12) decides") == "level dane (/etc/postfix/main.cf) decides");
  CHECK(lint::normalise_message("set at main.cf:3:7 and  master.cf:40") == "set at main.cf and master.cf");
  CHECK(lint::normalise_message("entry /etc/postfix/tls_policy:3 is") == "entry /etc/postfix/tls_policy is");
  CHECK(lint::normalise_message("relayhost [relay.example]:587 and host:25") == "relayhost [relay.example]:587 and host:25");
  CHECK(lint::normalise_message("  a\t\tb  ") == "a b");
}

TEST_CASE("identity: the same findings after lines added above and reindentation") {
  const std::string master = "smtp inet n - y - - smtpd\nrelay unix - - n - - smtp\n  -o smtp_tls_security_level=bogus\n";
  const std::string main =
      "myhostname = mx.example.net\nsmtp_tls_securty_level = encrypt\nsmtp_tls_mandatory_protocols = !SSLv2,\n"
      "    !SSLv3\nsmtp_use_tls = yes\nsmtp_tls_security_level = dane\n";
  const auto before = identities({{"main.cf", main}, {"master.cf", master}});
  REQUIRE(before.size() >= 3);
  const std::string moved_main =
      "# a comment block\n#\nmydomain = example.net\n\nmyhostname=mx.example.net\nsmtp_tls_securty_level   =   encrypt\n"
      "smtp_tls_mandatory_protocols = !SSLv2,\n        # comment in the value\n\t!SSLv3\n"
      "smtp_use_tls = yes\nsmtp_tls_security_level = dane\n";
  const std::string moved_master =
      "# services\nsmtp      inet  n       -       y       -       -       smtpd\n"
      "relay     unix  -       -       n       -       -       smtp\n      -o smtp_tls_security_level=bogus\n";
  CHECK(identities({{"main.cf", moved_main}, {"master.cf", moved_master}}) == before);
  // The subject tells the setting and the entry.
  const bool has_entry = std::any_of(before.begin(), before.end(), [](const std::string& s) { return s.find("| relay/unix |") != std::string::npos; });
  const bool has_setting = std::any_of(before.begin(), before.end(), [](const std::string& s) { return s.find("| smtp_tls_securty_level |") != std::string::npos; });
  CHECK(has_entry);
  CHECK(has_setting);
}

TEST_CASE("identity: fingerprints differ when any field does") {
  const lint::FindingIdentity a{"PF2001", "main.cf", "foo", "unknown parameter foo"};
  for (lint::FindingIdentity b : {lint::FindingIdentity{"PF2002", a.file, a.subject, a.message},
                                  lint::FindingIdentity{a.code, "x/main.cf", a.subject, a.message},
                                  lint::FindingIdentity{a.code, a.file, "bar", a.message},
                                  lint::FindingIdentity{a.code, a.file, a.subject, "unknown parameter bar"}}) {
    CHECK(lint::fingerprint(b) != lint::fingerprint(a));
  }
  CHECK(lint::fingerprint(a) == lint::fingerprint(lint::FindingIdentity{a}));
  CHECK(lint::fingerprint(a).size() == 16);
}
