// NAME
//   fatal_issue — which syntax problems make Postfix refuse to read a file.
// DESCRIPTION
//   One answer for every caller that must not produce or accept such a file:
//   the fixer (a fix may not leave one) and the fuzz targets (an edit's result
//   must reparse without one).
#pragma once

#include "syntax/tree.hpp"

namespace pflint::syntax {

// is_fatal_issue - a problem that makes Postfix refuse to read the file
// (missing '=', missing name, a master.cf entry with too few fields).
bool is_fatal_issue(SyntaxIssue issue);

}  // namespace pflint::syntax
