// NAME
//   list_option — a repeatable option whose values are comma-separated
//   lists: `--select PF3001,PF3002 --select PF2`.
// DESCRIPTION
//   CLI11 splits each value at the commas (->delimiter) and drops the empty
//   items ("a,,b", "a,"). A value that is empty as a whole ('', an empty
//   $VAR) gives no item either, so `--select ''` still selects every rule.
//   Unlike the hand-written splitting this replaced, a value of commas alone
//   (`--select ,`) counts as no value for CLI11, which then takes the next
//   argument as the option's value (or, at the end of the command line,
//   reports "1 required TEXT missing").
// SEE ALSO
//   src/cli/cmd_check.cpp (--select, --ignore), src/cli/cmd_simulate.cpp
//   (--scenario, --serve).
#include "cli/commands.hpp"

namespace pflint::cli {

CLI::Option* add_list_option(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                             const std::string& description) {
  const auto keep = [&values](const std::vector<std::string>& given) {
    for (const std::string& v : given) {
      if (!v.empty()) values.push_back(v);
    }
  };
  return command.add_option_function<std::vector<std::string>>(name, keep, description)->delimiter(',');
}

}  // namespace pflint::cli
