// NAME
//   json_text — bytes to JSON-safe UTF-8, and field() for the members of a
//   JSON object, for every RapidJSON writer in pflint.
// DESCRIPTION
//   Configuration files may hold any bytes. JSON strings must be Unicode, so
//   each byte that is not part of valid UTF-8 is written as the code point
//   of the same number (U+0080..U+00FF). Spans in the JSON always give the
//   exact byte offsets, so nothing is lost for a consumer that needs bytes.
//
//   field(w, key, value) writes one `"key": value` member: text through
//   write_json_string, bool, unsigned, null (std::nullopt or an empty
//   optional), or an array of strings. non_empty() turns "" into null.
//   objects(w, key, items, members) writes an array of one object per item.
// SEE ALSO
//   src/report/tree_json.cpp, src/report/policy_json.cpp.
#pragma once

#include <rapidjson/rapidjson.h>

#include <concepts>
#include <optional>
#include <ranges>
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

// non_empty - `text`, or no value (JSON null) when it is empty.
inline std::optional<std::string_view> non_empty(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// write_json_value - one value: text, bool, unsigned, null, an optional of
// one of those (null when empty), or a range of text (an array).
template <typename Writer, typename T>
void write_json_value(Writer& w, const T& value) {
  if constexpr (std::same_as<T, bool>) {
    w.Bool(value);
  } else if constexpr (std::same_as<T, std::nullopt_t>) {
    w.Null();
  } else if constexpr (std::convertible_to<const T&, std::string_view>) {
    write_json_string(w, value);
  } else if constexpr (std::unsigned_integral<T>) {
    w.Uint64(value);
  } else if constexpr (requires { value.has_value(); *value; }) {
    if (value) write_json_value(w, *value);
    else w.Null();
  } else {
    static_assert(std::ranges::input_range<T>, "write_json_value: no JSON form for this type");
    w.StartArray();
    for (const auto& item : value) write_json_value(w, item);
    w.EndArray();
  }
}

// field - one `"key": value` member of the object being written.
template <typename Writer, typename T>
void field(Writer& w, std::string_view key, const T& value) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  write_json_value(w, value);
}

// objects - `"key": [{...}, ...]`, one object per item of `items`, whose
// members `members(item)` writes.
template <typename Writer, typename Range, typename Members>
void objects(Writer& w, std::string_view key, const Range& items, Members members) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  w.StartArray();
  for (const auto& item : items) {
    w.StartObject();
    members(item);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace pflint::report
