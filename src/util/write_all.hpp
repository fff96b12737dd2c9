// NAME
//   write_all — write(2) a whole buffer, through short writes and EINTR.
// DESCRIPTION
//   The one loop pflint uses to write bytes to a descriptor: the atomic
//   file replace (postconf/atomic_file.cpp) and postconf's stdout buffer.
// DIAGNOSTICS
//   false with errno set by the write that failed.
#pragma once

#include <string_view>

namespace pflint::util {

bool write_all(int fd, std::string_view bytes);

}  // namespace pflint::util
