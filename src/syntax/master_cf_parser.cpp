// NAME
//   master_cf_parser — builds the syntax tree of a master.cf file.
// DESCRIPTION
//   The only translation unit that instantiates the master.cf grammar.
//   Field, option and argument actions record tokens and Args; the entry
//   action groups them into a Service. -o settings are kept with their
//   name, '=' and value spans for both the short and the { } long form.
// DIAGNOSTICS
//   bad field count, -o without name=value or without any setting, { }
//   that do not pair up, the ignored first line, NUL bytes.
// SEE ALSO
//   grammar/master_cf.hpp; src/master/master_ent.c,
//   src/postconf/postconf_master.c (pcf_normalize_daemon_args) in Postfix.
#include <tao/pegtl.hpp>

#include "grammar/master_cf.hpp"
#include "syntax/tree_builder.hpp"

namespace pflint::syntax {
namespace detail {
namespace g = grammar::master_cf;

template <> inline constexpr bool is_rewind_point<g::entry> = true;
template <> inline constexpr bool is_rewind_point<g::error_line> = true;
template <> inline constexpr bool is_rewind_point<g::leading_ws_line> = true;
template <> inline constexpr bool is_rewind_point<g::top_comment_line> = true;
template <> inline constexpr bool is_rewind_point<g::top_blank_line> = true;
template <> inline constexpr bool is_rewind_point<g::short_override> = true;
template <> inline constexpr bool is_rewind_point<g::braced_override> = true;
template <> inline constexpr bool is_rewind_point<g::separate_setting> = true;
template <> inline constexpr bool is_rewind_point<g::override_option> = true;
template <> inline constexpr bool is_rewind_point<g::bad_override> = true;
template <> inline constexpr bool is_rewind_point<g::bad_separate> = true;
template <> inline constexpr bool is_rewind_point<g::option_item> = true;
template <> inline constexpr bool is_rewind_point<g::end_of_options_item> = true;
template <> inline constexpr bool is_rewind_point<g::argument_item> = true;

// Args of the entry being parsed; moved into its Service by the entry action.
struct MasterBuilder : TreeBuilder {
  std::vector<Arg> args;
  std::vector<Override> overrides;
};

template <typename Rule>
struct master_action : lexical_action<Rule> {};

template <unsigned N>
struct master_action<g::field<N>> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, TreeBuilder& b) {
    if constexpr (N == 0) {  // a new entry starts: forget args of a failed one
      static_cast<MasterBuilder&>(b).args.clear();
      static_cast<MasterBuilder&>(b).overrides.clear();
    }
    b.token(TokenKind::field, in);
  }
};

PFLINT_TOKEN_ACTION(master_action, g::command, TokenKind::command);
PFLINT_TOKEN_ACTION(master_action, g::option_o, TokenKind::option);
PFLINT_TOKEN_ACTION(master_action, g::override_name, TokenKind::name);
PFLINT_TOKEN_ACTION(master_action, g::equals, TokenKind::equals);
PFLINT_TOKEN_ACTION(master_action, g::override_value, TokenKind::value);
PFLINT_TOKEN_ACTION(master_action, g::braced_value, TokenKind::value);
PFLINT_TOKEN_ACTION(master_action, g::brace_open, TokenKind::brace_open);
PFLINT_TOKEN_ACTION(master_action, g::brace_close, TokenKind::brace_close);
PFLINT_TOKEN_ACTION(master_action, g::bad_setting, TokenKind::argument);

// check_braces - extpar()'s view of a token that starts with '{'.
void check_braces(TreeBuilder& b, Span span) {
  const std::string_view text = b.source.slice(span);
  std::size_t depth = 0;
  std::size_t close = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && depth > 0 && --depth == 0 && close == std::string_view::npos) close = i;
  }
  // The quoted text is built only for a diagnostic: most arguments have none.
  const auto shown = [&] { return logical_line_text(b.source, span); };
  if (depth > 0 && text.starts_with('{')) {
    b.diagnose(SyntaxIssue::unbalanced_braces, Severity::error, span, "missing '}' in \"" + shown() + "\"");
  } else if (depth > 0) {
    b.diagnose(SyntaxIssue::unbalanced_braces, Severity::warning, span,
               "unclosed '{' takes the rest of the line into this argument: \"" + shown() + "\"");
  } else if (text.starts_with('{') && close != std::string_view::npos && close + 1 < text.size()) {
    b.diagnose(SyntaxIssue::unbalanced_braces, Severity::error, span, "syntax error after '}' in \"" + shown() + "\"");
  }
}

