// NAME
//   evaluate — walk an expansion tree the way mac_expand_callback() does.
// DESCRIPTION
//   A Frame is one MAC_EXP_CONTEXT: output buffer, status bits and nesting
//   level. Relational operands get a fresh Frame (Postfix calls mac_expand()
//   for them); looked-up values and ?: operands reuse the current one. The
//   level counter, including its leak on an early error return, follows
//   Postfix so that the same warnings come out the same number of times.
// SEE ALSO
//   src/util/mac_expand.c (mac_expand_callback, mac_exp_parse_relational).
#include "expand/evaluate.hpp"

#include <fmt/core.h>

#include <set>
#include <utility>

#include "expand/compare.hpp"
#include "expand/parse.hpp"

namespace pflint::expand {
namespace {

constexpr int k_error = 1;  // MAC_PARSE_ERROR
constexpr int k_undef = 2;  // MAC_PARSE_UNDEF
constexpr int k_max_level = 100;

struct Fatal {
  std::string message;
  bool too_large = false;
};

// item_text - what Postfix's callback buffer holds for an item.
const std::string& item_text(const Item& item) {
  return item.kind == ItemKind::literal ? item.literal : item.body_text;
}

struct Frame {
  std::string* out;
  int status = 0;
  int level = 0;
};

class Evaluator {
 public:
  Evaluator(const Lookup& lookup, const EvalOptions& options, Result& result)
      : lookup_(lookup), options_(options), result_(result) {}

  void text(Frame& f, const Text& t);
  int expand_fresh(const Text& t, std::string& out) {
    Frame f{&out};
    text(f, t);
    return f.status;
  }

 private:
  void warn(Frame& f, std::string message) {
    result_.warnings.push_back(std::move(message));
    f.status |= k_error;
  }
  void callback(Frame& f, const Item& item);
  bool expr(Frame& f, const Item& item);
  bool condition(Frame& f, const Item& item, std::optional<std::string>& value);
  bool stage_error(Frame& f, const Expr& e, Stage stage) {
    if (e.error && e.error_stage == stage) {
      warn(f, e.error->message);
      return true;
    }
    return false;
  }
  std::optional<std::string> look(const Item& item, const std::string& name, LookupMode mode);
  void recurse(Frame& f, const std::string& value);
  void call_function(Frame& f, const Expr& e);

