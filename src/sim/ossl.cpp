// NAME
//   ossl — OpenSSL helpers for the simulator (see ossl.hpp).
#include "sim/ossl.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace pflint::sim {

bytes der_of_cert(X509* cert) {
  const int n = i2d_X509(cert, nullptr);
  if (n <= 0) return {};
  bytes out(static_cast<std::size_t>(n));
  unsigned char* p = out.data();
  i2d_X509(cert, &p);
  return out;
}

bytes der_of_spki(X509* cert) {
  const int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), nullptr);
  if (n <= 0) return {};
  bytes out(static_cast<std::size_t>(n));
  unsigned char* p = out.data();
  i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &p);
  return out;
}

bytes digest(const std::string& algorithm, const bytes& data) {
  EVP_MD* md = EVP_MD_fetch(nullptr, algorithm.c_str(), nullptr);
  if (!md) {
    ERR_clear_error();
    return {};
  }
  bytes out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  const bool ok = EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) == 1;
  EVP_MD_free(md);
  if (!ok) return {};
  out.resize(len);
  return out;
}

std::string hex(const bytes& data, bool colons) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (colons && i) out += ':';
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}

std::string one_line_name(const X509_NAME* name) {
  if (!name) return {};
  char buf[512];
  X509_NAME_oneline(name, buf, sizeof buf);
  return buf;
}

std::string error_text() {
  std::string out;
  unsigned long e = 0;
  while ((e = ERR_get_error()) != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out;
}

std::string pem_of_cert(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return out;
}

}  // namespace pflint::sim
