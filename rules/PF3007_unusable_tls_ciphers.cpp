// PF3007 unusable-tls-ciphers — an unknown cipher grade, or a cipher
// exclusion that starts with ! + - or @.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3007_info;
const lint::RuleInfo PF3007_info{
    .code = "PF3007",
    .name = "unusable-tls-ciphers",
    .severity = lint::Severity::error,
    .summary = "an unknown cipher grade, or a cipher exclusion starting with ! + - or @",
    .doc = R"md(## What it flags
- `smtp_tls_ciphers` / `smtp_tls_mandatory_ciphers` (and `lmtp_`) with a
  value other than `high`, `medium`, `low`, `export` or `null`, such as an
  OpenSSL cipher string (`HIGH:!aNULL`) or `strong`;
- `smtp_tls_exclude_ciphers` / `smtp_tls_mandatory_exclude_ciphers` entries
  that start with `!`, `+`, `-` or `@`, as in `!aNULL`.

## Why it matters
The grade is a Postfix keyword that selects a whole OpenSSL cipher list;
exclusions are bare cipher names to which Postfix adds the `!` itself. With
anything else Postfix refuses to start TLS for the connections that use
the setting. At level `may` mail then goes out in plaintext; at mandatory
levels it is deferred.

## Problematic config
```main.cf
smtp_tls_security_level = may
smtp_tls_exclude_ciphers = !aNULL, !RC4
```

## Correct config
```main.cf
smtp_tls_security_level = may
smtp_tls_exclude_ciphers = aNULL, RC4
```

## Exceptions
Empty grades are PF3006. The grade is checked after `$name` expansion.

## How to fix
Use one of the grade names, and write exclusions as plain names (`aNULL`,
`RC4`, `kRSA`). The fix removes a leading `!` from exclusions.

## Fix
The fix removes the leading `!` of an exclusion. It is **unsafe**: today
TLS fails on the connections that use the list (plaintext at `may`,
deferred mail at mandatory levels); after the fix TLS works with those
ciphers excluded. Invalid grades get no fix: the grade meant cannot be
guessed.
)md",
    .fix = lint::FixClass::unsafe,
};

void check_PF3007(lint::CheckContext& context) {
  for (const std::string_view suffix : {std::string_view("tls_ciphers"), std::string_view("tls_mandatory_ciphers")}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      if (c.value.empty() || tls::parse_cipher_grade(c.value) != tls::CipherGrade::invalid) continue;
      lint::Diagnostic& d = context.report_at(
          c.setting.origin,
          fmt::format("{}: \"{}\" is not a cipher grade; Postfix refuses to start TLS on connections that use it "
                      "(invalid cipher grade)",
                      tlsr::shown(c), c.value));
      d.notes.push_back("grades: high, medium, low, export, null; fine-tune with the *_exclude_ciphers parameters");
    }
  }
  for (const std::string_view suffix :
       {std::string_view("tls_exclude_ciphers"), std::string_view("tls_mandatory_exclude_ciphers")}) {
    for (const tlsr::ClientSetting& c : tlsr::client_settings(context.model(), suffix)) {
      for (const tls::Token& t : tls::tokens(c.value, tls::k_comma_sp_colon)) {
        if (std::string_view("!+-@").find(t.text.front()) == std::string_view::npos) continue;
        lint::Diagnostic& d = tlsr::report_token(
            context, c, t.begin, static_cast<std::uint32_t>(t.text.size()),
            fmt::format("\"{}\" in {}: exclusions must be plain cipher names (Postfix adds the \"!\" itself); Postfix "
                        "refuses to start TLS on connections that use this list",
                        t.text, c.setting.name));
        if (t.text.front() == '!' && t.text.size() > 1 && c.literal && c.setting.origin.file) {
          d.fixes.push_back({fmt::format("Write {}", t.text.substr(1)),
                             {{c.setting.origin.file, tlsr::token_span(c, t.begin, 1), ""}},
                             false});  // unsafe: TLS starts working again
        }
      }
    }
  }
}

}  // namespace pflint::rules
