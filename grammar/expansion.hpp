// NAME
//   expansion — the $name expansion language of Postfix parameter values.
// DESCRIPTION
//   Postfix parses a value one level at a time, and so do these rules.
//   mac_parse() splits a text into literal runs, "$$", "$name", "${...}"
//   and "$(...)"; a bracket body runs to the matching close of the same
//   bracket kind only. mac_expand() then parses one body: a name with an
//   optional "?" / ":" tail, a relational expression "{a} OP {b}" with an
//   optional tail, or (3.11+) a function call "name{arg}". Operands are
//   brace-balanced payloads that are parsed again, by the caller, as texts.
//   Balanced brackets are matched by counting (balanced_text), not by
//   recursion, so no input can exhaust the stack.
// SEE ALSO
//   src/util/mac_parse.c (mac_parse), src/util/mac_expand.c
//   (mac_expand_callback, mac_exp_parse_relational) and
//   src/global/compat_level.c in the Postfix source; src/expand/parse.cpp.
#pragma once

#include <cstddef>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace pflint::grammar::expansion {
namespace pegtl = tao::pegtl;
using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): grammar DSL

// balanced_text - the bytes before the Close that matches an Open already
// consumed; only Open and Close are counted. Fails at end of input.
template <char Open, char Close>
struct balanced_text {
  using rule_t = balanced_text;
  using subs_t = empty_list;

  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) {
    std::size_t level = 1;
    for (std::size_t i = 0; i < in.size(i + 1); ++i) {
      const char ch = in.peek_char(i);
      if (ch == Open) {
        ++level;
      } else if (ch == Close && --level == 0) {
        in.bump(i);
        return true;
      }
    }
    return false;
  }
};

// clang-format off

// --- mac_parse(): one level of a text ---------------------------------------
struct dollar : one< '$' > {};
struct dollar_dollar : string< '$', '$' > {};                   // "$$" is a literal '$'
struct name_char : sor< alnum, one< '_' > > {};                   // ISALNUM or '_'
struct macro_name : plus< name_char > {};
struct bare_ref : seq< dollar, macro_name > {};                   // $name
struct brace_open : string< '$', '{' > {};
struct brace_body : balanced_text< '{', '}' > {};
struct brace_close : one< '}' > {};
struct brace_ref : seq< brace_open, brace_body, brace_close > {}; // ${...}
struct paren_open : string< '$', '(' > {};
struct paren_body : balanced_text< '(', ')' > {};
struct paren_close : one< ')' > {};
struct paren_ref : seq< paren_open, paren_body, paren_close > {}; // $(...)
struct reference : sor< brace_ref, paren_ref, bare_ref > {};
struct literal_run : plus< not_one< '$' > > {};
struct literal : sor< literal_run, dollar_dollar > {};
struct truncated_ref : sor< brace_open, paren_open > {};         // unterminated: "truncated macro reference"
struct empty_ref : dollar {};                                     // '$' + other: "empty macro name"
struct text_item : sor< literal, reference > {};
struct text : seq< star< text_item >, eof > {};                   // a text without errors

// --- mac_expand(): one ${...} body ------------------------------------------
struct ws : one< ' ', '\t', '\r', '\n' > {};                      // CHARS_SPACE
struct wss : star< ws > {};
struct payload_open : one< '{' > {};
struct payload_body : balanced_text< '{', '}' > {};
struct payload_close : one< '}' > {};
struct payload : seq< payload_open, payload_body, payload_close > {};
struct braced_operand : seq< wss, payload, wss > {};              // MAC_EXP_FIND_LEFT_CURLY + payload
struct raw_operand : star< any > {};                              // unbraced: the rest, taken literally

struct op_char : one< '<', '>', '!', '=', '?', '+', '-', '*', '/', '~', '&', '|', '%' > {};
struct op_chars : star< op_char > {};                             // what Postfix reads as the operator
struct op_eq : string< '=', '=' > {};
struct op_ne : string< '!', '=' > {};
struct op_le : string< '<', '=' > {};
struct op_ge : string< '>', '=' > {};
struct op_lt : one< '<' > {};
struct op_gt : one< '>' > {};
struct rel_op : seq< sor< op_eq, op_ne, op_le, op_ge, op_lt, op_gt >, not_at< op_char > > {};
struct op_suffix : plus< alnum > {};                              // only "level" is registered
struct level_suffix : string< 'l', 'e', 'v', 'e', 'l' > {};
struct rel_operator : seq< rel_op, opt< level_suffix, not_at< alnum > > > {};

struct if_set : one< '?' > {};
struct if_unset : one< ':' > {};
struct false_tail : seq< if_unset, sor< braced_operand, raw_operand > > {};
struct true_tail : seq< if_set, sor< seq< braced_operand, opt< false_tail > >, raw_operand > > {};
struct cond_tail : sor< true_tail, false_tail > {};

struct attribute_name : star< name_char > {};                     // may be empty: "${ }" looks up ""
struct name_head : seq< wss, attribute_name, wss > {};
struct name_expr : seq< name_head, opt< cond_tail > > {};
struct relational_head : seq< wss, payload, wss, rel_operator, wss, payload, wss > {};
struct relational_expr : seq< relational_head, opt< cond_tail > > {};
struct function_name : plus< name_char > {};
struct function_expr : seq< wss, function_name, wss, payload, wss > {};    // 3.11+

struct expression : seq< sor< relational_expr, name_expr >, eof > {};     // 3.0 .. 3.10
struct expression_fn : seq< sor< relational_expr, function_expr, name_expr >, eof > {};  // 3.11+

// clang-format on

}  // namespace pflint::grammar::expansion

namespace tao::pegtl {
template <typename Name, char Open, char Close>
struct analyze_traits<Name, pflint::grammar::expansion::balanced_text<Open, Close>> : analyze_opt_traits<> {};
}  // namespace tao::pegtl
