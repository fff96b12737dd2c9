// PF3031 no-modern-tls-protocol — the protocols a client policy uses leave
// only versions older than TLS 1.2, which current servers refuse.
#include <fmt/format.h>

#include <algorithm>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3031_info;
const lint::RuleInfo PF3031_info{
    .code = "PF3031",
    .name = "no-modern-tls-protocol",
    .severity = lint::Severity::error,
    .summary = "the TLS protocols in use allow neither TLSv1.2 nor TLSv1.3",
    .doc = R"md(## What it flags
The protocol list an SMTP or LMTP client really uses for a destination —
`smtp_tls_protocols` at level `may`, `smtp_tls_mandatory_protocols` at the
mandatory levels, or a policy-table `protocols=` attribute, in main.cf or as
a master.cf `-o` — when it leaves some protocols enabled but none of them is
TLSv1.2 or TLSv1.3. A list that names a single old protocol
(`TLSv1.1`) enables only that one; it does not mean "this version or
newer".

A list that Postfix rejects or that leaves no protocol at all is PF3004's
finding, not this one's.

## Why it matters
Current mail servers and OpenSSL builds no longer accept SSLv3, TLSv1 or
TLSv1.1, so the handshake fails. At a mandatory level every message to the
destination is deferred; at level `may` the client gives up on TLS and
delivers in plaintext.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_mandatory_protocols = TLSv1.1
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_mandatory_protocols = >=TLSv1.2
```

## Exceptions
A legacy server that speaks only an old protocol: give it its own policy
table entry and suppress the finding there, rather than lowering the
global list.

## How to fix
Write the minimum version as a range, `>=TLSv1.2` (Postfix 3.6 and later),
or exclude the old ones: `!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`.

## Fix
When the protocols come from a main.cf line or a `-o` option, the fix
writes `>=TLSv1.2` (`!SSLv2, !SSLv3, !TLSv1, !TLSv1.1` before Postfix
3.6). It is **unsafe**: servers that speak only the old versions then get
no TLS (plaintext at `may`, deferred mail at mandatory levels), where
today it is the other way round.
)md",
    .fix = lint::FixClass::unsafe,
};

namespace {

bool has_modern(const tls::ProtocolList& list) {
  return std::any_of(list.enabled.begin(), list.enabled.end(),
                     [](const std::string& p) { return p == "TLSv1.2" || p == "TLSv1.3"; });
}

}  // namespace

void check_PF3031(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  tlsr::Once once;
  tlsr::each_policy(*tls, [&](const tls::ServicePolicy& svc, const tls::EffectivePolicy& p) {
    if (!p.protocols || !p.protocols_setting || !p.valid()) return;
    const tls::ProtocolList& list = *p.protocols;
    if (list.invalid() || list.enabled.empty() || has_modern(list)) return;
    const tls::Setting& s = *p.protocols_setting;
    if (!once.first(s.from)) return;
    const bool mandatory = tls::tls_required(p.level);
    lint::Diagnostic& d = tlsr::report_provenance(
        context, s.from,
        fmt::format("{} enables only {} for {}: no TLSv1.2 or TLSv1.3, so current servers refuse the handshake "
                    "and {}",
                    tlsr::describe_setting(s), fmt::join(list.enabled, ", "), tlsr::for_whom(svc, p),
                    mandatory ? fmt::format("mail at level {} is deferred", tls::level_name(p.level))
                              : std::string("mail goes out in plaintext")));
    const model::Origin& o = s.from.origin;
    if (s.from.kind == tls::Provenance::Kind::parameter && o.file &&
        (o.kind == model::OriginKind::main_cf || o.kind == model::OriginKind::master_override)) {
      const std::string_view modern = context.version() >= params::Version{3, 6, 0} ? ">=TLSv1.2"
                                                                                     : "!SSLv2, !SSLv3, !TLSv1, !TLSv1.1";
      // Unsafe: servers with only the old versions lose TLS.
      d.fixes.push_back({fmt::format("Set {} = {}", s.from.parameter, modern),
                         {{o.file, fixe::setting_span(o), fixe::assignment(o, s.from.parameter, modern)}},
                         false});
    }
  });
}

}  // namespace pflint::rules
