// NAME
//   diag — postconf's output streams and diagnostics.
// DESCRIPTION
//   Standard output is collected in one buffer and written with a single
//   fwrite at the end (or before a fatal error), so printing a thousand
//   parameters costs no stream overhead. Warnings and fatal errors go to
//   standard error as "pflint: warning: TEXT" / "pflint: fatal: TEXT",
//   the shape of Postfix's msg_warn()/msg_fatal() with our program name.
// DIAGNOSTICS
//   fatal() throws Fatal; the command's entry point prints it and exits 1.
// SEE ALSO
//   src/util/msg.c, src/util/msg_vstream.c in Postfix.
#pragma once

#include <string>
#include <string_view>

namespace pflint::postconf {

// Fatal - a postconf fatal error; `text` is what follows "fatal: ".
struct Fatal {
  std::string text;
};

// out - the standard output buffer.
std::string& out();
// flush_out - write the buffer to stdout and empty it.
void flush_out();
// warn - print "pflint: warning: TEXT" on stderr.
void warn(std::string_view text);
// fatal - throw Fatal{text}.
[[noreturn]] void fatal(std::string text);
// print_fatal - print "pflint: fatal: TEXT" on stderr (stdout flushed first).
void print_fatal(std::string_view text);

}  // namespace pflint::postconf
