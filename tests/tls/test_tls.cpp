// Unit tests: the TLS policy model — global level (obsolete parameters, the
// 3.11 compatibility default, lmtp), policy tables (texthash, inline, parent
// walk, bracketed keys, attribute checks), per-site combination, protocol
// lists and cipher grades per level.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "model/model.hpp"
#include "../unit/temp_config.hpp"
#include "tls/effective_policy.hpp"
#include "tls/global_level.hpp"
#include "tls/policy_table.hpp"
#include "tls/tls_model.hpp"

using namespace pflint;
using tls::Level;

namespace {
using test::TempConfig;

const char* const k_smtp_master = "smtp unix - - n - - smtp\n";
constexpr params::Version v3_7{3, 7, 11};
constexpr params::Version v3_11{3, 11, 0};

Level global(const std::string& main_cf, params::Version v, std::optional<std::string> compat = std::nullopt) {
  TempConfig t(main_cf, k_smtp_master);
  model::Model m(t.files, {v, std::move(compat)});
  return tls::global_tls_level(m, t.files.master.find("smtp", "unix")).level;
}
}  // namespace

TEST_CASE("tls level names: case-insensitive, halfdane and quotes rejected") {
  CHECK(tls::parse_level("Dane-Only") == Level::dane_only);
  CHECK(tls::parse_level("SECURE") == Level::secure);
  CHECK(tls::parse_level("halfdane") == Level::invalid);
  CHECK(tls::parse_level("\"may\"") == Level::invalid);
  CHECK(tls::parse_level("") == Level::invalid);
  CHECK(tls::level_name(Level::dane_only) == "dane-only");
  CHECK(tls::tls_must_match(Level::fingerprint));
  CHECK_FALSE(tls::tls_must_match(Level::encrypt));
  CHECK(tls::tls_dane_based(Level::halfdane));
  CHECK_FALSE(tls::tls_dane_based(Level::verify));
}

TEST_CASE("global level: obsolete use/enforce/peername combinations at 3.7") {
  CHECK(global("", v3_7) == Level::none);
  CHECK(global("smtp_use_tls = yes\n", v3_7) == Level::may);
  CHECK(global("smtp_enforce_tls = yes\n", v3_7) == Level::verify);
  CHECK(global("smtp_enforce_tls = YES\nsmtp_tls_enforce_peername = no\n", v3_7) == Level::encrypt);
  CHECK(global("smtp_enforce_tls = no\nsmtp_use_tls = yes\nsmtp_tls_enforce_peername = no\n", v3_7) == Level::may);

  TempConfig t("smtp_enforce_tls = yes\nsmtp_tls_enforce_peername = no\n", k_smtp_master);
  model::Model m(t.files, {v3_7, std::nullopt});
  const tls::GlobalLevel g = tls::global_tls_level(m, t.files.master.find("smtp", "unix"));
  CHECK(g.level == Level::encrypt);
  CHECK(g.derived());
  CHECK(g.parameter == "smtp_tls_enforce_peername");
  CHECK(g.origin.describe().ends_with("main.cf:2"));
  REQUIRE(g.derived_from_obsolete.size() == 2);
  CHECK(g.derived_from_obsolete[0].name == "smtp_enforce_tls");
  CHECK(g.derived_from_obsolete[1].value == "no");
  CHECK(g.obsolete_ignored.empty());
}

TEST_CASE("global level: 3.11 default may ignores obsolete settings at compatibility_level >= 3.11") {
  CHECK(global("smtp_enforce_tls = yes\n", v3_11, "3.11") == Level::may);
  CHECK(global("smtp_enforce_tls = yes\n", v3_11, "3.6") == Level::verify);
  CHECK(global("", v3_11, "3.11") == Level::may);
  CHECK(global("", v3_11, "2") == Level::none);

  TempConfig t("compatibility_level = 3.11\nsmtp_enforce_tls = yes\nsmtp_use_tls = yes\n", k_smtp_master);
  model::Model m(t.files, {v3_11, std::nullopt});
  const tls::GlobalLevel g = tls::global_tls_level(m, nullptr);
  CHECK(g.level == Level::may);
  CHECK(g.from_compat_default);
  CHECK_FALSE(g.derived());
  REQUIRE(g.obsolete_ignored.size() == 2);
  CHECK(g.obsolete_ignored[0].name == "smtp_use_tls");
  CHECK(g.obsolete_ignored[1].name == "smtp_enforce_tls");
}

