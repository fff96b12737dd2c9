// NAME
//   json — checked access to the JSON-RPC messages the language server reads.
// DESCRIPTION
//   RapidJSON asserts (aborts, or reads garbage without asserts) on a missing
//   member or a getter of the wrong type, and its default parser recurses
//   until the stack overflows on deeply nested input. Everything the server
//   reads from a client goes through parse_message() (iterative, UTF-8
//   validated) and the helpers here, which answer "absent" instead of
//   asserting. Writing uses the same Value type with the document's allocator.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pflint::lsp {

using Json = rapidjson::Value;
using Allocator = rapidjson::Document::AllocatorType;

// parse_message - parse `body` iteratively; false (document left empty) on
// a syntax or encoding error, with a short reason in `error`.
bool parse_message(std::string_view body, rapidjson::Document& out, std::string& error);

// member - the member `key` of `object`, or nullptr when `object` is null,
// not an object, or has no such member.
const Json* member(const Json* object, std::string_view key);
// path - member(member(object, a), b) ...
const Json* path(const Json* object, std::initializer_list<std::string_view> keys);

std::optional<std::string_view> get_string(const Json* object, std::string_view key);
std::optional<std::int64_t> get_int(const Json* object, std::string_view key);
std::optional<std::uint32_t> get_uint32(const Json* object, std::string_view key);  // non-negative, clamped to 2^32-1
std::optional<bool> get_bool(const Json* object, std::string_view key);
const Json* get_object(const Json* object, std::string_view key);
const Json* get_array(const Json* object, std::string_view key);

// as_string - the value's text when it is a string.
std::optional<std::string_view> as_string(const Json* value);

// Builders for replies.
Json string_value(std::string_view text, Allocator& a);  // any bytes: made JSON-safe UTF-8
void add(Json& object, std::string_view key, Json value, Allocator& a);
void add(Json& object, std::string_view key, std::string_view text, Allocator& a);
void add(Json& object, std::string_view key, const char* text, Allocator& a);
void add(Json& object, std::string_view key, std::int64_t number, Allocator& a);
void add(Json& object, std::string_view key, bool flag, Allocator& a);

// serialize - compact JSON text of `value`.
std::string serialize(const Json& value);
// serialize_pretty - indented, object keys sorted (for --lit-test transcripts).
std::string serialize_pretty(const Json& value);

}  // namespace pflint::lsp
