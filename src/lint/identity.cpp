// NAME
//   identity — a finding's code, file, subject and normalised message (see identity.hpp).
#include "lint/identity.hpp"

#include <fmt/core.h>

#include <cstdint>
#include <filesystem>

namespace pflint::lint {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// first_word - up to white space or, in main.cf, '='.
std::string_view first_word(std::string_view line, bool stop_at_equals) {
  std::size_t n = 0;
  while (n < line.size() && !is_space(line[n]) && !(stop_at_equals && line[n] == '=')) ++n;
  return line.substr(0, n);
}

bool is_master_cf(std::string_view path) {
  return path.ends_with("master.cf") || path.find("master.cf.") != std::string_view::npos;
}

// subject - the setting, entry or comment of the logical line holding offset.
std::string subject(const syntax::SourceFile& file, std::uint32_t offset) {
  std::uint32_t line = file.position(std::min(offset, file.size())).line;
  const std::string_view own = file.line_text(line);
  if (trim(own).starts_with('#')) return std::string(trim(own));
  // Continuation lines start with white space; comments may sit between them.
  while (line > 1) {
    const std::string_view text = file.line_text(line);
    if (!text.empty() && !is_space(text.front()) && text.front() != '#') break;
    --line;
  }
  const std::string_view text = trim(file.line_text(line));
  if (!is_master_cf(file.path())) return std::string(first_word(text, true));
  const std::string_view service = first_word(text, false);
  const std::string_view type = first_word(trim(text.substr(service.size())), false);
  return fmt::format("{}/{}", service, type);
}

// A word holding a file reference: a path, or a name ending in .cf.
bool names_a_file(std::string_view word) {
  return word.find('[') == std::string_view::npos &&
         (word.find('/') != std::string_view::npos || word.ends_with(".cf"));
}

}  // namespace

std::string normalise_message(std::string_view message) {
  std::string out;
  std::size_t word_start = 0;  // in out
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      word_start = out.size();
      continue;
    }
    if (c == ':' && i + 1 < message.size() && is_digit(message[i + 1]) &&
        names_a_file(std::string_view(out).substr(word_start))) {
      // Drop ":12" (and a column, ":12:5") after a file name.
      while (i + 1 < message.size() && (is_digit(message[i + 1]) || (message[i + 1] == ':' && i + 2 < message.size() && is_digit(message[i + 2])))) ++i;
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

FindingIdentity identity_of(const Diagnostic& d) {
  FindingIdentity id;
  id.code = std::string(d.code);
  if (d.file != nullptr) {
    id.file = std::filesystem::path(d.file->path()).lexically_normal().generic_string();
    id.subject = subject(*d.file, d.span.begin);
  }
  id.message = normalise_message(d.message);
  return id;
}

std::string fingerprint(const FindingIdentity& id) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const std::string* field : {&id.code, &id.file, &id.subject, &id.message}) {
    for (const char c : *field) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash ^= 0x1f;  // field separator
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace pflint::lint
