// NAME
//   master_parse — one master.cf logical line as postconf parses it.
// DESCRIPTION
//   The line is split on blanks outside { } (argv_splitq), the first seven
//   fields are checked (pcf_check_master_entry) and the daemon arguments
//   are normalized (pcf_normalize_daemon_args): "-vo x=y" becomes "-v"
//   "-o" "x=y", "-oname=value" becomes "-o" "name=value", and a braced
//   "-o { name = value }" becomes "-o" "name=value"; other braced
//   arguments lose their braces.
// DIAGNOSTICS
//   Returns false for fewer than eight fields (the caller reports "bad
//   field count" with the line number). Throws Fatal with postconf's text
//   for a bad type/private/unprivileged/chroot/wakeup/process_limit field.
//   Brace errors are warnings "master.cf: missing '}' in ...", as postconf
//   gives them.
// SEE ALSO
//   src/postconf/postconf_master.c (pcf_parse_master_entry) in Postfix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pflint::postconf {

bool parse_master_entry(std::string_view text, std::vector<std::string>& argv);

}  // namespace pflint::postconf
