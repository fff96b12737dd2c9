// Unit tests: effective values through defaults, main.cf and -o, with origins.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../unit/temp_config.hpp"
#include "model/model.hpp"

using namespace pflint;

using test::TempConfig;

TEST_CASE("model: default, main.cf and -o layers with origins and expansion") {
  TempConfig t("relayhost = [r.example]\nsmtp_tls_loglevel = 1\nmy_level = encrypt\n",
               "relay unix - - n - - smtp\n  -o smtp_tls_security_level=$my_level\nsmtp unix - - n - - smtp\n");
  model::Model m(t.files, {});
  const auto* relay = t.files.master.find("relay", "unix");
  REQUIRE(relay != nullptr);
  CHECK(m.raw("smtp_tls_security_level").raw.empty());
  CHECK(m.raw("smtp_tls_security_level").origin.kind == model::OriginKind::built_in);
  CHECK(m.raw("smtp_tls_security_level", relay).raw == "$my_level");
  CHECK(m.raw("smtp_tls_security_level", relay).origin.describe().ends_with("master.cf:2 (-o of relay/unix)"));
  CHECK(m.expanded("smtp_tls_security_level", relay) == "encrypt");
  CHECK(m.raw("relayhost").origin.describe().ends_with("main.cf:1"));
  CHECK_FALSE(m.raw("no_such_parameter").defined());
  CHECK(m.client_services().size() == 2);
  CHECK(m.compatibility_level() == "0");  // Debian 3.7's built-in default
}

TEST_CASE("model: compatibility-level dependent defaults follow main.cf and the override") {
  TempConfig t("compatibility_level = 3.6\n", "");
  model::Model m(t.files, {});
  CHECK(m.compatibility_at_least("3.6"));
  CHECK_FALSE(m.compatibility_at_least("3.11"));
  CHECK(m.expanded("smtp_tls_fingerprint_digest") == "sha256");
  model::Model old(t.files, {params::default_version(), std::string("2")});
  CHECK(old.expanded("smtp_tls_fingerprint_digest") == "md5");
  model::Model v311(t.files, {params::Version{3, 11, 0}, std::string("3.11")});
  CHECK(v311.expanded("smtp_tls_security_level") == "may");
  model::Model v311_old(t.files, {params::Version{3, 11, 0}, std::nullopt});
  CHECK(v311_old.expanded("smtp_tls_security_level").empty());
}

TEST_CASE("model: resolved values are kept per scope, and entries without -o share those of main.cf") {
  TempConfig t("my_level = may\nsmtp_tls_security_level = $my_level\n",
               "relay unix - - n - - smtp\n  -o my_level=encrypt\nsmtp unix - - n - - smtp\n");
  model::Model m(t.files, {});
  const auto* relay = t.files.master.find("relay", "unix");
  const auto* smtp = t.files.master.find("smtp", "unix");
  REQUIRE(relay != nullptr);
  REQUIRE(smtp != nullptr);
  const model::Resolved& global = m.resolved("smtp_tls_security_level");
  CHECK(global.value == "may");
  CHECK(global.origin.describe().ends_with("main.cf:2"));
  CHECK(&m.resolved("smtp_tls_security_level") == &global);
  CHECK(&m.resolved("smtp_tls_security_level", smtp) == &global);
  CHECK(m.resolved("smtp_tls_security_level", relay).value == "encrypt");  // -o my_level reaches it
  CHECK(m.resolved("smtp_tls_security_level", relay).origin.describe().ends_with("main.cf:2"));
  CHECK(m.resolved("my_level", relay).origin.kind == model::OriginKind::master_override);
  CHECK(m.resolved("no_such_parameter").origin.kind == model::OriginKind::unset);
  CHECK(m.expanded("smtp_tls_security_level", relay) == "encrypt");
}

// Found by fuzz_check_main: the mydomain default was computed from the
// model's myhostname, whose value $mydomain asked for the mydomain default
// again, until the stack overflowed (`pflint check` died with SIGSEGV).
TEST_CASE("fuzz regression: myhostname = mx.$mydomain with mydomain unset does not recurse without end") {
  TempConfig t("myhostname = mx.$mydomain\nb = ${mydomain?{yes}:{no}}\n", "");
  model::Model m(t.files, {});
  CHECK(m.expanded("mydomain").empty());  // postconf: "mx." expanded from main.cf alone has no domain
  CHECK(m.expanded("myhostname") == "mx.");
  CHECK(m.expanded("b") == "no");  // ${name?...} tests for a non-empty value
}