TEST_CASE("global level: an explicit level overrides obsolete settings; invalid names kept") {
  TempConfig t("smtp_enforce_tls = yes\nsmtp_tls_security_level = encrypt\n", k_smtp_master);
  model::Model m(t.files, {v3_7, std::nullopt});
  const tls::GlobalLevel g = tls::global_tls_level(m, nullptr);
  CHECK(g.level == Level::encrypt);
  CHECK_FALSE(g.from_compat_default);
  REQUIRE(g.obsolete_ignored.size() == 1);
  CHECK(g.obsolete_ignored[0].name == "smtp_enforce_tls");

  CHECK(global("smtp_tls_security_level = \"may\"\n", v3_7) == Level::invalid);
  CHECK(global("smtp_tls_security_level = halfdane\n", v3_7) == Level::invalid);
}

TEST_CASE("global level: lmtp services read lmtp_ parameters, whose level default stays empty") {
  TempConfig t("compatibility_level = 3.11\nsmtp_tls_security_level = verify\nlmtp_use_tls = yes\n",
               "smtp unix - - n - - smtp\nlmtp unix - - n - - lmtp\nrelay unix - - n - - smtp\n"
               "  -o smtp_tls_security_level=encrypt\n");
  model::Model m(t.files, {v3_11, std::nullopt});
  const tls::GlobalLevel l = tls::global_tls_level(m, t.files.master.find("lmtp", "unix"));
  CHECK(l.level == Level::may);
  CHECK(l.derived());
  CHECK(l.parameter == "lmtp_use_tls");
  const tls::GlobalLevel r = tls::global_tls_level(m, t.files.master.find("relay", "unix"));
  CHECK(r.level == Level::encrypt);
  CHECK(r.origin.describe().ends_with("master.cf:4 (-o of relay/unix)"));
  CHECK(tls::client_prefix(t.files.master.find("lmtp", "unix")) == "lmtp");
}

