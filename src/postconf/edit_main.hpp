// NAME
//   edit_main — postconf -e, -X and -# on the text of a main.cf.
// DESCRIPTION
//   A pure function from (file text, requests) to the new text plus the
//   warnings postconf prints, byte-identical to Postfix 3.7's pcf_edit_main()
//   except for two documented improvements (docs/postconf-edits.md): a file
//   without a final newline gets one before new lines are appended, and new
//   parameters are appended in argument order (postconf uses hash order).
//   Every logical line whose name matches is replaced, removed or commented
//   out; its continuation lines go with it, while comment and blank lines
//   inside it are left where they are. Everything else is copied verbatim.
// DIAGNOSTICS
//   parse_main_requests() returns postconf's fatal text for a bad argument.
// SEE ALSO
//   src/postconf/postconf_edit.c (pcf_edit_main).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pflint::postconf::edits {

enum class EditMode { set, remove, comment_out };  // -e, -X, -#

struct MainRequest {
  std::string name;
  std::optional<std::string> value;  // -e only
};

struct MainRequests {
  std::vector<MainRequest> requests;   // argument order, later duplicates win
  std::vector<std::string> warnings;   // "ignoring earlier request: ..."
  std::optional<std::string> fatal;    // postconf's fatal text, without "fatal: "
};

// parse_main_requests - the -e/-X/-# arguments as postconf reads them.
MainRequests parse_main_requests(EditMode mode, const std::vector<std::string>& args);

struct EditOutcome {
  std::string text;                   // the new file contents
  std::vector<std::string> warnings;  // in the order postconf prints them
  std::optional<std::string> fatal;   // set: nothing may be written
  bool changed = false;               // text differs from the input
};

// edit_main_cf - apply requests to a main.cf text; path is used in messages.
EditOutcome edit_main_cf(std::string_view text, std::string_view path, EditMode mode,
                         const std::vector<MainRequest>& requests);

// main_cf_error - the fatal error Postfix's reader (dict_load_fp) stops at
// in a main.cf text, as "PATH, line N: TEXT"; nullopt when it reads it all.
// postconf edits nothing in such a file.
std::optional<std::string> main_cf_error(const std::string& path, const std::string& text);

}  // namespace pflint::postconf::edits
