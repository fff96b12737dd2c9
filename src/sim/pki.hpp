// NAME
//   pki — certificates and keys made at run time for the test servers.
// DESCRIPTION
//   One "public" CA (stands for whatever smtp_tls_CAfile/CApath trusts),
//   one untrusted CA (a CA no configuration trusts), and per scenario a
//   leaf certificate: EC P-256 keys, SAN/CN as the scenario says, issued by
//   either CA or self-signed, optionally expired. An extra "other" key
//   stands for a key the server does not have (stale pins, TLSA mismatch).
//   Everything is made once per process and is immutable afterwards, so
//   server threads can share it.
// DIAGNOSTICS
//   make_* throw std::runtime_error with the OpenSSL error text.
// SEE ALSO
//   src/sim/scenario.hpp, src/sim/ossl.hpp.
#pragma once

#include <string>
#include <vector>

#include "sim/ossl.hpp"
#include "sim/scenario.hpp"

namespace pflint::sim {

struct Identity {
  pkey_ptr key;
  x509_ptr cert;
};

// The certificate material of one scenario's server.
struct ServerCert {
  bool anonymous = false;       // no certificate at all
  Identity leaf;
  X509* issuer = nullptr;       // CA certificate sent as chain (not owned), or null
};

class Pki {
 public:
  Pki();
  [[nodiscard]] X509* public_ca() const { return public_ca_.cert.get(); }
  [[nodiscard]] X509* untrusted_ca() const { return untrusted_ca_.cert.get(); }
  // other - a certificate of a key no server uses.
  [[nodiscard]] X509* other() const { return other_.cert.get(); }
  // make_server_cert - the leaf for `spec`, named for `world`.
  [[nodiscard]] ServerCert make_server_cert(const CertSpec& spec, const World& world) const;

 private:
  Identity public_ca_;
  Identity untrusted_ca_;
  Identity other_;
};

// make_p256_key - a fresh EC P-256 key.
pkey_ptr make_p256_key();

}  // namespace pflint::sim
