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
//   notifications of the invocation. Results are serialized as each config
//   is checked and spliced into the log at the end.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "lint/identity.hpp"
#include "report/json_text.hpp"
#include "report/rule_catalog.hpp"
#include "report/report_util.hpp"

namespace pflint::report {
namespace {
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

constexpr std::string_view information_uri = "https://github.com/pflint/pflint";
// Every rule's page; {} is the rule code.

void write_text_object(Writer& w, const char* key, std::string_view text) {
  w.Key(key);
  w.StartObject();
  w.Key("text"); write_json_string(w, text);
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
  write_json_string(w, sarif_level(s));
}

void write_rule(Writer& w, const lint::RuleInfo& rule) {
  w.StartObject();
  w.Key("id"); write_json_string(w, rule.code);
  w.Key("name"); write_json_string(w, rule.name);
  write_text_object(w, "shortDescription", rule.summary);
  const std::string_view flags = doc_section(rule.doc, "What it flags");
  write_text_object(w, "fullDescription", flags.empty() ? rule.summary : flags);
  w.Key("help");
  w.StartObject();
  w.Key("text"); write_json_string(w, rule.doc.empty() ? rule.summary : rule.doc);
  if (!rule.doc.empty()) {
    w.Key("markdown"); write_json_string(w, rule.doc);
  }
  w.EndObject();
  w.Key("helpUri"); write_json_string(w, rule_help_uri(rule.code));
  w.Key("defaultConfiguration");
  w.StartObject();
  write_level(w, rule.severity);
  w.EndObject();
  w.EndObject();
}

// A code in a finding but not in the catalog.
struct UnknownRule {
  std::string code;
  std::string name;
};

// write_unknown_rule - id, name and a description.
void write_unknown_rule(Writer& w, const UnknownRule& rule) {
  w.StartObject();
  w.Key("id"); write_json_string(w, rule.code);
  if (!rule.name.empty()) {
    w.Key("name"); write_json_string(w, rule.name);
  }
  write_text_object(w, "shortDescription", rule.name.empty() ? rule.code : rule.name);
  w.Key("helpUri"); write_json_string(w, rule_help_uri(rule.code));
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
  w.Key("uri"); write_json_string(w, uri_reference(path));
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
  // Not a SARIF notion: whether `pflint check --fix` applies it without --unsafe-fixes.
  w.Key("properties");
  w.StartObject();
  w.Key("safe");
  w.Bool(fix.safe);
  w.EndObject();
  w.EndObject();
}

bool has_edits(const lint::Diagnostic& d, const lint::Fix& fix) {
  return std::any_of(fix.edits.begin(), fix.edits.end(),
                     [&d](const lint::Edit& e) { return edit_file(d, e) != nullptr; });
}

void write_result(Writer& w, const lint::Diagnostic& d, std::size_t rule_index) {
  w.StartObject();
  w.Key("ruleId"); write_json_string(w, d.code);
  w.Key("ruleIndex"); w.Uint64(rule_index);
  write_level(w, d.severity);
  std::string text = d.message;
  for (const std::string& note : d.notes) text += "\nnote: " + note;
  write_text_object(w, "message", text);
  if (d.file != nullptr) write_location(w, d);
  // The identity baselines use (lint/identity.hpp): stable across lines
  // added above and reindentation, so code scanning follows the alert.
  w.Key("partialFingerprints");
  w.StartObject();
  w.Key("pflintIdentity/v1"); write_json_string(w, lint::fingerprint(lint::identity_of(d)));
  w.EndObject();
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

void write_invocation(Writer& w, const ReportTail& input) {
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

// Results go into `results_` as they come, written by a writer nested as
// deep as runs[0].results so that the indentation matches; finish() writes
// the log around them.
class SarifStream final : public ReportStream {
 public:
  SarifStream(const ReportHeader& header, std::FILE* out)
      : rules_(header.rules), tool_version_(header.tool_version), out_(out) {
    for (std::size_t i = 0; i < rules_.size(); ++i) index_.emplace(std::string(rules_[i].info->code), i);
    results_writer_.SetIndent(' ', 2);
    results_writer_.StartObject();
    results_writer_.Key("runs");
    results_writer_.StartArray();
    results_writer_.StartObject();
    results_writer_.Key("results");
    results_writer_.StartArray();
    results_begin_ = results_.GetSize() - 1;  // the '['
  }

 protected:
  void write_findings(std::span<const lint::Diagnostic> findings) override {
    for (const lint::Diagnostic& d : findings) {
      const auto [it, added] = index_.emplace(std::string(d.code), rules_.size() + unknown_.size());
      if (added) unknown_.push_back({std::string(d.code), std::string(d.rule)});
      write_result(results_writer_, d, it->second);
    }
  }

  void write_end(const ReportTail& tail) override {
    results_writer_.EndArray();
    const std::string_view results(results_.GetString() + results_begin_, results_.GetSize() - results_begin_);

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
    if (!tool_version_.empty()) {
      w.Key("version"); write_json_string(w, tool_version_);
    }
    w.Key("informationUri"); write_json_string(w, information_uri);
    w.Key("rules");
    w.StartArray();
    for (const lint::Rule& r : rules_) write_rule(w, *r.info);
    for (const UnknownRule& u : unknown_) write_unknown_rule(w, u);
    w.EndArray();
    w.EndObject();
    w.EndObject();
    write_invocation(w, tail);
    w.Key("columnKind"); w.String("utf16CodeUnits");
    w.Key("results");
    w.RawValue(placeholder.data(), placeholder.size(), rapidjson::kArrayType);
    const std::size_t at = buffer.GetSize() - placeholder.size();
    w.EndObject();
    w.EndArray();
    w.EndObject();
    buffer.Put('\n');
    write_spliced(std::string_view(buffer.GetString(), buffer.GetSize()), at, placeholder.size(), results, out_);
  }

 private:
  static constexpr std::string_view placeholder = "[]";
  std::span<const lint::Rule> rules_;
  std::string tool_version_;
  std::FILE* out_;
  // Rule index by code: the catalog first, then codes found only in findings.
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<UnknownRule> unknown_;
  rapidjson::StringBuffer results_;
  Writer results_writer_{results_};
  std::size_t results_begin_ = 0;
};

}  // namespace

std::unique_ptr<ReportStream> open_sarif(const ReportHeader& header, std::FILE* out) {
  return std::make_unique<SarifStream>(header, out);
}

}  // namespace pflint::report
