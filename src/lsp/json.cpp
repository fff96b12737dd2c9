// NAME
//   json — checked JSON access and builders for the language server (json.hpp).
#include "lsp/json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "report/json_text.hpp"

namespace pflint::lsp {

bool parse_message(std::string_view body, rapidjson::Document& out, std::string& error) {
  constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  out.Parse<flags>(body.data(), body.size());
  if (out.HasParseError()) {
    error = std::string(rapidjson::GetParseError_En(out.GetParseError())) + " at byte " +
            std::to_string(out.GetErrorOffset());
    out.SetNull();
    return false;
  }
  return true;
}

const Json* member(const Json* object, std::string_view key) {
  if (object == nullptr || !object->IsObject()) return nullptr;
  const auto it = object->FindMember(Json(rapidjson::StringRef(key.data(), key.size())));
  return it == object->MemberEnd() ? nullptr : &it->value;
}

const Json* path(const Json* object, std::initializer_list<std::string_view> keys) {
  for (const auto key : keys) object = member(object, key);
  return object;
}

std::optional<std::string_view> as_string(const Json* value) {
  if (value == nullptr || !value->IsString()) return std::nullopt;
  return std::string_view(value->GetString(), value->GetStringLength());
}

std::optional<std::string_view> get_string(const Json* object, std::string_view key) {
  return as_string(member(object, key));
}

std::optional<std::int64_t> get_int(const Json* object, std::string_view key) {
  const Json* v = member(object, key);
  if (v == nullptr) return std::nullopt;
  if (v->IsInt64()) return v->GetInt64();
  if (v->IsUint64()) return std::numeric_limits<std::int64_t>::max();
  return std::nullopt;
}

std::optional<std::uint32_t> get_uint32(const Json* object, std::string_view key) {
  const Json* v = member(object, key);
  if (v == nullptr) return std::nullopt;
  if (v->IsUint()) return v->GetUint();
  if (v->IsUint64()) return std::numeric_limits<std::uint32_t>::max();
  if (v->IsInt64()) return std::nullopt;  // negative
  return std::nullopt;
}

std::optional<bool> get_bool(const Json* object, std::string_view key) {
  const Json* v = member(object, key);
  if (v == nullptr || !v->IsBool()) return std::nullopt;
  return v->GetBool();
}

const Json* get_object(const Json* object, std::string_view key) {
  const Json* v = member(object, key);
  return v != nullptr && v->IsObject() ? v : nullptr;
}

const Json* get_array(const Json* object, std::string_view key) {
  const Json* v = member(object, key);
  return v != nullptr && v->IsArray() ? v : nullptr;
}

Json string_value(std::string_view text, Allocator& a) {
  std::string storage;
  const std::string_view safe = report::json_safe_view(text, storage);
  return Json(safe.data(), static_cast<rapidjson::SizeType>(safe.size()), a);
}

void add(Json& object, std::string_view key, Json value, Allocator& a) {
  object.AddMember(Json(key.data(), static_cast<rapidjson::SizeType>(key.size()), a), value, a);
}
void add(Json& object, std::string_view key, std::string_view text, Allocator& a) {
  add(object, key, string_value(text, a), a);
}
void add(Json& object, std::string_view key, const char* text, Allocator& a) {
  add(object, key, std::string_view(text), a);
}
void add(Json& object, std::string_view key, std::int64_t number, Allocator& a) {
  add(object, key, Json(number), a);
}
void add(Json& object, std::string_view key, bool flag, Allocator& a) { add(object, key, Json(flag), a); }

std::string serialize(const Json& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

namespace {

// sorted_copy - `value` with every object's members sorted by key.
Json sorted_copy(const Json& value, Allocator& a) {
  if (value.IsObject()) {
    std::vector<const Json::Member*> members;
    for (const auto& m : value.GetObject()) members.push_back(&m);
    std::sort(members.begin(), members.end(), [](const Json::Member* x, const Json::Member* y) {
      return std::string_view(x->name.GetString(), x->name.GetStringLength()) <
             std::string_view(y->name.GetString(), y->name.GetStringLength());
    });
    Json out(rapidjson::kObjectType);
    for (const auto* m : members) out.AddMember(Json(m->name, a), sorted_copy(m->value, a), a);
    return out;
  }
  if (value.IsArray()) {
    Json out(rapidjson::kArrayType);
    for (const auto& e : value.GetArray()) out.PushBack(sorted_copy(e, a), a);
    return out;
  }
  return Json(value, a);
}

}  // namespace

std::string serialize_pretty(const Json& value) {
  rapidjson::Document scratch;
  const Json sorted = sorted_copy(value, scratch.GetAllocator());
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  sorted.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace pflint::lsp
