// PF5001 invalid-policy-level — a policy table entry whose level (or per-site
// value) Postfix does not know.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5001_info;
const lint::RuleInfo PF5001_info{
    .code = "PF5001",
    .name = "invalid-policy-level",
    .severity = lint::Severity::error,
    .summary = "a TLS policy table entry has an unknown security level",
    .doc = R"md(## What it flags
An entry of a table in `smtp_tls_policy_maps` (or `lmtp_`) whose first word
is not a security level (`none`, `may`, `encrypt`, `fingerprint`, `dane`,
`dane-only`, `verify`, `secure`, any case), such as `"encrypt"`,
`halfdane`, `must` or `tls`; and an entry of a legacy `smtp_tls_per_site`
table that is not `NONE`, `MAY`, `MUST_NOPEERMATCH` or `MUST`.

## Why it matters
Postfix reads the table at delivery time. For an entry with an unknown
level it logs a warning and defers every message to that destination, as
a TLS configuration problem, until the entry is fixed.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    must
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt
```

## Exceptions
Tables pflint cannot read (PF5006) are not checked.

## How to fix
Use one of the level names; per-site `MUST` corresponds to `verify` and
`MUST_NOPEERMATCH` to `encrypt` in a policy table.

## Fix
No automatic fix: policy tables are not edited by `--fix` (a compiled table
also needs `postmap`), and the level meant cannot be guessed.
)md",
};

void check_PF5001(lint::CheckContext& context) {
  tlsr::report_policy_problems(context,
                               [](tls::PolicyProblemKind k) { return k == tls::PolicyProblemKind::invalid_level; });
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const tls::PolicyTable& t : tls->tables()) {
    if (!t.listed_in.parameter.ends_with("_tls_per_site") || !t.evaluable()) continue;
    for (const tls::TableEntry& e : t.entries) {
      if (e.duplicate || tls::parse_site_value(e.value) != tls::SiteValue::invalid) continue;
      const tls::Location where = e.value_map.locate(0, static_cast<std::uint32_t>(e.value.size()));
      tlsr::report_location(context, where.file ? where : e.where,
                            fmt::format("per-site policy \"{}\" for \"{}\" ({}) is not NONE, MAY, MUST_NOPEERMATCH or "
                                        "MUST; Postfix defers all mail to this destination",
                                        e.value, e.key, t.listed_in.parameter));
    }
  }
}

}  // namespace pflint::rules
