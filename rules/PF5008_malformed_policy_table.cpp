// PF5008 malformed-policy-table — lines of a TLS policy table source that
// postmap rejects, duplicate keys, and map names with the compiled suffix.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF5008_info;
const lint::RuleInfo PF5008_info{
    .code = "PF5008",
    .name = "malformed-policy-table",
    .severity = lint::Severity::warning,
    .summary = "a TLS policy table source has malformed lines or duplicate keys",
    .doc = R"md(## What it flags
In the source file of a table listed in `smtp_tls_policy_maps` or
`smtp_tls_per_site` (or `lmtp_`):
- a line that is not `key whitespace value` (a key without a value);
- a key that appears again later (case does not matter);
- a map name that already ends in `.db` (or `.lmdb`, `.cdb`), so Postfix
  opens `file.db.db`.

## Why it matters
postmap skips a malformed line with a warning, and of duplicate keys only
the first one counts: the entry you edited last may be the one Postfix
never sees. The destination then gets a level you did not intend.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    encrypt
partner.example    verify
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
```
```tls_policy
partner.example    verify
```

## Exceptions
None.

## How to fix
Keep one line per destination; continuation lines must start with
whitespace; give the map name without the compiled suffix.

## Fix
No automatic fix: policy tables are not edited by `--fix` (a compiled table
also needs `postmap`), and the entry meant cannot be guessed.
)md",
};

void check_PF5008(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const tls::PolicyTable& t : tls->tables()) {
    for (const tls::TableProblem& p : t.problems) {
      if (p.message.starts_with("compiled table")) continue;  // PF5007
      const std::string message = fmt::format("{} ({}): {}", t.spec, t.listed_in.parameter, p.message);
      if (p.where.file) tlsr::report_location(context, p.where, message);
      else tlsr::report_provenance(context, t.listed_in, message);
    }
  }
}

}  // namespace pflint::rules
