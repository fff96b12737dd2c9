// NAME
//   master_word — one master.cf argument token, as mystrtokq() cuts it.
// DESCRIPTION
//   master(8) splits the arguments after the command on blanks, except
//   inside { } groups; braces nest and are counted anywhere in the token. A
//   group may run over continuation lines; an unclosed '{' takes the rest of
//   the logical line. This is a custom PEGTL rule (a loop, not recursion),
//   so 10,000 nested braces cost no stack. With StopAtClose, a '}' at depth
//   zero ends the token (for text inside a long-form -o { ... }).
// SEE ALSO
//   src/util/mystrtok.c (mystrtokq) in the Postfix source.
#pragma once

#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "grammar/lexical.hpp"

namespace pflint::grammar {

template <bool StopAtClose>
struct brace_token {
  using rule_t = brace_token;
  using subs_t = pegtl::empty_list;

  static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    std::size_t depth = 0;
    bool consumed = false;
    while (!in.empty()) {
      const char c = in.peek_char();
      if (c == '\n') {
        // Inside a group a line break may continue the logical line.
        if (depth == 0 ||
            !Control<continuation>::template match<pegtl::apply_mode::nothing, pegtl::rewind_mode::required,
                                                   Action, Control>(in, st...)) {
          break;
        }
        consumed = true;
        continue;
      }
      if (depth == 0 && (is_blank(c) || (StopAtClose && c == '}'))) {
        break;
      }
      if (c == '{') {
        ++depth;
      } else if (c == '}' && depth > 0) {
        --depth;
      }
      in.bump(1);
      consumed = true;
    }
    return consumed;
  }
};

}  // namespace pflint::grammar

template <typename Name, bool StopAtClose>
struct tao::pegtl::analyze_traits<Name, pflint::grammar::brace_token<StopAtClose>> : analyze_any_traits<> {};
