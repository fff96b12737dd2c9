// NAME
//   effective_policy — what smtp(8)/lmtp(8) does for one service and one
//   next-hop destination: level, protocols, ciphers, peer matching, trust
//   anchors and DANE prerequisites, each with where it comes from.
// DESCRIPTION
//   Level: policy_create() — smtp_tls_policy_maps (key = next hop verbatim,
//   then `.parent` domains for plain host names; the first table with a hit
//   wins per key) or, when that is empty, the legacy smtp_tls_per_site
//   (exact next-hop key; NONE/MAY/MUST_NOPEERMATCH/MUST combination; a
//   per-site MAY yields to a stronger global level); no hit → global level.
//   The MX host name is unknown offline, so per-site MX-host keys are not
//   consulted. Protocols/ciphers: set_cipher_grade() and
//   tls_proto_mask_lims() by level (resolve_protocols, resolve_ciphers: also
//   for the levels DANE changes to at run time); policy
//   protocols=/ciphers=/exclude= override. Everything is static: DANE's run-time downgrades (no TLSA
//   records, insecure MX) are described, not decided.
// DIAGNOSTICS
//   Problems are data: ProtocolList::unknown, CipherSettings::bad_exclusions,
//   EffectivePolicy::invalid_reasons (why Postfix would defer), ::uncertain
//   (a table that cannot be read offline might have answered).
// SEE ALSO
//   src/smtp/smtp_tls_policy.c (policy_create, set_cipher_grade, dane_init),
//   src/tls/tls_misc.c (tls_proto_mask_lims, tls_set_ciphers); §5–§7 of
//   postfix-semantics.md; docs/policy.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "tls/global_level.hpp"
#include "tls/level.hpp"
#include "tls/policy_table.hpp"
#include "tls/provenance.hpp"

