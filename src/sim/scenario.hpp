// NAME
//   scenario — the test servers and the simulated DNS the simulator runs
//   against, read from the catalog data/scenarios.json.
// DESCRIPTION
//   A scenario is one SMTP server (greeting, EHLO with or without STARTTLS,
//   the reply to STARTTLS, TLS versions and ciphers it accepts, whether it
//   aborts the handshake, its certificate) plus what DNS says about it (MX
//   RRset DNSSEC state, the TLSA RRset and its state) and which key an admin
//   pinned. Names in the catalog use `{domain}` (the next-hop domain) and
//   `{mx}` (the MX host) and are instantiated per destination. The catalog is
//   compiled into the binary; load_catalog_file() reads another one.
// DIAGNOSTICS
//   load_catalog*() throw std::runtime_error naming the scenario and field.
// SEE ALSO
//   data/scenarios.json, docs/simulate.md, src/sim/pki.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pflint::sim {

struct CertSpec {
  std::string issuer = "public";      // public | untrusted | self | none (anonymous server)
  std::vector<std::string> san;       // DNS names; may use {mx} and {domain}
  std::string cn;                     // subject CN; empty: none
  bool expired = false;
};

struct ServerSpec {
  bool starttls = true;                          // EHLO lists STARTTLS
  std::string starttls_reply = "220 2.0.0 Ready to start TLS";
  std::string min_protocol;                      // "TLSv1", "TLSv1.2", ... (empty: library default)
  std::string max_protocol;
  std::string ciphers;                           // TLS <= 1.2 cipher list (empty: default); "aNULL" = anonymous only
  int security_level = -1;                       // -1: library default
  bool abort_handshake = false;                  // close after reading the ClientHello
  bool send_chain = true;                        // send the issuing CA after the leaf
  CertSpec cert;
};

struct TlsaSpec {
  int usage = 3;
  int selector = 1;
  int mtype = 1;
  std::string of = "leaf";  // leaf | ca | other (a key the server does not have)
};

struct DnsSpec {
  std::string mx = "secure";     // DNSSEC state of the MX RRset: secure | insecure
  std::string tlsa = "none";     // TLSA RRset: none (validated NXDOMAIN) | secure | insecure | bogus
  std::vector<TlsaSpec> records;
};

struct Scenario {
  std::string name;
  std::string title;
  std::string description;
  ServerSpec server;
  DnsSpec dns;
  std::string pinned = "leaf";   // what an admin's fingerprint pins: leaf | other
};

// The names a scenario is instantiated with.
struct World {
  std::string domain = "example.com";     // next-hop domain
  std::string mx = "mail.example.com";    // MX host name
  unsigned port = 25;
};

// instantiate - replace {domain} and {mx}.
std::string instantiate(std::string_view text, const World& world);

// builtin_catalog - the compiled-in data/scenarios.json.
const std::vector<Scenario>& builtin_catalog();
std::vector<Scenario> load_catalog_text(std::string_view json, const std::string& origin);
std::vector<Scenario> load_catalog_file(const std::string& path);
// find_scenario - by name, or nullptr.
const Scenario* find_scenario(const std::vector<Scenario>& catalog, std::string_view name);

// builtin_scenarios_json / builtin_level_outcomes_json - the embedded data files.
std::string_view builtin_scenarios_json();
std::string_view builtin_level_outcomes_json();

}  // namespace pflint::sim
