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

namespace pflint::grammar {
namespace pegtl = tao::pegtl;
using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): grammar DSL

// clang-format off
struct newline : one< '\n' > {};
struct space_char : one< ' ', '\t', '\r', '\v', '\f' > {};
struct spaces : plus< space_char > {};                       // whitespace inside a logical line
struct line_end : sor< newline, eof > {};

struct comment_text : seq< star< space_char >, one< '#' >, star< not_one< '\n' > > > {};
struct blank_text : plus< space_char > {};                   // whitespace-only line content
struct comment_line : seq< comment_text, line_end > {};
struct blank_line : sor< newline, seq< blank_text, line_end > > {};
struct skipped_line : sor< comment_line, blank_line > {};

// A line break that continues the logical line: '\n', any skipped lines,
// then a line that starts with whitespace (and is not itself skipped).
struct continuation : seq< newline, star< skipped_line >, at< space_char > > {};

// Whitespace that may run across continuation lines.
struct gap : star< sor< spaces, continuation > > {};
struct gap1 : plus< sor< spaces, continuation > > {};

// A run of non-blank text, and text with inner blanks but no trailing ones.
struct word_char : not_one< ' ', '\t', '\r', '\v', '\f', '\n' > {};
struct word : plus< word_char > {};
struct inner_blanks : plus< space_char > {};
struct text_run : seq< word, star< seq< inner_blanks, word > > > {};

// The rest of a logical line, whatever it holds (used for recovery).
struct error_text : text_run {};
struct logical_rest : plus< sor< error_text, spaces, continuation > > {};
// clang-format on

}  // namespace pflint::grammar
