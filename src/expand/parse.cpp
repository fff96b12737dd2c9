// NAME
//   parse — build the expansion tree, one mac_parse()/mac_expand() level at
//   a time, with the grammar rules of grammar/expansion.hpp as matchers.
// DESCRIPTION
//   parse_text() mirrors mac_parse(): literal runs (with "$$" folded), then
//   references, stopping at the first tokenizer error. parse_body() mirrors
//   the body parsing of mac_expand_callback() and mac_exp_parse_relational(),
//   step by step, so that each error carries Postfix's text and the stage at
//   which Postfix reports it.
// SEE ALSO
//   src/util/mac_parse.c, src/util/mac_expand.c in the Postfix source.
#include "expand/parse.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "grammar/expansion.hpp"

namespace pflint::expand {
namespace {

namespace g = pflint::grammar::expansion;
namespace pegtl = tao::pegtl;

using u32 = std::uint32_t;

// match_at - end offset of Rule matched at `pos` in `s`, or nullopt.
template <typename Rule>
std::optional<u32> match_at(std::string_view s, u32 pos) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(s.data() + pos, s.size() - pos, "");
  if (!pegtl::parse<Rule>(in)) {
    return std::nullopt;
  }
  return static_cast<u32>(in.current() - s.data());
}

bool is_ws(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

// first20 - Postfix's "%.20s" of the text at pos.
std::string first20(std::string_view s, u32 pos) { return std::string(s.substr(pos, 20)); }

std::string dq(std::string_view s) { return "\"" + std::string(s) + "\""; }

class Parser {
 public:
  Parser(std::string_view value, const ParseOptions& options, std::vector<Diag>& diags)
      : value_(value), options_(options), diags_(diags) {}

  std::shared_ptr<Text> parse_text(u32 begin, u32 end, u32 depth);

 private:
  Diag note(std::string message, u32 begin, u32 end) {
    Diag d{std::move(message), Span{begin, end}};
    diags_.push_back(d);
    return d;
  }
  void add_error_item(Text& text, std::string message, u32 begin, u32 end);
  Item parse_reference(u32 pos, u32 end_of_ref, u32 depth);
  Expr parse_body(u32 begin, u32 end, u32 depth);
  bool parse_relational(Expr& e, u32& cp, u32 end, u32 depth);
  bool parse_name(Expr& e, u32& cp, u32 begin, u32 end, u32 depth);
  void parse_tail(Expr& e, u32 cp, u32 end, u32 depth);
  std::optional<u32> payload_end(u32 pos, u32 end) {
    return match_at<g::payload>(value_.substr(0, end), pos);
  }
  Operand make_operand(u32 begin, u32 end, bool braced, u32 depth) {
    return Operand{Span{begin, end}, braced, parse_text(begin, end, depth + 1)};
  }
  u32 skip_ws(u32 pos, u32 end) const {
    while (pos < end && is_ws(value_[pos])) {
      ++pos;
    }
    return pos;
  }
  std::string_view slice(u32 begin, u32 end) const { return value_.substr(begin, end - begin); }

  std::string_view value_;
  const ParseOptions& options_;
  std::vector<Diag>& diags_;
};

void Parser::add_error_item(Text& text, std::string message, u32 begin, u32 end) {
  Item item;
  item.kind = ItemKind::error;
  item.span = Span{begin, end};
  item.error = note(std::move(message), begin, end);
  text.items.push_back(std::move(item));
}

// parse_text - mac_parse(): split [begin, end) into literals and references.
std::shared_ptr<Text> Parser::parse_text(u32 begin, u32 end, u32 depth) {
  auto text = std::make_shared<Text>();
  text->span = Span{begin, end};
  if (depth > options_.max_depth) {
    add_error_item(*text, "unreasonable macro call nesting: " + dq(slice(begin, end)), begin, end);
    return text;
  }
  const std::string_view sub = value_.substr(0, end);
  Item lit;
  lit.span = Span{begin, begin};
  auto flush = [&](u32 at) {
    if (!lit.literal.empty()) {
      lit.span.end = at;
      text->items.push_back(std::move(lit));
    }
    lit = Item{};
    lit.span = Span{at, at};
  };
  u32 pos = begin;
  while (pos < end) {
    if (sub[pos] != '$') {
      const u32 stop = static_cast<u32>(std::min<std::size_t>(sub.find('$', pos), end));
      lit.literal.append(sub.substr(pos, stop - pos));
      pos = stop;
    } else if (match_at<g::dollar_dollar>(sub, pos)) {
      lit.literal.push_back('$');
      pos += 2;
    } else {
      flush(pos);
      if (const auto ref_end = match_at<g::reference>(sub, pos)) {
        if (sub[pos + 1] == '{' || sub[pos + 1] == '(') {
          if (*ref_end - pos == 3) {  // "${}" or "$()"
            add_error_item(*text, "empty macro name: " + dq(slice(begin, end)), pos, *ref_end);
            return text;
          }
        }
        text->items.push_back(parse_reference(pos, *ref_end, depth));
        pos = *ref_end;
        lit.span = Span{pos, pos};
      } else if (match_at<g::truncated_ref>(sub, pos)) {
        add_error_item(*text, "truncated macro reference: " + dq(slice(begin, end)), pos, end);
        return text;
      } else {
        add_error_item(*text, "empty macro name: " + dq(slice(begin, end)), pos,
                       std::min(pos + 2, end));
        return text;
      }
    }
  }
  flush(end);
  return text;
}

// parse_reference - one $name, ${...} or $(...) at [pos, ref_end).
Item Parser::parse_reference(u32 pos, u32 ref_end, u32 depth) {
  Item item;
  item.kind = ItemKind::reference;
  item.span = Span{pos, ref_end};
  const char open = value_[pos + 1];
  if (open == '{' || open == '(') {
    item.form = open == '{' ? RefForm::brace : RefForm::paren;
    item.body = Span{pos + 2, ref_end - 1};
  } else {
    item.body = Span{pos + 1, ref_end};
  }
  item.body_text = std::string(slice(item.body.begin, item.body.end));
  if (item.form == RefForm::bare) {
    item.expr.name = item.body_text;
    item.expr.name_span = item.body;
  } else {
    item.expr = parse_body(item.body.begin, item.body.end, depth);
  }
  return item;
}

// parse_body - the body of ${...}: relational, function call, or name.
Expr Parser::parse_body(u32 begin, u32 end, u32 depth) {
  Expr e;
  u32 cp = begin;
  const u32 first = skip_ws(cp, end);
  if (first < end && value_[first] == '{') {
    cp = first;
    if (!parse_relational(e, cp, end, depth)) {
      return e;
    }
  } else if (!parse_name(e, cp, begin, end, depth)) {
    return e;
  }
  parse_tail(e, cp, end, depth);
  return e;
}

const char* const k_op_any = R"("==" or "!="" or "<"" or "<="" or ">="" or ">")";

std::optional<RelOp> rel_op_from(std::string_view op) {
  if (op == "==") return RelOp::eq;
  if (op == "!=") return RelOp::ne;
  if (op == "<") return RelOp::lt;
  if (op == "<=") return RelOp::le;
  if (op == ">") return RelOp::gt;
  if (op == ">=") return RelOp::ge;
  return std::nullopt;
}

// parse_relational - "{left} OP[level] {right}" then '?' / ':' or the end.
bool Parser::parse_relational(Expr& e, u32& cp, u32 end, u32 depth) {
  e.kind = ExprKind::relational;
  auto fail = [&](std::string message, u32 at, Stage stage = Stage::start) {
    e.error = note(std::move(message), at, end);
    e.error_stage = stage;
    return false;
  };
  const auto left_end = payload_end(cp, end);
  if (!left_end) {
    return fail("unbalanced {} in attribute expression: " + dq(slice(cp, end)), cp);
  }
  e.left = make_operand(cp + 1, *left_end - 1, true, depth);
  const std::string left_text(slice(cp + 1, *left_end - 1));
  cp = skip_ws(*left_end, end);
  const u32 op_pos = cp;
  const u32 op_end = *match_at<g::op_chars>(value_.substr(0, end), cp);
  const std::string op(slice(op_pos, op_end));
  e.op_span = Span{op_pos, op_end};
  const auto tok = rel_op_from(op);
  if (!tok) {
    return fail(std::string(k_op_any) + " expected at: \"..." + left_text + "}>>>" + first20(slice(0, end), cp) + "\"",
                op_pos);
  }
  e.op = *tok;
  cp = op_end;
  if (options_.allow_level_ops && cp < end && std::isalnum(static_cast<unsigned char>(value_[cp])) != 0 &&
      static_cast<unsigned char>(value_[cp]) < 0x80) {
    const u32 suffix_end = *match_at<g::op_suffix>(value_.substr(0, end), cp);
    if (slice(cp, suffix_end) != "level") {
      return fail("bad operator suffix at: \"..." + op + ">>>" + std::string(slice(cp, suffix_end)) + "\"", cp);
    }
    e.level_op = true;
    cp = suffix_end;
    e.op_span.end = cp;
  }
  const u32 right_pos = skip_ws(cp, end);
  if (right_pos >= end || value_[right_pos] != '{') {
    return fail("\"{expression}\" expected at: \"...{" + left_text + "} " + op + ">>>" +
                    first20(slice(0, end), cp) + "\"",
                cp);
  }
  const auto right_end = payload_end(right_pos, end);
  if (!right_end) {
    return fail("unbalanced {} in attribute expression: " + dq(slice(right_pos, end)), right_pos);
  }
  e.right = make_operand(right_pos + 1, *right_end - 1, true, depth);
  cp = skip_ws(*right_end, end);
  if (cp < end) {
    if (value_[cp] != '?' && value_[cp] != ':') {
      return fail("\"?\" or \":\" expected at: \"...}>>>" + first20(slice(0, end), cp) + "\"", cp,
                  Stage::after_condition);
    }
    e.cond = value_[cp] == '?' ? Cond::if_set : Cond::if_unset;
    ++cp;
  }
  return true;
}

// parse_name - " name " then '?' / ':' or the end; or (3.11+) "name{arg}".
bool Parser::parse_name(Expr& e, u32& cp, u32 begin, u32 end, u32 depth) {
  const u32 start = skip_ws(cp, end);
  for (cp = start;; ++cp) {
    const u32 next = skip_ws(cp, end);
    if (next == end) {
      e.name_span = Span{start, cp};
      cp = end;
      break;
    }
    if (value_[next] == '?' || value_[next] == ':') {
      e.name_span = Span{start, cp};
      e.cond = value_[next] == '?' ? Cond::if_set : Cond::if_unset;
      cp = next + 1;
      break;
    }
    const char ch = value_[cp];
    if (ch == '{' && options_.allow_functions && cp > start) {
      e.kind = ExprKind::function;
      e.name_span = Span{start, cp};
      e.name = std::string(slice(start, cp));
      if (!is_known_function(e.name)) {
        e.error = note("unknown function: " + dq(e.name), start, cp);
        return false;
      }
      const auto arg_end = payload_end(cp, end);
      if (!arg_end) {
        e.error = note("unbalanced {} in attribute expression: " + dq(slice(cp, end)), cp, end);
        return false;
      }
      e.left = make_operand(cp + 1, *arg_end - 1, true, depth);
      const u32 rest = skip_ws(*arg_end, end);
      if (rest < end) {
        e.error = note("unexpected input at: \"..." + std::string(slice(cp + 1, *arg_end - 1)) + "}>>>" +
                           first20(slice(0, end), rest) + "\"",
                       rest, end);
        e.error_stage = Stage::after_condition;
      }
      return false;
    }
    if (std::isalnum(static_cast<unsigned char>(ch)) == 0 || static_cast<unsigned char>(ch) >= 0x80) {
      if (ch != '_') {
        e.error = note("attribute name syntax error at: \"..." + std::string(slice(begin, cp)) + ">>>" +
                           first20(slice(0, end), cp) + "\"",
                       cp, end);
        return false;
      }
    }
  }
  e.name = std::string(slice(e.name_span.begin, e.name_span.end));
  return true;
}

// parse_tail - the operands after '?' and/or ':' (mac_expand_callback).
void Parser::parse_tail(Expr& e, u32 cp, u32 end, u32 depth) {
  auto fail = [&](std::string message, u32 at, Stage stage) {
    e.error = note(std::move(message), at, end);
    e.error_stage = stage;
  };
  // operand - braced (after optional whitespace) or the raw rest.
  auto operand = [&](Stage unbalanced_stage) -> std::optional<Operand> {
    const u32 open = skip_ws(cp, end);
    if (open < end && value_[open] == '{') {
      const auto close = payload_end(open, end);
      if (!close) {
        fail("unbalanced {} in attribute expression: " + dq(slice(open, end)), open, unbalanced_stage);
        return std::nullopt;
      }
      Operand op = make_operand(open + 1, *close - 1, true, depth);
      cp = skip_ws(*close, end);
      return op;
    }
    Operand op = make_operand(cp, end, false, depth);
    cp = end;
    return op;
  };
  Stage false_stage = Stage::after_condition;
  if (e.cond == Cond::if_set) {
    e.if_true = operand(Stage::after_condition);
    if (!e.if_true || cp == end) {
      return;
    }
    if (value_[cp] != ':') {
      fail("\":\" expected at: \"..." + std::string(slice(e.if_true->span.begin, e.if_true->span.end)) + "}>>>" +
               first20(slice(0, end), cp) + "\"",
           cp, Stage::after_true);
      return;
    }
    ++cp;
    false_stage = Stage::after_true;
  } else if (e.cond != Cond::if_unset) {
    return;
  }
  e.if_false = operand(false_stage);
  if (e.if_false && cp < end) {
    fail("unexpected input at: \"..." + std::string(slice(e.if_false->span.begin, e.if_false->span.end)) + "}>>>" +
             first20(slice(0, end), cp) + "\"",
         cp, Stage::after_false);
  }
}

}  // namespace

bool is_known_function(std::string_view name) { return name == "domain_to_ascii" || name == "domain_to_utf8"; }

ParseResult parse(std::string_view value, const ParseOptions& options) {
  ParseResult result;
  Parser parser(value, options, result.diagnostics);
  result.root = parser.parse_text(0, static_cast<u32>(value.size()), 0);
  return result;
}

}  // namespace pflint::expand