  const Lookup& lookup_;
  const EvalOptions& options_;
  Result& result_;
  std::set<std::string> undefined_seen_;
  std::uint32_t frames_ = 0;   // nested text() calls, the hard bound
  std::uint32_t foreign_ = 0;  // > 0 while inside a looked-up value
  std::uint32_t lookups_ = 0;  // lookups so far, against max_lookups
};

// text - mac_parse(): one callback per item; tokenizer errors end the text.
void Evaluator::text(Frame& f, const Text& t) {
  if (++frames_ > options_.max_frames) {
    warn(f, "unreasonable macro call nesting: \"" + (t.items.empty() ? std::string() : item_text(t.items.front())) +
                "\"");
    --frames_;
    return;
  }
  for (std::size_t i = 0; i < t.items.size(); ++i) {
    const Item& item = t.items[i];
    if (item.kind == ItemKind::error) {
      warn(f, item.error->message);
      break;
    }
    const bool final_literal = item.kind == ItemKind::literal && i + 1 == t.items.size();
    if (final_literal && (f.status & k_error) != 0) {
      break;  // mac_parse() drops trailing text after an error
    }
    callback(f, item);
  }
  --frames_;
}

// callback - mac_expand_callback(): nesting check, then literal or reference.
void Evaluator::callback(Frame& f, const Item& item) {
  if (lookups_ > options_.max_lookups || f.out->size() > options_.max_output) {
    throw Fatal{fmt::format("stopped after {} lookups and {} bytes: it grows past pflint's bound of {} "
                            "lookups or {} bytes, and Postfix would not finish it",
                            lookups_, f.out->size(), options_.max_lookups, options_.max_output),
                true};
  }
  if (f.level++ > k_max_level) {
    warn(f, "unreasonable macro call nesting: \"" + item_text(item) + "\"");
  }
  if ((f.status & k_error) != 0) {
    return;
  }
  if (item.kind == ItemKind::literal) {
    if (!options_.scan) {
      f.out->append(item.literal);
    }
  } else if (!expr(f, item)) {
    return;  // error return: Postfix leaves the level raised
  }
  --f.level;
}

std::optional<std::string> Evaluator::look(const Item& item, const std::string& name, LookupMode mode) {
  ++lookups_;
  std::optional<std::string> value = lookup_(name, mode);
  if (!value && undefined_seen_.insert(name).second) {
    result_.undefined_names.push_back(name);
  }
  if (foreign_ == 0) {
    result_.references.push_back(NameRef{name, item.span, value.has_value()});
  }
  return value;
}

// condition - the lookup or the relational operator; false on error return.
bool Evaluator::condition(Frame& f, const Item& item, std::optional<std::string>& value) {
  const Expr& e = item.expr;
  if (e.kind == ExprKind::name) {
    value = look(item, e.name, e.cond == Cond::none ? LookupMode::use : LookupMode::test);
    return true;
  }
  std::string left;
  std::string right;
  f.status |= expand_fresh(*e.left->text, left);
  f.status |= expand_fresh(*e.right->text, right);
  if (!options_.scan) {
    const CompareResult r = e.level_op ? compare_levels(left, e.op, right) : compare_values(left, e.op, right);
    if (r.fatal) {
      throw Fatal{*r.fatal};
    }
    if (r.warning) {
      warn(f, *r.warning);
    }
    if ((f.status & k_error) == 0) {
      value = r.value ? "true" : "";
    }
  }
  return (f.status & k_error) == 0;
}

// expr - one ${...} body; false on an error return.
bool Evaluator::expr(Frame& f, const Item& item) {
  const Expr& e = item.expr;
  if (stage_error(f, e, Stage::start)) {
    return false;
  }
  if (e.kind == ExprKind::function) {
    call_function(f, e);
    return (f.status & k_error) == 0;
  }
  std::optional<std::string> value;
  if (!condition(f, item, value) || stage_error(f, e, Stage::after_condition)) {
    return false;
  }
  const bool non_empty = value && !value->empty();
  if (e.cond == Cond::if_set) {
    if (non_empty || options_.scan) {
      text(f, *e.if_true->text);
    }
    if (stage_error(f, e, Stage::after_true)) {
      return false;
    }
  }
  if (e.if_false) {
    if (!non_empty || options_.scan) {
      text(f, *e.if_false->text);
    }
    return !stage_error(f, e, Stage::after_false);
  }
  if (e.cond == Cond::none) {
    if (!value) {
      f.status |= k_undef;
    } else if (!value->empty() && !options_.scan) {
      if (options_.recursive) {
        recurse(f, *value);
      } else {
        f.out->append(*value);
      }
    }
  }
  return true;
}

// recurse - expand a looked-up value in the same frame.
void Evaluator::recurse(Frame& f, const std::string& value) {
  // A looked-up value without '$' is one literal: append it, unless the
  // nesting bounds would warn about it (then take the general path).
  if (value.find('$') == std::string::npos && frames_ < options_.max_frames && f.level <= k_max_level &&
      (f.status & k_error) == 0) {
    f.out->append(value);
    return;
  }
  ParseOptions po;
  po.allow_functions = options_.allow_functions;
  po.allow_level_ops = options_.allow_level_ops;
  po.max_depth = options_.max_frames;
  const ParseResult parsed = parse(value, po);
  ++foreign_;
  text(f, *parsed.root);
  --foreign_;
}

// call_function - ${name{text}} (3.11+): expand the argument, then call.
void Evaluator::call_function(Frame& f, const Expr& e) {
  std::string arg;
  f.status |= expand_fresh(*e.left->text, arg);
  if ((f.status & k_error) != 0 || stage_error(f, e, Stage::after_condition) || options_.scan) {
    return;
  }
  std::optional<std::string> out;
  if (options_.call) {
    out = options_.call(e.name, arg, result_.warnings);
  } else {
    out = arg;  // ASCII names are unchanged by both IDNA conversions
  }
  if (!out) {
    f.status |= k_error;
    return;
  }
  f.out->append(*out);
}

}  // namespace

Result expand(std::string_view value, const Lookup& lookup, const EvalOptions& options) {
  Result result;
  // Without a '$' a value is one literal (or nothing): no lookups, no
  // warnings, the text itself. Most values are like that.
  if (value.find('$') == std::string_view::npos && options.max_frames > 0) {
    if (!options.scan) result.value = value;
    return result;
  }
  ParseOptions po;
  po.allow_functions = options.allow_functions;
  po.allow_level_ops = options.allow_level_ops;
  po.max_depth = options.max_frames;
  const ParseResult parsed = parse(value, po);
  Evaluator ev(lookup, options, result);
  int status = 0;
  try {
    status = ev.expand_fresh(*parsed.root, result.value);
  } catch (const Fatal& fatal) {
    result.fatal = fatal.message;
    result.too_large = fatal.too_large;
    if (fatal.too_large) {
      const std::string_view head = value.substr(0, 40);
      result.fatal = fmt::format("expansion of \"{}{}\" {}", head, head.size() < value.size() ? "..." : "",
                                 fatal.message);
    }
    if (fatal.too_large) result.value.clear();
    status |= k_error;
  }
  result.error = (status & k_error) != 0;
  result.undefined = (status & k_undef) != 0;
  return result;
}

}  // namespace pflint::expand
