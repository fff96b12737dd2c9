// NAME
//   fix_edits — the spans and texts the rules' fixes edit: a whole main.cf
//   logical line, a master.cf `-o` option with its blanks, a setting's
//   `name = value`, and lines to insert after a setting.
// DESCRIPTION
//   Every fix is a list of byte edits on the lossless text (lint::Edit), so
//   the bytes outside these spans (comments, blank lines, continuation
//   layout) stay as they are. A helper returns nothing when the edit cannot
//   be made without touching more than the setting (a `-o` folded into a
//   combined option word such as `-vo`); the rule then offers no fix.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "config/config_dir.hpp"
#include "lint/diagnostic.hpp"
#include "model/model.hpp"

namespace pflint::rules::fixe {

// logical_line_span - a whole main.cf logical line for deletion: from the
// first byte of `line` to the end of the setting, plus its newline.
inline syntax::Span logical_line_span(const syntax::SourceFile& f, std::uint32_t line, syntax::Span name,
                                      syntax::Span value) {
  std::uint32_t end = std::max(value.end, name.end);
  const std::string_view text = f.text();
  while (end < text.size() && text[end] != '\n') ++end;
  if (end < text.size()) ++end;
  return {f.line_span(line).begin, end};
}

// line_delete_span - the main.cf logical line of a setting, for deletion.
inline syntax::Span line_delete_span(const model::Origin& o) {
  return logical_line_span(*o.file, o.line, o.name_span, o.value_span);
}

// override_delete_span - a master.cf `-o name=value` (or `-o { … }`) with
// the blanks that separate it, so that deleting it leaves the entry as if it
// had never been written: its whole line when it is alone on a line, else
// the blanks after it (first on a line) or before it; nothing for a `-o`
// inside a combined option word.
inline std::optional<syntax::Span> override_delete_span(const config::ConfigDir& files, const model::Origin& o) {
  if (o.kind != model::OriginKind::master_override || !o.service || !files.master_file) return std::nullopt;
  const syntax::SourceFile& source = files.master_file->source;
  if (o.file != &source) return std::nullopt;
  const syntax::Tree& tree = files.master_file->tree;
  if (o.service->service_index >= tree.services.size()) return std::nullopt;
  for (const syntax::Override& ov : tree.services[o.service->service_index].overrides) {
    if (ov.name.begin != o.name_span.begin) continue;
    if (source.slice(ov.option) != "-o") return std::nullopt;
    const std::string_view text = source.text();
    const auto blank = [&](std::uint32_t i) { return text[i] == ' ' || text[i] == '\t'; };
    std::uint32_t begin = ov.option.begin;
    std::uint32_t end = std::max(ov.whole.end, ov.option.end);
    std::uint32_t before = begin;
    while (before > 0 && blank(before - 1)) --before;
    std::uint32_t after = end;
    while (after < text.size() && blank(after)) ++after;
    const bool starts_line = before == 0 || text[before - 1] == '\n';
    const bool ends_line = after == text.size() || text[after] == '\n';
    if (starts_line && ends_line) return syntax::Span{before, after < text.size() ? after + 1 : after};  // its line
    if (starts_line) return syntax::Span{begin, after};  // keep the indentation for what follows
    return syntax::Span{before, end};
  }
  return std::nullopt;
}

// delete_setting - the edit that removes a main.cf line or a `-o` option.
inline std::optional<lint::Edit> delete_setting(const config::ConfigDir& files, const model::Origin& o) {
  if (!o.file) return std::nullopt;
  if (o.kind == model::OriginKind::main_cf) return lint::Edit{o.file, line_delete_span(o), ""};
  if (const auto span = override_delete_span(files, o)) return lint::Edit{o.file, *span, ""};
  return std::nullopt;
}

// setting_span - name..value of a main.cf line or a -o option.
inline syntax::Span setting_span(const model::Origin& o) {
  return {o.name_span.begin, std::max(o.name_span.end, o.value_span.end)};
}

// assignment - the text of `name = value` for the file kind of `o`.
inline std::string assignment(const model::Origin& o, std::string_view name, std::string_view value) {
  if (o.kind == model::OriginKind::master_override) return fmt::format("{}={}", name, value);
  return fmt::format("{} = {}", name, value);
}

// insert_after - an edit that adds `name = value` next to the setting at
// `o`: a new main.cf line after its logical line, or ` -o name=value` after
// the `-o` of the same master.cf entry.
inline std::optional<lint::Edit> insert_after(const model::Origin& o, std::string_view name, std::string_view value) {
  if (!o.file) return std::nullopt;
  const syntax::Span at = setting_span(o);
  if (o.kind == model::OriginKind::main_cf) {
    const syntax::Span line = line_delete_span(o);
    const bool newline = line.end > 0 && o.file->text()[line.end - 1] == '\n';
    return lint::Edit{o.file, {line.end, line.end},
                      fmt::format("{}{}\n", newline ? "" : "\n", assignment(o, name, value))};
  }
  if (o.kind == model::OriginKind::master_override) {
    return lint::Edit{o.file, {at.end, at.end}, fmt::format(" -o {}", assignment(o, name, value))};
  }
  return std::nullopt;
}

}  // namespace pflint::rules::fixe
