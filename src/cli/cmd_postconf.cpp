// NAME
//   cmd_postconf — `pflint postconf ...`: postconf(1) with its own flags.
// DESCRIPTION
//   Parses postconf's getopt-style command line (postconf/options.hpp) and
//   runs either a viewing mode (postconf/views.hpp) or an editing mode
//   (postconf/edit.hpp). Messages use the program name "pflint".
// SEE ALSO
//   src/postconf/postconf.c (main) in Postfix.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "postconf/edit.hpp"
#include "postconf/options.hpp"
#include "postconf/views.hpp"

namespace pflint::cli {

namespace {

constexpr const char* k_help =
    "Usage: pflint postconf [options] [name...]\n"
    "Shows Postfix parameters and master.cf entries exactly as postconf(1) does.\n"
    "  -c DIR        configuration directory (else $MAIL_CONFIG, else /etc/postfix)\n"
    "  -n            only parameters set in main.cf      -d  only defaults\n"
    "  -x            expand $name in values             -f  fold long lines\n"
    "  -h            values only                        -H  names only\n"
    "  -o name=value override a main.cf parameter\n"
    "  -M [svc[/type]]  master.cf entries   -F [svc/type/field]  fields   -P [svc/type/name]  -o parameters\n"
    "  -e, -X, -#, -M#, -MX, -F/-P name=value, -PX   edit main.cf or master.cf\n"
    "  --postfix-version X.Y[.Z]   emulate that Postfix version (also PFLINT_POSTFIX_VERSION;\n"
    "                              default 3.7.11)\n";

void print_error_lines(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = "pflint: " + text.substr(start, end - start) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
    start = end + 1;
  }
}

}  // namespace

int run_postconf(int argc, char** argv, int first) {
  std::vector<std::string> args;
  for (int i = first; i < argc; ++i) args.emplace_back(argv[i]);
  postconf::ParseResult parsed = postconf::parse_options(args);
  if (parsed.help) {
    std::fputs(k_help, stdout);
    return 0;
  }
  if (!parsed.options) {
    print_error_lines(parsed.error);
    return 1;
  }
  const postconf::Options& options = *parsed.options;
  if (options.edit || options.remove || options.comment_out) {
    if (options.args.empty()) {
      print_error_lines("fatal: missing service argument");
      return 1;
    }
    return postconf::run_edit(options);
  }
  return postconf::run_views(options);
}

}  // namespace pflint::cli
