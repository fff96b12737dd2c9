// NAME
//   output_file — write a command's report to stdout or, atomically, to a file.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>

namespace pflint::cli {

// write_output - run `write` on stdout, or on a buffer that then replaces
// `path` atomically (never a half-written report). false with `error` on I/O failure.
bool write_output(const std::optional<std::string>& path, const std::function<void(std::FILE*)>& write,
                  std::string& error);

}  // namespace pflint::cli
