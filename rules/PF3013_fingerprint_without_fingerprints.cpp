// PF3013 fingerprint-without-fingerprints — level fingerprint with no
// fingerprint to compare the server certificate against.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3013_info;
const lint::RuleInfo PF3013_info{
    .code = "PF3013",
    .name = "fingerprint-without-fingerprints",
    .severity = lint::Severity::error,
    .summary = "level fingerprint without smtp_tls_fingerprint_cert_match or match=",
    .doc = R"md(## What it flags
A `fingerprint` security level (global, `-o`, or a policy table entry)
where neither the entry's `match=` attributes nor
`smtp_tls_fingerprint_cert_match` (or `lmtp_`) give a fingerprint.

## Why it matters
At this level the server's certificate or public key must match one of the
listed digests; nothing else is trusted. With an empty list the client logs
that it has no fingerprints to match and defers every message for the
destination, until the mail expires and bounces.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = fingerprint
smtp_tls_fingerprint_digest = sha256
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = fingerprint
smtp_tls_fingerprint_digest = sha256
smtp_tls_fingerprint_cert_match = 3D:95:34:51:24:66:33:B9:D2:40:99:C0:C1:17:0B:D1:CB:07:6E:7A:FC:4E:94:E4:B8:F3:6E:68:56:28:A9:82
```

## Exceptions
None.

## How to fix
Add the fingerprint of the server's certificate or public key, computed
with the digest in `smtp_tls_fingerprint_digest` (for example with
`posttls-finger` or `openssl x509 -fingerprint -sha256`), to
`smtp_tls_fingerprint_cert_match` or to the entry's `match=` (several
separated by `|`).

## Fix
No automatic fix: the fingerprint has to be computed from the server's
certificate or key.
)md",
};

void check_PF3013(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  tlsr::Once once;
  tlsr::each_policy(*tls, [&](const tls::ServicePolicy& svc, const tls::EffectivePolicy& p) {
    if (p.level != tls::Level::fingerprint || !p.match.values.empty()) return;
    if (!p.destination.empty() && !p.from_table) return;  // the global finding covers it
    if (!once.first(p.level_setting.from)) return;
    tlsr::report_provenance(context, p.level_setting.from,
                            fmt::format("level fingerprint for {} ({}), but neither match= nor {} lists a "
                                        "fingerprint: every message to it is deferred",
                                        tlsr::for_whom(svc, p), tlsr::level_from(svc, p),
                                        svc.parameter("tls_fingerprint_cert_match")));
  });
}

}  // namespace pflint::rules
