// NAME
//   master_cf — PEGTL grammar of master.cf.
// DESCRIPTION
//   Logical lines as in main.cf (grammar/lexical.hpp). An entry has eight
//   blank-separated fields — service, type, private, unprivileged, chroot,
//   wakeup, process_limit, command — then arguments. Leading arguments that
//   start with '-' are daemon options, up to the first other word or "--"
//   (postconf's pcf_normalize_daemon_args()); "-o" takes a setting, either
//   attached ("-oname=value"), in the next word ("-o name=value"), or as a
//   long form in braces ("-o { name = value with spaces }", Postfix 3.0+).
//   Combined flags such as "-vo" end in the 'o'. A -o whose setting has no
//   '=' is a bad_override; an entry with fewer than eight fields is an
//   error_line. The grammar accepts every input.
// SEE ALSO
//   src/master/master_ent.c, src/postconf/postconf_master.c in Postfix.
#pragma once

#include "grammar/lexical.hpp"
#include "grammar/master_word.hpp"

namespace pflint::grammar::master_cf {

// clang-format off
template< unsigned N > struct field : word {};               // fields 0..6
struct command : word {};                                    // field 7

struct token_end : at< sor< space_char, newline, eof > > {};
struct option_o : seq< one< '-' >, star< not_one< 'o', ' ', '\t', '\r', '\v', '\f', '\n' > >, one< 'o' > > {};

struct override_name : plus< not_one< '=', '{', '}', ' ', '\t', '\r', '\v', '\f', '\n' > > {};
struct equals : one< '=' > {};
struct override_value : brace_token< false > {};
struct short_override : seq< override_name, equals, opt< override_value >, token_end > {};

// One token: its inner line breaks are not tokenized separately.
struct braced_value : disable< brace_token< true >, star< seq< plus< sor< inner_blanks, continuation > >, brace_token< true > > > > {};
struct brace_open : one< '{' > {};
struct brace_close : one< '}' > {};
struct braced_override : seq< brace_open, gap, override_name, gap, equals, gap, opt< braced_value >, gap, brace_close, token_end > {};

struct override_setting : sor< braced_override, short_override > {};
struct separate_setting : seq< gap1, override_setting > {};
struct override_option : seq< option_o, sor< override_setting, separate_setting > > {};

struct bad_setting : brace_token< false > {};
struct bad_separate : seq< gap1, bad_setting > {};
struct bad_override : seq< option_o, sor< bad_setting, bad_separate, success > > {};

struct end_of_options : seq< string< '-', '-' >, token_end > {};
struct other_option : seq< not_at< end_of_options >, one< '-' >, opt< brace_token< false > > > {};
struct daemon_option : sor< override_option, bad_override, other_option > {};
struct option_item : seq< gap1, daemon_option > {};
struct end_of_options_item : seq< gap1, end_of_options > {};

struct argument : brace_token< false > {};
struct argument_item : seq< gap1, argument > {};

struct entry : seq< field< 0 >, gap1, field< 1 >, gap1, field< 2 >, gap1, field< 3 >, gap1,
                    field< 4 >, gap1, field< 5 >, gap1, field< 6 >, gap1, command,
                    star< option_item >, opt< end_of_options_item >, star< argument_item >, gap, line_end > {};
struct error_line : seq< logical_rest, line_end > {};
struct logical_line : sor< entry, error_line > {};

struct leading_ws_line : seq< spaces, logical_rest, line_end > {};
struct top_comment_line : comment_line {};
struct top_blank_line : blank_line {};
struct top_skipped_line : sor< top_comment_line, top_blank_line > {};

struct file : seq< star< top_skipped_line >, opt< leading_ws_line >,
                   star< sor< top_skipped_line, logical_line > >, eof > {};
// clang-format on

}  // namespace pflint::grammar::master_cf
