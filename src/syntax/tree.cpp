// NAME
//   tree — printing, logical-line joining and small helpers of the tree.
#include "syntax/tree.hpp"

#include <algorithm>

#include "syntax/fatal_issue.hpp"
#include "syntax/tree_builder.hpp"
#include "util/ascii.hpp"

namespace pflint::syntax {

bool is_fatal_issue(SyntaxIssue issue) {
  return issue == SyntaxIssue::missing_equals || issue == SyntaxIssue::missing_name ||
         issue == SyntaxIssue::bad_field_count;
}

bool Tree::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const SyntaxDiagnostic& d) { return d.severity == Severity::error; });
}

FileKind guess_kind(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return base.find("master") != std::string_view::npos ? FileKind::master_cf : FileKind::main_cf;
}

namespace {
// ensure_tiling - a safety net: if the grammar ever left bytes unclaimed,
// keep them as an error item so printing still reproduces the input.
void ensure_tiling(const SourceFile& source, Tree& tree) {
  const std::uint32_t covered = tree.tokens.empty() ? 0 : tree.tokens.back().span.end;
  if (covered >= source.size()) return;
  const Span rest{covered, source.size()};
  Item item;
  item.kind = ItemKind::error;
  item.first_token = static_cast<std::uint32_t>(tree.tokens.size());
  item.token_count = 1;
  item.span = rest;
  tree.tokens.push_back(Token{TokenKind::error, rest});
  tree.items.push_back(item);
  tree.diagnostics.push_back(
      SyntaxDiagnostic{SyntaxIssue::missing_equals, Severity::error, rest, "internal error: text not understood"});
}
}  // namespace

Tree parse(const SourceFile& source, FileKind kind) {
  Tree tree = kind == FileKind::master_cf ? parse_master_cf(source) : parse_main_cf(source);
  ensure_tiling(source, tree);
  return tree;
}

std::string print(const SourceFile& source, const Tree& tree) {
  std::string out;
  out.reserve(source.size());
  for (const Token& t : tree.tokens) out.append(source.slice(t.span));
  return out;
}

namespace {
using util::is_line_blank;

// skipped_line_end - if text[i..] is a comment or whitespace-only line, the
// index just past its '\n' (or text.size()); otherwise npos.
std::size_t skipped_line_end(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size() && is_line_blank(text[j])) ++j;
  if (j < text.size() && text[j] != '\n' && text[j] != '#') return std::string_view::npos;
  const std::size_t nl = text.find('\n', j);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

// join_logical - append the pieces of `span`'s logical text to `out`,
// calling on_piece(logical_begin, file_begin) for each.
template <typename OnPiece>
void join_logical(const SourceFile& source, Span span, std::string& out, OnPiece&& on_piece) {
  const std::string_view text = source.slice(span);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t nl = text.find('\n', i);
    const std::size_t piece_end = nl == std::string_view::npos ? text.size() : nl;
    if (piece_end > i) {
      on_piece(static_cast<std::uint32_t>(out.size()), span.begin + static_cast<std::uint32_t>(i));
      out.append(text.substr(i, piece_end - i));
    }
    if (nl == std::string_view::npos) break;
    i = nl + 1;
    // Comment and blank lines after a line break do not end the logical line.
    for (std::size_t next; i < text.size() && (next = skipped_line_end(text, i)) != std::string_view::npos;) i = next;
  }
}
}  // namespace

LogicalText logical_text(const SourceFile& source, Span span) {
  LogicalText out;
  join_logical(source, span, out.text, [&](std::uint32_t logical_begin, std::uint32_t file_begin) {
    out.pieces.push_back({logical_begin, file_begin});
  });
  return out;
}

std::string logical_string(const SourceFile& source, Span span) {
  std::string out;
  out.reserve(span.size());  // joining only drops bytes
  join_logical(source, span, out, [](std::uint32_t, std::uint32_t) {});
  return out;
}

std::uint32_t LogicalText::file_offset(std::uint32_t i) const {
  if (pieces.empty()) return 0;
  auto it = std::upper_bound(pieces.begin(), pieces.end(), i,
                             [](std::uint32_t v, const Piece& p) { return v < p.logical_begin; });
  if (it != pieces.begin()) --it;
  return it->file_begin + (i - it->logical_begin);
}

std::string postfix_value(const SourceFile& source, const Item& item) {
  std::string value = logical_string(source, item.value);
  if (const auto nul = value.find('\0'); nul != std::string::npos) value.resize(nul);
  while (!value.empty() && util::is_space(value.back())) value.pop_back();
  return value;
}

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::newline: return "newline";
    case TokenKind::space: return "space";
    case TokenKind::comment: return "comment";
    case TokenKind::blank: return "blank";
    case TokenKind::name: return "name";
    case TokenKind::equals: return "equals";
    case TokenKind::value: return "value";
    case TokenKind::field: return "field";
    case TokenKind::command: return "command";
    case TokenKind::option: return "option";
    case TokenKind::argument: return "argument";
    case TokenKind::brace_open: return "brace_open";
    case TokenKind::brace_close: return "brace_close";
    case TokenKind::error: return "error";
  }
  return "?";
}

std::string_view to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::comment: return "comment";
    case ItemKind::blank: return "blank";
    case ItemKind::parameter: return "parameter";
    case ItemKind::service: return "service";
    case ItemKind::ignored: return "ignored";
    case ItemKind::error: return "error";
  }
  return "?";
}

namespace detail {

std::string logical_line_text(const SourceFile& source, Span span) {
  std::string text = logical_string(source, span);
  while (!text.empty() && is_line_blank(text.back())) text.pop_back();
  return text;
}

void diagnose_nul_bytes(TreeBuilder& b, const Item& item) {
  const std::string_view text = b.source.slice(item.span);
  const auto nul = text.find('\0');
  if (nul == std::string_view::npos) return;
  const auto at = item.span.begin + static_cast<std::uint32_t>(nul);
  b.diagnose(SyntaxIssue::nul_byte, Severity::warning, Span{at, at + 1}, "text after null byte may be ignored");
}

void diagnose_leading_whitespace(TreeBuilder& b, const Item& item) {
  const std::string text = logical_line_text(b.source, item.span);
  const bool long_line = text.size() > 30;
  b.diagnose(SyntaxIssue::leading_whitespace, Severity::warning, item.span,
             "logical line must not start with whitespace: \"" + text.substr(0, 30) + (long_line ? "..." : "") +
                 "\" (Postfix ignores this line)");
  diagnose_nul_bytes(b, item);
}

}  // namespace detail
}  // namespace pflint::syntax
