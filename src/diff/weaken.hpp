// NAME
//   weaken — the orders that decide whether a change weakens the SMTP
//   client's TLS: security levels, cipher grades, fingerprint digests.
//   Every such order lives here and nowhere else.
// DESCRIPTION
//   Levels are not a line (`dane` is not stronger than `encrypt`: without
//   TLSA records it falls back to opportunistic TLS), so each level gives a
//   set of guarantees, and a change weakens when the new level lacks one
//   the old level gave:
//
//     level        TLS tried  TLS required  peer authenticated  names not from DNS
//     none
//     may          yes
//     encrypt      yes        yes
//     dane         yes                      yes (TLSA)
//     fingerprint  yes        yes           yes                 yes
//     dane-only    yes        yes           yes                 yes
//     verify       yes        yes           yes
//     secure       yes        yes           yes                 yes
//
//   verify → may loses mandatory TLS and peer authentication; encrypt → dane loses
//   mandatory TLS; secure → verify loses "names not from DNS" (verify trusts
//   MX names found in insecure DNS). An invalid level defers mail: not a
//   weakening. Cipher grades: high > medium > low > export > null; digests:
//   sha512 > sha384 > sha256 > sha224 > sha1 > md5.
// DIAGNOSTICS
//   Each function returns the reason as text ("" when nothing weakens).
#pragma once

#include <string>
#include <string_view>

#include "tls/effective_policy.hpp"
#include "tls/level.hpp"

namespace pflint::diff {

// level_weakening - why going from level `was` to `now` weakens, or "".
// **Example**: level_weakening(verify, may) == "level lowered: verify → may (loses mandatory TLS, peer authentication)".
std::string level_weakening(tls::Level was, tls::Level now);

// grade_weakening - a lower cipher grade, or "".
std::string grade_weakening(tls::CipherGrade was, tls::CipherGrade now);

// digest_weakening - a weaker fingerprint digest (case-insensitive names), or "".
std::string digest_weakening(std::string_view was, std::string_view now);

}  // namespace pflint::diff
