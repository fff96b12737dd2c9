// NAME
//   target — what the cursor is on, in the terms of the config model.
// DESCRIPTION
//   locate() maps a byte offset of an open main.cf or master.cf to the
//   setting whose name it is on (a main.cf line or a master.cf -o), or to a
//   $name reference inside a value, with the scope that reads it (null for
//   main.cf, the master.cf entry for its -o options) — the common ground of
//   hover, definition, references and rename.
#pragma once

#include <optional>
#include <string>

#include "lsp/workspace.hpp"
#include "model/model.hpp"

namespace pflint::lsp {

struct Target {
  enum class Kind : std::uint8_t { setting_name, reference } kind = Kind::setting_name;
  std::string name;
  syntax::Span span{};       // the name's bytes (for a reference: without "$", "${" or "$(")
  syntax::Span whole{};      // the whole reference "${name}" (= span for a setting name)
  const model::Setting* setting = nullptr;        // the setting named, or the one whose value holds the reference
  const config::MasterEntry* scope = nullptr;     // null: main.cf's scope
};

// locate - the target at `offset` in `file` (a file of the analysis), if any.
std::optional<Target> locate(const Analysis& a, const syntax::SourceFile& file, std::uint32_t offset);

// reference_name_span - the bytes of the name inside a reference's whole span.
syntax::Span reference_name_span(const syntax::SourceFile& file, syntax::Span whole, std::string_view name);

}  // namespace pflint::lsp
