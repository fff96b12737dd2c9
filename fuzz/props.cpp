// NAME
//   props — the fuzz targets' property checks (see props.hpp).
#include "props.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unistd.h>

#include <cstdlib>

#include "syntax/fatal_issue.hpp"

namespace pflint::fuzz {

namespace {
// The original standard error, duplicated before libFuzzer closes it.
const int g_report_fd = ::dup(STDERR_FILENO);
}  // namespace

void fail(std::string_view what) {
  const std::string line = "fuzz property violated: " + std::string(what) + "\n";
  const int fd = g_report_fd >= 0 ? g_report_fd : STDERR_FILENO;
  (void)!::write(fd, line.data(), line.size());
  __builtin_trap();
}

std::string as_text(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? std::string() : std::string(reinterpret_cast<const char*>(data), size);
}

void require_roundtrip(const syntax::SourceFile& source, const syntax::Tree& tree) {
  require(syntax::print(source, tree) == source.text(), "the syntax tree does not reprint its input");
}

namespace {

bool continuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }

// sequence_length - the length of the well-formed UTF-8 sequence at `i`, or
// 1 for an ASCII byte or an ill-formed sequence (Unicode table 3-7).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = at(i);
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  if (i + n > text.size() || at(i + 1) < lo || at(i + 1) > hi) return 1;
  for (std::size_t k = 2; k < n; ++k) {
    if (!continuation(at(i + k))) return 1;
  }
  return n;
}

}  // namespace

bool on_utf8_boundary(std::string_view text, std::size_t offset) {
  if (offset == 0 || offset >= text.size()) return true;
  if (!continuation(static_cast<unsigned char>(text[offset]))) return true;
  // A continuation byte: inside a character when a lead byte up to 3 bytes
  // back starts a well-formed sequence that covers `offset`.
  for (std::size_t back = 1; back <= 3 && back <= offset; ++back) {
    const std::size_t lead = offset - back;
    if (continuation(static_cast<unsigned char>(text[lead]))) continue;
    return sequence_length(text, lead) <= back;
  }
  return true;
}

void require_span(std::string_view text, syntax::Span span, std::string_view what) {
  if (span.begin > span.end || span.end > text.size()) {
    fail(std::string(what) + ": span " + std::to_string(span.begin) + ".." + std::to_string(span.end) +
         " outside a file of " + std::to_string(text.size()) + " bytes");
  }
  if (!on_utf8_boundary(text, span.begin) || !on_utf8_boundary(text, span.end)) {
    fail(std::string(what) + ": span " + std::to_string(span.begin) + ".." + std::to_string(span.end) +
         " splits a UTF-8 character");
  }
}

void require_findings(std::span<const lint::Diagnostic> findings) {
  for (const lint::Diagnostic& d : findings) {
    const std::string what(d.code);
    if (d.file != nullptr) require_span(d.file->text(), d.span, what);
    for (const lint::Fix& f : d.fixes) {
      for (const lint::Edit& e : f.edits) {
        require(e.file != nullptr, what + ": a fix edit without a file");
        require_span(e.file->text(), e.span, what + " fix");
      }
    }
  }
}

void require_json(std::string_view text, std::string_view what) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    fail(std::string(what) + " output is not JSON: " + rapidjson::GetParseError_En(doc.GetParseError()) +
         " at offset " + std::to_string(doc.GetErrorOffset()));
  }
  require(doc.IsObject(), std::string(what) + " output is not a JSON object");
}

std::string capture(const std::function<void(std::FILE*)>& write) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&buffer, &size);
  require(out != nullptr, "open_memstream failed");
  write(out);
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);  // NOLINT(cppcoreguidelines-no-malloc): open_memstream's buffer
  return text;
}

void require_no_fatal_syntax(std::string_view path, std::string text, syntax::FileKind kind, std::string_view what) {
  const syntax::SourceFile source{std::string(path), std::move(text)};
  const syntax::Tree tree = syntax::parse(source, kind);
  for (const syntax::SyntaxDiagnostic& d : tree.diagnostics) {
    if (syntax::is_fatal_issue(d.issue)) fail(std::string(what) + ": the result has a fatal syntax error");
  }
}

}  // namespace pflint::fuzz
