// NAME
//   edit_master — postconf -M#, -MX, -Me, -F …=…, -P …=… and -PX on the text
//   of a master.cf, and postconf's own model of one master.cf entry.
// DESCRIPTION
//   edit_master_cf() is a pure function from (file text, requests) to the
//   new text plus postconf's warnings, byte-identical to Postfix 3.7's
//   pcf_edit_master(): -M# comments out every physical line of a matching
//   entry, -MX drops it, -Me replaces the first match (by pattern or by the
//   new entry's own name/type) and appends unmatched entries; -F and -P
//   rewrite the whole entry they touch in canonical -Mf form, moving the
//   comment and blank lines inside or right after it in front of it.
//   Untouched bytes are copied verbatim. The one improvement: an entry
//   appended to a file without a final newline starts on a line of its own.
//
//   MasterEntry is postconf's argv of an entry (pcf_parse_master_entry: split
//   on blanks outside {}, the eight fields checked, daemon options
//   normalized: "-vo x=y" → "-v" "-o" "x=y", "-o { a = b }" → "-o" "a=b");
//   format_master_entry() prints it as `postconf -Mf` does.
// DIAGNOSTICS
//   Fatal problems come back as postconf's fatal text; nothing is written.
// SEE ALSO
//   src/postconf/postconf_edit.c (pcf_edit_master), postconf_master.c
//   (pcf_parse_master_entry, pcf_print_master_entry, pcf_edit_master_field,
//   pcf_edit_master_param), postconf_match.c in Postfix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postconf/edit_main.hpp"
#include "postconf/master_format.hpp"

namespace pflint::postconf::edits {

struct MasterEntry {
  std::vector<std::string> argv;       // service type private … command args…
  std::vector<std::string> warnings;   // brace/name=value problems (warnings only)
};

// parse_master_entry - raw entry text (may hold newlines) → entry; on error
// `error` is "bad field count" or a field-check fatal text.
struct ParsedEntry {
  std::optional<MasterEntry> entry;
  std::optional<std::string> bad_field_count;  // "bad field count"
  std::optional<std::string> fatal;            // "invalid chroot field ..."
};
ParsedEntry parse_master_entry(std::string_view text);

// format_master_entry - the entry as `postconf -Mf` prints it, with '\n'
// (master_format.hpp: the same printer as `pflint postconf -M`).
using postconf::format_master_entry;

enum class MasterTarget { entry, field, param };  // -M, -F, -P

struct MasterRequest {
  std::string raw;                     // the argument as given
  std::vector<std::string> pattern;    // service, type[, field or parameter]; "*" matches any
  int field = -1;                      // -F: index 0..7
  std::optional<std::string> value;    // -e: the value (-Me: the whole entry)
};

struct MasterRequests {
  std::vector<MasterRequest> requests;
  std::optional<std::string> fatal;
};

// parse_master_requests - the arguments as postconf reads them.
MasterRequests parse_master_requests(MasterTarget target, EditMode mode, const std::vector<std::string>& args);

// edit_master_cf - apply requests to a master.cf text; path is used in messages.
EditOutcome edit_master_cf(std::string_view text, std::string_view path, MasterTarget target, EditMode mode,
                           const std::vector<MasterRequest>& requests);

// check_master_cf - the first error postconf's reader (pcf_read_master) dies
// on: "file PATH: line N: bad field count" or a field-check text.
std::optional<std::string> check_master_cf(std::string_view text, std::string_view path);

}  // namespace pflint::postconf::edits
