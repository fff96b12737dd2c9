// PF3027 unknown-fingerprint-digest — smtp_tls_fingerprint_digest names a
// digest OpenSSL does not know, which disables client TLS entirely.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3027_info;
const lint::RuleInfo PF3027_info{
    .code = "PF3027",
    .name = "unknown-fingerprint-digest",
    .severity = lint::Severity::error,
    .summary = "smtp_tls_fingerprint_digest is not a digest name OpenSSL knows",
    .doc = R"md(## What it flags
A non-empty `smtp_tls_fingerprint_digest` or `lmtp_tls_fingerprint_digest`
(main.cf or `-o`) that is not an OpenSSL digest name such as `sha256`,
`sha1`, `sha512` or `md5`. Typical slips: `sha-256`, `SHA2`.

## Why it matters
The TLS engine looks the digest up when it initialises, for every level.
When the lookup fails it logs that it disables TLS support: opportunistic
TLS then silently sends plaintext, and mandatory levels defer all mail
because the TLS engine is unavailable.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_fingerprint_digest = sha-256
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_fingerprint_digest = sha256
```

## Exceptions
Digests beyond the common OpenSSL set (for example provider-specific
ones) are reported too; suppress the finding if your OpenSSL has it.

## How to fix
Use `sha256` (the default at `compatibility_level` 3.6 or later), or delete
the line.

## Fix
No automatic fix: the digest the fingerprints were made with is not known.
)md",
};

void check_PF3027(lint::CheckContext& context) {
  constexpr std::string_view known[] = {
      "md4",      "md5",        "md5-sha1",   "sha1",     "sha224",   "sha256",   "sha384",     "sha512",
      "sha512-224", "sha512-256", "sha3-224", "sha3-256", "sha3-384", "sha3-512", "shake128",   "shake256",
      "sm3",      "ripemd160",  "rmd160",     "ripemd",   "blake2b512", "blake2s256", "mdc2",     "whirlpool"};
  for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), "tls_fingerprint_digest")) {
    if (c.value.empty()) continue;  // PF3006
    bool ok = false;
    for (const std::string_view k : known) ok |= tls::iequals(c.value, k);
    if (ok) continue;
    context.report_at(c.setting.origin,
                      fmt::format("{}: \"{}\" is not a digest OpenSSL knows; the TLS engine of {}(8) disables "
                                  "itself, so may sends plaintext and mandatory levels defer all mail",
                                  tlsr::shown(c), c.value, c.prefix));
  }
}

}  // namespace pflint::rules
