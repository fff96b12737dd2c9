// NAME
//   server — the scripted ESMTP test server of one scenario.
// DESCRIPTION
//   ScenarioServer owns the scenario's certificate and a server SSL_CTX
//   (protocol range, cipher list, security level as the scenario says) and
//   runs one SMTP session per call of serve(): greeting, EHLO (with or
//   without STARTTLS), the scenario's STARTTLS reply, the TLS handshake (or
//   an abort after the ClientHello), EHLO again over TLS, QUIT. It is
//   immutable after construction; serve() may run in many threads at once.
// DIAGNOSTICS
//   The constructor throws std::runtime_error on OpenSSL set-up errors;
//   serve() returns the server's view of a failure ("" when clean).
// SEE ALSO
//   src/smtpd/smtpd.c (ehlo_cmd, starttls_cmd) in Postfix; src/sim/scenario.hpp.
#pragma once

#include <string>

#include "sim/net.hpp"
#include "sim/ossl.hpp"
#include "sim/pki.hpp"
#include "sim/scenario.hpp"

namespace pflint::sim {

class ScenarioServer {
 public:
  ScenarioServer(const Scenario& scenario, const Pki& pki, const World& world);
  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
  [[nodiscard]] const ServerCert& cert() const { return cert_; }
  // serve - one SMTP session on `fd` (closed at the end).
  std::string serve(int fd, millis timeout) const;

 private:
  const Scenario* scenario_;
  World world_;
  ServerCert cert_;
  ctx_ptr ctx_;
};

}  // namespace pflint::sim
