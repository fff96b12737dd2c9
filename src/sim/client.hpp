// NAME
//   client — the simulated smtp(8) client: one SMTP session with STARTTLS
//   and a real OpenSSL handshake, decided as smtp(8) decides.
// DESCRIPTION
//   run_client() reads the greeting, sends EHLO, sends STARTTLS when the
//   level asks for TLS and the server offers it, performs the handshake with
//   the ClientPolicy's protocols, ciphers, security level, peer names,
//   TLSA/fingerprint records and trust anchors, checks the peer as the level
//   requires, and ends with QUIT. The Outcome says plaintext, Anonymous /
//   Untrusted / Trusted / Verified TLS, or deferred (with "plaintext on a
//   later retry" where smtp(8)'s built-in fallback applies), the reason as
//   smtp(8) logs it, and what decided it. Levels > may never fall back.
// DIAGNOSTICS
//   Everything is in the Outcome; nothing is printed.
// SEE ALSO
//   src/smtp/smtp_proto.c (smtp_helo, smtp_start_tls), src/smtp/smtp_connect.c
//   (plaintext fallback), src/tls/tls_client.c (tls_client_start, verify_x509),
//   src/tls/tls_verify.c; postfix-semantics.md §7.
#pragma once

#include <optional>
#include <string>

#include "params/version.hpp"
#include "sim/client_policy.hpp"
#include "sim/net.hpp"
#include "sim/verdict.hpp"

namespace pflint::sim {

struct Peer {
  std::string host;        // MX host name
  std::string address;     // numeric address (simulation: 192.0.2.25, documentation range)
  unsigned port = 25;
  [[nodiscard]] std::string label() const;  // "mail.example.com[192.0.2.25]:25"
};

struct ClientOptions {
  millis timeout{10000};
  std::string helo = "client.pflint.invalid";
  params::Version version = params::default_version();  // 3.10+: name mismatch logs "Trusted"
};

// before_connect - the outcome when smtp(8) defers without connecting
// (invalid policy, DANE lookup results), or nullopt.
std::optional<Outcome> before_connect(const ClientPolicy& policy);

// run_client - one session over `channel`.
Outcome run_client(const ClientPolicy& policy, Channel& channel, const Peer& peer, const ClientOptions& options);

}  // namespace pflint::sim
