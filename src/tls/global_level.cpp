// NAME
//   global_level — global_tls_level() for one client service (see global_level.hpp).
// SEE ALSO
//   src/smtp/smtp_tls_policy.c (global_tls_level) in Postfix.
#include "tls/global_level.hpp"

#include <array>

#include "tls/text.hpp"

namespace pflint::tls {
namespace {

// obsolete_setting - the value and origin of <prefix>_<suffix>.
ObsoleteSetting obsolete_setting(const model::Model& model, const config::MasterEntry* service,
                                 std::string_view prefix, std::string_view suffix) {
  ObsoleteSetting s;
  s.name.reserve(prefix.size() + 1 + suffix.size());
  s.name.append(prefix).append(1, '_').append(suffix);
  const model::Resolved& r = model.resolved(s.name, service);
  s.value = r.value;
  s.origin = r.origin;
  return s;
}

using model::mail_conf_bool;

constexpr std::array<std::string_view, 3> k_obsolete{"use_tls", "enforce_tls", "tls_enforce_peername"};

// decide_by - record `s` as the parameter that decided the level.
void decide_by(GlobalLevel& g, const ObsoleteSetting& s) {
  g.parameter = s.name;
  g.origin = s.origin;
}

}  // namespace

std::string_view client_prefix(const config::MasterEntry* service) {
  return service && service->process_name() == "lmtp" ? "lmtp" : "smtp";
}

const config::MasterEntry* client_scope(std::string_view prefix, const config::MasterEntry* service) {
  if (service) return service;
  if (prefix != "lmtp") return nullptr;
  static const config::MasterEntry lmtp_stand_in = [] {
    config::MasterEntry e;
    e.fields = {"lmtp", "unix", "-", "-", "-", "-", "-", "lmtp"};
    return e;
  }();
  return &lmtp_stand_in;
}

ObsoleteLevel obsolete_level(const model::Model& model, const config::MasterEntry* service, std::string_view prefix) {
  ObsoleteLevel out;
  ObsoleteSetting enforce = obsolete_setting(model, service, prefix, "enforce_tls");
  const bool enforce_yes = mail_conf_bool(enforce.value);
  out.consulted.push_back(std::move(enforce));
  if (enforce_yes) {
    ObsoleteSetting peer = obsolete_setting(model, service, prefix, "tls_enforce_peername");
    out.level = mail_conf_bool(peer.value) ? Level::verify : Level::encrypt;
    out.consulted.push_back(std::move(peer));
  } else {
    ObsoleteSetting use = obsolete_setting(model, service, prefix, "use_tls");
    out.level = mail_conf_bool(use.value) ? Level::may : Level::none;
    out.consulted.push_back(std::move(use));
  }
  return out;
}

bool GlobalLevel::derived() const {
  for (const ObsoleteSetting& s : derived_from_obsolete) {
    if (s.set()) return true;
  }
  return false;
}

Provenance GlobalLevel::as_provenance() const {
  Provenance p;
  p.kind = Provenance::Kind::parameter;
  p.parameter = parameter;
  p.origin = origin;
  return p;
}

GlobalLevel global_tls_level(const model::Model& model, const config::MasterEntry* service) {
  const std::string_view prefix = client_prefix(service);
  const std::string level_param = std::string(prefix).append("_tls_security_level");
  GlobalLevel g;
  const model::Resolved& level = model.resolved(level_param, service);
  if (!level.value.empty()) {
    g.level = parse_level(level.value);
    g.text = level.value;
    g.parameter = level_param;
    g.origin = level.origin;
    g.from_compat_default = g.origin.kind == model::OriginKind::built_in;
    for (const std::string_view suffix : k_obsolete) {
      ObsoleteSetting s = obsolete_setting(model, service, prefix, suffix);
      if (s.set()) g.obsolete_ignored.push_back(std::move(s));
    }
    return g;
  }
  // Empty level: the pre-2.3 booleans decide, in Postfix's order; the
  // last one set names the parameter that decided.
  g.parameter = level_param;
  g.origin = level.origin;
  ObsoleteLevel obsolete = obsolete_level(model, service, prefix);
  g.level = obsolete.level;
  for (const ObsoleteSetting& s : obsolete.consulted) {
    if (s.set()) decide_by(g, s);
  }
  g.derived_from_obsolete = std::move(obsolete.consulted);
  g.text = std::string(level_name(g.level));
  return g;
}

}  // namespace pflint::tls
