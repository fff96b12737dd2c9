// Unit tests for src/params: lookup, version gates, per-version defaults,
// compatibility-level defaults, deprecations, service-defined names and the
// pure host-computed defaults.
#include <arpa/inet.h>
#include <sys/socket.h>

#include <cstring>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>

#include "params/host.hpp"
#include "params/params.hpp"

using namespace pflint::params;

namespace {
std::string dflt(std::string_view name, Version v) {
    auto d = default_value(name, v);
    REQUIRE_MESSAGE(d.has_value(), name);
    return std::string(*d);
}
const Version v37{3, 7, 11}, v38{3, 8, 0}, v39{3, 9, 0}, v310{3, 10, 0}, v311{3, 11, 0},
    v312{3, 12, 0};
}  // namespace

TEST_CASE("params: version parsing and comparison") {
    CHECK(Version::parse("3.7") == Version{3, 7, 0});
    CHECK(Version::parse("3.7.11") == Version{3, 7, 11});
    CHECK(Version::parse("3.10") > Version::parse("3.9.4"));
    CHECK(Version::parse("3") == Version{3, 0, 0});
    CHECK(Version::parse("3.12").to_string() == "3.12");
    CHECK(Version{3, 7, 11}.to_string() == "3.7.11");
    for (const char* bad : {"", "3.", ".7", "3..7", "3.7.1.2", "x", "3.7a", "-3.7", "3.7 ", "3.256",
                            "+3"}) {
        CHECK_MESSAGE(!parse_version(bad).has_value(), bad);
        CHECK_THROWS_AS(Version::parse(bad), std::invalid_argument);
    }
    std::string err;
    CHECK(!parse_version("3.x", &err));
    CHECK(err.find("invalid Postfix version \"3.x\"") != std::string::npos);
    CHECK(default_version() == Version{3, 7, 11});
}

TEST_CASE("params: lookup by name") {
    const param_info* p = find_param("smtp_tls_security_level");
    REQUIRE(p != nullptr);
    CHECK(p->type == param_type::str);
    CHECK(p->since() == Version{2, 3, 0});
    CHECK(find_param("no_such_parameter") == nullptr);
    CHECK(find_param("") == nullptr);
    CHECK(find_param("smtpd_recipient_restrictions")->separator == list_separator::comma_space);
    CHECK(find_param("queue_run_delay")->type == param_type::time);
    CHECK(find_param("message_size_limit")->type == param_type::long_);
    CHECK(find_param("biff")->type == param_type::bool_);
    CHECK(find_param("myhostname")->is_computed());
    CHECK(find_param("process_id")->is_computed());
    CHECK(find_param("process_name")->is_read_only());
    CHECK(find_param("daemon_directory")->is_buildtime());
    CHECK(find_param("virtual_maps")->is_legacy());
    CHECK(find_param("smtp_use_tls")->deprecated_since() == v39);
    CHECK(find_param("smtp_use_tls")->replacement == "smtp_tls_security_level");
}

TEST_CASE("params: table is sorted in strcmp order") {
    auto all = all_params();
    REQUIRE(all.size() > 900);
    for (std::size_t i = 1; i < all.size(); ++i)
        CHECK_MESSAGE(std::strcmp(std::string(all[i - 1].name).c_str(),
                                  std::string(all[i].name).c_str()) < 0,
                      all[i].name);
}

