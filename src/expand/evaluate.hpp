// NAME
//   evaluate — expand a value exactly as mac_expand() does.
// DESCRIPTION
//   The caller supplies the lookup (postconf -x: the entry's -o settings,
//   then main.cf, then built-in defaults; the linter: its own model). A
//   lookup returning nullopt means "undefined"; "" is defined but empty.
//   ${name?x} needs a non-empty value, ${name:x} an undefined or empty one.
//   Looked-up values are expanded again unless `recursive` is off. With
//   `scan`, nothing is expanded: every branch is visited and each name is
//   looked up once per reference (postconf's MAC_EXP_FLAG_SCAN pass).
//   Nesting is counted as Postfix counts it (more than 100 levels fails, so
//   reference loops fail); a second, hard bound on real recursion catches
//   loops through relational operands, on which Postfix itself crashes.
//   A third bound is pflint's own: an expansion that makes more than
//   max_lookups lookups or grows past max_output bytes stops with a fatal
//   error (Result::too_large). Values like "b0 = $b1 $b1", "b1 = $b2 $b2", …
//   grow exponentially: Postfix runs until it is killed; pflint stops.
// DIAGNOSTICS
//   Result::warnings holds Postfix's warning texts in Postfix's order;
//   Result::error is what makes postconf die with "macro processing error";
//   Result::fatal holds a fatal text ("mac_exp_eval: bad conversion: ...").
// SEE ALSO
//   src/util/mac_expand.c (mac_expand), src/postconf/postconf_lookup.c.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expand/tree.hpp"

namespace pflint::expand {

enum class LookupMode : std::uint8_t { use, test };  // $name vs ${name?...}/${name:...}

using Lookup = std::function<std::optional<std::string>(std::string_view name, LookupMode mode)>;

// A function body for ${name{text}}: the expanded argument in, the text out;
// nullopt is a macro processing error (the function warns through `warn`).
using Function = std::function<std::optional<std::string>(std::string_view name, std::string_view arg,
                                                          std::vector<std::string>& warn)>;

inline constexpr std::uint32_t k_max_expansion_lookups = 10000;
inline constexpr std::size_t k_max_expansion_bytes = std::size_t{1} << 20;  // 1 MiB

struct EvalOptions {
  bool recursive = true;           // MAC_EXP_FLAG_RECURSE
  bool scan = false;               // MAC_EXP_FLAG_SCAN
  bool allow_functions = false;    // Postfix 3.11+
  bool allow_level_ops = true;     // Postfix 3.6+
  std::uint32_t max_frames = 300;  // hard bound on nested texts being expanded
  std::uint32_t max_lookups = k_max_expansion_lookups;  // pflint's bound on the work of one expansion
  std::size_t max_output = k_max_expansion_bytes;       // and on its result
  Function call;                   // empty: ASCII-only identity for domain_to_*
};

// A name handed to the lookup while expanding the top-level value.
struct NameRef {
  std::string name;
  Span span;      // the whole reference: "$name", "${name...}" or "$(...)"
  bool defined = false;
};

struct Result {
  std::string value;
  bool error = false;       // MAC_PARSE_ERROR
  bool undefined = false;   // MAC_PARSE_UNDEF: a plain $name was undefined
  bool too_large = false;   // stopped at max_lookups / max_output (then `fatal` says so)
  std::optional<std::string> fatal;
  std::vector<std::string> warnings;
  std::vector<std::string> undefined_names;  // every undefined lookup, each name once
  std::vector<NameRef> references;           // lookups made for the top-level value itself
  [[nodiscard]] bool ok() const { return !error && !fatal; }
};

// expand - mac_expand(value) with the given lookup.
Result expand(std::string_view value, const Lookup& lookup, const EvalOptions& options = {});

}  // namespace pflint::expand
