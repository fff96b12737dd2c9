// NAME
//   master_parse — one master.cf entry as postconf parses it, for both the
//   views (-M, -F, -P) and the edits (-Me, -Fe, -Pe, ...).
// DESCRIPTION
//   parse_master_entry() splits the entry on blanks outside { } (mystrtokq),
//   checks the first seven fields (pcf_check_master_entry) and normalizes
//   the daemon arguments (pcf_normalize_daemon_args): "-vo x=y" becomes "-v"
//   "-o" "x=y", "-oname=value" becomes "-o" "name=value", and a braced
//   "-o { name = value }" becomes "-o" "name=value"; other braced
//   arguments lose their braces. The edits reuse the two steps on an entry
//   they change (a new command field, -o parameters added or removed).
// DIAGNOSTICS
//   bad_field_count for fewer than eight fields (the caller says where);
//   `fatal` holds postconf's text for a bad type/private/unprivileged/
//   chroot/wakeup/process_limit field ("invalid chroot field ..."). Brace and
//   name=value problems are warnings ("master.cf: missing '}' in ..."),
//   appended to `warnings`; the views print them as postconf does.
// SEE ALSO
//   src/postconf/postconf_master.c (pcf_parse_master_entry,
//   pcf_check_master_entry, pcf_normalize_daemon_args) in Postfix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pflint::postconf {

inline constexpr std::size_t k_master_min_fields = 8;  // service … command

struct ParsedMasterEntry {
  std::vector<std::string> argv;     // service type private … command args…
  bool bad_field_count = false;      // fewer than eight fields
  std::optional<std::string> fatal;  // a field check failed: postconf's text
  [[nodiscard]] bool ok() const { return !bad_field_count && !fatal; }
};

// parse_master_entry - entry text (may hold newlines) → argv or why not.
ParsedMasterEntry parse_master_entry(std::string_view text, std::vector<std::string>& warnings);

// check_master_entry - pcf_check_master_entry(); raw is quoted in the message.
std::optional<std::string> check_master_entry(const std::vector<std::string>& argv, std::string_view raw);

// normalize_daemon_args - pcf_normalize_daemon_args() on argv[8...].
void normalize_daemon_args(std::vector<std::string>& argv, std::vector<std::string>& warnings);

// expects_value - postconf's strchr("o", arg[1]): "-o", and also "-" alone.
inline bool expects_value(std::string_view arg) { return arg.size() < 2 || arg[1] == 'o'; }

}  // namespace pflint::postconf
