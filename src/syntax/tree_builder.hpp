// NAME
//   tree_builder — state and PEGTL control shared by the two file parsers.
// DESCRIPTION
//   Actions append tokens as rules succeed. PEGTL does not undo actions when
//   an enclosing rule fails and backtracks, so rules that can fail after a
//   part of them succeeded are "rewind points": the control records the
//   token count when they start and truncates back to it when they fail.
//   Item rules are rewind points too, so an item's first token is the mark
//   on top of the stack when its action runs (PEGTL applies an action
//   before it signals success).
// SEE ALSO
//   src/syntax/main_cf_parser.cpp, src/syntax/master_cf_parser.cpp.
#pragma once

#include <tao/pegtl.hpp>

#include <vector>

#include "grammar/lexical.hpp"
#include "syntax/tree.hpp"

namespace pflint::syntax::detail {

struct TreeBuilder {
  const SourceFile& source;
  Tree& tree;
  std::vector<std::uint32_t> marks;

  template <typename ActionInput>
  [[nodiscard]] Span span_of(const ActionInput& in) const {
    const auto begin = static_cast<std::uint32_t>(in.begin() - source.text().data());
    return Span{begin, begin + static_cast<std::uint32_t>(in.size())};
  }
  template <typename ActionInput>
  void token(TokenKind kind, const ActionInput& in) {
    const Span s = span_of(in);
    if (!s.empty()) tree.tokens.push_back(Token{kind, s});
  }
  [[nodiscard]] std::uint32_t mark() const { return marks.empty() ? 0 : marks.back(); }
  [[nodiscard]] auto token_count() const { return static_cast<std::uint32_t>(tree.tokens.size()); }

  // add_item - an item over the tokens from the current mark to the end.
  Item& add_item(ItemKind kind) {
    const std::uint32_t first = mark();
    Item item;
    item.kind = kind;
    item.first_token = first;
    item.token_count = token_count() - first;
    if (item.token_count > 0) {
      item.span = Span{tree.tokens[first].span.begin, tree.tokens.back().span.end};
    }
    tree.items.push_back(item);
    return tree.items.back();
  }
  void diagnose(SyntaxIssue issue, Severity severity, Span span, std::string message) {
    tree.diagnostics.push_back(SyntaxDiagnostic{issue, severity, span, std::move(message)});
  }
};

// Rules listed as rewind points by each grammar's parser.
template <typename Rule>
inline constexpr bool is_rewind_point = false;

template <typename Rule>
struct rewind_control : tao::pegtl::normal<Rule> {
  template <typename ParseInput>
  static void start(const ParseInput& /*in*/, TreeBuilder& b) {
    if constexpr (is_rewind_point<Rule>) b.marks.push_back(b.token_count());
  }
  template <typename ParseInput>
  static void success(const ParseInput& /*in*/, TreeBuilder& b) {
    if constexpr (is_rewind_point<Rule>) b.marks.pop_back();
  }
  template <typename ParseInput>
  static void failure(const ParseInput& /*in*/, TreeBuilder& b) {
    if constexpr (is_rewind_point<Rule>) {
      b.tree.tokens.resize(b.marks.back());
      b.marks.pop_back();
    }
  }
};

// Actions shared by both grammars (grammar/lexical.hpp rules).
template <typename Rule>
struct lexical_action : tao::pegtl::nothing<Rule> {};

#define PFLINT_TOKEN_ACTION(Action, Rule, Kind)                \
  template <>                                                  \
  struct Action<Rule> {                                        \
    template <typename ActionInput>                            \
    static void apply(const ActionInput& in, TreeBuilder& b) { \
      b.token(Kind, in);                                       \
    }                                                          \
  }

PFLINT_TOKEN_ACTION(lexical_action, grammar::newline, TokenKind::newline);
PFLINT_TOKEN_ACTION(lexical_action, grammar::spaces, TokenKind::space);
PFLINT_TOKEN_ACTION(lexical_action, grammar::comment_text, TokenKind::comment);
PFLINT_TOKEN_ACTION(lexical_action, grammar::blank_text, TokenKind::blank);
PFLINT_TOKEN_ACTION(lexical_action, grammar::error_text, TokenKind::error);

// Lexical rules that may fail after part of them matched.
template <> inline constexpr bool is_rewind_point<grammar::continuation> = true;
template <> inline constexpr bool is_rewind_point<grammar::blank_line> = true;

// Diagnostics common to both files: NUL bytes, the ignored first line.
void diagnose_nul_bytes(TreeBuilder& b, const Item& item);
void diagnose_leading_whitespace(TreeBuilder& b, const Item& item);
// quoted_line - the logical line as Postfix quotes it in messages.
std::string logical_line_text(const SourceFile& source, Span span);

}  // namespace pflint::syntax::detail
