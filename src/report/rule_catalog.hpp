// NAME
//   rule_catalog — the rule catalog for `pflint rules` (text and JSON) and
//   the Markdown pages of `pflint explain` and `rules --write-docs`.
// DESCRIPTION
//   Each rule with its code, name, default severity, the Postfix versions it
//   applies to ("3.9+", "< 3.10", "3.7–3.9" or "all"), summary and doc.
//   docs/rules/ is generated from rule_index_page() and rule_page(), and a
//   test keeps it current.
// SEE ALSO
//   src/lint/rule.hpp, rules/registry.hpp, docs/rules/README.md.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include "lint/rule.hpp"

namespace pflint::report {

// write_rule_catalog_text - one line per rule: code, name, severity,
// versions, summary.
void write_rule_catalog_text(std::span<const lint::Rule> rules, std::FILE* out);

// rule_catalog_json - the catalog as one JSON array, without a final newline.
std::string rule_catalog_json(std::span<const lint::Rule> rules);

// rule_page - the Markdown page of one rule (also what `explain` prints).
std::string rule_page(const lint::RuleInfo& info);

// rule_help_uri - the address of a rule's page (SARIF helpUri, LSP codeDescription).
std::string rule_help_uri(std::string_view code);

// rule_index_page - docs/rules/README.md: a table of every rule.
std::string rule_index_page(std::span<const lint::Rule> rules);

}  // namespace pflint::report
