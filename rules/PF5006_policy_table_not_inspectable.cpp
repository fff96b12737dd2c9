// PF5006 policy-table-not-inspectable — a TLS policy table pflint cannot read
// offline, so its entries are not checked.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5006_info;
const lint::RuleInfo PF5006_info{
    .code = "PF5006",
    .name = "policy-table-not-inspectable",
    .severity = lint::Severity::info,
    .summary = "a TLS policy table cannot be inspected offline",
    .doc = R"md(## What it flags
A table in `smtp_tls_policy_maps` or `smtp_tls_per_site` (or `lmtp_`) that
pflint cannot read: a database or network lookup (`mysql:`, `pgsql:`,
`ldap:`, `socketmap:`, `tcp:`, …, also behind `proxy:`), a pattern table
(`regexp:`, `pcre:`) whose matches are not evaluated, or a compiled table
(`hash:`, `lmdb:`, …) whose source file is not next to it, or a file
outside the checked directory that does not exist on this machine (when
you check a copy of the configuration, the table may well exist on the
server).

## Why it matters
The TLS rules judge destinations by what the tables say. For such a table
they cannot: a destination there may get a different level than pflint
reports, and errors in its entries (PF5001–PF5005) go unnoticed.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = proxy:mysql:${config_directory}/mysql-tls-policy.cf
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
This is information, not a fault. Keep the table and suppress the finding
if it has to live in a database.

## How to fix
Nothing needs fixing. To have the entries checked, keep the postmap source
file next to compiled tables, or export database policies to a file that
pflint can read.

## Fix
No automatic fix: nothing needs fixing.
)md",
};

void check_PF5006(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const tls::PolicyTable& t : tls->tables()) {
    std::string why;
    if (t.status == tls::TableStatus::not_inspectable) {
      why = fmt::format("{} tables need a server or database that pflint does not contact", t.type);
    } else if (t.status == tls::TableStatus::not_evaluated) {
      why = fmt::format("{} tables are read but their patterns are not matched against destinations", t.type);
    } else if (tls::compiled_only(t)) {
      why = fmt::format("only the compiled file exists; pflint reads the source file and looked for {}",
                        t.source_path);
    } else if (tlsr::outside_config_dir(t, context.files().dir)) {
      why = fmt::format("{} is outside the checked directory and not on this machine", t.source_path);
    } else {
      continue;
    }
    tlsr::report_provenance(context, t.listed_in,
                            fmt::format("{} in {} cannot be inspected: {}; destinations it covers are not checked",
                                        t.spec, t.listed_in.parameter, why));
  }
}

}  // namespace pflint::rules