template <>
struct master_action<g::override_option> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, TreeBuilder& b) {
    auto& mb = static_cast<MasterBuilder&>(b);
    Override o;
    for (std::uint32_t i = b.mark(); i < b.token_count(); ++i) {
      const Token& t = b.tree.tokens[i];
      switch (t.kind) {
        case TokenKind::option: o.option = t.span; break;
        case TokenKind::name: o.name = t.span; break;
        case TokenKind::equals: o.equals = t.span; o.value = Span{t.span.end, t.span.end}; break;
        case TokenKind::value: o.value = t.span; break;
        case TokenKind::brace_open: o.braced = true; o.whole.begin = t.span.begin; break;
        default: break;
      }
    }
    const Span all = b.span_of(in);
    if (!o.braced) o.whole.begin = o.name.begin;
    o.whole.end = all.end;
    if (!o.braced) check_braces(b, o.value);
    mb.args.push_back(Arg{ArgKind::override, o.whole, static_cast<std::uint32_t>(mb.overrides.size())});
    mb.overrides.push_back(o);
  }
};

template <>
struct master_action<g::bad_override> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, TreeBuilder& b) {
    auto& mb = static_cast<MasterBuilder&>(b);
    const Span all = b.span_of(in);
    Span setting{all.end, all.end};
    for (std::uint32_t i = b.mark(); i < b.token_count(); ++i) {
      if (b.tree.tokens[i].kind == TokenKind::argument) setting = b.tree.tokens[i].span;
    }
    mb.args.push_back(Arg{ArgKind::plain, all});
    if (setting.empty()) {
      b.diagnose(SyntaxIssue::missing_override_value, Severity::error, all,
                 "option \"-o\" needs a name=value setting after it");
    } else if (const auto before = b.tree.diagnostics.size(); check_braces(b, setting), b.tree.diagnostics.size() == before) {
      b.diagnose(SyntaxIssue::bad_override, Severity::error, all,
                 "invalid \"-o " + logical_line_text(b.source, setting) +
                     "\" option value: missing '=' after attribute name");
    }
  }
};

template <typename Rule>
struct plain_arg_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, TreeBuilder& b, TokenKind kind, ArgKind arg_kind) {
    b.token(kind, in);
    static_cast<MasterBuilder&>(b).args.push_back(Arg{arg_kind, b.span_of(in)});
    check_braces(b, b.span_of(in));
  }
};

template <>
struct master_action<g::other_option> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, TreeBuilder& b) {
    plain_arg_action<g::other_option>::apply(in, b, TokenKind::option, ArgKind::option);
  }
};
template <>
struct master_action<g::end_of_options> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, TreeBuilder& b) {
    plain_arg_action<g::end_of_options>::apply(in, b, TokenKind::option, ArgKind::option);
  }
};
template <>
struct master_action<g::argument> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, TreeBuilder& b) {
    plain_arg_action<g::argument>::apply(in, b, TokenKind::argument, ArgKind::plain);
  }
};

template <>
struct master_action<g::entry> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    auto& mb = static_cast<MasterBuilder&>(b);
    Item& item = b.add_item(ItemKind::service);
    Service service;
    service.item = static_cast<std::uint32_t>(b.tree.items.size() - 1);
    std::size_t field = 0;
    for (std::uint32_t i = item.first_token; i < item.first_token + item.token_count && field < 8; ++i) {
      const Token& t = b.tree.tokens[i];
      if (t.kind == TokenKind::field || t.kind == TokenKind::command) service.fields[field++] = t.span;
    }
    service.args = std::move(mb.args);
    service.overrides = std::move(mb.overrides);
    mb.args.clear();
    mb.overrides.clear();
    item.service = static_cast<std::uint32_t>(b.tree.services.size());
    b.tree.services.push_back(std::move(service));
    diagnose_nul_bytes(b, item);
  }
};

// count_fields - blank-separated words of a logical line.
std::size_t count_fields(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (!blank && !in_word) ++n;
    in_word = !blank;
  }
  return n;
}

template <>
struct master_action<g::error_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    const Item& item = b.add_item(ItemKind::error);
    const std::size_t n = count_fields(logical_line_text(b.source, item.span));
    const std::string missing(n < field_names.size() ? field_names[n] : "command");
    b.diagnose(SyntaxIssue::bad_field_count, Severity::error, item.span,
               "bad field count: missing \"" + missing + "\" field (an entry has 8 fields: service, type, private, "
               "unprivileged, chroot, wakeup, process_limit, command)");
    diagnose_nul_bytes(b, item);
  }
};

template <>
struct master_action<g::leading_ws_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    const Item& item = b.add_item(ItemKind::ignored);
    diagnose_leading_whitespace(b, item);
  }
};

template <>
struct master_action<g::top_comment_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    b.add_item(ItemKind::comment);
  }
};

template <>
struct master_action<g::top_blank_line> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, TreeBuilder& b) {
    b.add_item(ItemKind::blank);
  }
};

}  // namespace detail

Tree parse_master_cf(const SourceFile& source) {
  Tree tree;
  tree.kind = FileKind::master_cf;
  detail::MasterBuilder builder{{source, tree, {}}, {}, {}};
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy, tao::pegtl::eol::lf_crlf> in(
      source.text().data(), source.text().size(), source.path());
  tao::pegtl::parse<grammar::master_cf::file, detail::master_action, detail::rewind_control>(
      in, static_cast<detail::TreeBuilder&>(builder));
  return tree;
}

}  // namespace pflint::syntax
