// NAME
//   show_tls — `postconf -T mode`: TLS library information.
// DESCRIPTION
//   show_tls() does what pcf_show_tls() does for an unknown mode: the
//   warning "unknown 'postconf -T' mode: MODE" and exit status 1. The three
//   real modes ("compile-version", "run-version": the OpenSSL version
//   Postfix was built with / runs with; "public-key-algorithms": what
//   Postfix's TLS layer supports) describe the Postfix build, not pflint,
//   and pflint_core does not link OpenSSL: pflint says they are not
//   implemented and exits 1 rather than print a guess.
// DIAGNOSTICS
//   Returns the exit status; messages go to stderr with pflint's prefix.
// SEE ALSO
//   src/postconf/postconf_tls.c (pcf_show_tls) in Postfix.
#pragma once

#include <string_view>

namespace pflint::postconf {

int show_tls(std::string_view mode);

}  // namespace pflint::postconf
