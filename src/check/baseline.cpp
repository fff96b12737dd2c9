// NAME
//   baseline — reading, matching and writing baseline files (see baseline.hpp).
#include "check/baseline.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "report/json_text.hpp"

namespace pflint::check {

std::optional<Baseline> Baseline::load(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read the baseline";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string json = text.str();
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  if (doc.HasParseError()) {
    error = path + ": not a pflint baseline: " + rapidjson::GetParseError_En(doc.GetParseError());
    return std::nullopt;
  }
  if (!doc.IsObject() || !doc.HasMember("pflint_baseline") || !doc["pflint_baseline"].IsInt() ||
      doc["pflint_baseline"].GetInt() != 1 || !doc.HasMember("findings") || !doc["findings"].IsArray()) {
    error = path + ": not a pflint baseline (version 1 with a findings array expected)";
    return std::nullopt;
  }
  Baseline b;
  for (const auto& entry : doc["findings"].GetArray()) {
    if (!entry.IsObject() || !entry.HasMember("fingerprint") || !entry["fingerprint"].IsString()) {
      error = path + ": not a pflint baseline: a finding without a fingerprint";
      return std::nullopt;
    }
    ++b.left_[entry["fingerprint"].GetString()];
    ++b.total_;
  }
  return b;
}

bool Baseline::covers(const lint::Diagnostic& d) {
  const auto it = left_.find(lint::fingerprint(lint::identity_of(d)));
  if (it == left_.end() || it->second == 0) return false;
  --it->second;
  ++matched_;
  return true;
}

std::vector<lint::Diagnostic> without_baselined(std::span<const lint::Diagnostic> findings, Baseline& baseline) {
  std::vector<lint::Diagnostic> out;
  for (const lint::Diagnostic& d : findings) {
    if (!baseline.covers(d)) out.push_back(d);
  }
  return out;
}

std::string BaselineWriter::text() const {
  std::vector<const lint::FindingIdentity*> sorted;
  for (const lint::FindingIdentity& e : entries_) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return std::tie(a->file, a->code, a->subject, a->message) < std::tie(b->file, b->code, b->subject, b->message);
  });
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("pflint_baseline");
  w.Int(1);
  w.Key("findings");
  w.StartArray();
  for (const lint::FindingIdentity* e : sorted) {
    w.StartObject();
    const std::string print = lint::fingerprint(*e);
    for (const auto& [key, value] : {std::pair{"fingerprint", &print}, std::pair{"code", &e->code},
                                     std::pair{"file", &e->file}, std::pair{"subject", &e->subject},
                                     std::pair{"message", &e->message}}) {
      w.Key(key);
      report::write_json_string(w, *value);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace pflint::check
