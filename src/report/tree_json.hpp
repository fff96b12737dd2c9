// NAME
//   tree_json — the syntax tree of one file as JSON (docs/parse-json.md).
#pragma once

#include <string>

#include "syntax/tree.hpp"

namespace pflint::report {

// tree_json - one JSON object: path, kind, items with tokens, diagnostics.
std::string tree_json(const syntax::SourceFile& source, const syntax::Tree& tree);

}  // namespace pflint::report
