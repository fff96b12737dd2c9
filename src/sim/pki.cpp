// NAME
//   pki — run-time CA and server certificates (see pki.hpp).
// DESCRIPTION
//   X509v3 certificates built with the OpenSSL API: serial from a counter,
//   validity now-1d..now+365d (expired: 2020-01-01..2021-01-01), SAN DNS
//   entries, basicConstraints/keyUsage for CAs, serverAuth for leaves.
#include "sim/pki.hpp"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <stdexcept>

namespace pflint::sim {
namespace {

std::atomic<long> next_serial{1000};

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("pki: " + what + ": " + error_text());
}

void add_name_entry(X509_NAME* name, const char* field, const std::string& value) {
  const auto* data = reinterpret_cast<const unsigned char*>(value.c_str());
  if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, data, -1, -1, 0) != 1) fail("subject");
}

void add_extension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (!ext) fail("extension " + value);
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

struct CertRequest {
  std::string cn;
  std::string org = "pflint simulate";
  std::vector<std::string> san;
  bool ca = false;
  bool expired = false;
};

// build_cert - a certificate for `key`, signed by `signer` (self-signed when null).
x509_ptr build_cert(const CertRequest& req, EVP_PKEY* key, const Identity* signer) {
  x509_ptr cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), next_serial++);
  if (req.expired) {
    ASN1_TIME_set_string(X509_getm_notBefore(cert.get()), "20200101000000Z");
    ASN1_TIME_set_string(X509_getm_notAfter(cert.get()), "20210101000000Z");
  } else {
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -86400);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 86400);
  }
  X509_NAME* subject = X509_get_subject_name(cert.get());
  if (!req.cn.empty()) add_name_entry(subject, "CN", req.cn);
  add_name_entry(subject, "O", req.org);
  X509_set_issuer_name(cert.get(), signer ? X509_get_subject_name(signer->cert.get()) : subject);
  X509_set_pubkey(cert.get(), key);
  X509* issuer_cert = signer ? signer->cert.get() : cert.get();
  if (req.ca) {
    add_extension(cert.get(), issuer_cert, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), issuer_cert, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(cert.get(), issuer_cert, NID_basic_constraints, "CA:FALSE");
    add_extension(cert.get(), issuer_cert, NID_ext_key_usage, "serverAuth");
  }
  add_extension(cert.get(), issuer_cert, NID_subject_key_identifier, "hash");
  if (!req.san.empty()) {
    std::string san;
    for (const std::string& n : req.san) san += (san.empty() ? "DNS:" : ",DNS:") + n;
    add_extension(cert.get(), issuer_cert, NID_subject_alt_name, san);
  }
  if (X509_sign(cert.get(), signer ? signer->key.get() : key, EVP_sha256()) == 0) fail("sign");
  return cert;
}

Identity make_identity(const CertRequest& req, const Identity* signer) {
  Identity id;
  id.key = make_p256_key();
  id.cert = build_cert(req, id.key.get(), signer);
  return id;
}

}  // namespace

pkey_ptr make_p256_key() {
  pkey_ptr key(EVP_EC_gen("P-256"));
  if (!key) fail("EC P-256 key generation");
  return key;
}

Pki::Pki() {
  public_ca_ = make_identity({"Simulated Public CA", "pflint simulate", {}, true, false}, nullptr);
  untrusted_ca_ = make_identity({"Untrusted Test CA", "pflint simulate", {}, true, false}, nullptr);
  other_ = make_identity({"other key", "pflint simulate", {}, false, false}, nullptr);
}

ServerCert Pki::make_server_cert(const CertSpec& spec, const World& world) const {
  ServerCert out;
  if (spec.issuer == "none") {
    out.anonymous = true;
    return out;
  }
  CertRequest req;
  req.cn = instantiate(spec.cn, world);
  for (const std::string& n : spec.san) req.san.push_back(instantiate(n, world));
  req.expired = spec.expired;
  const Identity* signer = nullptr;
  if (spec.issuer == "public") signer = &public_ca_;
  if (spec.issuer == "untrusted") signer = &untrusted_ca_;
  out.leaf = make_identity(req, signer);
  out.issuer = signer ? signer->cert.get() : nullptr;
  return out;
}

}  // namespace pflint::sim
