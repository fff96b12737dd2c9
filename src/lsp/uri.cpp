// NAME
//   uri — file: URI conversion (uri.hpp).
#include "lsp/uri.hpp"

#include "util/ascii.hpp"

namespace pflint::lsp {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() || !util::iequals(uri.substr(0, scheme.size()), scheme)) return std::nullopt;
  std::string_view rest = uri.substr(scheme.size());
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view authority = rest.substr(0, slash);
  if (!authority.empty() && !util::iequals(authority, "localhost")) return std::nullopt;
  rest = rest.substr(slash);
  if (const auto cut = rest.find_first_of("?#"); cut != std::string_view::npos) rest = rest.substr(0, cut);
  std::string path;
  path.reserve(rest.size());
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%') {
      const int hi = i + 1 < rest.size() ? hex_digit(rest[i + 1]) : -1;
      const int lo = i + 2 < rest.size() ? hex_digit(rest[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        const char c = static_cast<char>(hi * 16 + lo);
        if (c == '\0') return std::nullopt;  // no path holds a NUL
        path += c;
        i += 2;
        continue;
      }
    }
    path += rest[i];
  }
  return path;
}

std::string path_to_uri(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      uri += c;
    } else {
      uri += '%';
      uri += hex[u >> 4];
      uri += hex[u & 15];
    }
  }
  return uri;
}

}  // namespace pflint::lsp
