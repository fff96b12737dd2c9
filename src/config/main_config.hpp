// NAME
//   main_config — the settings of one main.cf, as Postfix's dictionary holds them.
// DESCRIPTION
//   Built from a syntax tree: every `name = value` in file order with the
//   value Postfix stores (joined, NUL-cut, trimmed) and where it stands, and
//   the effective definition of each name (the last one wins). A later
//   definition with a different value is a redefinition, which Postfix warns
//   about ("overriding earlier entry"). Postfix stops reading at the first
//   malformed line; first_error() tells where that is, so callers that
//   emulate Postfix can stop there too, while the linter reads on.
// SEE ALSO
//   src/util/dict.c (dict_load_fp), src/util/dict_ht.c in Postfix.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/tree.hpp"

namespace pflint::config {

struct MainEntry {
  std::string name;
  std::string value;
  std::uint32_t item = 0;   // index into the tree's items
  std::uint32_t line = 0;   // first line of the logical line (Postfix's "line N")
  syntax::Span name_span;
  syntax::Span value_span;
};

struct Redefinition {
  std::uint32_t entry = 0;  // the later definition (index into entries())
  std::uint32_t earlier = 0;
  std::string old_value;
};

class MainConfig {
 public:
  static MainConfig build(const syntax::SourceFile& source, const syntax::Tree& tree);

  // find - the effective (last) definition of name, or nullptr.
  [[nodiscard]] const MainEntry* find(std::string_view name) const;
  [[nodiscard]] const std::vector<MainEntry>& entries() const { return entries_; }
  // redefinitions - later definitions whose value differs, in file order.
  [[nodiscard]] const std::vector<Redefinition>& redefinitions() const { return redefinitions_; }
  // first_error - the first fatal syntax problem, in file order.
  [[nodiscard]] const std::optional<syntax::SyntaxDiagnostic>& first_error() const { return first_error_; }
  // effective - the effective definitions in file order of their last appearance.
  [[nodiscard]] std::vector<const MainEntry*> effective() const;

 private:
  std::vector<MainEntry> entries_;
  // Transparent hash (same values as std::hash<std::string>, so the same
  // iteration order): find() looks names up without building a string.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> last_;
  std::vector<Redefinition> redefinitions_;
  std::optional<syntax::SyntaxDiagnostic> first_error_;
};

}  // namespace pflint::config
