// NAME
//   diagnostic — one finding of `pflint check`: code, severity, place, message, fixes.
// DESCRIPTION
//   Positions are spans into a SourceFile that outlives the diagnostic (the
//   check run owns all files). A diagnostic without a file concerns the
//   configuration as a whole. Fixes are byte edits (replace a span) that a
//   reporter or the language server can offer and `check --fix` applies;
//   notes are extra lines of explanation (e.g. the replacement line for an
//   obsolete setting).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/severity.hpp"
#include "syntax/source.hpp"

namespace pflint::lint {

using Severity = syntax::Severity;  // ordered: error is the most severe
using syntax::to_string;

// parse_severity - "error", "warning", "info"; false if none of them.
bool parse_severity(std::string_view text, Severity& out);

struct Edit {
  const syntax::SourceFile* file = nullptr;
  syntax::Span span{};
  std::string replacement;
};

// A fix is safe when Postfix behaves the same after it, or differs only in
// the way the finding says is intended (an ignored switch removed, an
// equivalent spelling written); unsafe when it changes what Postfix does.
// `pflint check --fix` applies safe fixes only unless --unsafe-fixes is given.
struct Fix {
  std::string title;  // "Replace with smtp_tls_security_level = encrypt"
  std::vector<Edit> edits;
  bool safe = false;
};

struct Diagnostic {
  std::string_view code;     // "PF3001"
  std::string_view rule;     // "obsolete-tls-parameter"
  Severity severity = Severity::warning;
  const syntax::SourceFile* file = nullptr;
  syntax::Span span{};
  std::string message;
  std::vector<std::string> notes;
  std::vector<Fix> fixes;
};

// position_less - file path, then offset, then code: the order findings are shown in.
bool position_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace pflint::lint
