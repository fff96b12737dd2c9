// PF3012 mandatory-tls-without-relayhost — a mandatory TLS level as the
// default for direct delivery to the Internet.
#include <fmt/core.h>

#include "model/route.hpp"
#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3012_info;
const lint::RuleInfo PF3012_info{
    .code = "PF3012",
    .name = "mandatory-tls-without-relayhost",
    .severity = lint::Severity::warning,
    .summary = "mandatory TLS is the default for delivery straight to the Internet",
    .doc = R"md(## What it flags
A default security level of `encrypt`, `fingerprint`, `dane-only`,
`verify` or `secure` for the transport that delivers mail by default
(`default_transport`, normally `smtp`), when there is no `relayhost`, no
next hop in `default_transport`, and no sender-dependent relay or
transport maps: the server delivers directly to every domain's MX hosts.

## Why it matters
Many Internet mail servers offer no STARTTLS, and most have certificates
that no public CA and no DNS record vouch for. With a mandatory level each
such destination is deferred and finally bounced. `verify`/`secure`
additionally need a certificate name match that MX hosts rarely provide
for the recipient domain. For Internet delivery, `may` or `dane` (with
DNSSEC) is the level to use, with mandatory levels for chosen
destinations in `smtp_tls_policy_maps`.

## Problematic config
```main.cf
smtp_tls_security_level = encrypt
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
Servers that must never send without encryption by policy (a closed
partner network), or whose mail always leaves through a transport map to
known hosts. Suppress the finding there.

## How to fix
Set the global level to `may` (or `dane`) and list the destinations that
must get TLS in a policy table, or route mail through a `relayhost` that
you know supports the level.

## Fix
No automatic fix: the destinations that need TLS, or a relay that offers
it, are not in the configuration.
)md",
};

void check_PF3012(lint::CheckContext& context) {
  const model::Model& model = context.model();
  if (!tlsr::trim(model.expanded("relayhost")).empty()) return;
  if (!tlsr::trim(model.expanded("sender_dependent_relayhost_maps")).empty()) return;
  if (!tlsr::trim(model.expanded("sender_dependent_default_transport_maps")).empty()) return;
  const model::Route route = model::route_of(model.expanded("default_transport"));
  if (!route.nexthop.empty()) return;
  const std::string& name = route.transport;
  const config::MasterEntry* entry = model.files().master.find(name.empty() ? "smtp" : name, "unix");
  if (entry && tls::client_prefix(entry) != "smtp") return;  // lmtp delivers locally
  if (!entry && !model.files().master.entries().empty()) return;  // not a client we know
  const tls::GlobalLevel g = tls::global_tls_level(model, entry);
  using tls::Level;
  if (g.level != Level::encrypt && g.level != Level::fingerprint && g.level != Level::dane_only &&
      g.level != Level::verify && g.level != Level::secure) {
    return;
  }
  lint::Diagnostic& d = context.report_at(
      g.origin, fmt::format("{} is the default for {} with relayhost empty: mail goes straight to the "
                            "recipients' MX hosts, and every domain whose servers cannot meet level {} is deferred "
                            "and finally bounced",
                            tlsr::describe_global(g), entry ? entry->name() : std::string("smtp"),
                            tls::level_name(g.level)));
  d.notes.push_back("use may or dane globally, and require stronger levels per destination in smtp_tls_policy_maps");
}

}  // namespace pflint::rules
