// NAME
//   uri — file: URIs to paths and back, as LSP clients send them.
// DESCRIPTION
//   Only the file scheme names a file: "file:///etc/postfix/main.cf", with
//   percent-escapes decoded ("%20" → space). An empty authority or
//   "localhost" is accepted; any other URI has no path (the server then
//   treats the document as free-standing, with no config directory).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pflint::lsp {

// uri_to_path - the absolute path of a file: URI, or nullopt.
std::optional<std::string> uri_to_path(std::string_view uri);
// path_to_uri - "file://" + the path, escaping bytes outside RFC 3986's unreserved set and '/'.
std::string path_to_uri(std::string_view path);

}  // namespace pflint::lsp
