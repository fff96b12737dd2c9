// NAME
//   main_cf_parser — builds the syntax tree of a main.cf file.
// DESCRIPTION
//   The only translation unit that instantiates the main.cf grammar. Actions
//   append tokens; item actions group them and derive the name, '=' and
//   value spans from the item's tokens.
// DIAGNOSTICS
//   missing '=' / missing attribute name (Postfix: fatal), the ignored
//   first line with leading whitespace, NUL bytes.
// SEE ALSO
//   grammar/main_cf.hpp; src/util/dict.c (dict_load_fp) in Postfix.
#include <tao/pegtl.hpp>

#include "grammar/main_cf.hpp"
#include "syntax/tree_builder.hpp"

namespace pflint::syntax {
namespace detail {
namespace g = grammar::main_cf;

template <> inline constexpr bool is_rewind_point<g::parameter_line> = true;
template <> inline constexpr bool is_rewind_point<g::error_line> = true;
template <> inline constexpr bool is_rewind_point<g::leading_ws_line> = true;
template <> inline constexpr bool is_rewind_point<g::top_comment_line> = true;
template <> inline constexpr bool is_rewind_point<g::top_blank_line> = true;

template <typename Rule>
struct main_action : lexical_action<Rule> {};

PFLINT_TOKEN_ACTION(main_action, g::param_name, TokenKind::name);
PFLINT_TOKEN_ACTION(main_action, g::equals, TokenKind::equals);
PFLINT_TOKEN_ACTION(main_action, g::value_text, TokenKind::value);

template <>
struct main_action<g::parameter_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    Item& item = b.add_item(ItemKind::parameter);
    bool have_value = false;
    for (std::uint32_t i = item.first_token; i < item.first_token + item.token_count; ++i) {
      const Token& t = b.tree.tokens[i];
      if (t.kind == TokenKind::name) item.name = t.span;
      if (t.kind == TokenKind::equals) item.equals = t.span;
      if (t.kind == TokenKind::value) {
        if (!have_value) item.value.begin = t.span.begin;
        item.value.end = t.span.end;
        have_value = true;
      }
    }
    if (!have_value) item.value = Span{item.equals.end, item.equals.end};
    diagnose_nul_bytes(b, item);
  }
};

template <>
struct main_action<g::error_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    const Item& item = b.add_item(ItemKind::error);
    const std::string text = logical_line_text(b.source, item.span);
    if (text.starts_with('=')) {
      b.diagnose(SyntaxIssue::missing_name, Severity::error, item.span, "missing attribute name: \"" + text + "\"");
    } else {
      b.diagnose(SyntaxIssue::missing_equals, Severity::error, item.span,
                 "missing '=' after attribute name: \"" + text + "\"");
    }
    diagnose_nul_bytes(b, item);
  }
};

template <>
struct main_action<g::leading_ws_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    const Item& item = b.add_item(ItemKind::ignored);
    diagnose_leading_whitespace(b, item);
  }
};

template <>
struct main_action<g::top_comment_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    b.add_item(ItemKind::comment);
  }
};

template <>
struct main_action<g::top_blank_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    b.add_item(ItemKind::blank);
  }
};

}  // namespace detail

Tree parse_main_cf(const SourceFile& source) {
  Tree tree;
  tree.kind = FileKind::main_cf;
  // Generous reservations cost no memory until touched, and spare the
  // copies (and page faults) of growing vectors.
  tree.tokens.reserve(std::size_t{4} * source.line_count() + 16);
  tree.items.reserve(source.line_count() + 1);
  detail::TreeBuilder builder{source, tree, {}};
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy, tao::pegtl::eol::lf_crlf> in(
      source.text().data(), source.text().size(), source.path());
  tao::pegtl::parse<grammar::main_cf::file, detail::main_action, detail::rewind_control>(in, builder);
  return tree;
}

}  // namespace pflint::syntax
