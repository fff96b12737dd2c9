// NAME
//   json_text — bytes to JSON-safe UTF-8 (see json_text.hpp).
#include "report/json_text.hpp"

namespace pflint::report {

namespace {
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) len = 3;
  else if (c >= 0xF0 && c <= 0xF4) len = 4;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  // Overlong forms, surrogates and code points above U+10FFFF are invalid.
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
    return 0;
  }
  return len;
}

// valid_prefix - how many leading bytes are valid UTF-8 already.
std::size_t valid_prefix(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = valid_sequence_length(bytes, i);
    if (len == 0) break;
    i += len;
  }
  return i;
}
}  // namespace

std::string_view json_safe_view(std::string_view bytes, std::string& storage) {
  if (valid_prefix(bytes) == bytes.size()) return bytes;
  storage = json_safe_utf8(bytes);
  return storage;
}

std::string json_safe_utf8(std::string_view bytes) {
  const std::size_t valid = valid_prefix(bytes);
  std::string out(bytes.substr(0, valid));
  if (valid == bytes.size()) return out;
  out.reserve(bytes.size() + 8);
  for (std::size_t i = valid; i < bytes.size();) {
    const std::size_t len = valid_sequence_length(bytes, i);
    if (len > 0) {
      out.append(bytes.substr(i, len));
      i += len;
    } else {
      const auto c = static_cast<unsigned char>(bytes[i]);
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      ++i;
    }
  }
  return out;
}

}  // namespace pflint::report
