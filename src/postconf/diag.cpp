// NAME
//   diag — stdout buffer, warnings and fatal errors (see diag.hpp).
#include "postconf/diag.hpp"

#include <unistd.h>

#include <cstdio>

#include "util/write_all.hpp"

namespace pflint::postconf {

namespace {
constexpr std::string_view k_program = "pflint";

void write_err(std::string_view kind, std::string_view text) {
  std::string line;
  line.reserve(k_program.size() + kind.size() + text.size() + 4);
  line.append(k_program).append(": ").append(kind).append(": ");
  // msg_vprintf() passes the text through printable(): other bytes become '?'.
  for (const char c : text) line.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  line.push_back('\n');
  std::fwrite(line.data(), 1, line.size(), stderr);
}
}  // namespace

std::string& out() {
  static std::string buffer;
  return buffer;
}

void flush_out() {
  std::string& b = out();
  // Straight to the descriptor: stdio would first allocate its own buffer
  // and copy the whole output through it.
  std::fflush(stdout);
  if (!b.empty()) (void)util::write_all(STDOUT_FILENO, b);
  b.clear();
}

void warn(std::string_view text) { write_err("warning", text); }

void fatal(std::string text) { throw Fatal{std::move(text)}; }

void print_fatal(std::string_view text) {
  flush_out();
  write_err("fatal", text);
}

}  // namespace pflint::postconf
