// NAME
//   tree_text — `pflint parse` for people: an outline of the syntax tree of
//   one file.
// DESCRIPTION
//   A header line (path, kind, bytes, lines, items), then one line per
//   parameter, service (with its -o overrides), ignored or erroneous
//   logical line, at its line:column; comments and blank lines are left
//   out. Text from the file goes through terminal_safe; values over 120
//   bytes are cut with "...".
// SEE ALSO
//   src/report/tree_json.hpp (the whole tree, for programs).
#pragma once

#include <cstdio>

#include "syntax/tree.hpp"

namespace pflint::report {

// write_tree_outline - the outline of `tree`, parsed from `source`.
void write_tree_outline(const syntax::SourceFile& source, const syntax::Tree& tree, std::FILE* out);

}  // namespace pflint::report
