// NAME
//   severity — how serious a problem is: one scale for syntax problems and
//   lint findings.
// DESCRIPTION
//   Ordered so that a smaller value is more severe (error < warning < info):
//   `--fail-on warning` fails on every severity <= warning. The syntax tree
//   and the lint engine share this one enum and its names.
#pragma once

#include <cstdint>
#include <string_view>

namespace pflint::syntax {

enum class Severity : std::uint8_t { error, warning, info };

// to_string - "error", "warning" or "info".
constexpr std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "?";
}

}  // namespace pflint::syntax
