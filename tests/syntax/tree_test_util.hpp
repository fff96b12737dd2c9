// Helpers for syntax tests: parse a string and describe items compactly.
#pragma once

#include <string>
#include <vector>

#include "syntax/tree.hpp"

namespace pflint::test {

struct Parsed {
  syntax::SourceFile source;
  syntax::Tree tree;
};

inline Parsed parse_text(std::string text, syntax::FileKind kind = syntax::FileKind::main_cf) {
  syntax::SourceFile source(kind == syntax::FileKind::main_cf ? "main.cf" : "master.cf", std::move(text));
  syntax::Tree tree = syntax::parse(source, kind);
  return Parsed{std::move(source), std::move(tree)};
}

// item_kinds - "parameter comment blank ..." for all items.
inline std::string item_kinds(const syntax::Tree& tree) {
  std::string out;
  for (const auto& item : tree.items) {
    if (!out.empty()) out += ' ';
    out += syntax::to_string(item.kind);
  }
  return out;
}

// tokens - "kind:text kind:text ..." for one item, text with \n shown as \n.
inline std::string tokens(const Parsed& p, std::size_t item_index) {
  std::string out;
  const auto& item = p.tree.items.at(item_index);
  for (std::uint32_t i = item.first_token; i < item.first_token + item.token_count; ++i) {
    const auto& t = p.tree.tokens[i];
    if (!out.empty()) out += ' ';
    out += std::string(syntax::to_string(t.kind)) + ":";
    for (char c : p.source.slice(t.span)) {
      if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (c == '\r') out += "\\r";
      else out += c;
    }
  }
  return out;
}

inline std::vector<std::string> messages(const syntax::Tree& tree) {
  std::vector<std::string> out;
  for (const auto& d : tree.diagnostics) out.push_back(d.message);
  return out;
}

// check_lossless - tokens are non-empty, contiguous, cover the text, and
// items partition the token list in order.
inline bool lossless(const Parsed& p) {
  std::uint32_t at = 0;
  for (const auto& t : p.tree.tokens) {
    if (t.span.begin != at || t.span.empty()) return false;
    at = t.span.end;
  }
  if (at != p.source.size()) return false;
  std::uint32_t next = 0;
  for (const auto& item : p.tree.items) {
    if (item.first_token != next || item.token_count == 0) return false;
    next += item.token_count;
  }
  return next == p.tree.tokens.size() && syntax::print(p.source, p.tree) == p.source.text();
}

}  // namespace pflint::test
