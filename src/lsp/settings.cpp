// NAME
//   settings — language server settings from the client (settings.hpp).
#include "lsp/settings.hpp"

#include "expand/compare.hpp"
#include "params/version.hpp"

namespace pflint::lsp {
namespace {

bool read_codes(const Json* v, std::string_view key, std::vector<std::string>& out, std::vector<std::string>& problems) {
  if (v == nullptr || v->IsNull()) return false;
  if (!v->IsArray()) {
    problems.push_back("pflint." + std::string(key) + ": expected an array of rule codes");
    return false;
  }
  std::vector<std::string> codes;
  for (const auto& e : v->GetArray()) {
    const auto s = as_string(&e);
    if (!s) {
      problems.push_back("pflint." + std::string(key) + ": every entry must be a string");
      return false;
    }
    codes.emplace_back(*s);
  }
  out = std::move(codes);
  return true;
}

}  // namespace

void apply_settings(const Json& value, Settings& settings, std::vector<std::string>& problems) {
  const Json* root = &value;
  if (const Json* nested = get_object(root, "pflint")) root = nested;
  if (!root->IsObject()) return;

  if (const Json* v = member(root, "postfixVersion"); v != nullptr && !v->IsNull()) {
    std::string error;
    const auto text = as_string(v);
    const auto parsed = text ? params::parse_version(*text, &error) : std::nullopt;
    if (parsed) settings.check.version = *parsed;
    else problems.push_back("pflint.postfixVersion: " + (text ? "bad Postfix version \"" + std::string(*text) + "\": " + error
                                                              : std::string("expected a string such as \"3.7\"")));
  }
  if (const Json* v = member(root, "compatibilityLevel"); v != nullptr) {
    if (v->IsNull()) {
      settings.check.compatibility_level.reset();
    } else if (const auto text = as_string(v); text && expand::compat_level_from_string(*text)) {
      settings.check.compatibility_level = std::string(*text);
    } else {
      problems.push_back("pflint.compatibilityLevel: expected a level such as \"3.6\" or null");
    }
  }
  read_codes(member(root, "select"), "select", settings.check.engine.select, problems);
  read_codes(member(root, "ignore"), "ignore", settings.check.engine.ignore, problems);
  if (const Json* v = member(root, "inlayHints"); v != nullptr) {
    if (v->IsBool()) settings.inlay_hints = v->GetBool();
    else problems.push_back("pflint.inlayHints: expected true or false");
  }
  if (const Json* v = member(root, "includeTemplates"); v != nullptr) {
    if (v->IsBool()) settings.check.include_templates = v->GetBool();
    else problems.push_back("pflint.includeTemplates: expected true or false");
  }
  if (const Json* v = member(root, "pathMappings"); v != nullptr && !v->IsNull()) {
    std::vector<std::pair<std::string, std::string>> maps;
    bool ok = true;
    if (v->IsObject()) {
      for (const auto& m : v->GetObject()) {
        const auto to = as_string(&m.value);
        if (!to) ok = false;
        else maps.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()), std::string(*to));
      }
    } else if (v->IsArray()) {
      for (const auto& e : v->GetArray()) {
        const auto from = get_string(&e, "from");
        const auto to = get_string(&e, "to");
        if (!from || !to) ok = false;
        else maps.emplace_back(std::string(*from), std::string(*to));
      }
    } else {
      ok = false;
    }
    if (ok) settings.path_mappings = std::move(maps);
    else problems.push_back("pflint.pathMappings: expected [{\"from\": DIR, \"to\": DIR}, ...] or {DIR: DIR}");
  }
}

std::string mapped_path(const Settings& settings, const std::string& path) {
  for (const auto& [from, to] : settings.path_mappings) {
    if (from.empty()) continue;
    std::string prefix = from;
    if (prefix.back() != '/') prefix += '/';
    if (path == from || path.rfind(prefix, 0) == 0) return to + path.substr(from.size());
  }
  return path;
}

}  // namespace pflint::lsp
