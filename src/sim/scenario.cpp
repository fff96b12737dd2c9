// NAME
//   scenario — read the scenario catalog (see scenario.hpp).
// DESCRIPTION
//   A strict reader: unknown enumeration values are errors, missing fields
//   take the defaults of the structs.
#include "sim/scenario.hpp"

#include <rapidjson/document.h>

#include <set>
#include <stdexcept>

#include "util/read_file.hpp"

namespace pflint::sim {
namespace {

using JsonValue = rapidjson::Value;

[[noreturn]] void bad(const std::string& where, const std::string& what) {
  throw std::runtime_error(where + ": " + what);
}

std::string str(const JsonValue& obj, const char* key, const std::string& fallback) {
  if (!obj.HasMember(key)) return fallback;
  if (!obj[key].IsString()) throw std::runtime_error(std::string(key) + " must be a string");
  return obj[key].GetString();
}

bool boolean(const JsonValue& obj, const char* key, bool fallback) {
  if (!obj.HasMember(key)) return fallback;
  if (!obj[key].IsBool()) throw std::runtime_error(std::string(key) + " must be true or false");
  return obj[key].GetBool();
}

int integer(const JsonValue& obj, const char* key, int fallback) {
  if (!obj.HasMember(key)) return fallback;
  if (!obj[key].IsInt()) throw std::runtime_error(std::string(key) + " must be an integer");
  return obj[key].GetInt();
}

void one_of(const std::string& value, std::initializer_list<const char*> allowed, const char* field) {
  for (const char* a : allowed) {
    if (value == a) return;
  }
  throw std::runtime_error(std::string(field) + ": unknown value \"" + value + "\"");
}

CertSpec read_cert(const JsonValue& v) {
  CertSpec c;
  c.issuer = str(v, "issuer", c.issuer);
  one_of(c.issuer, {"public", "untrusted", "self", "none"}, "cert.issuer");
  c.cn = str(v, "cn", "");
  c.expired = boolean(v, "expired", false);
  if (v.HasMember("san")) {
    for (const JsonValue& n : v["san"].GetArray()) c.san.emplace_back(n.GetString());
  }
  return c;
}

ServerSpec read_server(const JsonValue& v) {
  ServerSpec s;
  s.starttls = boolean(v, "starttls", s.starttls);
  s.starttls_reply = str(v, "starttls_reply", s.starttls_reply);
  s.min_protocol = str(v, "min_protocol", "");
  s.max_protocol = str(v, "max_protocol", "");
  s.ciphers = str(v, "ciphers", "");
  s.security_level = integer(v, "security_level", -1);
  s.abort_handshake = boolean(v, "abort_handshake", false);
  s.send_chain = boolean(v, "send_chain", true);
  if (v.HasMember("cert")) s.cert = read_cert(v["cert"]);
  return s;
}

DnsSpec read_dns(const JsonValue& v) {
  DnsSpec d;
  d.mx = str(v, "mx", d.mx);
  one_of(d.mx, {"secure", "insecure"}, "dns.mx");
  d.tlsa = str(v, "tlsa", d.tlsa);
  one_of(d.tlsa, {"none", "secure", "insecure", "bogus"}, "dns.tlsa");
  if (v.HasMember("records")) {
    for (const JsonValue& r : v["records"].GetArray()) {
      TlsaSpec t;
      t.usage = integer(r, "usage", 3);
      t.selector = integer(r, "selector", 1);
      t.mtype = integer(r, "mtype", 1);
      t.of = str(r, "of", "leaf");
      one_of(t.of, {"leaf", "ca", "other"}, "dns.records.of");
      d.records.push_back(t);
    }
  }
  return d;
}

Scenario read_scenario(const JsonValue& v) {
  Scenario s;
  s.name = str(v, "name", "");
  if (s.name.empty()) throw std::runtime_error("scenario without a name");
  try {
    s.title = str(v, "title", s.name);
    s.description = str(v, "description", "");
    if (v.HasMember("server")) s.server = read_server(v["server"]);
    if (v.HasMember("dns")) s.dns = read_dns(v["dns"]);
    s.pinned = str(v, "pinned", s.pinned);
    one_of(s.pinned, {"leaf", "other"}, "pinned");
  } catch (const std::runtime_error& e) {
    bad("scenario " + s.name, e.what());
  }
  return s;
}

}  // namespace

std::string instantiate(std::string_view text, const World& world) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i).starts_with("{domain}")) {
      out += world.domain;
      i += 7;
    } else if (text.substr(i).starts_with("{mx}")) {
      out += world.mx;
      i += 3;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<Scenario> load_catalog_text(std::string_view json, const std::string& origin) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("scenarios") || !doc["scenarios"].IsArray()) {
    bad(origin, "not a scenario catalog (expected {\"scenarios\": [...]})");
  }
  std::vector<Scenario> out;
  std::set<std::string> names;
  for (const JsonValue& v : doc["scenarios"].GetArray()) {
    try {
      out.push_back(read_scenario(v));
    } catch (const std::runtime_error& e) {
      bad(origin, e.what());
    }
    if (!names.insert(out.back().name).second) bad(origin, "duplicate scenario " + out.back().name);
  }
  return out;
}

std::vector<Scenario> load_catalog_file(const std::string& path) {
  std::string error;
  const std::optional<std::string> text = util::read_file(path, error);
  if (!text) throw std::runtime_error("open " + path + ": " + error);
  return load_catalog_text(*text, path);
}

const std::vector<Scenario>& builtin_catalog() {
  static const std::vector<Scenario> catalog = load_catalog_text(builtin_scenarios_json(), "data/scenarios.json");
  return catalog;
}

const Scenario* find_scenario(const std::vector<Scenario>& catalog, std::string_view name) {
  for (const Scenario& s : catalog) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace pflint::sim
