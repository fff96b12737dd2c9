// NAME
//   edit_lines — the line-level primitives shared by the main.cf and master.cf
//   editors: physical lines, content detection, printable().
// DESCRIPTION
//   postconf edits files physical line by physical line (pcf_next_cf_line):
//   a line whose first non-space byte is '#', or that has none, is passed
//   through; any other line is content, and content that starts with a space
//   continues the logical line before it. These helpers reproduce that view
//   on an in-memory file so the editors can copy untouched bytes verbatim.
// SEE ALSO
//   src/postconf/postconf_edit.c (pcf_find_cf_info, pcf_next_cf_line),
//   src/util/printable.c in Postfix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/physical_lines.hpp"

namespace pflint::postconf::edits::detail {

// physical_lines - the file cut after each '\n' (util/physical_lines.hpp).
using util::physical_lines;

// content_offset - index of the first non-space byte of a content line, or
// npos for a comment, blank or whitespace-only line (passed through as is).
std::size_t content_offset(std::string_view line);

// printable - the message with non-printable bytes as '?', as Postfix's
// msg_vprintf() shows them.
std::string printable(std::string_view s);

}  // namespace pflint::postconf::edits::detail
