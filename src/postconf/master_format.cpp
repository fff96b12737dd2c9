// NAME
//   master_format — pcf_print_master_entry() (see master_format.hpp).
#include "postconf/master_format.hpp"

#include <string_view>

#include "postconf/print_line.hpp"

namespace pflint::postconf {

namespace {

constexpr int k_min_fields = 8;
constexpr int k_column_goal[k_min_fields] = {0, 11, 17, 25, 33, 41, 49, 57};

bool has_blank(std::string_view s) { return s.find_first_of(" \t\r\n") != std::string_view::npos; }

// expects_value - postconf's strchr("o", arg[1]), which also hits the NUL of "-".
bool expects_value(const std::string& arg) { return arg.size() < 2 || arg[1] == 'o'; }

}  // namespace

void append_daemon_args(std::string& out, const std::vector<std::string>& argv, int line_len, bool fold,
                        const OptionValue& option_value) {
  bool in_options = true;
  for (std::size_t field = k_min_fields; field < argv.size(); ++field) {
    const std::string& arg = argv[field];
    int arg_len = static_cast<int>(arg.size());
    const std::string* aval = nullptr;
    std::string shown;
    bool parens = false;
    if (in_options) {
      if (arg[0] != '-' || arg == "--") {
        in_options = false;  // postconf does not brace this first plain word
      } else if (expects_value(arg) && field + 1 < argv.size()) {
        aval = &argv[field + 1];
        if (option_value && arg == "-o") {
          shown = option_value(*aval);
          aval = &shown;
        }
        line_len = k_line_limit;  // a line break before an option with a value
        arg_len += static_cast<int>(aval->size()) + 3;
        if ((parens = has_blank(*aval))) arg_len += 2;
      }
    } else {
      parens = has_blank(arg);
    }
    if (line_len > k_indent_len) {
      if (!fold || line_len + 1 + arg_len < k_line_limit) {
        out.push_back(' ');
        line_len += 1;
      } else {
        out.push_back('\n');
        out.append(k_indent_text);
        line_len = k_indent_len;
      }
    }
    const bool brace_arg = !in_options && parens;
    if (brace_arg) out.push_back('{');
    out.append(arg);
    if (brace_arg) out.push_back('}');
    line_len += static_cast<int>(arg.size()) + (brace_arg ? 2 : 0);
    if (aval != nullptr) {
      out.push_back(' ');
      if (parens) out.push_back('{');
      out.append(*aval);
      if (parens) out.push_back('}');
      field += 1;
      line_len = k_line_limit;  // and a line break after it
    }
  }
}

void append_master_entry(std::string& out, const std::vector<std::string>& argv, bool fold,
                         const OptionValue& option_value) {
  int line_len = 0;
  for (std::size_t field = 0; field < k_min_fields && field < argv.size(); ++field) {
    if (line_len > 0) {
      do {
        out.push_back(' ');
        ++line_len;
      } while (line_len < k_column_goal[field]);
    }
    out.append(argv[field]);
    line_len += static_cast<int>(argv[field].size());
  }
  append_daemon_args(out, argv, line_len, fold, option_value);
  out.push_back('\n');
}

std::string format_master_entry(const std::vector<std::string>& argv, bool fold) {
  std::string out;
  append_master_entry(out, argv, fold);
  return out;
}

}  // namespace pflint::postconf
