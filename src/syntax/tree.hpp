// NAME
//   tree — the lossless syntax tree of a main.cf or master.cf file.
// DESCRIPTION
//   Tokens tile the file: every byte belongs to exactly one token, in file
//   order, so printing the tokens reproduces the input byte for byte. Items
//   group the tokens of one top-level unit: a comment line, a blank line, a
//   logical line (a main.cf parameter or a master.cf service entry with its
//   continuation lines and the comment/blank lines skipped inside them), an
//   ignored first line, or a malformed logical line kept as an error item.
//   Semantic spans (name, '=', value, master.cf fields, -o overrides) point
//   into the same bytes; logical_text() joins them as Postfix's readllines()
//   does. The tree knows nothing about parameter meaning.
// DIAGNOSTICS
//   Syntax problems are collected in Tree::diagnostics, one per problem, and
//   never stop the parse.
// SEE ALSO
//   src/util/readlline.c, src/util/split_nameval.c, src/master/master_ent.c
//   and src/postconf/postconf_master.c in the Postfix source.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/severity.hpp"
#include "syntax/source.hpp"

namespace pflint::syntax {

inline constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

enum class TokenKind : std::uint8_t {
  newline,      // the '\n' that ends a physical line
  space,        // whitespace inside a logical line (also a continuation's indent)
  comment,      // a whole comment line ('#' first non-blank), without its '\n'
  blank,        // the whitespace of a whitespace-only line
  name,         // a main.cf parameter name, or the name of a -o override
  equals,       // the '=' after a name
  value,        // value text: main.cf (one piece per physical line) or -o value
  field,        // master.cf fields 1-7 (service ... process_limit)
  command,      // master.cf field 8, the command name
  option,       // master.cf daemon option word such as "-o", "-v", "-vo", "--"
  argument,     // master.cf argument; a { } group in it may span lines
  brace_open,   // '{' that opens a long-form -o { name = value }
  brace_close,  // '}' that closes it
  error,        // text of a malformed logical line
};

struct Token {
  TokenKind kind;
  Span span;
};

enum class ItemKind : std::uint8_t {
  comment,    // comment line (top level)
  blank,      // blank or whitespace-only line (top level)
  parameter,  // main.cf name = value
  service,    // master.cf entry
  ignored,    // main.cf first logical line that starts with whitespace
  error,      // malformed logical line (see Tree::diagnostics)
};

struct Item {
  ItemKind kind = ItemKind::blank;
  std::uint32_t first_token = 0;
  std::uint32_t token_count = 0;
  Span span{};                // all bytes of the item, including its final '\n'
  Span name{};                // parameter: the name
  Span equals{};              // parameter: the '='
  Span value{};               // parameter: first to last value byte (may cross lines; empty = empty value)
  std::uint32_t service = npos;  // service: index into Tree::services
};

// One -o override of a master.cf entry.
struct Override {
  Span option{};  // "-o" (or the "-vo"/"-o" prefix of a combined word)
  Span name{};    // parameter name
  Span equals{};  // '='
  Span value{};   // value text (inside the braces for the long form)
  Span whole{};   // the whole argument after the option: "name=value" or "{ ... }"
  bool braced = false;
};

// How an argument after the command is understood (postconf's view).
enum class ArgKind : std::uint8_t {
  option,    // a daemon option other than -o, e.g. "-v", "--"
  override,  // a -o setting (Service::overrides[index])
  plain,     // a command argument (after the options), or a bad -o value
};

struct Arg {
  ArgKind kind;
  Span span;                      // the option word, or the argument word/group
  std::uint32_t override_index = npos;
};

enum class Field : std::uint8_t { service, type, private_, unprivileged, chroot, wakeup, process_limit, command };
inline constexpr std::array<std::string_view, 8> field_names = {
    "service", "type", "private", "unprivileged", "chroot", "wakeup", "process_limit", "command"};

struct Service {
  std::uint32_t item = npos;
  std::array<Span, 8> fields{};   // indexed by Field
  std::vector<Arg> args;          // everything after the command, in order
  std::vector<Override> overrides;
};


// Stable identities of syntax problems; rules/ gives them PF1xxx codes.
enum class SyntaxIssue : std::uint8_t {
  missing_equals,        // "foo bar" — Postfix: missing '=' after attribute name (fatal)
  missing_name,          // "=value" — Postfix: missing attribute name (fatal)
  leading_whitespace,    // first logical line starts with whitespace (ignored, warning)
  nul_byte,              // text after a NUL byte may be ignored
  bad_field_count,       // master.cf entry with fewer than 8 fields
  bad_override,          // -o without a name=value
  unbalanced_braces,     // { } that do not pair up
  missing_override_value,  // -o at the end of the line
};

struct SyntaxDiagnostic {
  SyntaxIssue issue;
  Severity severity;
  Span span;
  std::string message;
};

enum class FileKind : std::uint8_t { main_cf, master_cf };

struct Tree {
  FileKind kind = FileKind::main_cf;
  std::vector<Token> tokens;
  std::vector<Item> items;
  std::vector<Service> services;
  std::vector<SyntaxDiagnostic> diagnostics;

  [[nodiscard]] bool has_errors() const;
};

// Parse a whole file. Never throws on bad input; problems become diagnostics.
Tree parse_main_cf(const SourceFile& source);
Tree parse_master_cf(const SourceFile& source);
Tree parse(const SourceFile& source, FileKind kind);
// guess_kind - master.cf if the file name says so, else main.cf.
FileKind guess_kind(std::string_view path);

// print - the tokens concatenated: equal to source.text() for a sound tree.
std::string print(const SourceFile& source, const Tree& tree);

// Text of a span joined as readllines() joins a logical line: each '\n' and
// the comment/blank lines after it are dropped; everything else is kept.
struct LogicalText {
  struct Piece {
    std::uint32_t logical_begin;  // index in text
    std::uint32_t file_begin;     // byte offset in the file
  };
  std::string text;
  std::vector<Piece> pieces;
  // file_offset - the file byte offset of logical index `i` (i may equal text.size()).
  [[nodiscard]] std::uint32_t file_offset(std::uint32_t i) const;
};
LogicalText logical_text(const SourceFile& source, Span span);
// logical_string - logical_text(source, span).text, without the piece index.
std::string logical_string(const SourceFile& source, Span span);

// postfix_value - the value Postfix stores for a parameter item: the joined
// value, cut at a NUL byte (C strings), trailing whitespace trimmed.
std::string postfix_value(const SourceFile& source, const Item& item);

std::string_view to_string(TokenKind kind);
std::string_view to_string(ItemKind kind);

}  // namespace pflint::syntax