TEST_CASE("policy values: levels, attributes and the problems Postfix defers on") {
  const params::Version v = v3_7;
  tls::ParsedPolicy p = tls::parse_policy("secure match=.example.com:example.com ciphers=high", v);
  CHECK(p.level == Level::secure);
  CHECK(p.valid());
  CHECK(p.attributes.size() == 2);

  auto kinds = [](const tls::ParsedPolicy& pp) {
    std::vector<tls::PolicyProblemKind> out;
    for (const auto& pr : pp.problems) out.push_back(pr.kind);
    return out;
  };
  using K = tls::PolicyProblemKind;
  CHECK(kinds(tls::parse_policy("", v)) == std::vector{K::empty_policy});
  CHECK(kinds(tls::parse_policy("maybe", v)) == std::vector{K::invalid_level});
  CHECK(kinds(tls::parse_policy("encrypt match=x.example", v)) == std::vector{K::invalid_at_level});
  CHECK(kinds(tls::parse_policy("fingerprint tafile=/x.pem match=AA:BB", v)) == std::vector{K::invalid_at_level});
  CHECK(kinds(tls::parse_policy("verify ciphers=high ciphers=medium", v)) == std::vector{K::duplicate_attribute});
  CHECK(kinds(tls::parse_policy("verify match=a match=b", v)).empty());
  CHECK(kinds(tls::parse_policy("verify ciphers=", v)) == std::vector{K::empty_value});
  CHECK(kinds(tls::parse_policy("may frobnicate=1", v)) == std::vector{K::unknown_attribute});
  CHECK(kinds(tls::parse_policy("may ciphers", v)) == std::vector{K::malformed_attribute});
  CHECK(kinds(tls::parse_policy("may connection_reuse=maybe", v)) == std::vector{K::bad_value});
  CHECK(kinds(tls::parse_policy("may servername=bad..name", v)) == std::vector{K::invalid_servername});
  CHECK(kinds(tls::parse_policy("may enable_rpk=yes", v)) == std::vector{K::attribute_too_new});
  CHECK(kinds(tls::parse_policy("may enable_rpk=yes", params::Version{3, 9, 0})).empty());
  CHECK(kinds(tls::parse_policy("may policy_domain=example.com", params::Version{3, 10, 0})) ==
        std::vector{K::missing_policy_type});
  CHECK(kinds(tls::parse_policy("may policy_type=sts policy_domain=example.com", params::Version{3, 10, 0})).empty());

  // Attributes after none: warnings only, the destination still works.
  const tls::ParsedPolicy none = tls::parse_policy("none ciphers=high", v);
  CHECK(kinds(none) == std::vector{K::ignored_with_tls_disabled});
  CHECK(none.valid());

  // { name = value } needs 3.10.
  CHECK(kinds(tls::parse_policy("secure { match = a.example:b.example }", v)) == std::vector{K::braced_before_3_10});
  const tls::ParsedPolicy braced = tls::parse_policy("secure { match = a.example:b.example }", params::Version{3, 10, 0});
  CHECK(braced.valid());
  REQUIRE(braced.first("match") != nullptr);
  CHECK(braced.first("match")->value == "a.example:b.example");
}

TEST_CASE("per-site values") {
  CHECK(tls::parse_site_value("must_nopeermatch") == tls::SiteValue::must_nopeermatch);
  CHECK(tls::parse_site_value("MUST") == tls::SiteValue::must);
  CHECK(tls::parse_site_value("MUST verify") == tls::SiteValue::invalid);
}

TEST_CASE("map lists: split with { } grouping, types, proxy, inline positions") {
  const auto maps = tls::split_maps("hash:/a, inline:{ x=may, { y = secure match=.y } } proxy:mysql:/etc/m.cf");
  REQUIRE(maps.size() == 3);
  CHECK(maps[1].spec == "inline:{ x=may, { y = secure match=.y } }");
  const tls::PolicyTable in = tls::read_table(maps[1], {});
  CHECK(in.status == tls::TableStatus::read);
  REQUIRE(in.entries.size() == 2);
  CHECK(in.entries[1].key == "y");
  CHECK(in.entries[1].value == "secure match=.y");
  const tls::PolicyTable my = tls::read_table(maps[2], {});
  CHECK(my.proxied);
  CHECK(my.type == "mysql");
  CHECK(my.status == tls::TableStatus::not_inspectable);
  CHECK(tls::read_table({"regexp:/etc/x"}, {}).status == tls::TableStatus::not_evaluated);
  CHECK(tls::read_table({"texthash:relative"}, {}).status == tls::TableStatus::relative_path);
  CHECK(tls::read_table({"texthash:/nonexistent/x"}, {}).status == tls::TableStatus::missing);
  CHECK(tls::read_table({"noColon"}, {}).status == tls::TableStatus::bad_spec);
}

TEST_CASE("table source files: postmap syntax, continuation, comments, duplicates") {
  syntax::SourceFile f("tls_policy",
                       "# comment\nexample.com encrypt\n\n[mx.example.net]:587 secure\n   match=a:b\n"
                       "example.com none\nlonely\n");
  std::vector<tls::TableProblem> problems;
  const auto entries = tls::read_source_entries(f, problems);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].where.line == 2);
  CHECK(entries[1].key == "[mx.example.net]:587");
  CHECK(entries[1].value == "secure   match=a:b");
  CHECK(entries[1].where.line == 4);
  CHECK(entries[2].duplicate);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message == "expected format: key whitespace value");
  CHECK(problems[1].message == "duplicate entry: \"example.com\"");
  // An attribute's location points at its line in the file.
  const tls::ParsedPolicy p = tls::parse_policy(entries[1].value, v3_7, entries[1].value_map);
  REQUIRE(p.first("match") != nullptr);
  CHECK(p.first("match")->where.line == 5);
  CHECK(f.slice(p.first("match")->where.span) == "match=a:b");
}

