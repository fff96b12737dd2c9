// NAME
//   json_reporter — `pflint check --format json`: one JSON object with the
//   findings, the files checked and skipped, and the counts.
// DESCRIPTION
//   The schema is documented in docs/check-json.md and changes only together
//   with that file (and its "version"). Spans have the same shape as in
//   `pflint parse --json`. Findings are written as each config is checked,
//   so the run keeps no more than one config's findings in memory.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fmt/format.h>

#include <cstring>

#include "report/json_text.hpp"
#include "report/report_util.hpp"

namespace pflint::report {
namespace {
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

constexpr unsigned schema_version = 1;

void write_point(Writer& w, const syntax::SourceFile& file, std::uint32_t offset) {
  const syntax::Position p = file.position(offset);
  w.StartArray();
  w.Uint(p.line);
  w.Uint(p.column);
  w.Uint(file.utf16_position(offset).character);
  w.EndArray();
}

void write_span(Writer& w, const syntax::SourceFile& file, syntax::Span span) {
  w.StartObject();
  w.Key("begin"); w.Uint(span.begin);
  w.Key("end"); w.Uint(span.end);
  w.Key("start"); write_point(w, file, span.begin);
  w.Key("stop"); write_point(w, file, span.end);
  w.EndObject();
}

void write_fix(Writer& w, const lint::Diagnostic& d, const lint::Fix& fix) {
  w.StartObject();
  w.Key("title"); write_json_string(w, fix.title);
  w.Key("safe"); w.Bool(fix.safe);
  w.Key("edits");
  w.StartArray();
  for (const lint::Edit& e : fix.edits) {
    const syntax::SourceFile* file = edit_file(d, e);
    w.StartObject();
    w.Key("file");
    if (file != nullptr) write_json_string(w, file->path());
    else w.Null();
    w.Key("span");
    if (file != nullptr) write_span(w, *file, e.span);
    else w.Null();
    w.Key("replacement"); write_json_string(w, e.replacement);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void write_finding(Writer& w, const lint::Diagnostic& d) {
  w.StartObject();
  w.Key("code"); write_json_string(w, d.code);
  w.Key("rule"); write_json_string(w, d.rule);
  w.Key("severity"); write_json_string(w, lint::to_string(d.severity));
  w.Key("file");
  if (d.file != nullptr) write_json_string(w, d.file->path());
  else w.Null();
  w.Key("span");
  if (d.file != nullptr) write_span(w, *d.file, d.span);
  else w.Null();
  w.Key("message"); write_json_string(w, d.message);
  w.Key("notes");
  w.StartArray();
  for (const std::string& note : d.notes) write_json_string(w, note);
  w.EndArray();
  w.Key("fixes");
  w.StartArray();
  for (const lint::Fix& fix : d.fixes) write_fix(w, d, fix);
  w.EndArray();
  w.EndObject();
}

void write_summary(Writer& w, const Counts& c, const ReportTail& tail) {
  w.StartObject();
  w.Key("errors"); w.Uint64(c.errors);
  w.Key("warnings"); w.Uint64(c.warnings);
  w.Key("info"); w.Uint64(c.info);
  w.Key("configs"); w.Uint64(tail.checked.size());
  w.Key("skipped"); w.Uint64(tail.skipped.size());
  w.EndObject();
}

// Each config's findings go to the output as soon as they are added: the
// document is {"version", "tool", "findings": [...], "checked", "skipped",
// "summary"}, with everything known only at the end after the findings.
// Head and tail are written as objects of their own and trimmed where they
// join the findings array, so every byte still comes from a JSON writer.
class JsonStream final : public ReportStream {
 public:
  JsonStream(const std::string& tool_version, std::FILE* out) : out_(out) {
    rapidjson::StringBuffer head;
    Writer w(head);
    w.StartObject();
    w.Key("version"); w.Uint(schema_version);
    w.Key("tool");
    w.StartObject();
    w.Key("name"); w.String("pflint");
    w.Key("version"); write_json_string(w, tool_version);
    w.EndObject();
    w.Key("findings");
    w.Null();  // stands for the array: written up to, not including, "null"
    std::fwrite(head.GetString(), 1, head.GetSize() - std::strlen("null"), out_);
    findings_writer_.StartArray();
  }

 protected:
  void write_findings(std::span<const lint::Diagnostic> findings) override {
    for (const lint::Diagnostic& d : findings) write_finding(findings_writer_, d);
    flush_findings();
  }

  void write_end(const ReportTail& tail) override {
    findings_writer_.EndArray();
    flush_findings();
    rapidjson::StringBuffer rest;
    Writer w(rest);
    w.StartObject();
    w.Key("checked");
    w.StartArray();
    for (const std::string& path : tail.checked) write_json_string(w, path);
    w.EndArray();
    w.Key("skipped");
    w.StartArray();
    for (const SkippedFile& s : tail.skipped) {
      w.StartObject();
      w.Key("path"); write_json_string(w, s.path);
      w.Key("reason"); write_json_string(w, s.reason);
      w.EndObject();
    }
    w.EndArray();
    w.Key("summary"); write_summary(w, counts(), tail);
    w.EndObject();
    // {"checked":... becomes ,"checked":... continuing the open object.
    std::fputc(',', out_);
    std::fwrite(rest.GetString() + 1, 1, rest.GetSize() - 1, out_);
    std::fputc('\n', out_);
  }

 private:
  // flush_findings - move what the findings writer produced to the output.
  void flush_findings() {
    std::fwrite(findings_.GetString(), 1, findings_.GetSize(), out_);
    findings_.Clear();
  }

  std::FILE* out_;
  rapidjson::StringBuffer findings_;  // cleared after every add(): holds one config's findings at most
  Writer findings_writer_{findings_};
};

}  // namespace

std::unique_ptr<ReportStream> open_json(const ReportHeader& header, std::FILE* out) {
  return std::make_unique<JsonStream>(header.tool_version, out);
}

}  // namespace pflint::report
