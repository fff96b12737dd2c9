// PF3008 mandatory-ciphers-weaker — the cipher grade for mandatory TLS is
// weaker than the one for opportunistic TLS.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3008_info;
const lint::RuleInfo PF3008_info{
    .code = "PF3008",
    .name = "mandatory-ciphers-weaker",
    .severity = lint::Severity::warning,
    .summary = "smtp_tls_mandatory_ciphers is weaker than smtp_tls_ciphers",
    .doc = R"md(## What it flags
A client (main.cf, or a master.cf service with `-o` options) whose
`smtp_tls_mandatory_ciphers` grade is weaker than its `smtp_tls_ciphers`
grade (or the same for `lmtp_`), in the order null < export < low < medium
< high, after Postfix 3.8's mapping of `low` and `export` to `medium`.

## Why it matters
The mandatory grade is used at `encrypt` and every stronger level; the
other one only at `may`. Tightening only the opportunistic grade usually
means someone edited the wrong parameter: destinations you require TLS for
then accept weaker ciphers than the ones you merely hope for.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
smtp_tls_ciphers = high
# expect: PF3010
smtp_tls_mandatory_ciphers = medium
```
```tls_policy
[smtp.example.net]:587    encrypt
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${config_directory}/tls_policy
smtp_tls_ciphers = medium
smtp_tls_mandatory_ciphers = high
```
```tls_policy
[smtp.example.net]:587    encrypt
```

## Exceptions
None known; an opportunistic grade stricter than the mandatory one has no
practical use.

## How to fix
Raise `smtp_tls_mandatory_ciphers`, and leave `smtp_tls_ciphers` at its
default `medium` (see PF3010 on restricting opportunistic TLS).

## Fix
The fix writes the opportunistic grade as the mandatory one: it replaces
the value of `smtp_tls_mandatory_ciphers`, or, when only
`smtp_tls_ciphers` is set, adds `smtp_tls_mandatory_ciphers` after it. It
is **unsafe**: destinations that require TLS then refuse the weaker
ciphers, and a server that only has those defers mail.
)md",
    .fix = lint::FixClass::unsafe,
};

namespace {
int rank(tls::CipherGrade g) {
  switch (g) {
    case tls::CipherGrade::null: return 0;
    case tls::CipherGrade::export_: return 1;
    case tls::CipherGrade::low: return 2;
    case tls::CipherGrade::medium: return 3;
    case tls::CipherGrade::high: return 4;
    case tls::CipherGrade::invalid: break;
  }
  return -1;
}
bool explicit_origin(const model::Origin& o) {
  return o.kind == model::OriginKind::main_cf || o.kind == model::OriginKind::master_override;
}
}  // namespace

void check_PF3008(lint::CheckContext& context) {
  const model::Model& model = context.model();
  std::vector<const config::MasterEntry*> scopes{nullptr, tls::client_scope("lmtp", nullptr)};
  for (const config::MasterEntry* e : model.client_services()) scopes.push_back(e);
  tlsr::Once once;
  for (const config::MasterEntry* scope : scopes) {
    const std::string prefix(tls::client_prefix(scope));
    const std::string mand_name = prefix + "_tls_mandatory_ciphers";
    const std::string opp_name = prefix + "_tls_ciphers";
    const model::Value mand = model.raw(mand_name, scope);
    const model::Value opp = model.raw(opp_name, scope);
    if (!explicit_origin(mand.origin) && !explicit_origin(opp.origin)) continue;
    const std::string mand_text = tlsr::trim(model.expanded(mand_name, scope));
    const std::string opp_text = tlsr::trim(model.expanded(opp_name, scope));
    const int m = rank(tls::effective_grade(tls::parse_cipher_grade(mand_text), context.version()));
    const int o = rank(tls::effective_grade(tls::parse_cipher_grade(opp_text), context.version()));
    if (m < 0 || o < 0 || m >= o) continue;
    const model::Origin& at = explicit_origin(mand.origin) ? mand.origin : opp.origin;
    if (!once.first(at.file, at.value_span.empty() ? at.name_span : at.value_span)) continue;
    lint::Diagnostic& d = context.report_at(
        at, fmt::format("{} = {} ({}) is weaker than {} = {} ({}): destinations that require TLS accept weaker "
                        "ciphers than opportunistic TLS does",
                        mand_name, mand_text, mand.origin.describe(), opp_name, opp_text, opp.origin.describe()));
    d.notes.push_back(fmt::format("the mandatory grade applies at encrypt and stronger levels, {} only at may",
                                  opp_name));
    // Unsafe: mandatory TLS gets stricter.
    const std::string title = fmt::format("Set {} = {}", mand_name, opp_text);
    if (explicit_origin(mand.origin)) {
      d.fixes.push_back({title, {{mand.origin.file, fixe::setting_span(mand.origin),
                                  fixe::assignment(mand.origin, mand_name, opp_text)}}, false});
    } else if (const auto add = fixe::insert_after(opp.origin, mand_name, opp_text)) {
      d.fixes.push_back({title, {*add}, false});
    }
  }
}

}  // namespace pflint::rules