TEST_CASE("destinations: texthash + inline, parent-domain walk, bracketed keys, policy_maps over per_site") {
  TempConfig t("smtp_tls_security_level = may\n"
               "smtp_tls_policy_maps = texthash:${config_directory}/tls_policy,\n"
               "   inline:{ [relay.example]:587=encrypt, mx.example.org=none }\n"
               "smtp_tls_per_site = texthash:${config_directory}/per_site\n",
               k_smtp_master,
               {{"tls_policy", ".example.com secure match=.example.com\nexample.com verify\n"
                               "[relay.example] fingerprint match=AA:BB|cc:dd\n"},
                {"per_site", "example.net MUST\n"}});
  model::Model m(t.files, {v3_7, std::nullopt});
  const tls::TlsModel tm = tls::build_tls_model(m);
  REQUIRE(tm.services().size() == 1);
  const tls::ServicePolicy& s = tm.services()[0];
  CHECK(s.per_site_ignored);
  CHECK(s.policy_tables.size() == 2);
  CHECK(s.destinations.size() == 5);

  CHECK(tm.resolve(s, "example.com").level == Level::verify);
  const tls::EffectivePolicy sub = tm.resolve(s, "a.b.example.com");
  CHECK(sub.level == Level::secure);
  CHECK(sub.matched_key == ".example.com");
  CHECK(sub.level_setting.from.describe().ends_with("tls_policy:1"));
  // Bracketed / port keys match only verbatim, no walk.
  CHECK(tm.resolve(s, "[relay.example]").level == Level::fingerprint);
  CHECK(tm.resolve(s, "relay.example").level == Level::may);
  const tls::EffectivePolicy relay = tm.resolve(s, "[relay.example]:587");
  CHECK(relay.level == Level::encrypt);
  CHECK(relay.level_setting.from.describe().ends_with("main.cf:3"));
  // per_site is ignored when policy_maps is set.
  CHECK(tm.resolve(s, "example.net").level == Level::may);
  // The inline entry lowers the level.
  CHECK(tm.resolve(s, "MX.example.org").level == Level::none);

  const tls::EffectivePolicy* fp = s.find_destination("[relay.example]");
  REQUIRE(fp != nullptr);
  CHECK(fp->match.kind == tls::MatchSettings::Kind::fingerprint);
  CHECK(fp->match.values == std::vector<std::string>{"AA:BB", "cc:dd"});
  REQUIRE(fp->match.digest.has_value());
  CHECK(fp->match.digest->value == "md5");  // compatibility_level 0 at 3.7
}

TEST_CASE("per-site combination") {
  auto level_for = [](const std::string& global_level, const std::string& table, const std::string& dest) {
    TempConfig t((global_level.empty() ? "" : "smtp_tls_security_level = " + global_level + "\n") +
                     "smtp_tls_per_site = texthash:${config_directory}/per_site, texthash:${config_directory}/second\n",
                 k_smtp_master, {{"per_site", table}, {"second", "both.example MAY\n"}});
    model::Model m(t.files, {v3_7, std::nullopt});
    const tls::TlsModel tm = tls::build_tls_model(m);
    return tm.resolve(tm.services()[0], dest).level;
  };
  CHECK(level_for("verify", "a.example NONE\n", "a.example") == Level::none);          // NONE turns off verify
  CHECK(level_for("verify", "a.example MUST_NOPEERMATCH\n", "a.example") == Level::encrypt);
  CHECK(level_for("verify", "a.example MAY\n", "a.example") == Level::verify);         // MAY yields to stronger global
  CHECK(level_for("none", "a.example MAY\n", "a.example") == Level::may);
  CHECK(level_for("may", "a.example MUST\n", "a.example") == Level::verify);
  CHECK(level_for("may", "a.example MUST\n", "sub.a.example") == Level::may);          // no parent walk
  CHECK(level_for("may", "a.example BOGUS\n", "a.example") == Level::invalid);
  // The first table with a hit answers (maps_find): NONE in the first, MAY in the second → none.
  CHECK(level_for("may", "both.example NONE\n", "both.example") == Level::none);
}

