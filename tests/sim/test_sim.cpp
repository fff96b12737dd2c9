// Unit tests of pflint simulate's decision rules: DANE (dane_init), outcome
// classes, expectations, next-hop names, catalog and documented-outcome data.
#include <doctest/doctest.h>

#include "sim/client_policy.hpp"
#include "sim/expect.hpp"
#include "sim/level_table.hpp"
#include "sim/scenario.hpp"
#include "sim/simulate.hpp"

using namespace pflint;
using tls::Level;

namespace {
tls::EffectivePolicy dane_policy(Level level, std::vector<std::string> problems = {}, std::string mx_policy = "dane") {
  tls::EffectivePolicy p;
  p.level = level;
  tls::DanePrerequisites d;
  d.problems = std::move(problems);
  d.insecure_mx_policy = tls::Setting{std::move(mx_policy), {}};
  p.dane = d;
  return p;
}
sim::DnsAnswer dns(bool mx_secure, std::string tlsa, std::vector<sim::Tlsa> records = {}) {
  return sim::DnsAnswer{true, mx_secure, std::move(tlsa), std::move(records)};
}
const sim::Tlsa ee{3, 1, 1, sim::bytes(32, 1)};
const sim::Tlsa pkix{1, 1, 1, sim::bytes(32, 1)};
}  // namespace

TEST_CASE("dane_init: no validated TLSA → dane may, dane-only deferred") {
  CHECK(sim::dane_decide(dane_policy(Level::dane), dns(true, "none"), "mx", 25).level == Level::may);
  CHECK(sim::dane_decide(dane_policy(Level::dane), dns(true, "insecure", {ee}), "mx", 25).level == Level::may);
  const auto d = sim::dane_decide(dane_policy(Level::dane_only), dns(true, "none"), "mx", 25);
  CHECK(d.level == Level::invalid);
  CHECK(d.defer == "no TLSA records found");
}

TEST_CASE("dane_init: only unusable TLSA → dane encrypt, dane-only deferred") {
  CHECK(sim::dane_decide(dane_policy(Level::dane), dns(true, "secure", {pkix}), "mx", 25).level == Level::encrypt);
  CHECK(sim::dane_decide(dane_policy(Level::dane_only), dns(true, "secure", {pkix}), "mx", 25).defer ==
        "TLSA records unusable");
}

TEST_CASE("dane_init: bogus TLSA lookup defers both") {
  CHECK(sim::dane_decide(dane_policy(Level::dane), dns(true, "bogus"), "mx.example", 25).defer ==
        "TLSA lookup error for mx.example:25");
  CHECK(sim::dane_decide(dane_policy(Level::dane_only), dns(true, "bogus"), "mx", 25).level == Level::invalid);
}

TEST_CASE("dane_init: insecure MX — halfdane, encrypt, may by policy; dane-only never falls back") {
  CHECK(sim::dane_decide(dane_policy(Level::dane), dns(false, "secure", {ee}), "mx", 25).level == Level::halfdane);
  CHECK(sim::dane_decide(dane_policy(Level::dane, {}, "encrypt"), dns(false, "secure", {ee}), "mx", 25).level ==
        Level::encrypt);
  CHECK(sim::dane_decide(dane_policy(Level::dane, {}, "may"), dns(false, "secure", {ee}), "mx", 25).level == Level::may);
  CHECK(sim::dane_decide(dane_policy(Level::dane_only), dns(false, "secure", {ee}), "mx", 25).defer ==
        "non DNSSEC destination");
}

TEST_CASE("dane_init: DNSSEC prerequisites missing → dane may with warning, dane-only deferred") {
  const std::string w = "example.com: dane configured with dnssec lookups disabled";
  const auto d = sim::dane_decide(dane_policy(Level::dane, {w}), dns(true, "secure", {ee}), "mx", 25);
  CHECK(d.level == Level::may);
  CHECK(d.warning == w);
  CHECK(sim::dane_decide(dane_policy(Level::dane_only, {w}), dns(true, "secure", {ee}), "mx", 25).level == Level::invalid);
  CHECK(sim::dane_decide(dane_policy(Level::dane), dns(true, "secure", {ee}), "mx", 25).level == Level::dane);
}

TEST_CASE("outcome classes and the documented vocabulary") {
  sim::Outcome o;
  o.verdict = sim::Verdict::deferred;
  o.plaintext_on_retry = true;
  CHECK(sim::outcome_class(o) == "deferred-then-plaintext");
  o.verdict = sim::Verdict::trusted;
  o.level = Level::halfdane;
  CHECK(sim::outcome_class(o) == "trusted");
  o.level = Level::may;
  CHECK(sim::outcome_class(o) == "tls");
  CHECK(sim::class_matches("tls", "anonymous"));
  CHECK_FALSE(sim::class_matches("verified", "tls"));
}

TEST_CASE("--expect syntax") {
  std::string error;
  auto e = sim::parse_expectation("relay/unix@[mx.example]:587:never-plaintext", error);
  REQUIRE(e);
  CHECK(e->service == "relay/unix");
  CHECK(e->destination == "[mx.example]:587");
  CHECK(e->rule == "never-plaintext");
  e = sim::parse_expectation("example.com:self-signed=deferred", error);
  REQUIRE(e);
  CHECK(e->rule == "cell");
  CHECK(e->scenario == "self-signed");
  CHECK_FALSE(sim::parse_expectation("example.com:sometimes", error));
  CHECK_FALSE(sim::parse_expectation("example.com:x=maybe", error));
}

TEST_CASE("next-hop names") {
  CHECK(sim::world_for("example.org").mx == "mail.example.org");
  const sim::World w = sim::world_for("[relay.example.net]:587");
  CHECK(w.mx == "relay.example.net");
  CHECK(w.port == 587);
  CHECK(sim::instantiate("*.{domain} {mx}", w) == "*.relay.example.net relay.example.net");
}

TEST_CASE("catalog and documented outcomes cover each other") {
  const auto& catalog = sim::builtin_catalog();
  CHECK(catalog.size() >= 18);
  const sim::LevelTable& table = sim::builtin_level_table();
  CHECK(table.columns.size() == 9);
  for (const sim::Scenario& s : catalog) {
    for (const sim::LevelColumn& c : table.columns) CHECK_MESSAGE(table.documented(s.name, c.name), s.name << "/" << c.name);
  }
}
