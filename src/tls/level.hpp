// NAME
//   level — SMTP client TLS security levels, as Postfix orders and names them.
// DESCRIPTION
//   The numeric order is Postfix's (tls/tls.h): comparisons such as
//   `level > Level::may` ("TLS is mandatory") or `level >= Level::verify`
//   ("PKIX trust") mean what they mean in smtp(8). `halfdane` exists only as
//   an outcome of DANE; as input it is rejected like any unknown name.
// DIAGNOSTICS
//   parse_level() returns Level::invalid for unknown names (quoted values
//   such as "\"may\"" and "halfdane" included).
// SEE ALSO
//   src/tls/tls_level.c (tls_level_lookup, str_tls_level), src/tls/tls.h.
#pragma once

#include <cstdint>
#include <string_view>

namespace pflint::tls {

enum class Level : std::int8_t {
  invalid = -2,    // TLS_LEV_INVALID
  not_found = -1,  // TLS_LEV_NOTFOUND: no table entry
  none = 0,
  may = 1,
  encrypt = 2,
  fingerprint = 3,
  halfdane = 4,    // output only
  dane = 5,
  dane_only = 6,
  verify = 7,
  secure = 8,
};

// parse_level - tls_level_lookup(): case-insensitive; unknown → invalid.
// **Example**: parse_level("Dane-Only") == Level::dane_only; parse_level("halfdane") == Level::invalid.
Level parse_level(std::string_view name);

// level_name - "none", "may", ..., "dane-only", "halfdane", "invalid", "not-found".
std::string_view level_name(Level level);

// Postfix's level predicates (tls/tls.h).
constexpr bool tls_enabled(Level l) { return l >= Level::may; }                      // STARTTLS is tried
constexpr bool tls_required(Level l) { return l > Level::may; }                      // mandatory settings apply
constexpr bool tls_must_match(Level l) { return l > Level::encrypt; }                // TLS_MUST_MATCH
constexpr bool tls_must_pkix(Level l) { return l >= Level::verify; }                 // TLS_MUST_PKIX
constexpr bool tls_dane_based(Level l) { return l >= Level::halfdane && l <= Level::dane_only; }  // TLS_DANE_BASED

}  // namespace pflint::tls
