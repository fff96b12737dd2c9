// NAME
//   scan — referenced names of a value (see scan.hpp).
#include "expand/scan.hpp"

#include <optional>
#include <utility>

namespace pflint::expand {

ScanResult scan(std::string_view value, bool allow_functions) {
  if (value.find('$') == std::string_view::npos) return {};  // nothing to look up, nothing to warn about
  EvalOptions options;
  options.scan = true;
  options.allow_functions = allow_functions;
  const Lookup nothing = [](std::string_view, LookupMode) { return std::optional<std::string>{}; };
  Result r = expand(value, nothing, options);
  ScanResult out;
  out.names = std::move(r.references);
  out.warnings = std::move(r.warnings);
  out.error = r.error;
  return out;
}

std::vector<NameRef> referenced_names(std::string_view value, bool allow_functions) {
  return scan(value, allow_functions).names;
}

}  // namespace pflint::expand
