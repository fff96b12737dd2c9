// PF3014 malformed-fingerprint — a certificate fingerprint that is not hex
// pairs, or whose length does not fit the fingerprint digest.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"
#include "tls/fingerprint.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3014_info;
const lint::RuleInfo PF3014_info{
    .code = "PF3014",
    .name = "malformed-fingerprint",
    .severity = lint::Severity::error,
    .summary = "a TLS fingerprint is malformed or does not fit the digest",
    .doc = R"md(## What it flags
Entries of `smtp_tls_fingerprint_cert_match` (or `lmtp_`) and of policy
table `match=` attributes at level `fingerprint` that
- are not hexadecimal byte pairs, optionally separated by single colons
  (stray characters, odd length, a leading or trailing colon, `|` used in
  main.cf where only commas and spaces separate entries);
- have a length that the digest in `smtp_tls_fingerprint_digest` cannot
  produce (a 20-byte SHA-1 value with the sha256 digest, say).

## Why it matters
Postfix skips a malformed entry with a warning, and an entry of the wrong
length can never match. When no usable fingerprint is left, every
delivery to the destination is deferred as unverified.

## Problematic config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = fingerprint
smtp_tls_fingerprint_digest = sha256
smtp_tls_fingerprint_cert_match = 3D:95:34:51:24:66:33:B9:D2:40:99:C0:C1:17:0B:D1:CB:07:44:39
```

## Correct config
```main.cf
relayhost = [smtp.example.net]:587
smtp_tls_security_level = fingerprint
smtp_tls_fingerprint_digest = sha1
smtp_tls_fingerprint_cert_match = 3D:95:34:51:24:66:33:B9:D2:40:99:C0:C1:17:0B:D1:CB:07:44:39
```

## Exceptions
Lengths are only checked for the common digests (md5, sha1, sha224, sha256,
sha384, sha512).

## How to fix
Copy the fingerprint again, computed with the configured digest, or change
`smtp_tls_fingerprint_digest` to the digest the value was made with.
Separate several fingerprints with commas in main.cf, with `|` in `match=`.

## Fix
No automatic fix: the right fingerprint has to be computed again from the
server's certificate or key.
)md",
};

namespace {

std::size_t digest_size(std::string_view digest) {
  constexpr std::pair<std::string_view, std::size_t> sizes[] = {
      {"md5", 16}, {"sha1", 20}, {"sha224", 28}, {"sha256", 32}, {"sha384", 48}, {"sha512", 64}};
  for (const auto& [name, size] : sizes) {
    if (tls::iequals(digest, name)) return size;
  }
  return 0;
}

// problem - why Postfix cannot use `fp` with `digest`; empty if usable.
std::string problem(std::string_view fp, std::string_view digest) {
  const std::optional<std::vector<unsigned char>> bytes = tls::parse_fingerprint(fp);
  if (!bytes) {
    if (fp.find('|') != std::string_view::npos) {
      return "\"|\" separates fingerprints only in policy table match=; here use commas or spaces";
    }
    return "malformed: Postfix expects hexadecimal byte pairs, optionally separated by single colons";
  }
  const std::size_t want = digest_size(digest);
  if (want && bytes->size() != want) {
    return fmt::format("{} bytes long, but a {} digest has {} bytes, so it can never match", bytes->size(), digest,
                       want);
  }
  return {};
}

}  // namespace

void check_PF3014(lint::CheckContext& context) {
  const model::Model& model = context.model();
  for (const tlsr::ClientSetting& c : tlsr::client_settings(model, "tls_fingerprint_cert_match")) {
    const std::string digest =
        tlsr::trim(model.expanded(c.prefix + "_tls_fingerprint_digest", tls::client_scope(c.prefix, c.setting.origin.service)));
    for (const tls::Token& t : tls::tokens(c.value, tls::k_comma_sp)) {
      const std::string why = problem(t.text, digest);
      if (why.empty()) continue;
      tlsr::report_token(context, c, t.begin, static_cast<std::uint32_t>(t.text.size()),
                         fmt::format("fingerprint \"{}\" in {}: {}", t.text, c.setting.name, why));
    }
  }
  const tls::TlsModel* tls = context.tls();
  if (!tls) return;
  for (const tls::PolicyTable& table : tls->tables()) {
    if (!tlsr::is_policy_table(table) || !table.evaluable()) continue;
    const std::string prefix = table.listed_in.parameter.starts_with("lmtp_") ? "lmtp" : "smtp";
    const std::string digest = tlsr::trim(model.expanded(
        prefix + "_tls_fingerprint_digest", tls::client_scope(prefix, table.listed_in.origin.service)));
    for (const tls::TableEntry& e : table.entries) {
      const tls::ParsedPolicy p = tls::parse_policy(e.value, model.version(), e.value_map);
      if (p.level != tls::Level::fingerprint) continue;
      for (const tls::PolicyAttribute* a : p.all("match")) {
        for (const tls::Token& t : tls::tokens(a->value, "|")) {
          const std::string why = problem(t.text, digest);
          if (why.empty()) continue;
          tlsr::report_location(context, a->where.file ? a->where : e.where,
                                fmt::format("fingerprint \"{}\" for \"{}\": {}", t.text, e.key, why));
        }
      }
    }
  }
}

}  // namespace pflint::rules
