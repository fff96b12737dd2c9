// NAME
//   list — Postfix list values: elements split on ", \t\r\n", { } grouping.
// DESCRIPTION
//   mystrtokq() skips runs of separators and cuts one element at the next
//   separator seen outside braces. Braces are counted anywhere in an element
//   (an unmatched '}' is ordinary text; an unmatched '{' runs to the end of
//   the value). The braces stay in the element; extpar() strips them later:
//   "{" text "}" with nothing after the '}'. Counting is done by a custom
//   rule, not recursion, so deep nesting cannot exhaust the stack.
// SEE ALSO
//   src/util/mystrtok.c (mystrtokq), src/util/extpar.c and
//   src/util/balpar.c in the Postfix source; src/expand/list.cpp.
#pragma once

#include <cstddef>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "grammar/expansion.hpp"

namespace pflint::grammar::list {
namespace pegtl = tao::pegtl;
using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): grammar DSL

// grouped_token - one mystrtokq() element: at least one byte, up to the first
// separator (one of Seps...) seen at brace level 0.
template <char... Seps>
struct grouped_token {
  using rule_t = grouped_token;
  using subs_t = empty_list;

  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) {
    std::size_t level = 0;
    std::size_t i = 0;
    for (; i < in.size(i + 1); ++i) {
      const char ch = in.peek_char(i);
      if (ch == '{') {
        ++level;
      } else if (level > 0 && ch == '}') {
        --level;
      } else if (level == 0 && ((ch == Seps) || ...)) {
        break;
      }
    }
    if (i == 0) {
      return false;
    }
    in.bump(i);
    return true;
  }
};

// clang-format off
struct separator : one< ',', ' ', '\t', '\r', '\n' > {};          // the generic list separator set
struct element : grouped_token< ',', ' ', '\t', '\r', '\n' > {};
struct value : seq< star< separator >, star< element, star< separator > >, eof > {};

// extpar(): a grouped element "{ text }" with nothing after the '}'.
struct group_open : one< '{' > {};
struct group_body : expansion::balanced_text< '{', '}' > {};       // balpar(): only braces count
struct group_close : one< '}' > {};
struct group : seq< group_open, group_body, group_close, eof > {};
// clang-format on

}  // namespace pflint::grammar::list

namespace tao::pegtl {
template <typename Name, char... Seps>
struct analyze_traits<Name, pflint::grammar::list::grouped_token<Seps...>> : analyze_any_traits<> {};
}  // namespace tao::pegtl
