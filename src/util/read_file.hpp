// NAME
//   read_file — a whole file's bytes in one string.
// DESCRIPTION
//   read_file() opens the path, sizes the buffer from fstat() and reads
//   until end of file, so a file that grows while it is read is still read
//   whole, and a FIFO or device is read until it ends or passes `limit`.
//   It is the one way pflint reads a whole file into memory; read_fd() is
//   the same read on a descriptor already open (an edit reads under a lock).
// DIAGNOSTICS
//   nullopt with the errno text (strerror) in `error`; a directory gives
//   strerror(EISDIR) like any other error; more than `limit` bytes give
//   k_too_large.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace pflint::util {

inline constexpr std::string_view k_too_large = "file too large";

// read_file - the file's bytes, or nullopt with the errno text in `error`.
std::optional<std::string> read_file(const std::string& path, std::string& error,
                                     std::size_t limit = std::numeric_limits<std::size_t>::max());
// read_fd - the same, from the current offset of an open descriptor (not closed).
std::optional<std::string> read_fd(int fd, std::string& error,
                                   std::size_t limit = std::numeric_limits<std::size_t>::max());

}  // namespace pflint::util