TEST_CASE("params: version gates") {
    // New in 3.9+: unknown at 3.7.
    CHECK_FALSE(is_known("force_mime_input_conversion", v37));
    CHECK(is_known("force_mime_input_conversion", v39));
    CHECK_FALSE(is_known("smtp_tls_enable_rpk", v38));
    CHECK(is_known("smtp_tls_enable_rpk", v39));
    CHECK_FALSE(is_known("default_cache_db_type", v310));
    CHECK(is_known("default_cache_db_type", v311));
    // Back-ports: smtpd_forbid_bare_newline arrived in 3.7.9.
    CHECK_FALSE(is_known("smtpd_forbid_bare_newline", Version{3, 7, 8}));
    CHECK(is_known("smtpd_forbid_bare_newline", Version{3, 7, 9}));
    CHECK_FALSE(is_known("smtpd_forbid_bare_newline", Version{3, 8, 3}));
    CHECK(is_known("smtpd_forbid_bare_newline", Version{3, 8, 4}));
    CHECK_FALSE(is_known("smtp_tls_enforce_sts_mx_patterns", Version{3, 10, 4}));
    CHECK(is_known("smtp_tls_enforce_sts_mx_patterns", Version{3, 10, 5}));
    // Removed names.
    CHECK(is_known("tls_legacy_public_key_fingerprints", v310));
    CHECK_FALSE(is_known("tls_legacy_public_key_fingerprints", v311));
    CHECK(is_known("tlsproxy_client_loglevel_parameter", v311));
    CHECK_FALSE(is_known("tlsproxy_client_loglevel_parameter", v312));
    CHECK_FALSE(is_known("smtp_tls_cipherlist", v37));
    CHECK_FALSE(default_value("force_mime_input_conversion", v37).has_value());
    // Legacy and read-only names are known; legacy ones are not printed by -d.
    CHECK(is_known("fallback_relay", v37));
    const auto printed = known_params(v37);
    CHECK(printed.size() == 831);
    CHECK(known_params(v37, true).size() == 844);
    CHECK(legacy_names(v37).size() == 13);
    CHECK(read_only_names(v37) ==
          std::vector<std::string_view>{"process_id", "process_name", "service_name"});
    CHECK(known_params(v312, true).size() == 922);
}

TEST_CASE("params: per-version defaults") {
    CHECK(dflt("milter_default_action", v37) == "tempfail");
    CHECK(dflt("milter_default_action", v310) == "tempfail");
    CHECK(dflt("milter_default_action", v311) == "shutdown");
    CHECK(dflt("smtpd_forbid_unauth_pipelining", v37) == "no");
    CHECK(dflt("smtpd_forbid_unauth_pipelining", Version{3, 8, 1}) == "no");
    CHECK(dflt("smtpd_forbid_unauth_pipelining", v39) == "yes");
    CHECK(dflt("smtpd_forbid_bare_newline", v37) == "no");
    CHECK(dflt("smtpd_forbid_bare_newline", Version{3, 8, 5}) == "no");
    CHECK(dflt("smtpd_forbid_bare_newline", v39) == "normalize");
    CHECK(dflt("tls_high_cipherlist", v37) == "aNULL:-aNULL:HIGH:@STRENGTH");
    CHECK(dflt("tls_high_cipherlist", v38).find("!SEED") != std::string::npos);
    CHECK(dflt("tls_low_cipherlist", v38).empty());
    // The smtp_tls_dane_insecure_mx_policy fix was back-ported to 3.7.13 etc.
    const std::string dane_expr = "${{$smtp_tls_security_level} == {dane} ? {dane} : {may}}";
    CHECK(dflt("smtp_tls_dane_insecure_mx_policy", v37) == dane_expr);
    CHECK(dflt("smtp_tls_dane_insecure_mx_policy", Version{3, 7, 13}) == "dane");
    CHECK(dflt("smtp_tls_dane_insecure_mx_policy", Version{3, 8, 7}) == dane_expr);
    CHECK(dflt("smtp_tls_dane_insecure_mx_policy", Version{3, 8, 8}) == "dane");
    CHECK(dflt("smtp_tls_dane_insecure_mx_policy", Version{3, 9, 1}) == dane_expr);
    CHECK(dflt("smtp_tls_dane_insecure_mx_policy", v310) == "dane");
    CHECK(dflt("smtp_tls_security_level", v310).empty());
    CHECK(dflt("smtp_tls_security_level", v311) ==
          "${{$compatibility_level} <level {3.11} ? {} : {may}}");
    CHECK(dflt("smtp_tlsrpt_skip_reused_handshakes", v310) == "yes");
    CHECK(dflt("smtp_tlsrpt_skip_reused_handshakes", v311) == "no");
    CHECK(dflt("alias_maps", v310) == "hash:/etc/aliases, nis:mail.aliases");
    CHECK(dflt("alias_maps", v311) == "$default_database_type:/etc/aliases, nis:mail.aliases");
    CHECK(dflt("address_verify_map", v311) == "$default_cache_db_type:$data_directory/verify_cache");
    CHECK(dflt("import_environment", v310).find("XDG_RUNTIME_DIR") == std::string::npos);
    CHECK(dflt("import_environment", v311).find("XDG_RUNTIME_DIR") != std::string::npos);
    CHECK(dflt("proxy_read_maps", v310).ends_with("$smtp_nested_header_checks"));
    CHECK(dflt("proxy_read_maps", v311).ends_with("$smtpd_authorized_xforward_hosts"));
    CHECK(dflt("proxy_read_maps", v312).ends_with("$smtpd_tls_loglevel_maps"));
    // Debian build-time paths for every version; version strings.
    CHECK(dflt("daemon_directory", v312) == "/usr/lib/postfix/sbin");
    CHECK(dflt("html_directory", v311) == "/usr/share/doc/postfix/html");
    CHECK(dflt("mail_version", v37) == "3.7.11");
    CHECK(dflt("mail_version", v312) == "3.12");
    // Computed and legacy names have no stored default.
    CHECK(dflt("myhostname", v37).empty());
    CHECK(dflt("virtual_maps", v37).empty());
}

