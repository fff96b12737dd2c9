// PF3032 server-only-tls — TLS is set up for the SMTP server, but the SMTP
// client's level is the built-in `none`, so outgoing mail is never
// encrypted (and SASL client logins fail or go out in clear).
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "rules/nexthop_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3032_info;
const lint::RuleInfo PF3032_info{
    .code = "PF3032",
    .name = "server-only-tls",
    .severity = lint::Severity::info,
    .summary = "TLS is configured for the SMTP server only: the SMTP client sends all mail in plaintext",
    .doc = R"md(## What it flags
A main.cf that sets up TLS for the SMTP server (a certificate in
`smtpd_tls_cert_file`, `smtpd_tls_chain_files` or `smtpd_tls_eccert_file`,
or `smtpd_tls_security_level = may`/`encrypt`) while the SMTP client service
that delivers outgoing mail has no TLS level at all: neither
`smtp_tls_security_level` nor an obsolete switch is set, no policy table is
used, and the built-in default is `none` (Postfix before 3.11, or
`compatibility_level` below 3.11).

The severity grows with what is at stake:
- **info** for direct delivery to MX hosts;
- **warning** when mail goes to a relay (`relayhost`, a next hop in
  `default_transport`/`relay_transport`, `smtp_fallback_relay`);
- **error** when `smtp_sasl_auth_enable = yes`: with the default
  `smtp_sasl_security_options` (which keep `noplaintext`) no
  password mechanism may be used without TLS, AUTH fails and the mail is
  deferred; with `noplaintext` dropped the password is sent in clear.

## Why it matters
Many admins expect one `smtpd_tls_*` block to "turn TLS on". It only
affects mail that comes in. Without a client level, Postfix never sends
STARTTLS, not even to a relay or provider that offers it, and the
provider's credentials travel unprotected or the login fails.

## Problematic config
```main.cf
smtpd_tls_chain_files = /etc/postfix/server.pem
smtpd_tls_security_level = may
relayhost = [smtp.example.net]:587
```

## Correct config
```main.cf
smtpd_tls_chain_files = /etc/postfix/server.pem
smtpd_tls_security_level = may
relayhost = [smtp.example.net]:587
smtp_tls_security_level = encrypt
```

## Exceptions
A client that must never use TLS: set `smtp_tls_security_level = none`
explicitly, which also documents the choice.

## How to fix
Set `smtp_tls_security_level = may` for opportunistic TLS to the Internet,
or `encrypt` (or `verify` with a CA) for a relay that always offers
STARTTLS, above all when the client logs in with SASL. Postfix 3.11 at
`compatibility_level = 3.11` makes `may` the default.

## Fix
No automatic fix: opportunistic (`may`) and mandatory (`encrypt`, `verify`)
TLS are both reasonable; which one fits the relay is a policy decision.
)md",
};

namespace {

// The first explicit main.cf setting that enables TLS in the SMTP server.
const model::Setting* server_tls_setting(const model::Model& model) {
  constexpr std::array<std::string_view, 3> certificates = {"smtpd_tls_cert_file", "smtpd_tls_chain_files",
                                                            "smtpd_tls_eccert_file"};
  for (const model::Setting& s : model.settings()) {
    if (!s.effective || s.origin.kind != model::OriginKind::main_cf) continue;
    // Names first: expanding every setting of a big main.cf costs more than the rest of the rule.
    const bool certificate = std::find(certificates.begin(), certificates.end(), s.name) != certificates.end();
    if (!certificate && s.name != "smtpd_tls_security_level") continue;
    const std::string value = tlsr::trim(model.expanded(s.name));
    if (value.empty()) continue;
    const bool level = s.name == "smtpd_tls_security_level" && (tls::iequals(value, "may") || tls::iequals(value, "encrypt"));
    if (certificate || level) return &s;
  }
  return nullptr;
}

// A client service that has no TLS of its own: built-in `none`, no tables.
bool plaintext_only(const model::Model& model, const tls::ServicePolicy& svc) {
  return svc.global.level == tls::Level::none && svc.global.origin.kind == model::OriginKind::built_in &&
         !svc.global.derived() && svc.policy_maps.value.empty() && svc.per_site.value.empty() &&
         !nexthop::wrappermode(model, svc);
}

}  // namespace

void check_PF3032(lint::CheckContext& context) {
  const model::Model& model = context.model();
  const model::Setting* server = server_tls_setting(model);
  if (server == nullptr) return;

  // The services that deliver outgoing mail, with their first relay hop.
  std::vector<nexthop::ClientHop> hops;
  nexthop::each_client_nexthop(context, [&](const nexthop::ClientHop& h) { hops.push_back(h); });
  std::vector<std::pair<const tls::ServicePolicy*, const nexthop::ClientHop*>> services;  // first-seen order
  for (const nexthop::ClientHop& h : hops) {
    auto it = std::find_if(services.begin(), services.end(), [&](const auto& s) { return s.first == h.service; });
    if (it == services.end()) it = services.insert(services.end(), {h.service, nullptr});
    if (!h.hop.empty() && it->second == nullptr) it->second = &h;
  }

  tlsr::Once once;
  for (const auto& entry : services) {
    const auto* svc = entry.first;  // not a structured binding: clang 14 cannot capture those in a lambda
    const auto* relay = entry.second;
    if (!plaintext_only(model, *svc)) continue;
    const bool sasl = model.boolean("smtp_sasl_auth_enable", svc->entry);
    const std::string options = model.expanded("smtp_sasl_security_options", svc->entry);
    // At the relay line the server setting needs its place; at its own line not.
    const auto base = [&](bool with_place) {
      return fmt::format("{}{} sets up TLS for the SMTP server only: {} has no TLS level (built-in "
                         "smtp_tls_security_level = none), so it never uses STARTTLS",
                         server->name, with_place ? fmt::format(" ({})", server->origin.describe()) : "", svc->name);
    };
    lint::Diagnostic* d = nullptr;
    if (relay != nullptr) {
      if (!once.first(relay->file(), relay->span())) continue;
      d = &nexthop::report(context, *relay, fmt::format("{}, also not to {} ({})", base(true), relay->hop, relay->via));
      d->severity = lint::Severity::warning;
    } else {
      if (!once.first(server->origin.file, server->origin.value_span)) continue;
      d = &context.report_at(server->origin, base(false) + ": mail to MX hosts goes out in plaintext");
    }
    if (sasl) {
      d->severity = lint::Severity::error;
      d->message += tls::has_token(options, "noplaintext")
                        ? fmt::format("; smtp_sasl_auth_enable = yes with smtp_sasl_security_options = {} forbids "
                                      "plaintext logins without TLS, so AUTH finds no usable mechanism and the "
                                      "mail is deferred",
                                      tlsr::trim(options))
                        : fmt::format("; smtp_sasl_auth_enable = yes with smtp_sasl_security_options = {} (no "
                                      "noplaintext) sends the SASL password in clear",
                                      tlsr::trim(options));
    }
  }
}

}  // namespace pflint::rules
