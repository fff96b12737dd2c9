// NAME
//   show_tls — pcf_show_tls() (see show_tls.hpp).
#include "postconf/show_tls.hpp"

#include <string>

#include "postconf/diag.hpp"

namespace pflint::postconf {

int show_tls(std::string_view mode) {
  if (mode == "compile-version" || mode == "run-version" || mode == "public-key-algorithms") {
    print_fatal("pflint postconf does not implement -T " + std::string(mode) +
                " (it describes the TLS library of the Postfix build)");
    return 1;
  }
  warn("unknown 'postconf -T' mode: " + std::string(mode));
  return 1;
}

}  // namespace pflint::postconf
