// NAME
//   version_options — --postfix-version / --compatibility-level for the
//   commands that build a config model.
#include <cstdlib>

#include "cli/commands.hpp"
#include "expand/compare.hpp"

namespace pflint::cli {

void add_version_options(CLI::App& command, VersionOptions& options) {
  command.add_option("--postfix-version", options.postfix_version,
                     "Target Postfix version X.Y[.Z] (default: $PFLINT_POSTFIX_VERSION, else " +
                         params::default_version().to_string() + ")");
  command.add_option("--compatibility-level", options.compatibility_level,
                     "Assume this compatibility_level instead of main.cf's");
}

bool resolve_version_options(const VersionOptions& options, params::Version& version,
                             std::optional<std::string>& compatibility_level, std::string& error) {
  std::optional<std::string> text = options.postfix_version;
  if (!text) {
    if (const char* env = std::getenv("PFLINT_POSTFIX_VERSION"); env && *env) text = env;
  }
  if (text) {
    auto parsed = params::parse_version(*text, &error);
    if (!parsed) {
      error = "bad Postfix version \"" + *text + "\": " + error;
      return false;
    }
    version = *parsed;
  }
  if (options.compatibility_level) {
    if (!expand::compat_level_from_string(*options.compatibility_level)) {
      error = "bad compatibility level \"" + *options.compatibility_level + "\" (expected e.g. 2, 3.6 or 3.11)";
      return false;
    }
    compatibility_level = options.compatibility_level;
  }
  return true;
}

}  // namespace pflint::cli
