// PF1009 carriage-return — CR characters (CRLF line endings) in a config file.
#include "lint/context.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF1009_info;
const lint::RuleInfo PF1009_info{
    .code = "PF1009",
    .name = "carriage-return",
    .severity = lint::Severity::info,
    .summary = "the file has Windows (CRLF) line endings",
    .doc = R"md(## What it flags
Carriage-return characters in main.cf or master.cf, typically from a file
saved with Windows line endings.

## Why it matters
Postfix treats the CR as whitespace. At the end of a line it is trimmed and
does no harm, but inside a value that continues over several lines it stays
in the value; single-valued settings then hold a stray control character,
and other tools (diff, grep, configuration management) disagree with Postfix
about the text.

## Problematic config
A file whose lines end in `\r\n` (`file main.cf` says "with CRLF line
terminators").

## Correct config
The same file with `\n` line endings.

## Exceptions
None.

## How to fix
Convert the file: `sed -i 's/\r$//' main.cf` (or `dos2unix main.cf`).

## Fix
The fix deletes every carriage return of the file. It is **safe**: at the
end of a line Postfix already treats the byte as trailing white space, and
inside a continued value it is the stray byte the finding is about.
)md",
    .fix = lint::FixClass::safe,
};

void check_PF1009(lint::CheckContext& context) {
  for (const auto* file : {&context.files().main_file, &context.files().master_file}) {
    if (!*file) continue;
    const std::string_view text = (*file)->source.text();
    const auto cr = text.find('\r');
    if (cr == std::string_view::npos) continue;
    const auto at = static_cast<std::uint32_t>(cr);
    const syntax::SourceFile* source = &(*file)->source;
    lint::Diagnostic& d = context.report(source, syntax::Span{at, at + 1},
                                         "carriage return (Windows line ending); Postfix keeps it inside continued "
                                         "values");
    // Safe (see the doc): one fix deleting every CR of the file.
    lint::Fix fix{"Remove the carriage returns (Unix line endings)", {}, true};
    for (std::size_t i = cr; i != std::string_view::npos; i = text.find('\r', i + 1)) {
      const auto b = static_cast<std::uint32_t>(i);
      fix.edits.push_back({source, {b, b + 1}, ""});
    }
    d.fixes.push_back(std::move(fix));
  }
}

}  // namespace pflint::rules
