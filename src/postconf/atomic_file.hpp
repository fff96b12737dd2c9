// NAME
//   atomic_file — replace a file's contents all at once, keeping its mode and owner.
// DESCRIPTION
//   replace_file_atomically() writes the new bytes to a temporary file in the
//   same directory (so rename(2) cannot cross a file system), gives it the
//   original's permission bits and owner, fsyncs it, renames it over the
//   original and fsyncs the directory. A reader sees the old file or the new
//   one, never a mix; a crash leaves at worst a stray temporary file. On any
//   error the temporary file is removed and the original is untouched.
//   Unlike postconf (which writes main.cf.tmp with mode 0644 and the
//   caller's ownership), mode and owner survive the edit. The path itself is
//   replaced: a symbolic link there becomes a regular file, as with postconf.
// DIAGNOSTICS
//   Returns a message such as "write /etc/postfix/.main.cf.XXXXXX: No space
//   left on device" on failure, nothing on success.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pflint::postconf::edits {

// replace_file_atomically - the file at path now holds exactly `bytes`; the
// file must exist (postconf edits never create main.cf or master.cf).
std::optional<std::string> replace_file_atomically(const std::string& path, std::string_view bytes);
// write_file_atomically - the same, creating the file (mode 0666 less the
// umask) when it does not exist yet; for reports written with --output.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace pflint::postconf::edits
