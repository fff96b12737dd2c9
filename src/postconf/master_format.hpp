// NAME
//   master_format — a master.cf entry printed as `postconf -M` / `-Mf` does;
//   the one printer of the views (-M, -F …/command) and the edits (-F, -P,
//   -PX and -Me write entries in this form).
// DESCRIPTION
//   append_master_entry() puts the first seven fields at postconf's column
//   goals (service 0, type 11, private 17, unprivileged 25, chroot 33,
//   wakeup 41, process_limit 49, command 57) and then the daemon arguments.
//   append_daemon_args() prints the daemon arguments argv[8…] after a line
//   already line_len columns long: every "-o value" pair (and any other
//   option that takes a value) starts a new line indented by four spaces and
//   ends it; with fold (-f) other arguments wrap before column 80. A value
//   with blanks is shown as {value}, a non-option argument with blanks as
//   {argument}; the first non-option argument ends the options.
//   option_value, when given, turns the value of each "-o" into the text
//   shown (postconf -x expands it); otherwise values are shown as they are.
// SEE ALSO
//   src/postconf/postconf_master.c (pcf_print_master_entry,
//   pcf_print_master_field) in Postfix.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace pflint::postconf {

using OptionValue = std::function<std::string(const std::string& value)>;

void append_daemon_args(std::string& out, const std::vector<std::string>& argv, int line_len, bool fold,
                        const OptionValue& option_value = {});

void append_master_entry(std::string& out, const std::vector<std::string>& argv, bool fold,
                         const OptionValue& option_value = {});

// format_master_entry - append_master_entry() into a new string ('\n' at the end).
std::string format_master_entry(const std::vector<std::string>& argv, bool fold = true);

}  // namespace pflint::postconf
