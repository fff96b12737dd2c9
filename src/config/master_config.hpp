// NAME
//   master_config — the service entries of one master.cf.
// DESCRIPTION
//   Built from a syntax tree: each entry's eight fields, its -o settings
//   (name, value, later -o wins over earlier) and its other arguments, with
//   positions. The "service/type" pair names an entry; a later entry with
//   the same pair replaces the earlier one in master(8), which is recorded
//   as a duplicate. process_name is the command's base name, which decides
//   the parameter prefix a delivery agent reads (smtp → smtp_*, lmtp → lmtp_*).
// SEE ALSO
//   src/master/master_ent.c, src/postconf/postconf_master.c in Postfix.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/tree.hpp"

namespace pflint::config {

struct OverrideSetting {
  std::string name;
  std::string value;
  syntax::Span name_span;
  syntax::Span value_span;
  std::uint32_t line = 0;
};

struct MasterEntry {
  std::array<std::string, 8> fields;   // indexed by syntax::Field
  std::vector<OverrideSetting> overrides;  // in order; see find_override
  std::vector<std::string> args;       // all arguments after the command, logical text
  std::uint32_t item = 0;              // index into the tree's items
  std::uint32_t service_index = 0;     // index into the tree's services
  std::uint32_t line = 0;              // first line of the entry

  [[nodiscard]] const std::string& service() const { return fields[0]; }
  [[nodiscard]] const std::string& type() const { return fields[1]; }
  [[nodiscard]] const std::string& command() const { return fields[7]; }
  // process_name - base name of the command (what a daemon calls itself).
  [[nodiscard]] std::string_view process_name() const;
  // name - "service/type".
  [[nodiscard]] std::string name() const { return service() + "/" + type(); }
  // find_override - the effective -o setting of name (the last), or nullptr.
  [[nodiscard]] const OverrideSetting* find_override(std::string_view name) const;
};

class MasterConfig {
 public:
  static MasterConfig build(const syntax::SourceFile& source, const syntax::Tree& tree);

  [[nodiscard]] const std::vector<MasterEntry>& entries() const { return entries_; }
  // find - the entry master(8) uses for service/type (the last), or nullptr.
  [[nodiscard]] const MasterEntry* find(std::string_view service, std::string_view type) const;
  // duplicates - pairs (earlier, later) of entries with the same service/type.
  [[nodiscard]] const std::vector<std::pair<std::uint32_t, std::uint32_t>>& duplicates() const { return duplicates_; }
  [[nodiscard]] const std::optional<syntax::SyntaxDiagnostic>& first_error() const { return first_error_; }

 private:
  std::vector<MasterEntry> entries_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> duplicates_;
  std::optional<syntax::SyntaxDiagnostic> first_error_;
};

}  // namespace pflint::config