TEST_CASE("protocol lists") {
  const tls::ProtocolList ge = tls::parse_protocols(">=TLSv1.2");
  CHECK(ge.enabled == std::vector<std::string>{"TLSv1.2", "TLSv1.3"});
  CHECK(ge.floor == "TLSv1.2");

  const tls::ProtocolList ex = tls::parse_protocols("!SSLv2, !SSLv3");
  CHECK(ex.excluded == std::vector<std::string>{"SSLv2", "SSLv3"});
  CHECK(ex.enabled == std::vector<std::string>{"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"});

  const tls::ProtocolList inc = tls::parse_protocols("tlsv1.2:TLSv1.3");
  CHECK(inc.enabled == std::vector<std::string>{"TLSv1.2", "TLSv1.3"});

  const tls::ProtocolList unknown = tls::parse_protocols("TLSv1.2, TLSv1.4");
  CHECK(unknown.invalid());
  CHECK(unknown.unknown == std::vector<std::string>{"TLSv1.4"});
  CHECK(tls::parse_protocols(">=SSLv2").invalid());

  const tls::ProtocolList none = tls::parse_protocols("!SSLv3 !TLSv1 !TLSv1.1 !TLSv1.2 !TLSv1.3");
  CHECK(none.excludes_everything());
  const tls::ProtocolList crossed = tls::parse_protocols(">=TLSv1.3 <=TLSv1.2");
  CHECK(crossed.floor_above_ceiling);
  CHECK(crossed.excludes_everything());

  const tls::ProtocolList hex = tls::parse_protocols(">=0x0303");
  CHECK(hex.floor == "TLSv1.2");
  CHECK(tls::parse_protocols("SSLv2").only_unsupported_includes);
  CHECK(tls::parse_protocols("SSLv2").enabled.size() == 5);  // no restriction at all
  CHECK(tls::parse_protocols("", true).enabled.front() == "TLSv1");  // DANE drops SSLv3
  CHECK(tls::parse_protocols("").enabled.front() == "SSLv3");
}

