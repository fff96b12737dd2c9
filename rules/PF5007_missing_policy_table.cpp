// PF5007 missing-policy-table — a TLS policy table Postfix cannot open, which
// makes every lookup fail and defers the mail.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5007_info;
const lint::RuleInfo PF5007_info{
    .code = "PF5007",
    .name = "missing-policy-table",
    .severity = lint::Severity::error,
    .summary = "a TLS policy table does not exist or cannot be opened",
    .doc = R"md(## What it flags
A file-based table in `smtp_tls_policy_maps` or `smtp_tls_per_site` (or
`lmtp_`) under the checked configuration directory that does not exist (neither the source file nor, for `hash:` and
friends, the compiled file), cannot be read, is given as a relative path,
or has a malformed `type:name` / `inline:{ }` spec; and a `hash:`, `lmdb:`
or `cdb:` source whose compiled file is missing because `postmap` was not
run.

## Why it matters
The client looks every destination up in the table. When the table cannot
be opened the lookup fails, Postfix logs a policy table lookup error, and
all mail through the client is deferred, not just the destinations you
meant to list.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
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
Tables whose compiled file exists without the source, and absent files
outside the checked directory (which may exist on the server), are
reported as not inspectable (PF5006), not as missing.

## How to fix
Create the table (and run `postmap` on it for `hash:`, `lmdb:`, `cdb:`
types), use an absolute path, or remove it from the parameter.

## Fix
No automatic fix: the table's content is not known.
)md",
};

void check_PF5007(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const tls::PolicyTable& t : tls->tables()) {
    std::string why;
    switch (t.status) {
      case tls::TableStatus::missing:
        if (tls::compiled_only(t) || tlsr::outside_config_dir(t, context.files().dir)) continue;
        why = fmt::format("it does not exist ({})", t.status_detail);
        break;
      case tls::TableStatus::unreadable: why = fmt::format("it cannot be read ({})", t.status_detail); break;
      case tls::TableStatus::relative_path: why = t.status_detail; break;
      case tls::TableStatus::bad_spec: why = fmt::format("the table spec is malformed ({})", t.status_detail); break;
      default:
        for (const tls::TableProblem& p : t.problems) {
          if (p.message.starts_with("compiled table")) why = p.message;
        }
        if (why.empty()) continue;
    }
    tlsr::report_provenance(context, t.listed_in,
                            fmt::format("{} in {}: {}; every lookup fails and Postfix defers all mail through this "
                                        "client (policy table lookup error)",
                                        t.spec, t.listed_in.parameter, why));
  }
}

}  // namespace pflint::rules
