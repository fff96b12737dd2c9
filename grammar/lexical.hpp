// NAME
//   lexical — physical and logical lines shared by main.cf and master.cf.
// DESCRIPTION
//   Postfix joins physical lines into logical lines (readllines()): a line
//   that starts with whitespace continues the current logical line; comment
//   lines ('#' as first non-blank) and blank lines are skipped, also between
//   a logical line and its continuations, without ending it. There are no
//   trailing comments. Whitespace is anything isspace() accepts except '\n';
//   so a '\r' before '\n' is ordinary trailing whitespace.
// SEE ALSO
//   src/util/readlline.c (readllines) in the Postfix source.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include <cstring>

namespace pflint::grammar {
namespace pegtl = tao::pegtl;
using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): grammar DSL

// Two hot character classes as custom rules: the parse benchmark (bench/)
// spends most of its time in them, and a table/memchr loop is several
// times faster than PEGTL's generic one-char-at-a-time matching.
namespace detail {
inline constexpr bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
}  // namespace detail

// rest_of_line - one or more bytes up to (not including) the next '\n'.
struct rest_of_line {
  using rule_t = rest_of_line;
  using subs_t = empty_list;
  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) {
    const auto* nl = static_cast<const char*>(std::memchr(in.current(), '\n', in.size()));
    const std::size_t n = nl ? static_cast<std::size_t>(nl - in.current()) : in.size();
    in.bump_in_this_line(n);
    return n > 0;
  }
};

// word - one or more bytes that are neither blank nor '\n'.
struct word {
  using rule_t = word;
  using subs_t = empty_list;
  template <typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) {
    const char* p = in.current();
    const char* end = p + in.size();
    const char* q = p;
    while (q != end && *q != '\n' && !detail::is_blank(*q)) ++q;
    in.bump_in_this_line(static_cast<std::size_t>(q - p));
    return q != p;
  }
};

// clang-format off
struct newline : one< '\n' > {};
struct space_char : one< ' ', '\t', '\r', '\v', '\f' > {};
struct spaces : plus< space_char > {};                       // whitespace inside a logical line
struct line_end : sor< newline, eof > {};

struct comment_text : seq< star< space_char >, one< '#' >, opt< rest_of_line > > {};
struct blank_text : plus< space_char > {};                   // whitespace-only line content
struct comment_line : seq< comment_text, line_end > {};
struct blank_line : sor< newline, seq< blank_text, line_end > > {};
struct skipped_line : sor< comment_line, blank_line > {};

// A line break that continues the logical line: '\n', any skipped lines,
// then a line that starts with whitespace (and is not itself skipped).
// The lookahead comes first because it runs without actions: most tries
// fail (the next entry starts in column 1), and failing there costs no
// tokens made and dropped for each comment line in between.
struct continuation : seq< at< newline, star< skipped_line >, space_char >, newline, star< skipped_line > > {};

// Whitespace that may run across continuation lines.
struct gap : star< sor< spaces, continuation > > {};
struct gap1 : plus< sor< spaces, continuation > > {};

// Text with inner blanks but no trailing ones.
struct inner_blanks : plus< space_char > {};
struct text_run : seq< word, star< seq< inner_blanks, word > > > {};

// The rest of a logical line, whatever it holds (used for recovery).
struct error_text : text_run {};
struct logical_rest : plus< sor< error_text, spaces, continuation > > {};
// clang-format on

}  // namespace pflint::grammar

template <typename Name>
struct tao::pegtl::analyze_traits<Name, pflint::grammar::rest_of_line> : analyze_any_traits<> {};
template <typename Name>
struct tao::pegtl::analyze_traits<Name, pflint::grammar::word> : analyze_any_traits<> {};
