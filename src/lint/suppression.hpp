// NAME
//   suppression — inline `# pflint:` comments that silence findings.
// DESCRIPTION
//   `# pflint: disable=PF3004,PF2001` on a comment line of its own applies
//   to the next logical line (the next parameter or service entry, with its
//   continuation lines). `# pflint: disable-file=PF3004` applies to the whole
//   file. Codes may be prefixes ("PF3") or "ALL". Postfix has no trailing
//   comments, so a directive is always a whole comment line — which is also
//   why it never changes what Postfix reads.
// DIAGNOSTICS
//   A directive that suppressed nothing becomes a PF1901 finding; a
//   malformed directive (unknown keyword, no codes) a PF1902 finding.
#pragma once

#include <vector>

#include "config/config_dir.hpp"
#include "lint/diagnostic.hpp"
#include "lint/engine.hpp"

namespace pflint::lint {

struct Suppression {
  const syntax::SourceFile* file = nullptr;
  syntax::Span directive{};       // the comment token
  syntax::Span line{};            // the comment line with its newline
  bool whole_file = false;
  syntax::Span target{};          // the logical line it covers (when not whole_file)
  std::vector<std::string> codes;
  std::vector<bool> used;         // per code
};

// find_suppressions - every `# pflint:` directive of a parsed file; bad ones
// are reported into `problems` (PF1902).
std::vector<Suppression> find_suppressions(const config::ParsedFile& file, std::vector<Diagnostic>& problems);

// apply_suppressions - drops suppressed findings and adds PF1901 findings for
// directives (or codes in them) that suppressed nothing, when the rule that
// they name was run (selected and applicable). Each carries the safe fix
// that drops the unused codes: the directive rewritten without them, or
// its line deleted when none is left (a comment: Postfix reads no less).
void apply_suppressions(std::vector<Diagnostic>& findings, std::vector<Suppression>& suppressions,
                        std::span<const Rule> rules_run);

}  // namespace pflint::lint
