// NAME
//   show_tls — `postconf -T mode`: TLS library information.
// DESCRIPTION
//   show_tls() does what pcf_show_tls() does for the mode: "run-version"
//   prints the version text of the OpenSSL library pflint runs with
//   (OpenSSL_version(OPENSSL_VERSION)). An unknown mode is postconf's
//   warning "unknown 'postconf -T' mode: MODE" and exit status 1.
//   "compile-version" (the OpenSSL headers postconf itself was built with)
//   and "public-key-algorithms" (what postconf's TLS layer supports) depend
//   on the Postfix build, not on pflint, and are not implemented: pflint
//   says so and exits 1 rather than print a guess.
// DIAGNOSTICS
//   Returns the exit status; messages go to stderr with pflint's prefix.
// SEE ALSO
//   src/postconf/postconf_tls.c (pcf_show_tls) in Postfix.
#pragma once

#include <string_view>

namespace pflint::postconf {

int show_tls(std::string_view mode);

}  // namespace pflint::postconf
