// PF3026 connection-reuse-without-tlsproxy — TLS connection reuse without a
// tlsproxy service in master.cf.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3026_info;
const lint::RuleInfo PF3026_info{
    .code = "PF3026",
    .name = "connection-reuse-without-tlsproxy",
    .severity = lint::Severity::error,
    .summary = "TLS connection reuse is on but master.cf has no tlsproxy service",
    .since_version = params::Version{3, 4, 0},
    .doc = R"md(## What it flags
`smtp_tls_connection_reuse = yes` (or `lmtp_`, or `connection_reuse=yes` in
a policy table) when the checked master.cf has no service running the
`tlsproxy` command.

## Why it matters
With reuse on, the SMTP client hands the TLS work to tlsproxy(8) so that
the plaintext side of the connection can be cached. Without that service
the client cannot reach tlsproxy, TLS cannot start, and deliveries that
need it are deferred.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_connection_reuse = yes
```
```master.cf
smtp      unix  -       -       y       -       -       smtp
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_connection_reuse = yes
```
```master.cf
smtp      unix  -       -       y       -       -       smtp
tlsproxy  unix  -       -       y       -       0       tlsproxy
```

## Exceptions
Not checked when no master.cf is part of the checked configuration.

## How to fix
Add the stock tlsproxy line to master.cf (`tlsproxy unix - - y - 0
tlsproxy`), or turn reuse off.

## Fix
No automatic fix: the tlsproxy entry differs between installations (Debian
runs it chrooted, upstream does not), and turning reuse off is another
choice.
)md",
};

void check_PF3026(lint::CheckContext& context) {
  const model::Model& model = context.model();
  if (!model.files().master_file) return;
  for (const config::MasterEntry& e : model.files().master.entries()) {
    if (e.process_name() == "tlsproxy") return;
  }
  for (const tlsr::ClientSetting& c : tlsr::client_settings(model, "tls_connection_reuse")) {
    if (!tls::iequals(c.value, "yes")) continue;
    context.report_at(c.setting.origin,
                      fmt::format("{} = yes, but master.cf has no tlsproxy service: the client cannot hand TLS to "
                                  "tlsproxy(8) and deliveries over TLS are deferred",
                                  c.setting.name));
  }
  tlsr::each_policy_entry(context, [&](const tls::PolicyTable&, const tls::TableEntry& e, const tls::ParsedPolicy& p) {
    const std::vector<const tls::PolicyAttribute*> all = p.all("connection_reuse");
    if (all.empty() || !tls::iequals(all.back()->value, "yes")) return;
    tlsr::report_location(context, all.back()->where.file ? all.back()->where : e.where,
                          fmt::format("connection_reuse=yes for \"{}\", but master.cf has no tlsproxy service: "
                                      "deliveries to it over TLS are deferred",
                                      e.key));
  });
}

}  // namespace pflint::rules
