// NAME
//   settings — what the language server checks against, and how.
// DESCRIPTION
//   Set by `pflint lsp` flags first, then by the client: initializationOptions
//   and workspace/didChangeConfiguration, either as the object itself or
//   under a "pflint" key. Keys: postfixVersion ("3.7"), compatibilityLevel,
//   select / ignore (arrays of rule codes or prefixes), inlayHints (bool,
//   off by default), includeTemplates (bool), pathMappings (an array of
//   {"from": "/etc/postfix", "to": "/repo/etc/postfix"} or an object
//   from → to): a table path under `from` is looked for under `to` first.
//   A bad value is reported and the old value kept.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "check/run.hpp"
#include "lsp/json.hpp"

namespace pflint::lsp {

struct Settings {
  check::CheckOptions check;
  bool inlay_hints = false;
  std::vector<std::pair<std::string, std::string>> path_mappings;  // from, to
};

// apply_settings - read `value` into `settings`; each problem becomes one
// line in `problems` ("pflint.postfixVersion: bad version ...").
void apply_settings(const Json& value, Settings& settings, std::vector<std::string>& problems);

// mapped_path - `path` with the first matching mapping applied, or `path`.
std::string mapped_path(const Settings& settings, const std::string& path);

}  // namespace pflint::lsp
