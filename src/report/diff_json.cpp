// NAME
//   diff_json — `pflint diff --format json`; the schema is docs/diff-json.md
//   and changes only together with it.
// DESCRIPTION
//   Every object has all its keys; what is absent is null.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "report/diff_report.hpp"
#include "report/json_text.hpp"

namespace pflint::report {
namespace {
using namespace pflint::diff;
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void side_json(Writer& w, std::string_view key, const SideValue& s) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  if (!s.value) {
    w.Null();
    return;
  }
  w.StartObject();
  field(w, "value", *s.value);
  field(w, "origin", non_empty(s.origin));
  w.EndObject();
}

std::string_view presence_name(ScopeDiff::Presence p) {
  switch (p) {
    case ScopeDiff::Presence::both: return "both";
    case ScopeDiff::Presence::added: return "added";
    case ScopeDiff::Presence::removed: return "removed";
  }
  return "both";
}

void findings_json(Writer& w, std::string_view key, const std::vector<Finding>& findings) {
  objects(w, key, findings, [&w](const Finding& f) {
    field(w, "code", f.code);
    field(w, "severity", f.severity);
    field(w, "file", non_empty(f.file));
    field(w, "line", f.file.empty() ? std::nullopt : std::optional<std::uint32_t>(f.line));
    field(w, "column", f.file.empty() ? std::nullopt : std::optional<std::uint32_t>(f.column));
    field(w, "message", f.message);
  });
}
}  // namespace

std::string diff_json(const DiffReport& r) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  field(w, "version", 1U);
  field(w, "old", r.was_label);
  field(w, "new", r.now_label);
  field(w, "compared", static_cast<std::uint64_t>(r.compared));
  field(w, "skipped_unchanged", static_cast<std::uint64_t>(r.skipped_unchanged));
  field(w, "weakens", r.weakens());
  objects(w, "configs", r.configs, [&w](const ConfigDiff& c) {
    field(w, "name", c.name);
    field(w, "old_dir", non_empty(c.was_dir));
    field(w, "new_dir", non_empty(c.now_dir));
    field(w, "weakens", c.weakens());
    objects(w, "scopes", c.scopes, [&w](const ScopeDiff& s) {
      field(w, "service", s.service);
      field(w, "destination", non_empty(s.destination));
      field(w, "presence", presence_name(s.presence));
      field(w, "weakens", s.weakens());
      objects(w, "changes", s.changes, [&w](const Change& ch) {
        field(w, "item", ch.item);
        side_json(w, "old", ch.was);
        side_json(w, "new", ch.now);
        field(w, "weakening", non_empty(ch.weakening));
      });
    });
    w.Key("findings");
    w.StartObject();
    findings_json(w, "added", c.findings.added);
    findings_json(w, "resolved", c.findings.resolved);
    w.EndObject();
  });
  field(w, "errors", r.errors);
  objects(w, "skipped", r.skipped, [&w](const check::Skipped& s) {
    field(w, "path", s.path);
    field(w, "reason", s.reason);
  });
  w.EndObject();
  return buffer.GetString();
}

}  // namespace pflint::report
