// NAME
//   props — the properties the libFuzzer targets check, beyond "no crash".
// DESCRIPTION
//   Each check calls fail() on a violation: a one-line message on stderr
//   ("fuzz property violated: ...") and __builtin_trap(), so libFuzzer saves
//   the input as a crash. The properties: a syntax tree reprints its input
//   byte for byte; every finding's span (and each fix edit's) lies inside its
//   file and on UTF-8 character boundaries; JSON and SARIF reports parse
//   with rapidjson; an edited text reparses without a fatal syntax error.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"
#include "syntax/tree.hpp"

namespace pflint::fuzz {

// fail - report a violated property and trap. The message goes to the
// standard error the process started with, even when libFuzzer has sent the
// target's own output to /dev/null (-close_fd_mask, which fuzz/run.sh uses).
[[noreturn]] void fail(std::string_view what);
inline void require(bool ok, std::string_view what) {
  if (!ok) fail(what);
}

// as_text - the fuzzer's bytes as a string.
std::string as_text(const std::uint8_t* data, std::size_t size);

// require_roundtrip - print(tree) == the source text.
void require_roundtrip(const syntax::SourceFile& source, const syntax::Tree& tree);

// on_utf8_boundary - `offset` is not strictly inside a well-formed UTF-8
// sequence of `text` (bytes of ill-formed sequences are each their own
// character, as a lossy decoder sees them).
bool on_utf8_boundary(std::string_view text, std::size_t offset);

// require_span - span inside `text` (begin <= end <= size), both ends on boundaries.
void require_span(std::string_view text, syntax::Span span, std::string_view what);

// require_findings - require_span for every finding and fix edit with a file.
void require_findings(std::span<const lint::Diagnostic> findings);

// require_json - the text is one JSON value (rapidjson); `what` names the report.
void require_json(std::string_view text, std::string_view what);

// capture - what `write` writes to a FILE*, in memory (open_memstream).
std::string capture(const std::function<void(std::FILE*)>& write);

// require_no_fatal_syntax - the text parses as `kind` without a syntax
// problem Postfix refuses to read (syntax::is_fatal_issue).
void require_no_fatal_syntax(std::string_view path, std::string text, syntax::FileKind kind, std::string_view what);

}  // namespace pflint::fuzz
