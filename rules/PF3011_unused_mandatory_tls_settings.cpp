// PF3011 unused-mandatory-tls-settings — smtp_tls_mandatory_* settings that no
// service or destination can use, because TLS is never mandatory.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3011_info;
const lint::RuleInfo PF3011_info{
    .code = "PF3011",
    .name = "unused-mandatory-tls-settings",
    .severity = lint::Severity::info,
    .summary = "smtp_tls_mandatory_* is set but no service or destination uses mandatory TLS",
    .doc = R"md(## What it flags
An explicit `smtp_tls_mandatory_protocols`, `smtp_tls_mandatory_ciphers`
or `smtp_tls_mandatory_exclude_ciphers` (or `lmtp_`) when every client
service that reads it runs at level `none` or `may`, and no entry of its
policy tables asks for `encrypt` or stronger.

## Why it matters
The mandatory settings only apply above `may`. Setting them alone does not
make any delivery stricter; the configuration looks hardened while every
connection uses `smtp_tls_protocols` and `smtp_tls_ciphers`.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_mandatory_protocols = >=TLSv1.2
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_mandatory_protocols = >=TLSv1.2
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt
```

## Exceptions
Settings prepared for a policy table you have not written yet, or for a
table pflint cannot read (SQL, LDAP, socketmap): then nothing is reported.

## How to fix
Either require TLS where you mean to (a level above `may`, globally or in a
policy table), or delete the unused settings.

## Fix
No automatic fix: requiring TLS somewhere and deleting the settings are
both possible; which one is meant is a policy choice.
)md",
};

void check_PF3011(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const std::string_view suffix :
       {"tls_mandatory_protocols", "tls_mandatory_ciphers", "tls_mandatory_exclude_ciphers"}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      const tlsr::SettingUse use =
          tlsr::setting_use(*tls, c, [](const tls::EffectivePolicy& p) { return p.level > tls::Level::may; });
      if (!use.read || use.used) continue;
      context.report_at(c.setting.origin,
                        fmt::format("{} has no effect: no service that reads it uses a level above may, and no "
                                    "policy table entry requires TLS",
                                    c.setting.name));
    }
  }
}

}  // namespace pflint::rules
