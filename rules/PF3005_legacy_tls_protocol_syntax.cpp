// PF3005 legacy-tls-protocol-syntax — a protocol list written as exclusions
// (`!SSLv2, !SSLv3`) where Postfix 3.6+ takes a lower bound (`>=TLSv1`).
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3005_info;
const lint::RuleInfo PF3005_info{
    .code = "PF3005",
    .name = "legacy-tls-protocol-syntax",
    .severity = lint::Severity::info,
    .summary = "a TLS protocol list uses the pre-3.6 exclusion form instead of a >= bound",
    .since_version = params::Version{3, 6, 0},
    .doc = R"md(## What it flags
`smtp_tls_protocols` or `smtp_tls_mandatory_protocols` (and the `lmtp_`
forms) written only as exclusions, such as `!SSLv2, !SSLv3` or
`!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`, on Postfix 3.6 or later, which
understands a lower bound such as `>=TLSv1.2`. Also an include list naming
only `SSLv2`, which restricts nothing at all.

## Why it matters
An exclusion list names what to leave out, so it silently admits every
protocol added later, and it is easy to get wrong by forgetting one name.
A bound says directly what is acceptable. For mandatory TLS, `>=TLSv1.2`
is a sensible floor today.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_mandatory_protocols = !SSLv2, !SSLv3, !TLSv1, !TLSv1.1
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
smtp_tls_mandatory_protocols = >=TLSv1.2
```

## Exceptions
Configurations shared with Postfix older than 3.6 must keep the exclusion
form. Lists that mix includes and exclusions are left alone.

## How to fix
Replace the list with the equivalent bound the finding shows (the fix does
this; it changes nothing in behaviour). `!SSLv2, !SSLv3` is exactly the
default `>=TLSv1`, so that line can also simply be deleted.

## Fix
The fix replaces the value with the bound (`>=TLSv1.2` for
`!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`). It is **safe**: the rule only fires
on Postfix 3.6 or later, where the bound enables exactly the protocols the
exclusion list enabled.
)md",
    .fix = lint::FixClass::safe,
};

void check_PF3005(lint::CheckContext& context) {
  for (const std::string_view suffix : {std::string_view("tls_protocols"), std::string_view("tls_mandatory_protocols")}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      const tls::ProtocolList list = tls::parse_protocols(c.value);
      if (list.invalid() || list.floor || list.ceiling) continue;
      if (list.only_unsupported_includes) {
        context.report_at(c.setting.origin,
                          fmt::format("{}: SSLv2 is unknown to current OpenSSL, so this include list restricts "
                                      "nothing and every protocol stays enabled",
                                      tlsr::shown(c)));
        continue;
      }
      if (!list.included.empty() || list.excluded.empty() || list.enabled.empty()) continue;
      // Equivalent to a floor when the enabled protocols run up to TLSv1.3 without a gap.
      const std::vector<std::string> all{"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
      const auto start = std::find(all.begin(), all.end(), list.enabled.front());
      const bool contiguous = start != all.end() && std::equal(list.enabled.begin(), list.enabled.end(), start, all.end());
      if (!contiguous) continue;
      const std::string bound = ">=" + list.enabled.front();
      lint::Diagnostic& d = context.report_at(
          c.setting.origin, fmt::format("{} uses the pre-3.6 exclusion form; on this Postfix it is the same as {} = {}",
                                        tlsr::shown(c), c.setting.name, bound));
      if (suffix == "tls_mandatory_protocols" && list.enabled.front() < std::string("TLSv1.2")) {
        d.notes.push_back("for mandatory TLS consider >=TLSv1.2");
      }
      if (bound == ">=TLSv1") d.notes.push_back(">=TLSv1 is the default: the line can also be deleted");
      if (c.literal && c.setting.origin.file) {
        d.fixes.push_back({fmt::format("Replace with {}", bound),
                           {{c.setting.origin.file, c.setting.origin.value_span, bound}},
                           true});  // safe: the same protocols on Postfix 3.6+
      }
    }
  }
}

}  // namespace pflint::rules
