// PF3010 opportunistic-tls-restricted — protocols or ciphers for level may
// restricted below Postfix's defaults.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3010_info;
const lint::RuleInfo PF3010_info{
    .code = "PF3010",
    .name = "opportunistic-tls-restricted",
    .severity = lint::Severity::info,
    .summary = "opportunistic TLS (level may) is restricted to fewer protocols or ciphers than the defaults",
    .doc = R"md(## What it flags
`smtp_tls_protocols` that disables protocols the default allows (TLSv1 up
to TLSv1.3), or `smtp_tls_ciphers = high`, for a client whose security
level is `may` (and the same for `lmtp_`).

## Why it matters
With opportunistic TLS the alternative to a weak handshake is not a strong
one but plaintext: when a server cannot meet the restriction, the
handshake fails and Postfix may retry the delivery without TLS at all.
Restricting `may` therefore rarely raises security, and can lower it. The
`smtp_tls_mandatory_*` parameters are the place for stricter settings.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_protocols = >=TLSv1.2
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
smtp_tls_mandatory_protocols = >=TLSv1.2
```
```tls_policy
[smtp.example.net]:587    encrypt
```

## Exceptions
Compliance rules that forbid old protocols on every connection, even at
the price of plaintext. Then keep the setting and suppress this finding.

## How to fix
Delete the restriction, and put stricter settings into
`smtp_tls_mandatory_protocols` / `smtp_tls_mandatory_ciphers` for the
destinations where TLS is required.

## Fix
No automatic fix: dropping the restriction changes which servers get TLS,
and whether it belongs in the mandatory twins instead is a policy choice.
)md",
};

void check_PF3010(lint::CheckContext& context) {
  const model::Model& model = context.model();
  const auto at_may = [&](const tlsr::ClientSetting& c) {
    const config::MasterEntry* scope = tls::client_scope(c.prefix, c.setting.origin.service);
    return tls::global_tls_level(model, scope).level == tls::Level::may;
  };
  for (const tlsr::ClientSetting& c : tlsr::client_settings(model, "tls_protocols")) {
    const tls::ProtocolList list = tls::parse_protocols(c.value);
    if (list.invalid() || list.enabled.empty() || !at_may(c)) continue;
    std::vector<std::string> off;
    for (const char* p : {"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"}) {
      if (std::find(list.enabled.begin(), list.enabled.end(), p) == list.enabled.end()) off.emplace_back(p);
    }
    if (off.empty()) continue;
    std::string names;
    for (const std::string& n : off) names += (names.empty() ? "" : ", ") + n;
    context.report_at(c.setting.origin,
                      fmt::format("{} disables {} for opportunistic TLS: servers that only speak those get a failed "
                                  "handshake and may then receive the mail in plaintext",
                                  tlsr::shown(c), names));
  }
  for (const tlsr::ClientSetting& c : tlsr::client_settings(model, "tls_ciphers")) {
    if (tls::parse_cipher_grade(c.value) != tls::CipherGrade::high || !at_may(c)) continue;
    context.report_at(c.setting.origin,
                      fmt::format("{} restricts opportunistic TLS to the high grade: servers without such ciphers "
                                  "get a failed handshake and may then receive the mail in plaintext",
                                  tlsr::shown(c)));
  }
}

}  // namespace pflint::rules
