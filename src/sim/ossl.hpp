// NAME
//   ossl — small RAII and formatting helpers over the OpenSSL 3 C API, for
//   the simulator only.
// DESCRIPTION
//   unique_ptr aliases with the right free functions, hex digests of a
//   certificate (DER) and of its SubjectPublicKeyInfo as Postfix prints
//   them, one-line DNs, and the OpenSSL error queue as text.
// DIAGNOSTICS
//   Functions return empty values on failure; error_text() drains the
//   thread's error queue.
// SEE ALSO
//   src/tls/tls_fprint.c (tls_fprint, tls_cert_fprint, tls_pkey_fprint) in Postfix.
#pragma once

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <vector>

namespace pflint::sim {

struct ossl_free {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(SSL_CTX* p) const { SSL_CTX_free(p); }
  void operator()(SSL* p) const { SSL_free(p); }
  void operator()(X509_STORE* p) const { X509_STORE_free(p); }
};
using pkey_ptr = std::unique_ptr<EVP_PKEY, ossl_free>;
using x509_ptr = std::unique_ptr<X509, ossl_free>;
using ctx_ptr = std::unique_ptr<SSL_CTX, ossl_free>;
using ssl_ptr = std::unique_ptr<SSL, ossl_free>;

using bytes = std::vector<unsigned char>;

// der_of_cert / der_of_spki - DER encodings.
bytes der_of_cert(X509* cert);
bytes der_of_spki(X509* cert);
// digest - raw digest of `data` with the named algorithm ("sha256", "md5"); empty if unknown.
bytes digest(const std::string& algorithm, const bytes& data);
// hex - "A2:3C:..." (colons, upper case) or "A23C..." (no colons).
std::string hex(const bytes& data, bool colons = true);
// one_line_name - "/CN=Simulated Public CA/O=pflint".
std::string one_line_name(const X509_NAME* name);
// error_text - the OpenSSL error queue as "error:0A000410:...; ..." (drained).
std::string error_text();
// pem_of_cert - PEM text of a certificate.
std::string pem_of_cert(X509* cert);

}  // namespace pflint::sim
