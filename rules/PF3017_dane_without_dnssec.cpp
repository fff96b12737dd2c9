// PF3017 dane-without-dnssec — level dane or dane-only while DNSSEC lookups
// are off or the resolver settings defeat them.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3017_info;
const lint::RuleInfo PF3017_info{
    .code = "PF3017",
    .name = "dane-without-dnssec",
    .severity = lint::Severity::error,
    .summary = "level dane or dane-only without the DNSSEC lookups DANE needs",
    .doc = R"md(## What it flags
A `dane` or `dane-only` level (global, `-o`, or a policy table entry) for a
client where
- `smtp_dns_support_level` is not `dnssec`, or `smtp_host_lookup` does not
  include `dns`;
- `ignore_mx_lookup_error = yes` (SMTP only; the name has no `smtp_`
  prefix, and `smtp_ignore_mx_lookup_error` is not a Postfix parameter);
- `smtp_dns_resolver_options` contains `res_defnames` or `res_dnsrch`
(with the `lmtp_` forms for LMTP).

## Why it matters
DANE trusts TLSA records only when DNSSEC validated them. Without validated
lookups Postfix logs a warning for each destination and then treats `dane`
as `may`: unauthenticated, optional TLS, so the protection you asked for
is gone. With `dane-only` it defers every message instead.

## Problematic config
```main.cf
smtp_tls_security_level = dane
```

## Correct config
```main.cf
smtp_dns_support_level = dnssec
smtp_tls_security_level = dane
```

## Exceptions
None. DNSSEC validation also needs a validating resolver (for example a
local unbound) in `/etc/resolv.conf`; pflint cannot check that.

## How to fix
Set `smtp_dns_support_level = dnssec`, keep `dns` in `smtp_host_lookup`,
leave `ignore_mx_lookup_error` at `no`, and remove `res_defnames` and
`res_dnsrch` from `smtp_dns_resolver_options`.

## Fix
When the DNS support level is the only missing prerequisite, the fix sets
`smtp_dns_support_level = dnssec`: it replaces the explicit setting, or
adds one next to the setting that asks for `dane`. It is **unsafe**: DNS
lookups change for every delivery of that client (DNSSEC validation by
the resolver is then required, and TLSA records are enforced). Other
missing prerequisites get no fix: which lookups to change is for the
admin.
)md",
    .fix = lint::FixClass::unsafe,
};

namespace {
bool has_word(std::string_view list, std::string_view word) {
  for (const tls::Token& t : tls::tokens(list, tls::k_comma_sp)) {
    if (tls::iequals(t.text, word)) return true;
  }
  return false;
}
bool explicit_parameter(const tls::Provenance& p) {
  return p.kind == tls::Provenance::Kind::parameter && p.origin.file &&
         (p.origin.kind == model::OriginKind::main_cf || p.origin.kind == model::OriginKind::master_override);
}

// add_dnssec_fix - unsafe: <prefix>_dns_support_level = dnssec, in place of
// the explicit setting or next to the parameter that asks for DANE.
void add_dnssec_fix(lint::Diagnostic& finding, const tls::DanePrerequisites& d, const tls::Provenance& level) {
  const tls::Provenance& dns = d.dns_support_level.from;
  const std::string name(dns.parameter);
  const std::string title = fmt::format("Set {} = dnssec", name);
  if (explicit_parameter(dns)) {
    finding.fixes.push_back(
        {title, {{dns.origin.file, fixe::setting_span(dns.origin), fixe::assignment(dns.origin, name, "dnssec")}},
         false});
  } else if (explicit_parameter(level)) {
    if (const auto add = fixe::insert_after(level.origin, name, "dnssec")) finding.fixes.push_back({title, {*add}, false});
  }
}

}  // namespace

void check_PF3017(lint::CheckContext& context) {
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  tlsr::Once once;
  tlsr::each_policy(*tls, [&](const tls::ServicePolicy& svc, const tls::EffectivePolicy& p) {
    if (!p.dane || p.dane->problems.empty()) return;
    if (!p.destination.empty() && !p.from_table) return;
    if (!once.first(p.level_setting.from)) return;
    const tls::DanePrerequisites& d = *p.dane;
    std::vector<std::string> why;
    if (d.dns_support_level.value != "dnssec") {
      why.push_back(tlsr::describe_setting(d.dns_support_level) + " is not dnssec");
    }
    if (!has_word(d.host_lookup.value, "dns")) why.push_back(tlsr::describe_setting(d.host_lookup) + " lacks dns");
    if (d.ignore_mx_lookup_error && tls::iequals(d.ignore_mx_lookup_error->value, "yes")) {
      why.push_back(tlsr::describe_setting(*d.ignore_mx_lookup_error));
    }
    if (has_word(d.resolver_options.value, "res_defnames") || has_word(d.resolver_options.value, "res_dnsrch")) {
      why.push_back(tlsr::describe_setting(d.resolver_options) + " has res_defnames/res_dnsrch");
    }
    std::string reasons;
    for (const std::string& w : why) reasons += (reasons.empty() ? "" : "; ") + w;
    const std::string outcome = p.level == tls::Level::dane
                                    ? "Postfix warns and falls back to level may (optional, unauthenticated TLS)"
                                    : "Postfix defers every message";
    lint::Diagnostic& finding =
        tlsr::report_provenance(context, p.level_setting.from,
                                fmt::format("level {} for {} ({}) cannot work: {}; {}", tls::level_name(p.level),
                                            tlsr::for_whom(svc, p), tlsr::level_from(svc, p), reasons, outcome));
    if (why.size() == 1 && d.dns_support_level.value != "dnssec") add_dnssec_fix(finding, d, p.level_setting.from);
  });
}

}  // namespace pflint::rules
