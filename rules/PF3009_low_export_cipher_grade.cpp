// PF3009 low-export-cipher-grade — `low` or `export` cipher grades, which
// Postfix 3.8 and later treat as `medium`.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3009_info;
const lint::RuleInfo PF3009_info{
    .code = "PF3009",
    .name = "low-export-cipher-grade",
    .severity = lint::Severity::warning,
    .summary = "cipher grade low or export, which means medium since Postfix 3.8",
    .since_version = params::Version{3, 8, 0},
    .doc = R"md(## What it flags
`smtp_tls_ciphers` or `smtp_tls_mandatory_ciphers` (and `lmtp_`) set to
`low` or `export` on Postfix 3.8 or later.

## Why it matters
Since 3.8 these grades are aliases of `medium`, and the lists they used to
select (`tls_low_cipherlist`, `tls_export_cipherlist`) are ignored. A
setting that claims to allow weak ciphers for an old peer no longer does:
if that peer really needs them, its handshakes fail. If it does not, the
line only misleads.

## Problematic config
```main.cf postfix=3.9
smtp_tls_ciphers = export
```

## Correct config
```main.cf postfix=3.9
smtp_tls_ciphers = medium
```

## Exceptions
Configurations shared with Postfix 3.7 or older, where the grades still
select weaker lists.

## How to fix
Write `medium` (what Postfix uses anyway; the fix does this) or delete the
line. For a peer that cannot do better, use a policy table entry for that
destination instead of weakening every connection.

## Fix
The fix writes `medium`. It is **safe**: on the Postfix versions the rule
applies to (3.8 and later) `low` and `export` already select the medium
list, so the ciphers offered do not change.
)md",
    .fix = lint::FixClass::safe,
};

void check_PF3009(lint::CheckContext& context) {
  for (const std::string_view suffix : {std::string_view("tls_ciphers"), std::string_view("tls_mandatory_ciphers")}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      const tls::CipherGrade g = tls::parse_cipher_grade(c.value);
      if (g != tls::CipherGrade::low && g != tls::CipherGrade::export_) continue;
      lint::Diagnostic& d = context.report_at(
          c.setting.origin, fmt::format("{}: since Postfix 3.8 the grade \"{}\" means medium, and "
                                        "tls_{}_cipherlist is ignored",
                                        tlsr::shown(c), c.value, tls::cipher_grade_name(g)));
      if (c.literal && c.setting.origin.file) {
        d.fixes.push_back({"Write medium", {{c.setting.origin.file, tlsr::token_span(c, 0, static_cast<std::uint32_t>(c.value.size())), "medium"}},
                           true});  // safe: low and export already mean medium
      }
    }
  }
}

}  // namespace pflint::rules
