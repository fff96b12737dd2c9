// NAME
//   main_cf — PEGTL grammar of main.cf.
// DESCRIPTION
//   A file is comment and blank lines plus logical lines. A logical line is
//   `name = value` (split_nameval(): name runs to whitespace or '='; blanks
//   around '=' are skipped; only the first '=' splits; the value may be
//   empty and may continue over several physical lines). A logical line
//   that does not fit is an error_line, so the parse goes on after it. The
//   first logical line of a file may start with whitespace: Postfix warns
//   and ignores it (leading_ws_line). The grammar accepts every input.
// SEE ALSO
//   src/util/split_nameval.c, src/util/dict.c (dict_load_fp) in Postfix;
//   grammar/lexical.hpp for logical lines.
#pragma once

#include "grammar/lexical.hpp"

namespace pflint::grammar::main_cf {

// clang-format off
struct param_name : plus< not_one< ' ', '\t', '\r', '\v', '\f', '\n', '=' > > {};
struct equals : one< '=' > {};
struct value_text : text_run {};
struct value : star< sor< value_text, spaces, continuation > > {};
struct parameter_line : seq< param_name, gap, equals, gap, value, line_end > {};
struct error_line : seq< logical_rest, line_end > {};
struct logical_line : sor< parameter_line, error_line > {};

struct leading_ws_line : seq< spaces, value, line_end > {};   // first logical line only
struct top_comment_line : comment_line {};
struct top_blank_line : blank_line {};
struct top_skipped_line : sor< top_comment_line, top_blank_line > {};

struct file : seq< star< top_skipped_line >, opt< leading_ws_line >,
                   star< sor< top_skipped_line, logical_line > >, eof > {};
// clang-format on

}  // namespace pflint::grammar::main_cf
