// NAME
//   json_text — bytes to JSON-safe UTF-8.
// DESCRIPTION
//   Configuration files may hold any bytes. JSON strings must be Unicode, so
//   each byte that is not part of valid UTF-8 is written as the code point
//   of the same number (U+0080..U+00FF). Spans in the JSON always give the
//   exact byte offsets, so nothing is lost for a consumer that needs bytes.
#pragma once

#include <rapidjson/rapidjson.h>

#include <string>
#include <string_view>

namespace pflint::report {

std::string json_safe_utf8(std::string_view bytes);
// json_safe_view - `bytes` itself when it is valid UTF-8 already (no copy),
// else its json_safe_utf8 form kept in `storage`.
std::string_view json_safe_view(std::string_view bytes, std::string& storage);

// write_json_string - `bytes` as a JSON string value, through any RapidJSON
// writer (the reports, `parse --json`, `policy --format json`).
template <typename Writer>
void write_json_string(Writer& w, std::string_view bytes) {
  std::string storage;
  const std::string_view text = json_safe_view(bytes, storage);
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

}  // namespace pflint::report