TEST_CASE("params: compatibility_level dependent defaults") {
    const param_info& fp = *find_param("smtp_tls_fingerprint_digest");
    CHECK(default_value(fp, v37) == "${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}");
    auto cd = compat_default(fp, v37);
    REQUIRE(cd.has_value());
    CHECK(cd->level == Version{3, 6, 0});
    CHECK(cd->new_value == "sha256");
    CHECK(cd->old_value == "md5");
    const param_info& sl = *find_param("smtp_tls_security_level");
    CHECK_FALSE(compat_default(sl, v310).has_value());
    auto cd311 = compat_default(sl, v311);
    REQUIRE(cd311.has_value());
    CHECK(cd311->new_value == "may");
    CHECK(cd311->old_value.empty());
    auto via = compat_default(*find_param("mynetworks"), v37);
    REQUIRE(via.has_value());
    CHECK(via->via == "mynetworks_style");
    CHECK_FALSE(compat_default(*find_param("tlsproxy_client_security_level"), v37).has_value());
    CHECK(compat_default(*find_param("tlsproxy_client_security_level"), v311).has_value());
    CHECK_FALSE(compat_default(*find_param("biff"), v37).has_value());
}

TEST_CASE("params: deprecation table and message texts") {
    CHECK(find_deprecation("smtp_use_tls", v37) == nullptr);  // no table before 3.9
    CHECK(find_deprecation("smtp_use_tls", v38) == nullptr);
    const deprecation* d = find_deprecation("smtp_use_tls", v39);
    REQUIRE(d != nullptr);
    CHECK(deprecation_message(*d, true) ==
          "support for parameter \"smtp_use_tls\" will be removed; instead, specify "
          "\"smtp_tls_security_level\"");
    CHECK(deprecation_message(*d, false) ==
          "support for parameter smtp_use_tls has been removed; instead, specify "
          "\"smtp_tls_security_level\"");
    const deprecation* q = find_deprecation("lmtp_enforce_tls", v39);
    REQUIRE(q != nullptr);  // the quirk: no "specify", no quotes
    CHECK(deprecation_message(*q, true) ==
          "support for parameter \"lmtp_enforce_tls\" will be removed; instead, "
          "lmtp_tls_security_level");
    CHECK(find_deprecation("smtpd_tls_eecdh_grade", v39)->alternative ==
          "do not specify (leave at default)");
    CHECK(find_deprecation("virtual_maps", v310) == nullptr);
    CHECK(find_deprecation("virtual_maps", v311)->alternative == "specify \"virtual_alias_maps\"");
    CHECK(find_deprecation("smtp_cname_overrides_servername", v311)->alternative == "do not specify");
    CHECK(find_deprecation("tlsproxy_client_loglevel_parameter", v311) == nullptr);
    const deprecation* r = find_deprecation("tlsproxy_client_loglevel_parameter", v312);
    REQUIRE(r != nullptr);
    CHECK_FALSE(is_known("tlsproxy_client_loglevel_parameter", v312));
    CHECK(deprecation_message(*r, false) ==
          "support for parameter tlsproxy_client_loglevel_parameter has been removed; instead, do "
          "not specify");
    CHECK(find_deprecation("deleted-test-only", v39) != nullptr);
    CHECK(deprecation_footer(v310).empty());
    CHECK(deprecation_footer(v311) ==
          "See https://www.postfix.org/DEPRECATION_README.html for details");
    std::size_t n39 = 0, n311 = 0;
    for (const deprecation& x : all_deprecations()) {
        n39 += x.added_in() == v39;
        n311 += x.added_in() == v311;
    }
    CHECK(n39 == 19);  // 18 parameters + deleted-test-only
    CHECK(n311 == 17);
}

