// NAME
//   syntax_rule — shared check for the PF1xxx rules that report what the
//   parser found (each rule reports one kind of syntax problem).
#pragma once

#include "lint/context.hpp"
#include "syntax/tree.hpp"

namespace pflint::rules {

// report_syntax_issue - a finding for every problem of kind `issue`; `fix`,
// when given, adds the rule's fix to it.
using SyntaxFix = void (*)(const syntax::SourceFile& source, const syntax::SyntaxDiagnostic& problem,
                           lint::Diagnostic& finding);
inline void report_syntax_issue(lint::CheckContext& context, syntax::SyntaxIssue issue, SyntaxFix fix = nullptr) {
  for (const auto* file : {&context.files().main_file, &context.files().master_file}) {
    if (!*file) continue;
    for (const syntax::SyntaxDiagnostic& d : (*file)->tree.diagnostics) {
      if (d.issue != issue) continue;
      lint::Diagnostic& finding = context.report(&(*file)->source, d.span, d.message);
      if (fix) fix((*file)->source, d, finding);
    }
  }
}

}  // namespace pflint::rules
