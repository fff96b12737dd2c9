// NAME
//   client_policy — effective policy → simulated client settings (see client_policy.hpp).
#include "sim/client_policy.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <filesystem>

#include "tls/fingerprint.hpp"
#include "tls/text.hpp"

namespace pflint::sim {
namespace {

using tls::Level;

Blame parameter_blame(const model::Model& m, const tls::ServicePolicy& svc, const std::string& name) {
  return Blame{name + " = " + m.expanded(name, svc.entry), m.raw(name, svc.entry).origin.describe()};
}

int proto_version(const std::string& name) {
  if (name == "SSLv3") return SSL3_VERSION;
  if (name == "TLSv1") return TLS1_VERSION;
  if (name == "TLSv1.1") return TLS1_1_VERSION;
  if (name == "TLSv1.2") return TLS1_2_VERSION;
  if (name == "TLSv1.3") return TLS1_3_VERSION;
  return 0;
}

// set_protocols - tls_proto_mask_lims() result → OpenSSL range and holes.
void set_protocols(ClientPolicy& c, const tls::ProtocolList& list, Blame from) {
  c.protocols_text = list.text;
  c.protocols_from = std::move(from);
  if (list.invalid()) {
    c.protocol_problem = fmt::format("Invalid TLS protocol list \"{}\": aborting TLS session", list.text);
    return;
  }
  if (list.enabled.empty()) {
    c.no_protocols = true;
    return;
  }
  c.min_version = proto_version(list.enabled.front());
  c.max_version = proto_version(list.enabled.back());
  static const std::pair<const char*, long> holes[] = {
      {"TLSv1", static_cast<long>(SSL_OP_NO_TLSv1)},
      {"TLSv1.1", static_cast<long>(SSL_OP_NO_TLSv1_1)},
      {"TLSv1.2", static_cast<long>(SSL_OP_NO_TLSv1_2)}};
  for (const auto& [name, op] : holes) {
    const int v = proto_version(name);
    const bool on = std::find(list.enabled.begin(), list.enabled.end(), name) != list.enabled.end();
    if (v > c.min_version && v < c.max_version && !on) c.no_options |= op;
  }
}

// option_blame - "name = value" of a parameter, "attribute=value" of a policy table entry.
Blame option_blame(const tls::Setting& s) {
  const bool attribute = s.from.kind == tls::Provenance::Kind::table;
  return Blame{s.from.parameter + (attribute ? "=" : " = ") + s.value, s.from.describe()};
}

// protocols_for_level - the protocols of the run-time level (a level DANE
// changed gets that level's own, as Postfix runs dane_init() first).
void protocols_for_level(ClientPolicy& c, const PolicyInputs& in, Level level) {
  const tls::EffectivePolicy& p = *in.policy;
  if (level == p.level && p.protocols) {
    set_protocols(c, *p.protocols, p.protocols_setting ? blame_of(*p.protocols_setting) : Blame{});
    return;
  }
  const tls::ProtocolSettings s = tls::resolve_protocols(*in.model, *in.service, p.policy, level);
  set_protocols(c, s.list, option_blame(s.setting));
}

// exclusion_blame - the exclusion list an exclusion comes from.
Blame exclusion_blame(const PolicyInputs& in, const tls::Provenance& from) {
  if (from.kind == tls::Provenance::Kind::table) {
    return option_blame(tls::Setting{in.policy->policy->first("exclude")->value, from});
  }
  return parameter_blame(*in.model, *in.service, from.parameter);
}

// ciphers_for_level - set_cipher_grade() for the run-time level. The
// simulator names the last exclusion with a unary operator (Postfix's
// tls_set_ciphers() stops at the first); kept as it was.
void ciphers_for_level(ClientPolicy& c, const PolicyInputs& in, Level level) {
  const tls::CipherSettings s = tls::resolve_ciphers(*in.model, *in.service, in.policy->policy, level);
  c.ciphers_from = option_blame(s.grade);
  if (s.effective == tls::CipherGrade::invalid) {
    c.cipher_problem = fmt::format("invalid cipher grade: \"{}\"", s.grade.value);
    return;
  }
  for (const tls::CipherExclusion& e : s.exclusions) {
    if (std::find(s.bad_exclusions.begin(), s.bad_exclusions.end(), e.cipher) == s.bad_exclusions.end()) continue;
    c.cipher_problem = fmt::format("invalid unary '!+-@' in cipher exclusion: \"{}\"", e.cipher);
    c.ciphers_from = exclusion_blame(in, e.from);
  }
  c.cipherlist = s.openssl;
}

// set_names - add_namechecks(): keywords → names for SSL_add1_host.
void set_names(ClientPolicy& c, const PolicyInputs& in) {
  const tls::MatchSettings& m = in.policy->match;
  if (!m.from.empty()) c.match_from = blame_of(tls::Setting{fmt::format("{}", fmt::join(m.values, ":")), m.from.front()});
  for (const std::string& v : m.values) {
    const std::string name = tls::lower(v);
    if (name == "hostname") {
      c.names.push_back(in.world.mx);
    } else if (name == "nexthop") {
      c.names.push_back(in.world.domain);
    } else if (name == "dot-nexthop") {
      c.names.push_back("." + in.world.domain);
    } else if (name == ".") {
      c.warnings.push_back("ignoring invalid match name: \".\"");
    } else {
      c.names.push_back(name);
    }
  }
  if (c.names.empty()) c.warnings.push_back("could not configure peer name checks");
}

// set_fingerprints - fingerprints as synthetic DANE-EE 3 0 255 / 3 1 255 records.
void set_fingerprints(ClientPolicy& c, const PolicyInputs& in) {
  const tls::MatchSettings& m = in.policy->match;
  if (!m.from.empty()) c.match_from = blame_of(tls::Setting{fmt::format("{}", fmt::join(m.values, " ")), m.from.front()});
  const bytes digest_len_probe = digest(c.fingerprint_digest, {});
  X509* pinned = nullptr;
  if (!in.literal && in.server_cert && !in.server_cert->anonymous) {
    pinned = in.scenario && in.scenario->pinned == "other" ? in.pki->other() : in.server_cert->leaf.cert.get();
  }
  for (const std::string& v : m.values) {
    const std::optional<bytes> data = tls::parse_fingerprint(v);
    if (!data) {
      c.warnings.push_back("malformed fingerprint value: " + v);
      continue;
    }
    bytes cert_data = *data;
    bytes spki_data = *data;
    if (pinned && data->size() == digest_len_probe.size()) {  // stand-in for the pinned certificate
      cert_data = digest(c.fingerprint_digest, der_of_cert(pinned));
      spki_data = digest(c.fingerprint_digest, der_of_spki(pinned));
    }
    c.tlsa.push_back(Tlsa{3, 1, 255, spki_data});
    c.tlsa.push_back(Tlsa{3, 0, 255, cert_data});
  }
}

void set_trust(ClientPolicy& c, const PolicyInputs& in, Level level) {
  const tls::TrustAnchors& t = in.policy->trust;
  const model::Model& m = *in.model;
  const tls::ServicePolicy& svc = *in.service;
  const std::string ca_file = m.expanded(svc.parameter("tls_CAfile"), svc.entry);
  const std::string ca_path = m.expanded(svc.parameter("tls_CApath"), svc.entry);
  std::vector<std::string> anchors;
  if (tls::tls_must_pkix(level)) {
    for (const tls::Setting& s : t.tafiles) anchors.push_back(s.value);
    if (anchors.empty() && !t.trust_anchor_file.value.empty()) anchors.push_back(t.trust_anchor_file.value);
  }
  c.trust_configured = !ca_file.empty() || !ca_path.empty() || !anchors.empty();
  c.trust_from = !anchors.empty()   ? Blame{"trust anchor file " + anchors.front(), ""}
                 : !ca_file.empty() ? parameter_blame(m, svc, svc.parameter("tls_CAfile"))
                 : !ca_path.empty() ? parameter_blame(m, svc, svc.parameter("tls_CApath"))
                                    : Blame{svc.parameter("tls_CAfile") + ", " + svc.parameter("tls_CApath") +
                                                " and trust anchor files empty: no trust anchors",
                                            m.raw(svc.parameter("tls_CAfile"), svc.entry).origin.describe()};
  if (!in.literal) {
    if (c.trust_configured && in.pki) c.anchors.push_back(in.pki->public_ca());
    return;
  }
  c.ca_file = anchors.empty() ? ca_file : anchors.front();
  c.ca_path = anchors.empty() ? ca_path : "";
  c.append_default_ca = m.boolean("tls_append_default_CA", svc.entry);
  for (const std::string& f : {c.ca_file, c.ca_path}) {
    if (!f.empty() && !std::filesystem::exists(f)) {
      c.engine_unavailable = true;
      c.engine_problem = fmt::format("cannot load Certification Authority data, CAfile=\"{}\": disabling TLS support", f);
      c.engine_blame = c.trust_from;
    }
  }
}

// check_engine - tls_client_init() problems that disable TLS at every level.
void check_engine(ClientPolicy& c, const PolicyInputs& in) {
  const std::string param = in.service->parameter("tls_fingerprint_digest");
  c.fingerprint_digest = tls::lower(in.model->expanded(param, in.service->entry));
  if (digest(c.fingerprint_digest, {}).empty()) {
    c.engine_unavailable = true;
    c.engine_problem = fmt::format("Digest algorithm \"{}\" not found: disabling TLS support", c.fingerprint_digest);
    c.engine_blame = parameter_blame(*in.model, *in.service, param);
  }
}

void set_level(ClientPolicy& c, const PolicyInputs& in) {
  const tls::EffectivePolicy& p = *in.policy;
  c.configured = c.level = p.level;
  c.level_from = blame_of(p.level_setting);
  if (p.level == Level::invalid || !p.valid()) {
    c.level = Level::invalid;
    const std::string why = p.invalid_reasons.empty() ? "invalid TLS level" : p.invalid_reasons.front();
    c.defer = p.from_table ? "client TLS configuration problem" : why;
    if (p.from_table) c.warnings.push_back(fmt::format("TLS policy lookup for {}/{}: {}", in.world.domain, in.world.mx, why));
    if (!p.from_table && p.level == Level::invalid) c.warnings.push_back("fatal: " + why);
    c.defer_blame = c.level_from;
    return;
  }
  if (!tls::tls_dane_based(p.level)) return;
  const DaneDecision d = dane_decide(p, in.dns, in.world.mx, in.world.port);
  if (!d.warning.empty()) c.warnings.push_back(d.warning);
  c.level = d.level;
  if (d.level == Level::invalid) {
    c.defer = d.defer;
    c.defer_blame = d.blame;
    return;
  }
  if (d.level != p.level) c.level_from = d.blame;
  c.tlsa = d.usable;
  c.dane_base = in.world.mx;
}

}  // namespace

Blame blame_of(const tls::Setting& s) {
  const tls::Provenance& f = s.from;
  switch (f.kind) {
    case tls::Provenance::Kind::parameter:
      if (f.parameter.ends_with("_tls_security_level") || f.parameter.empty()) {
        return Blame{f.parameter + " = " + s.value, f.describe()};
      }
      if (f.parameter.ends_with("use_tls") || f.parameter.ends_with("enforce_tls") ||
          f.parameter.ends_with("enforce_peername")) {
        return Blame{f.parameter + " (obsolete) → level " + s.value, f.describe()};
      }
      return Blame{f.parameter + " = " + s.value, f.describe()};
    case tls::Provenance::Kind::table: return Blame{"policy " + f.parameter + " " + s.value, f.describe()};
    case tls::Provenance::Kind::level: return Blame{s.value, f.describe()};
  }
  return {};
}

ClientPolicy make_client_policy(const PolicyInputs& in) {
  ClientPolicy c;
  set_level(c, in);
  if (c.level < Level::may) return c;  // none, or deferred before connecting
  check_engine(c, in);
  protocols_for_level(c, in, c.level == Level::halfdane ? Level::dane : c.level);
  ciphers_for_level(c, in, c.level);
  // tls_client_init() sets level 0 on the context ("backwards compatible security as a base for
  // opportunistic TLS"); tls_client_start() raises it to 1 when TLS_MUST_MATCH.
  c.security_level = c.level > Level::encrypt ? 1 : 0;
  if (c.level == Level::fingerprint) set_fingerprints(c, in);
  if (c.level == Level::verify || c.level == Level::secure) set_names(c, in);
  set_trust(c, in, c.level);
  if (tls::tls_dane_based(c.level)) {
    c.sni = in.world.mx;
  } else if (in.policy->servername) {
    const std::string v = tls::lower(in.policy->servername->value);
    c.sni = v == "hostname" ? in.world.mx : v == "nexthop" ? in.world.domain : in.policy->servername->value;
  }
  const model::Model& m = *in.model;
  const tls::ServicePolicy& svc = *in.service;
  c.sasl_password_maps = m.boolean(svc.parameter("sasl_auth_enable"), svc.entry) &&
                         !m.expanded(svc.parameter("sasl_password_maps"), svc.entry).empty();
  c.minimal_backoff = m.expanded("minimal_backoff_time", svc.entry);
  return c;
}

}  // namespace pflint::sim
