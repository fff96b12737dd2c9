// PF3033 unused-opportunistic-tls-settings — smtp_tls_protocols or
// smtp_tls_ciphers set where every delivery uses a mandatory TLS level,
// which reads the smtp_tls_mandatory_* settings instead.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3033_info;
const lint::RuleInfo PF3033_info{
    .code = "PF3033",
    .name = "unused-opportunistic-tls-settings",
    .severity = lint::Severity::info,
    .summary = "smtp_tls_protocols or smtp_tls_ciphers is set but every delivery uses a mandatory TLS level",
    .doc = R"md(## What it flags
An explicit `smtp_tls_protocols` or `smtp_tls_ciphers` (or the `lmtp_`
form) when every client service that reads it runs at a mandatory level
(`encrypt`, `fingerprint`, `dane-only`, `verify`, `secure`) and no entry
of its policy tables asks for `may`. Level `dane` counts as a use: for a
destination without DNSSEC-signed MX records or without TLSA records
Postfix falls back to `may` at delivery time, and a `dane` level whose
DNSSEC prerequisites fail runs as `may` for every destination.

## Why it matters
Postfix reads the opportunistic settings only at level `may`. At the
mandatory levels it takes `smtp_tls_mandatory_protocols` and
`smtp_tls_mandatory_ciphers` instead, so hardening the opportunistic pair
changes nothing: the configuration looks stricter than the connections
really are.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_protocols = >=TLSv1.2
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_mandatory_protocols = >=TLSv1.2
```

## Exceptions
Settings kept for a policy table entry at `may` that pflint cannot read
(SQL, LDAP, socketmap): then nothing is reported.

## How to fix
Set the `smtp_tls_mandatory_*` twin instead (`smtp_tls_mandatory_protocols`,
`smtp_tls_mandatory_ciphers`), or delete the unused setting.

## Fix
No automatic fix: setting the mandatory twin and deleting the setting are
both possible; which one is meant is a policy choice.
)md",
};

void check_PF3033(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const std::string_view suffix : {"tls_protocols", "tls_ciphers"}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      const tlsr::SettingUse at_may = tlsr::setting_use(
          *tls, c, [](const tls::EffectivePolicy& p) {
            // dane falls back to may at delivery time for non-DNSSEC or TLSA-less destinations.
            return p.used_level() == tls::Level::may || p.used_level() == tls::Level::dane;
          });
      if (!at_may.read || at_may.used) continue;
      // Only a mandatory level makes the setting dead for that reason; with
      // TLS off everywhere the level is the problem, not this setting.
      const tlsr::SettingUse mandatory = tlsr::setting_use(
          *tls, c, [](const tls::EffectivePolicy& p) { return tls::tls_required(p.used_level()); });
      if (!mandatory.used) continue;
      context.report_at(c.setting.origin,
                        fmt::format("{} has no effect: every service that reads it uses a mandatory TLS level, "
                                    "which reads {}_tls_mandatory_{} instead",
                                    c.setting.name, c.prefix, suffix.substr(4)));
    }
  }
}

}  // namespace pflint::rules
