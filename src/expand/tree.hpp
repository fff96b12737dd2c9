// NAME
//   tree — the parsed form of a Postfix parameter value with $name syntax.
// DESCRIPTION
//   A Text is what mac_parse() sees: literal runs and $ references, in order,
//   possibly ended by a tokenizer error. A Reference holds the parsed ${...}
//   body (an Expr); operands of an Expr are again Texts. Every Span is a byte
//   range relative to the value string that was parsed (operands are always
//   substrings of it). An Expr keeps its syntax error together with the
//   stage at which Postfix reports it, so that evaluation reports exactly
//   the errors Postfix meets on the branches it actually takes.
// SEE ALSO
//   src/expand/parse.hpp (builds it), src/expand/evaluate.hpp (walks it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pflint::expand {

// A half-open byte range [begin, end) in the parsed value string.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// A Postfix warning text, with the value bytes it is about.
struct Diag {
  std::string message;
  Span span;
};

struct Text;

// Operand - "{payload}" (braced) or the raw rest of a body (unbraced).
struct Operand {
  Span span;                    // the payload bytes (inside the braces)
  bool braced = false;
  std::shared_ptr<Text> text;   // the payload parsed as a text
};

enum class ExprKind : std::uint8_t { name, relational, function };
enum class RelOp : std::uint8_t { eq, ne, lt, le, gt, ge };
enum class Cond : std::uint8_t { none, if_set, if_unset };  // nothing, '?', ':'

// Where, in Postfix's order of work, a body's syntax error is reported.
enum class Stage : std::uint8_t {
  start,            // before any lookup or operand expansion
  after_condition,  // after the lookup / relational operands
  after_true,       // after the '?' operand
  after_false,      // after the ':' operand
};

struct Expr {
  ExprKind kind = ExprKind::name;
  std::string name;             // attribute or function name ("" allowed)
  Span name_span;
  RelOp op = RelOp::eq;         // relational only
  bool level_op = false;        // "<level" etc. (compat_level.c)
  Span op_span;
  std::optional<Operand> left;  // relational left operand, or function argument
  std::optional<Operand> right;
  Cond cond = Cond::none;
  std::optional<Operand> if_true;
  std::optional<Operand> if_false;
  std::optional<Diag> error;
  Stage error_stage = Stage::start;
};

enum class ItemKind : std::uint8_t { literal, reference, error };
enum class RefForm : std::uint8_t { bare, brace, paren };  // $name ${...} $(...)

struct Item {
  ItemKind kind = ItemKind::literal;
  Span span;                    // the source bytes of the item
  std::string literal;          // literal: the text with "$$" folded to "$"
  RefForm form = RefForm::bare; // reference only
  Span body;                    // reference: name or bracket contents
  std::string body_text;        // reference: body as Postfix hands it over
  Expr expr;                    // reference: the parsed body
  std::optional<Diag> error;    // error: tokenizer error, ends the text
};

struct Text {
  Span span;
  std::vector<Item> items;
};

}  // namespace pflint::expand
