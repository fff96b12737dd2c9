// NAME
//   show_tls — pcf_show_tls() (see show_tls.hpp).
#include "postconf/show_tls.hpp"

#include <openssl/crypto.h>

#include <string>

#include "postconf/diag.hpp"

namespace pflint::postconf {

int show_tls(std::string_view mode) {
  if (mode == "run-version") {
    out().append(OpenSSL_version(OPENSSL_VERSION)).push_back('\n');
    flush_out();
    return 0;
  }
  if (mode == "compile-version" || mode == "public-key-algorithms") {
    print_fatal("pflint postconf does not implement -T " + std::string(mode) +
                " (it depends on how Postfix was built)");
    return 1;
  }
  warn("unknown 'postconf -T' mode: " + std::string(mode));
  return 1;
}

}  // namespace pflint::postconf