TEST_CASE("params: service-defined name templates") {
    auto relay = service_params("relay", "smtp", v37);
    CHECK(relay.size() == 16);
    bool found = false;
    for (const auto& sp : relay) {
        CHECK(sp.name != "relay_time_limit");
        if (sp.name == "relay_destination_concurrency_limit") {
            found = true;
            CHECK(sp.default_value() == "$default_destination_concurrency_limit");
        }
    }
    CHECK(found);
    auto maildrop = service_params("maildrop", "pipe", v37);
    CHECK(maildrop.size() == 17);
    auto spawn = service_params("policy", "spawn", v37);
    REQUIRE(spawn.size() == 1);
    CHECK(spawn[0].name == "policy_time_limit");
    CHECK(spawn[0].default_value() == "$command_time_limit");
    CHECK(service_params("smtp", "smtpd", v37).empty());
    CHECK(service_params("x", "SMTP", v37).empty());  // exact command match only
}

TEST_CASE("params: host-computed defaults (pure parts)") {
    CHECK(compute_myhostname("vm", std::nullopt) == "vm.localdomain");
    CHECK(compute_myhostname("vm", std::string_view("x.org")) == "vm.x.org");
    CHECK(compute_myhostname("mail.example.com", std::string_view("x.org")) == "mail.example.com");
    CHECK(compute_mydomain("vm.localdomain") == "localdomain");
    CHECK(compute_mydomain("a.b.c") == "b.c");
    CHECK(compute_mydomain("a.b") == "b");
    CHECK(compute_mydomain("a") == "localdomain");

    auto v4 = [](const char* a, const char* m) {
        interface_address x;
        x.family = AF_INET;
        inet_pton(AF_INET, a, x.addr.data());
        inet_pton(AF_INET, m, x.mask.data());
        return x;
    };
    auto v6 = [](const char* a, const char* m) {
        interface_address x;
        x.family = AF_INET6;
        inet_pton(AF_INET6, a, x.addr.data());
        inet_pton(AF_INET6, m, x.mask.data());
        return x;
    };
    const std::vector<interface_address> addrs = {
        v4("127.0.0.1", "255.0.0.0"), v4("192.0.2.2", "255.255.255.0"),
        v6("::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), v6("fd00::2", "ffff:ffff:ffff:ffff::"),
        v6("fe80::fc:ff:fe00:1", "ffff:ffff:ffff:ffff::"), v6("fe80::1", "ffff:ffff:ffff:ffff::")};
    CHECK(compute_mynetworks("subnet", addrs) ==
          "127.0.0.0/8 192.0.2.0/24 [::1]/128 [fd00::]/64 [fe80::]/64 ");
    CHECK(compute_mynetworks("host", addrs) ==
          "127.0.0.1/32 192.0.2.2/32 [::1]/128 [fd00::2]/128 [fe80::fc:ff:fe00:1]/128 "
          "[fe80::1]/128 ");
    CHECK(compute_mynetworks("class", addrs) ==
          "127.0.0.0/8 192.0.2.0/24 [::1]/128 [fd00::]/64 [fe80::]/64 ");
    CHECK(compute_mynetworks("Subnet", addrs).has_value());
    CHECK_FALSE(compute_mynetworks("subnet, host", addrs).has_value());
    CHECK_FALSE(compute_mynetworks("bogus", addrs).has_value());
    CHECK(compute_mynetworks("host", {}) == "");
    CHECK(current_process_id() > 0);
}
