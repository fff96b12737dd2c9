// NAME
//   fingerprint — the syntax of one certificate or public-key fingerprint
//   of the fingerprint security level.
// DESCRIPTION
//   A fingerprint is hexadecimal byte pairs, upper or lower case, either
//   all run together or with a single ':' between every pair (no leading,
//   trailing or doubled colon), at most 192 characters. Postfix skips any
//   other value with "malformed fingerprint value". Whether the length fits
//   the digest is a separate question (the entry is then unusable).
// DIAGNOSTICS
//   parse_fingerprint() returns nullopt for a malformed value.
// SEE ALSO
//   src/tls/tls_dane.c (tls_dane_add_fpt_digests), src/util/hex_code.c
//   (hex_decode_opt, HEX_DECODE_FLAG_ALLOW_COLON); postfix-semantics.md §7.3.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace pflint::tls {

// parse_fingerprint - the bytes of a fingerprint, or nullopt when malformed.
// **Example**: parse_fingerprint("A2:3c") == {0xA2, 0x3C}; parse_fingerprint("A2:3") == nullopt.
std::optional<std::vector<unsigned char>> parse_fingerprint(std::string_view text);

}  // namespace pflint::tls
