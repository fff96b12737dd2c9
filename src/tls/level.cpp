// NAME
//   level — TLS level names (see level.hpp).
// SEE ALSO
//   src/tls/tls_level.c (tls_level_lookup, str_tls_level) in Postfix.
#include "tls/level.hpp"

#include <array>
#include <utility>

#include "tls/text.hpp"

namespace pflint::tls {
namespace {
// Input names; halfdane is deliberately absent (output only).
constexpr std::array<std::pair<std::string_view, Level>, 8> k_input_levels{{
    {"none", Level::none},
    {"may", Level::may},
    {"encrypt", Level::encrypt},
    {"fingerprint", Level::fingerprint},
    {"dane", Level::dane},
    {"dane-only", Level::dane_only},
    {"verify", Level::verify},
    {"secure", Level::secure},
}};
}  // namespace

Level parse_level(std::string_view name) {
  for (const auto& [text, level] : k_input_levels) {
    if (iequals(name, text)) return level;
  }
  return Level::invalid;
}

std::string_view level_name(Level level) {
  switch (level) {
    case Level::invalid: return "invalid";
    case Level::not_found: return "not-found";
    case Level::none: return "none";
    case Level::may: return "may";
    case Level::encrypt: return "encrypt";
    case Level::fingerprint: return "fingerprint";
    case Level::halfdane: return "halfdane";
    case Level::dane: return "dane";
    case Level::dane_only: return "dane-only";
    case Level::verify: return "verify";
    case Level::secure: return "secure";
  }
  return "invalid";
}

}  // namespace pflint::tls
