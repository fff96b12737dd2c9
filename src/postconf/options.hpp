// NAME
//   options — the command line of `pflint postconf`, parsed as postconf(1) does.
// DESCRIPTION
//   postconf takes getopt-style flags that combine (-nx, -Mf, -PX) and a few
//   that take values (-c DIR, -o name=value). parse_options() fills this
//   struct; the views (views.hpp) and the edits (edit.hpp) read it. Flags of
//   postconf that pflint does not implement are parsed and rejected with a
//   clear message rather than misread.
// DIAGNOSTICS
//   Usage errors are returned as postconf's own fatal texts.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "params/version.hpp"

namespace pflint::postconf {

struct Options {
  // Views
  bool defaults = false;       // -d
  bool non_default = false;    // -n
  bool expand = false;         // -x
  bool hide_name = false;      // -h
  bool hide_value = false;     // -H
  bool fold = false;           // -f
  int master_entries = 0;      // -M (count: -MM is not special before 3.11)
  int master_fields = 0;       // -F
  int master_params = 0;       // -P (-PP is a 3.11+ view)
  // Edits
  bool edit = false;           // -e
  bool remove = false;         // -X
  bool comment_out = false;    // -#
  // Sources
  std::optional<std::string> config_dir;                     // -c DIR (else $MAIL_CONFIG, else /etc/postfix)
  std::vector<std::pair<std::string, std::string>> overrides;  // -o name=value, in order
  std::vector<std::string> args;                             // names, filters or edit arguments
  std::optional<std::string> tls_mode;                       // -T mode (show_tls.hpp)
  // pflint additions (long options, documented in --help)
  params::Version version = params::default_version();       // --postfix-version / PFLINT_POSTFIX_VERSION
};

struct ParseResult {
  std::optional<Options> options;
  std::string error;       // postconf-style fatal text when options is empty
  bool help = false;       // --help was asked for
};

// parse_options - argv without the program and subcommand names.
ParseResult parse_options(const std::vector<std::string>& argv);

// config_directory - -c DIR, else $MAIL_CONFIG, else /etc/postfix.
std::string config_directory(const Options& options);

}  // namespace pflint::postconf
