// NAME
//   dane — smtp(8)'s dane_init()/dane_incompat() against a scenario's
//   simulated DNS, and the TLSA records a scenario publishes.
// DESCRIPTION
//   Order of checks as in Postfix: DNSSEC prerequisites of the
//   configuration; insecure MX RRset (dane-only, or insecure-MX policy may);
//   TLSA lookup error (bogus); no validated TLSA RRset; only unusable records
//   (usages 0/1, unknown matching types); insecure MX with policy encrypt;
//   insecure MX with policy dane → halfdane. dane falls back (may, encrypt),
//   dane-only is deferred.
// SEE ALSO
//   src/smtp/smtp_tls_policy.c (dane_init, dane_incompat), src/tls/tls_dane.c
//   (tls_dane_resolve, tls_dane_unusable); postfix-semantics.md §7.4.
#include <fmt/core.h>

#include "sim/client_policy.hpp"

namespace pflint::sim {
namespace {

using tls::Level;

// incompat - dane_incompat(): dane falls back, dane-only is deferred.
DaneDecision incompat(Level configured, bool to_encrypt, std::string why, Blame blame, bool warn) {
  DaneDecision d;
  d.blame = std::move(blame);
  if (configured == Level::dane) {
    d.level = to_encrypt ? Level::encrypt : Level::may;
    if (warn) d.warning = why;
    return d;
  }
  d.level = Level::invalid;
  d.defer = std::move(why);
  return d;
}

bool usable(const Tlsa& t) {
  return (t.usage == 2 || t.usage == 3) && (t.selector == 0 || t.selector == 1) && (t.mtype >= 0 && t.mtype <= 2);
}

Blame setting_blame(const tls::Setting& s) { return blame_of(s); }

}  // namespace

DnsAnswer dns_for(const Scenario& scenario, const ServerCert& cert, const Pki& pki) {
  DnsAnswer dns;
  dns.mx_secure = scenario.dns.mx == "secure";
  dns.tlsa = scenario.dns.tlsa;
  for (const TlsaSpec& spec : scenario.dns.records) {
    X509* subject = spec.of == "other" ? pki.other() : spec.of == "ca" ? cert.issuer : cert.leaf.cert.get();
    Tlsa t{spec.usage, spec.selector, spec.mtype, {}};
    if (subject) {
      const bytes der = spec.selector == 0 ? der_of_cert(subject) : der_of_spki(subject);
      t.data = spec.mtype == 0 ? der : digest(spec.mtype == 1 ? "sha256" : "sha512", der);
    }
    dns.records.push_back(std::move(t));
  }
  return dns;
}

DaneDecision dane_decide(const tls::EffectivePolicy& policy, const DnsAnswer& dns, const std::string& mx,
                         unsigned port) {
  const Level level = policy.level;
  const tls::DanePrerequisites* pre = policy.dane ? &*policy.dane : nullptr;
  if (pre && !pre->problems.empty()) {
    return incompat(level, false, pre->problems.front(), setting_blame(pre->dns_support_level), true);
  }
  const std::string mx_policy = pre && pre->insecure_mx_policy ? pre->insecure_mx_policy->value : "dane";
  const Blame mx_blame = pre && pre->insecure_mx_policy ? setting_blame(*pre->insecure_mx_policy) : Blame{};
  if (!dns.simulated) {
    return incompat(level, false, "no TLSA records found", Blame{"DNS not simulated (--connect without --scenario)", ""},
                    false);
  }
  if (!dns.mx_secure && (level == Level::dane_only || mx_policy == "may")) {
    return incompat(level, false, "non DNSSEC destination",
                    level == Level::dane_only ? Blame{"scenario: MX RRset not DNSSEC-validated", "scenario"} : mx_blame,
                    false);
  }
  if (dns.tlsa == "bogus") {
    DaneDecision d;
    d.level = Level::invalid;
    d.defer = fmt::format("TLSA lookup error for {}:{}", mx, port);
    d.blame = Blame{"scenario: TLSA lookup fails DNSSEC validation", "scenario"};
    return d;
  }
  if (dns.tlsa != "secure" || dns.records.empty()) {
    return incompat(level, false, "no TLSA records found", Blame{"scenario: no DNSSEC-validated TLSA records", "scenario"},
                    false);
  }
  DaneDecision d;
  for (const Tlsa& t : dns.records) {
    if (usable(t)) d.usable.push_back(t);
  }
  if (d.usable.empty()) {
    DaneDecision u = incompat(level, true, "TLSA records unusable", Blame{"scenario: only PKIX-TA/PKIX-EE TLSA records", "scenario"},
                              true);
    return u;
  }
  d.level = level;
  if (!dns.mx_secure) {
    if (mx_policy == "encrypt") {
      DaneDecision e = incompat(level, true, "Verification not possible, MX RRset is insecure", mx_blame, true);
      return e;
    }
    d.level = Level::halfdane;
    d.blame = mx_blame;
  }
  return d;
}

}  // namespace pflint::sim