TEST_CASE("ciphers per level: parameter, exclusions, implied eNULL/aNULL, policy overrides") {
  TempConfig t("smtp_tls_security_level = may\nsmtp_tls_ciphers = low\nsmtp_tls_mandatory_ciphers = high\n"
               "smtp_tls_exclude_ciphers = RC4\nsmtp_tls_mandatory_exclude_ciphers = 3DES\n"
               "smtp_tls_policy_maps = inline:{ e.example=encrypt, v.example=verify, "
               "{ x.example = secure ciphers=medium exclude=SEED:!bad protocols=>=TLSv1.3 } }\n",
               k_smtp_master);
  model::Model m(t.files, {params::Version{3, 8, 0}, std::nullopt});
  const tls::TlsModel tm = tls::build_tls_model(m);
  const tls::ServicePolicy& s = tm.services()[0];

  const tls::EffectivePolicy& may = s.policy;
  REQUIRE(may.ciphers.has_value());
  CHECK(may.ciphers->grade.value == "low");
  CHECK(may.ciphers->effective == tls::CipherGrade::medium);  // 3.8: low means medium
  CHECK(may.ciphers->exclusions.size() == 1);
  CHECK(may.protocols_setting->from.parameter == "smtp_tls_protocols");

  const tls::EffectivePolicy e = tm.resolve(s, "e.example");
  CHECK(e.ciphers->grade.value == "high");
  REQUIRE(e.ciphers->exclusions.size() == 3);
  CHECK(e.ciphers->exclusions[2].cipher == "eNULL");
  CHECK(e.ciphers->openssl.ends_with(":@STRENGTH:!RC4:!3DES:!eNULL"));
  CHECK(e.protocols_setting->from.parameter == "smtp_tls_mandatory_protocols");

  const tls::EffectivePolicy v = tm.resolve(s, "v.example");
  CHECK(v.ciphers->exclusions.back().cipher == "aNULL");
  CHECK(v.trust.none_loaded);  // no CAfile/CApath/anchors at verify
  CHECK(v.match.values == std::vector<std::string>{"hostname"});

  const tls::EffectivePolicy x = tm.resolve(s, "x.example");
  CHECK(x.ciphers->grade.value == "medium");
  CHECK(x.ciphers->grade.from.kind == tls::Provenance::Kind::table);
  REQUIRE(x.ciphers->exclusions.size() == 3);  // exclude= replaces both lists
  CHECK(x.ciphers->bad_exclusions == std::vector<std::string>{"!bad"});
  CHECK(x.ciphers->openssl.empty());
  CHECK(x.protocols->enabled == std::vector<std::string>{"TLSv1.3"});
  CHECK(x.match.values == std::vector<std::string>{"nexthop", "dot-nexthop"});
}

TEST_CASE("cipher grade lists per version") {
  CHECK(tls::default_cipherlist(tls::CipherGrade::high, v3_7) == "aNULL:-aNULL:HIGH:@STRENGTH");
  CHECK(tls::default_cipherlist(tls::CipherGrade::export_, v3_7) ==
        "aNULL:-aNULL:HIGH:MEDIUM:LOW:EXPORT:+RC4:@STRENGTH");
  CHECK(tls::default_cipherlist(tls::CipherGrade::export_, params::Version{3, 8, 0}) ==
        tls::default_cipherlist(tls::CipherGrade::medium, params::Version{3, 8, 0}));
  CHECK(tls::default_cipherlist(tls::CipherGrade::null, params::Version{3, 8, 0}) ==
        "eNULL:!kDH:!kECDH:!aDSS:!MD5:!aNULL");
  CHECK(tls::parse_cipher_grade("HIGH") == tls::CipherGrade::high);
  CHECK(tls::parse_cipher_grade("strong") == tls::CipherGrade::invalid);
}

TEST_CASE("DANE prerequisites and valid_hostname") {
  TempConfig t("smtp_tls_security_level = dane\n", k_smtp_master);
  model::Model m(t.files, {v3_7, std::nullopt});
  const tls::TlsModel tm = tls::build_tls_model(m);
  const tls::EffectivePolicy& p = tm.services()[0].policy;
  REQUIRE(p.dane.has_value());
  CHECK(p.dane->fallback == Level::may);
  REQUIRE(p.dane->problems.size() == 1);
  CHECK(p.dane->problems[0].ends_with("dane configured with dnssec lookups disabled"));

  TempConfig ok("smtp_tls_security_level = dane-only\nsmtp_dns_support_level = dnssec\n", k_smtp_master);
  model::Model m2(ok.files, {v3_7, std::nullopt});
  const tls::TlsModel tm2 = tls::build_tls_model(m2);
  CHECK(tm2.services()[0].policy.dane->problems.empty());
  CHECK(tm2.services()[0].policy.dane->fallback == Level::not_found);

  CHECK(tls::valid_hostname("a.b-c.example"));
  CHECK_FALSE(tls::valid_hostname("[a.example]"));
  CHECK_FALSE(tls::valid_hostname("a.example:25"));
  CHECK_FALSE(tls::valid_hostname("192.0.2.1"));
  CHECK_FALSE(tls::valid_hostname("-a.example"));
}
