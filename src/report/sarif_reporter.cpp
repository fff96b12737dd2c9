// NAME
//   sarif_reporter — `pflint check --format sarif`: a SARIF 2.1.0 log with
//   one run, for GitHub code scanning and other SARIF viewers.
// DESCRIPTION
//   tool.driver.rules lists every rule of the catalog in its order (ruleIndex
//   points into it), with its summary, the "What it flags" section as the
//   full description and the whole Markdown doc as help; a finding whose code
//   is not in the catalog gets a minimal descriptor appended. Regions use
//   1-based lines and 1-based UTF-16 columns (run.columnKind
//   "utf16CodeUnits", SARIF's default), end column exclusive. Findings
//   without a file have no location. Notes are appended to the message, one
//   line each; fixes become artifactChanges. Skipped files are reported as
//   notifications of the invocation.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "report/json_text.hpp"
#include "report/report_util.hpp"

namespace pflint::report {
namespace {
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

constexpr std::string_view information_uri = "https://github.com/pflint/pflint";
// Every rule's page; {} is the rule code.
constexpr std::string_view rule_help_uri = "https://github.com/pflint/pflint/blob/main/docs/rules/{}.md";

void write_string(Writer& w, std::string_view bytes) {
  const std::string text = json_safe_utf8(bytes);
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_text_object(Writer& w, const char* key, std::string_view text) {
  w.Key(key);
  w.StartObject();
  w.Key("text"); write_string(w, text);
  w.EndObject();
}

std::string_view sarif_level(lint::Severity s) {
  switch (s) {
    case lint::Severity::error: return "error";
    case lint::Severity::warning: return "warning";
    case lint::Severity::info: return "note";
  }
  return "warning";
}

void write_level(Writer& w, lint::Severity s) {
  w.Key("level");
  write_string(w, sarif_level(s));
}

void write_rule(Writer& w, const lint::RuleInfo& rule) {
  w.StartObject();
  w.Key("id"); write_string(w, rule.code);
  w.Key("name"); write_string(w, rule.name);
  write_text_object(w, "shortDescription", rule.summary);
  const std::string_view flags = doc_section(rule.doc, "What it flags");
  write_text_object(w, "fullDescription", flags.empty() ? rule.summary : flags);
  w.Key("help");
  w.StartObject();
  w.Key("text"); write_string(w, rule.doc.empty() ? rule.summary : rule.doc);
  if (!rule.doc.empty()) {
    w.Key("markdown"); write_string(w, rule.doc);
  }
  w.EndObject();
  w.Key("helpUri"); write_string(w, fmt::format(fmt::runtime(rule_help_uri), rule.code));
  w.Key("defaultConfiguration");
  w.StartObject();
  write_level(w, rule.severity);
  w.EndObject();
  w.EndObject();
}

// A code in a finding but not in the catalog: id, name and a description.
void write_unknown_rule(Writer& w, const lint::Diagnostic& d) {
  w.StartObject();
  w.Key("id"); write_string(w, d.code);
  if (!d.rule.empty()) {
    w.Key("name"); write_string(w, d.rule);
  }
  write_text_object(w, "shortDescription", d.rule.empty() ? d.code : d.rule);
  w.Key("helpUri"); write_string(w, fmt::format(fmt::runtime(rule_help_uri), d.code));
  w.EndObject();
}

void write_region(Writer& w, const char* key, const syntax::SourceFile& file, syntax::Span span) {
  const LineColumn start = utf16_line_column(file, span.begin);
  const LineColumn end = utf16_line_column(file, std::max(span.end, span.begin));
  w.Key(key);
  w.StartObject();
  w.Key("startLine"); w.Uint(start.line);
  w.Key("startColumn"); w.Uint(start.column);
  w.Key("endLine"); w.Uint(end.line);
  w.Key("endColumn"); w.Uint(end.column);
  w.EndObject();
}

void write_artifact(Writer& w, std::string_view path) {
  w.Key("artifactLocation");
  w.StartObject();
  w.Key("uri"); write_string(w, uri_reference(path));
  w.EndObject();
}

void write_location(Writer& w, const lint::Diagnostic& d) {
  w.Key("locations");
  w.StartArray();
  w.StartObject();
  w.Key("physicalLocation");
  w.StartObject();
  write_artifact(w, d.file->path());
  write_region(w, "region", *d.file, d.span);
  w.EndObject();
  w.EndObject();
  w.EndArray();
}

// write_fix - one SARIF fix; its edits grouped by file in first-seen order.
void write_fix(Writer& w, const lint::Diagnostic& d, const lint::Fix& fix) {
  std::vector<const syntax::SourceFile*> files;
  for (const lint::Edit& e : fix.edits) {
    const syntax::SourceFile* f = edit_file(d, e);
    if (f != nullptr && std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  }
  w.StartObject();
  write_text_object(w, "description", fix.title);
  w.Key("artifactChanges");
  w.StartArray();
  for (const syntax::SourceFile* f : files) {
    w.StartObject();
    write_artifact(w, f->path());
    w.Key("replacements");
    w.StartArray();
    for (const lint::Edit& e : fix.edits) {
      if (edit_file(d, e) != f) continue;
      w.StartObject();
      write_region(w, "deletedRegion", *f, e.span);
      write_text_object(w, "insertedContent", e.replacement);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

bool has_edits(const lint::Diagnostic& d, const lint::Fix& fix) {
  return std::any_of(fix.edits.begin(), fix.edits.end(),
                     [&d](const lint::Edit& e) { return edit_file(d, e) != nullptr; });
}

void write_result(Writer& w, const lint::Diagnostic& d, std::size_t rule_index) {
  w.StartObject();
  w.Key("ruleId"); write_string(w, d.code);
  w.Key("ruleIndex"); w.Uint64(rule_index);
  write_level(w, d.severity);
  std::string text = d.message;
  for (const std::string& note : d.notes) text += "\nnote: " + note;
  write_text_object(w, "message", text);
  if (d.file != nullptr) write_location(w, d);
  if (std::any_of(d.fixes.begin(), d.fixes.end(), [&d](const lint::Fix& f) { return has_edits(d, f); })) {
    w.Key("fixes");
    w.StartArray();
    for (const lint::Fix& fix : d.fixes) {
      if (has_edits(d, fix)) write_fix(w, d, fix);
    }
    w.EndArray();
  }
  w.EndObject();
}

void write_invocation(Writer& w, const ReportInput& input) {
  w.Key("invocations");
  w.StartArray();
  w.StartObject();
  w.Key("executionSuccessful"); w.Bool(true);
  if (!input.skipped.empty()) {
    w.Key("toolExecutionNotifications");
    w.StartArray();
    for (const SkippedFile& s : input.skipped) {
      w.StartObject();
      w.Key("level"); w.String("note");
      write_text_object(w, "message", "skipped: " + s.reason);
      w.Key("locations");
      w.StartArray();
      w.StartObject();
      w.Key("physicalLocation");
      w.StartObject();
      write_artifact(w, s.path);
      w.EndObject();
      w.EndObject();
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();
}

}  // namespace

void write_sarif(const ReportInput& input, std::FILE* out) {
  // Rule index by code: the catalog first, then codes found only in findings.
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < input.rules.size(); ++i) index.emplace(input.rules[i].info->code, i);
  std::vector<const lint::Diagnostic*> unknown;
  for (const lint::Diagnostic& d : input.findings) {
    if (index.emplace(d.code, input.rules.size() + unknown.size()).second) unknown.push_back(&d);
  }

  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("$schema"); w.String("https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("version"); w.String("2.1.0");
  w.Key("runs");
  w.StartArray();
  w.StartObject();
  w.Key("tool");
  w.StartObject();
  w.Key("driver");
  w.StartObject();
  w.Key("name"); w.String("pflint");
  if (!input.tool_version.empty()) {
    w.Key("version"); write_string(w, input.tool_version);
  }
  w.Key("informationUri"); write_string(w, information_uri);
  w.Key("rules");
  w.StartArray();
  for (const lint::Rule& r : input.rules) write_rule(w, *r.info);
  for (const lint::Diagnostic* d : unknown) write_unknown_rule(w, *d);
  w.EndArray();
  w.EndObject();
  w.EndObject();
  write_invocation(w, input);
  w.Key("columnKind"); w.String("utf16CodeUnits");
  w.Key("results");
  w.StartArray();
  for (const lint::Diagnostic& d : input.findings) write_result(w, d, index.at(d.code));
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  fmt::print(out, "{}\n", std::string_view(buffer.GetString(), buffer.GetSize()));
}

}  // namespace pflint::report