namespace pflint::tls {

// ---- protocols ------------------------------------------------------------

// The protocols Postfix knows, in order. SSLv2 has no bit in OpenSSL >= 1.1.
inline constexpr std::string_view k_protocols[] = {"SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};

struct ProtocolList {
  std::string text;                   // the list as configured
  std::vector<std::string> included;  // canonical names of `NAME` tokens
  std::vector<std::string> excluded;  // canonical names of `!NAME` tokens
  std::optional<std::string> floor;   // `>=NAME` (canonical name, "None", or the hex text)
  std::optional<std::string> ceiling; // `<=NAME`
  std::vector<std::string> unknown;   // tokens Postfix rejects: "Invalid TLS protocol list"
  std::vector<std::string> enabled;   // resulting usable protocols (SSLv3..TLSv1.3), in order
  bool only_unsupported_includes = false;  // include list of SSLv2 only → no restriction at all
  bool floor_above_ceiling = false;
  // invalid - the session is not started (unknown token).
  [[nodiscard]] bool invalid() const { return !unknown.empty(); }
  // excludes_everything - no protocol remains (handshake fails).
  [[nodiscard]] bool excludes_everything() const { return !invalid() && enabled.empty(); }
};

// protocols_summary - what a list leaves usable: "TLSv1.2 TLSv1.3",
// "nothing", or "invalid: TOKEN…".
std::string protocols_summary(const ProtocolList& list);

// tls_proto_mask_lims - parse a protocol list; `dane` adds !SSLv2 !SSLv3.
// **Example**: parse_protocols(">=TLSv1.2").enabled == {"TLSv1.2", "TLSv1.3"}.
ProtocolList parse_protocols(std::string_view text, bool dane = false);

// ---- ciphers --------------------------------------------------------------

enum class CipherGrade : std::uint8_t { high, medium, low, export_, null, invalid };
CipherGrade parse_cipher_grade(std::string_view text);  // case-insensitive
std::string_view cipher_grade_name(CipherGrade grade);
// effective_grade - 3.8+: low and export mean medium.
CipherGrade effective_grade(CipherGrade grade, params::Version version);
// default_cipherlist - the built-in tls_<grade>_cipherlist of `version`
// (after effective_grade); empty for invalid.
// **Example**: default_cipherlist(CipherGrade::high, {3,7,0}) == "aNULL:-aNULL:HIGH:@STRENGTH".
std::string default_cipherlist(CipherGrade grade, params::Version version);

struct CipherExclusion {
  std::string cipher;  // as appended (without the "!")
  Provenance from;
};

struct CipherSettings {
  Setting grade;                           // "medium" from smtp_tls_mandatory_ciphers, or ciphers=
  CipherGrade parsed = CipherGrade::invalid;
  CipherGrade effective = CipherGrade::invalid;  // after the 3.8 low/export mapping
  Setting cipherlist;                      // tls_<grade>_cipherlist (model value)
  std::vector<CipherExclusion> exclusions; // in Postfix's order, level-implied eNULL/aNULL last
  std::vector<std::string> bad_exclusions; // tokens starting with ! + - @ → session not started
  std::string openssl;                     // cipherlist + ":!x" per exclusion; empty if invalid
};

struct ServicePolicy;  // tls_model.hpp

// ---- a level's protocols and ciphers --------------------------------------

// The protocol list of one level, with where it comes from.
struct ProtocolSettings {
  Setting setting;    // <prefix>_tls_protocols (may), _mandatory_protocols (above may), or protocols=
  ProtocolList list;  // parsed; the dane levels add !SSLv2 !SSLv3
};

// resolve_protocols - set_cipher_grade()'s protocols at `level` (>= may) for
// `service`, whose table entry, if any, is `policy` (its protocols= wins).
// **Example**: level encrypt, no policy → smtp_tls_mandatory_protocols.
ProtocolSettings resolve_protocols(const model::Model& model, const ServicePolicy& service,
                                   const std::optional<ParsedPolicy>& policy, Level level);

// resolve_ciphers - set_cipher_grade()'s grade, cipher list and exclusions
// at `level` (>= may): ciphers=/exclude= win over the parameters; encrypt
// adds eNULL, levels above it aNULL.
CipherSettings resolve_ciphers(const model::Model& model, const ServicePolicy& service,
                               const std::optional<ParsedPolicy>& policy, Level level);

// ---- peer matching, trust, DANE -------------------------------------------

struct MatchSettings {
  enum class Kind : std::uint8_t { none, fingerprint, names, dane };
  Kind kind = Kind::none;
  std::vector<std::string> values;     // names (verify/secure) or fingerprints
  std::vector<Provenance> from;        // one per source (parameter, or each match= attribute)
  std::optional<Setting> digest;       // fingerprint (and DANE) digest: smtp_tls_fingerprint_digest
  std::vector<std::string> malformed;  // fingerprints Postfix skips ("malformed fingerprint value")
};

struct TrustAnchors {
  Setting ca_file;                      // <prefix>_tls_CAfile
  Setting ca_path;                      // <prefix>_tls_CApath
  Setting trust_anchor_file;            // <prefix>_tls_trust_anchor_file
  std::vector<Setting> tafiles;         // policy tafile= (replace trust_anchor_file)
  Setting append_default_ca;            // tls_append_default_CA
  // relevant - the level checks a certificate chain (verify, secure).
  bool relevant = false;
  // none_loaded - relevant, yet no CAfile/CApath/anchor: every delivery deferred.
  bool none_loaded = false;
};

struct DanePrerequisites {
  Setting dns_support_level;     // must be "dnssec"
  Setting host_lookup;           // must contain "dns"
  std::optional<Setting> ignore_mx_lookup_error;  // SMTP only; must be "no"
  Setting resolver_options;      // must not contain res_defnames / res_dnsrch
  std::optional<Setting> insecure_mx_policy;      // SMTP only
  std::vector<std::string> problems;  // Postfix's warning texts, e.g. "dane configured with dnssec lookups disabled"
  // fallback - what the level becomes when a prerequisite fails:
  // dane → may, dane-only → invalid (deferred). Level::not_found when none fails.
  Level fallback = Level::not_found;
};

// ---- the whole policy -----------------------------------------------------

struct EffectivePolicy {
  std::string destination;         // the next hop looked up; empty: no destination (global policy)
  Level level = Level::none;
  Setting level_setting;           // level text and where it comes from
  bool from_table = false;         // a table entry decided the level
  const PolicyTable* table = nullptr;   // the table that answered
  const TableEntry* entry = nullptr;    // the entry that answered
  std::string matched_key;         // the key that hit (".example.com" for a parent match)
  std::optional<ParsedPolicy> policy;   // the parsed smtp_tls_policy_maps value
  std::vector<std::string> per_site;    // per-site values combined (e.g. "MUST_NOPEERMATCH")
  std::vector<std::string> invalid_reasons;  // why Postfix would defer (4.7.5)
  bool uncertain = false;          // a table that cannot be read offline was consulted first

  std::optional<ProtocolList> protocols;      // levels >= may
  std::optional<Setting> protocols_setting;   // smtp_tls_protocols / _mandatory_ / protocols=
  std::optional<CipherSettings> ciphers;      // levels >= may
  MatchSettings match;
  TrustAnchors trust;
  std::optional<DanePrerequisites> dane;      // dane, dane-only
  std::optional<Setting> servername;          // smtp_tls_servername or servername=
  std::optional<Setting> connection_reuse;    // smtp_tls_connection_reuse or connection_reuse=
  std::optional<Setting> enable_rpk;          // 3.9+: smtp_tls_enable_rpk or enable_rpk=

  [[nodiscard]] bool valid() const { return invalid_reasons.empty(); }
  // used_level - the level Postfix really applies: a DANE level whose
  // prerequisites fail falls back (dane → may, dane-only → invalid); `level`
  // stays the configured one, which decided the settings below.
  [[nodiscard]] Level used_level() const {
    return dane && dane->fallback != Level::not_found ? dane->fallback : level;
  }
};

// effective_policy - the policy of `service` for next hop `destination`
// (nullopt: no destination, only the global level and its settings).
// **Example**: effective_policy(model, svc, "[relay.example]:587").level.
EffectivePolicy effective_policy(const model::Model& model, const ServicePolicy& service,
                                 std::optional<std::string_view> destination);

// valid_hostname - Postfix's valid_hostname() (labels of letters, digits,
// '-', '_'; not all-numeric), which gates the parent-domain walk.
bool valid_hostname(std::string_view name);

}  // namespace pflint::tls
