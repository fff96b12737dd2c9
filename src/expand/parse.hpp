// NAME
//   parse — turn a parameter value into an expansion tree (src/expand/tree.hpp).
// DESCRIPTION
//   Parses every branch of every ${...} (as postconf's scan does), so the
//   tree and its diagnostics describe the whole value. Nesting is bounded:
//   a text nested deeper than max_depth becomes one error item, so no input
//   can exhaust the stack.
// DIAGNOSTICS
//   ParseResult::diagnostics lists each syntax error once, in Postfix's
//   words ("empty macro name: ...", "truncated macro reference: ...",
//   "attribute name syntax error at: ...", ...), in source order.
// SEE ALSO
//   grammar/expansion.hpp; src/util/mac_parse.c and src/util/mac_expand.c.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "expand/tree.hpp"

namespace pflint::expand {

struct ParseOptions {
  bool allow_functions = false;   // ${name{text}} calls (Postfix 3.11+)
  bool allow_level_ops = true;    // "<level" etc. (Postfix 3.6+)
  std::uint32_t max_depth = 200;  // nested texts before giving up
};

struct ParseResult {
  std::shared_ptr<Text> root;
  std::vector<Diag> diagnostics;
  [[nodiscard]] bool ok() const { return diagnostics.empty(); }
};

// parse - parse `value`; spans in the result are relative to it.
ParseResult parse(std::string_view value, const ParseOptions& options = {});

// is_known_function - a function name that Postfix 3.11+ registers.
bool is_known_function(std::string_view name);

}  // namespace pflint::expand
