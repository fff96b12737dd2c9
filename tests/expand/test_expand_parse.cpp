// Tree shape and byte offsets from src/expand/parse.hpp.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "expand/parse.hpp"

using namespace pflint::expand;

namespace {
std::string_view at(std::string_view v, Span s) { return v.substr(s.begin, s.end - s.begin); }
}  // namespace

TEST_CASE("expansion parse: literals and references with offsets") {
  const std::string_view v = "a$$b $name ${x} $(y)";
  ParseResult p = parse(v);
  CHECK(p.ok());
  const auto& items = p.root->items;
  REQUIRE(items.size() == 6);
  CHECK(items[0].kind == ItemKind::literal);
  CHECK(items[0].literal == "a$b ");
  CHECK(at(v, items[0].span) == "a$$b ");
  CHECK(items[1].kind == ItemKind::reference);
  CHECK(items[1].form == RefForm::bare);
  CHECK(at(v, items[1].span) == "$name");
  CHECK(at(v, items[1].expr.name_span) == "name");
  CHECK(items[3].form == RefForm::brace);
  CHECK(at(v, items[3].span) == "${x}");
  CHECK(at(v, items[3].body) == "x");
  CHECK(items[5].form == RefForm::paren);
  CHECK(at(v, items[5].expr.name_span) == "y");
}

TEST_CASE("expansion parse: conditional and relational trees") {
  const std::string_view v = "${ name ? {t $a} : f $b}";
  ParseResult p = parse(v);
  REQUIRE(p.ok());
  const Expr& e = p.root->items.at(0).expr;
  CHECK(e.kind == ExprKind::name);
  CHECK(e.name == "name");
  CHECK(at(v, e.name_span) == "name");
  CHECK(e.cond == Cond::if_set);
  REQUIRE(e.if_true);
  CHECK(e.if_true->braced);
  CHECK(at(v, e.if_true->span) == "t $a");
  REQUIRE(e.if_false);
  CHECK_FALSE(e.if_false->braced);
  CHECK(at(v, e.if_false->span) == " f $b");
  CHECK(at(v, e.if_false->text->items.at(1).span) == "$b");

  const std::string_view r = "${{$x} <=level {3.6} ? {y}}";
  p = parse(r);
  REQUIRE(p.ok());
  const Expr& rel = p.root->items.at(0).expr;
  CHECK(rel.kind == ExprKind::relational);
  CHECK(rel.op == RelOp::le);
  CHECK(rel.level_op);
  CHECK(at(r, rel.op_span) == "<=level");
  CHECK(at(r, rel.left->span) == "$x");
  CHECK(at(r, rel.left->text->items.at(0).expr.name_span) == "x");
  CHECK(at(r, rel.right->span) == "3.6");
  CHECK(rel.cond == Cond::if_set);
  CHECK_FALSE(rel.if_false);
}

TEST_CASE("expansion parse: diagnostics for every branch, with spans") {
  const std::string_view v = "${x?{$}:{${a b}}} abc$";
  ParseResult p = parse(v);
  REQUIRE(p.diagnostics.size() == 3);
  CHECK(p.diagnostics[0].message == R"(empty macro name: "$")");
  CHECK(at(v, p.diagnostics[0].span) == "$");
  CHECK(p.diagnostics[1].message == R"(attribute name syntax error at: "...a>>> b")");
  CHECK(p.diagnostics[2].message == R"(empty macro name: "${x?{$}:{${a b}}} abc$")");
  CHECK(at(v, p.diagnostics[2].span) == "$");
  p = parse("${unterminated");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].span == Span{0, 14});
  p = parse("${}");
  CHECK(p.diagnostics.at(0).message == R"(empty macro name: "${}")");
}

TEST_CASE("expansion parse: deep nesting is cut off, not recursed") {
  std::string v;
  for (int i = 0; i < 10000; ++i) {
    v += "${a?";
  }
  v += std::string(10000, '}');
  ParseResult p = parse(v);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].message.rfind("unreasonable macro call nesting: ", 0) == 0);
  ParseOptions o;
  o.max_depth = 5;
  CHECK(parse("${a?${a?${a?${a?${a?${a?${a?x}}}}}}}", o).diagnostics.size() == 1);
  CHECK(parse("${a?${a?${a?x}}}", o).ok());
}

TEST_CASE("expansion parse: function calls need allow_functions") {
  ParseOptions o;
  o.allow_functions = true;
  ParseResult p = parse("${domain_to_ascii{$x}}", o);
  REQUIRE(p.ok());
  const Expr& e = p.root->items.at(0).expr;
  CHECK(e.kind == ExprKind::function);
  CHECK(e.name == "domain_to_ascii");
  CHECK(parse("${bogus{x}}", o).diagnostics.at(0).message == R"(unknown function: "bogus")");
  CHECK_FALSE(parse("${domain_to_ascii{x}}").ok());
}
