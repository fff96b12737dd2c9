// PF3015 md5-fingerprint-digest — fingerprint verification with MD5, set
// explicitly or left to the default of compatibility_level < 3.6.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3015_info;
const lint::RuleInfo PF3015_info{
    .code = "PF3015",
    .name = "md5-fingerprint-digest",
    .severity = lint::Severity::warning,
    .summary = "certificate fingerprints are compared with MD5",
    .doc = R"md(## What it flags
A `fingerprint` security level in use while `smtp_tls_fingerprint_digest`
(or `lmtp_`) is `md5`: written so, or left at the default, which is `md5`
when `compatibility_level` is below 3.6.

## Why it matters
MD5 collisions can be produced cheaply, so an MD5 fingerprint no longer
pins a certificate reliably. The compatibility-level case is easy to miss:
an old `compatibility_level` (or none at all) keeps MD5 even on current
Postfix, and Postfix only logs an informational line about it.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = fingerprint
smtp_tls_fingerprint_cert_match = 3D:95:34:51:24:66:33:B9:D2:40:99:C0:C1:17:0B:D1
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = fingerprint
smtp_tls_fingerprint_digest = sha256
smtp_tls_fingerprint_cert_match = 3D:95:34:51:24:66:33:B9:D2:40:99:C0:C1:17:0B:D1:CB:07:6E:7A:FC:4E:94:E4:B8:F3:6E:68:56:28:A9:82
```

## Exceptions
None; every peer's fingerprint can be recomputed with SHA-256.

## How to fix
Set `smtp_tls_fingerprint_digest = sha256` (or raise `compatibility_level`
to 3.6 or later) and replace the fingerprints with SHA-256 ones, of the
certificate or of its public key.

## Fix
No automatic fix: changing the digest alone would make every fingerprint
stop matching; they have to be recomputed from the servers' certificates.
)md",
};

void check_PF3015(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  tlsr::Once once;
  tlsr::each_policy(*tls, [&](const tls::ServicePolicy& svc, const tls::EffectivePolicy& p) {
    if (p.level != tls::Level::fingerprint || !p.match.digest || !tls::iequals(p.match.digest->value, "md5")) return;
    const tls::Setting& digest = *p.match.digest;
    const model::Origin& o = digest.from.origin;
    if (o.kind == model::OriginKind::main_cf || o.kind == model::OriginKind::master_override) {
      if (!once.first(digest.from)) return;
      context.report_at(o, fmt::format("{} = md5: the fingerprints for {} are compared with MD5, which no longer "
                                       "pins a certificate reliably",
                                       digest.from.parameter, tlsr::for_whom(svc, p)));
      return;
    }
    if (!once.first(p.level_setting.from)) return;
    lint::Diagnostic& d = tlsr::report_provenance(
        context, p.level_setting.from,
        fmt::format("level fingerprint for {} compares fingerprints with MD5: {} is not set, and its default is md5 "
                    "because compatibility_level = {} ({}) is below 3.6",
                    tlsr::for_whom(svc, p), digest.from.parameter, context.model().compatibility_level(),
                    context.model().raw("compatibility_level").origin.describe()));
    d.notes.push_back(fmt::format("set {} = sha256 and use SHA-256 fingerprints", digest.from.parameter));
  });
}

}  // namespace pflint::rules
