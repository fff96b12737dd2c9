// NAME
//   syntax_rule — shared check for the PF1xxx rules that report what the
//   parser found (each rule reports one kind of syntax problem).
#pragma once

#include "lint/context.hpp"
#include "syntax/tree.hpp"

namespace pflint::rules {

inline void report_syntax_issue(lint::CheckContext& context, syntax::SyntaxIssue issue) {
  for (const auto* file : {&context.files().main_file, &context.files().master_file}) {
    if (!*file) continue;
    for (const syntax::SyntaxDiagnostic& d : (*file)->tree.diagnostics) {
      if (d.issue == issue) context.report(&(*file)->source, d.span, d.message);
    }
  }
}

}  // namespace pflint::rules
