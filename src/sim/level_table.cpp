// NAME
//   level_table — documented outcomes and cell judgement (see level_table.hpp).
#include "sim/level_table.hpp"

#include <rapidjson/document.h>

#include <stdexcept>

#include "sim/scenario.hpp"

namespace pflint::sim {

const LevelColumn* LevelTable::column(std::string_view name) const {
  for (const LevelColumn& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::optional<std::string> LevelTable::documented(const std::string& scenario, const std::string& column_name) const {
  const LevelColumn* c = column(column_name);
  const std::string level = c && !c->maps_to.empty() ? c->maps_to : column_name;
  const auto s = outcomes.find(scenario);
  if (s == outcomes.end()) return std::nullopt;
  const auto l = s->second.find(level);
  if (l == s->second.end()) return std::nullopt;
  return l->second;
}

LevelTable load_level_table(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("levels") || !doc.HasMember("outcomes")) {
    throw std::runtime_error("level-outcomes.json: expected {\"levels\": [...], \"outcomes\": {...}}");
  }
  LevelTable t;
  for (const auto& l : doc["levels"].GetArray()) {
    LevelColumn c;
    c.name = l["name"].GetString();
    if (l.HasMember("maps_to")) c.maps_to = l["maps_to"].GetString();
    if (l.HasMember("note")) c.note = l["note"].GetString();
    for (const auto& m : l["set"].GetObject()) c.set.emplace_back(m.name.GetString(), m.value.GetString());
    t.columns.push_back(std::move(c));
  }
  for (const auto& s : doc["outcomes"].GetObject()) {
    for (const auto& l : s.value.GetObject()) t.outcomes[s.name.GetString()][l.name.GetString()] = l.value.GetString();
  }
  if (doc.HasMember("platform")) {
    for (const auto& s : doc["platform"].GetObject()) {
      if (!s.value.IsObject()) continue;
      for (const auto& l : s.value.GetObject()) {
        const std::string key = l.name.GetString();
        if (key == "why") {
          t.platform_why[s.name.GetString()] = l.value.GetString();
        } else {
          t.platform[s.name.GetString()][key] = l.value.GetString();
        }
      }
    }
  }
  return t;
}

const LevelTable& builtin_level_table() {
  static const LevelTable table = load_level_table(builtin_level_outcomes_json());
  return table;
}

Judgement judge(const LevelTable& table, const std::string& scenario, const std::string& column, const Outcome& outcome) {
  Judgement j;
  j.actual = outcome_class(outcome);
  const std::optional<std::string> doc = table.documented(scenario, column);
  if (!doc) {
    j.status = "undocumented";
    return j;
  }
  j.documented = *doc;
  if (class_matches(*doc, j.actual)) {
    j.status = "ok";
    return j;
  }
  const LevelColumn* c = table.column(column);
  const std::string level = c && !c->maps_to.empty() ? c->maps_to : column;
  if (const auto p = table.platform.find(scenario); p != table.platform.end()) {
    if (const auto l = p->second.find(level); l != p->second.end() && class_matches(l->second, j.actual)) {
      j.status = "platform";
      j.explanation = table.platform_why.count(scenario) ? table.platform_why.at(scenario) : "";
      return j;
    }
  }
  j.status = "differs";
  j.explanation = outcome.blame.describe();
  if (j.explanation.empty()) j.explanation = outcome.reason;
  return j;
}

}  // namespace pflint::sim
