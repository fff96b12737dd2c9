// NAME
//   client_policy — turn an EffectivePolicy into what the simulated smtp(8)
//   client does for one scenario: the run-time level after DANE decisions,
//   OpenSSL protocol range, cipher list, security level, peer names,
//   TLSA/fingerprint records and trust anchors.
// DESCRIPTION
//   dane_decide() is smtp(8)'s dane_init()/dane_incompat() against the
//   scenario's simulated DNS. A level changed by DANE (dane → may, dane →
//   encrypt) gets that level's protocols and ciphers again from
//   tls::resolve_protocols()/resolve_ciphers(), as Postfix runs dane_init()
//   before set_cipher_grade(). In simulation mode the
//   configured trust anchors and fingerprints are stand-ins: a configured
//   CAfile/CApath/trust-anchor file means "trusts the scenario's public CA",
//   and each usable fingerprint means "pins what the scenario says the admin
//   pinned" (malformed ones and ones of the wrong length for the digest stay
//   unusable, as in Postfix). In literal mode (--connect) files and
//   fingerprints are used as configured.
// DIAGNOSTICS
//   Configuration problems are data: ClientPolicy::defer (the deferral
//   before any connection) and ::warnings (smtp(8)'s warning texts).
// SEE ALSO
//   src/smtp/smtp_tls_policy.c (policy_create, dane_init, dane_incompat,
//   set_cipher_grade), src/tls/tls_client.c (tls_client_start),
//   src/tls/tls_dane.c; postfix-semantics.md §6–§7.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "sim/ossl.hpp"
#include "sim/pki.hpp"
#include "sim/scenario.hpp"
#include "sim/verdict.hpp"
#include "tls/effective_policy.hpp"
#include "tls/tls_model.hpp"

namespace pflint::sim {

struct Tlsa {
  int usage = 3;
  int selector = 1;
  int mtype = 1;
  bytes data;
};

// The simulated DNS of one destination.
struct DnsAnswer {
  bool simulated = true;         // false: --connect without a scenario, DNS skipped
  bool mx_secure = true;         // MX RRset DNSSEC-validated
  std::string tlsa = "none";     // none | secure | insecure | bogus
  std::vector<Tlsa> records;
};

// dns_for - the scenario's DNS with record data computed from its certificates.
DnsAnswer dns_for(const Scenario& scenario, const ServerCert& cert, const Pki& pki);

struct DaneDecision {
  tls::Level level = tls::Level::dane;      // may, encrypt, dane, halfdane, dane-only, or invalid (deferred)
  std::string warning;                      // logged by smtp(8), if any
  std::string defer;                        // deferral reason when level is invalid
  Blame blame;
  std::vector<Tlsa> usable;                 // DANE-TA/DANE-EE records with known matching types
};

// dane_decide - dane_init() for level dane/dane-only against `dns`.
DaneDecision dane_decide(const tls::EffectivePolicy& policy, const DnsAnswer& dns, const std::string& mx,
                         unsigned port);

struct ClientPolicy {
  tls::Level configured = tls::Level::none;  // level from the configuration
  tls::Level level = tls::Level::none;       // run-time level (after DANE)
  Blame level_from;
  std::vector<std::string> warnings;         // logged before connecting
  std::string defer;                         // set: deferred before connecting (4.7.5)
  Blame defer_blame;
  bool engine_unavailable = false;           // TLS engine off (bad digest, unloadable CAfile)
  std::string engine_problem;
  Blame engine_blame;

  // Protocols: OpenSSL version range and holes; invalid list = session not started.
  int min_version = 0;
  int max_version = 0;
  long no_options = 0;                       // SSL_OP_NO_TLSv1_1 etc. for holes
  bool no_protocols = false;
  std::string protocol_problem;              // "Invalid TLS protocol list \"...\""
  std::string protocols_text;
  Blame protocols_from;
  // Ciphers (TLS <= 1.2): the OpenSSL cipher string, or a problem.
  std::string cipherlist;
  std::string cipher_problem;
  Blame ciphers_from;
  int security_level = 0;                    // 1 above encrypt, else 0 (Postfix's client context)

  // Peer checks.
  std::vector<std::string> names;            // verify/secure: OpenSSL host names (".d" = sub-domains)
  Blame match_from;
  std::vector<Tlsa> tlsa;                    // DANE records, or fingerprints as 3 0 255 / 3 1 255
  std::string fingerprint_digest;            // for mtype 255
  bool fingerprints_unusable = false;
  std::string dane_base;                     // TLSA base domain (DANE levels)
  std::vector<X509*> anchors;                // trust store (simulation: the public CA), not owned
  std::string ca_file, ca_path;              // literal mode
  bool append_default_ca = false;
  Blame trust_from;
  bool trust_configured = false;
  std::string sni;

  // Plaintext retry after a failed TLS session (may only).
  bool sasl_password_maps = false;
  std::string minimal_backoff = "300s";
};

struct PolicyInputs {
  const model::Model* model = nullptr;
  const tls::ServicePolicy* service = nullptr;
  const tls::EffectivePolicy* policy = nullptr;
  World world;
  const Scenario* scenario = nullptr;        // null: no scenario (literal --connect)
  const ServerCert* server_cert = nullptr;   // simulation: the scenario's certificate
  const Pki* pki = nullptr;                  // simulation: stand-ins come from here
  DnsAnswer dns;
  bool literal = false;                      // --connect: use files and fingerprints as configured
};

// make_client_policy - see DESCRIPTION.
ClientPolicy make_client_policy(const PolicyInputs& in);

// blame_of - a tls::Setting as "name = value (where)".
Blame blame_of(const tls::Setting& s);

}  // namespace pflint::sim
