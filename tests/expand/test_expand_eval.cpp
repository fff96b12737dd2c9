// Evaluation tests for src/expand/evaluate.hpp. Expected values and warning
// texts were observed with the real postconf 3.7.11 (postconf -c DIR -xh),
// see /work/shared/reference/oracle.md §2.5/§2.6; postconf trims the
// printed value, the raw expansion keeps blanks.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "expand/evaluate.hpp"
#include "expand/scan.hpp"

using namespace pflint::expand;

namespace {

using Table = std::map<std::string, std::string>;

Lookup lookup_in(const Table& t) {
  return [&t](std::string_view name, LookupMode) -> std::optional<std::string> {
    auto it = t.find(std::string(name));
    if (it == t.end()) {
      return std::nullopt;
    }
    return it->second;
  };
}

const Table& base() {
  static const Table t{{"myhostname", "mail.example.test"}, {"mydomain", "example.test"}, {"relayhost", ""},
                       {"five", "5"}, {"ten", "10"}, {"p_dollar", "$myhostname"},
                       {"compatibility_level", "0"}};
  return t;
}

Result run(std::string_view value, const Table& t = base(), EvalOptions o = {}) {
  return expand(value, lookup_in(t), o);
}

std::string value_of(std::string_view v) {
  Result r = run(v);
  CHECK_MESSAGE(r.ok(), v);
  CHECK_MESSAGE(r.warnings.empty(), v);
  return r.value;
}

}  // namespace

TEST_CASE("expansion: plain references and $$") {
  CHECK(value_of("$myhostname") == "mail.example.test");
  CHECK(value_of("${myhostname}") == "mail.example.test");
  CHECK(value_of("$(myhostname)") == "mail.example.test");
  CHECK(value_of("${ myhostname }") == "mail.example.test");
  CHECK(value_of("$p_dollar/$mydomain") == "mail.example.test/example.test");
  CHECK(value_of("$$literal") == "$literal");
  CHECK(value_of("abc$$") == "abc$");
  CHECK(value_of("a $$$$ b $$$myhostname") == "a $$ b $mail.example.test");
  CHECK(value_of("$myhostname-x.$mydomain") == "mail.example.test-x.example.test");
}

TEST_CASE("expansion: ? and : treat empty as unset") {
  CHECK(value_of("${myhostname?yes-set}") == "yes-set");
  CHECK(value_of("${undefined_xyz?yes-set}").empty());
  CHECK(value_of("${relayhost?yes-set}").empty());
  CHECK(value_of("${myhostname:fallback}").empty());
  CHECK(value_of("${undefined_xyz:fallback}") == "fallback");
  CHECK(value_of("${relayhost:fallback}") == "fallback");
  CHECK(value_of("${myhostname?{x y}:{n}}") == "x y");
  CHECK(value_of("${undefined_xyz?{x}:{y}}") == "y");
  CHECK(value_of("${relayhost?{x}:{y}}") == "y");
  CHECK(value_of("${undefined_xyz?{x}:y z}") == "y z");
  CHECK(value_of("${myhostname?a:b}") == "a:b");  // unbraced text is raw
  CHECK(value_of("${myhostname??foo:{b}ar}") == "?foo:{b}ar");
  CHECK(value_of("${myhostname?}").empty());
  CHECK(value_of("${myhostname?{only}}") == "only");
  CHECK(value_of("${myhostname ? {y} : {n} }") == "y");
  CHECK(value_of("$(myhostname?(x))") == "(x)");
}

TEST_CASE("expansion: relational operators") {
  CHECK(value_of("${{$myhostname} == {mail.example.test} ? {equal} : {differ}}") == "equal");
  CHECK(value_of("${{$myhostname}=={other}?{equal}:{differ}}") == "differ");
  CHECK(value_of("${{$myhostname} != {other} ? {ne} : {eq}}") == "ne");
  CHECK(value_of("${{$five} < {$ten} ? {lt} : {ge}}") == "lt");   // numeric
  CHECK(value_of("${{10} < {9} ? {lt} : {ge}}") == "ge");          // numeric
  CHECK(value_of("${{abc} < {10} ? {lt} : {ge}}") == "ge");        // strcmp
  CHECK(value_of("${{abc} < {b} ? {lt} : {ge}}") == "lt");
  CHECK(value_of("${{-1} < {0}}") == "true");                      // '-' is not a digit: strcmp
  CHECK(value_of("${{01} == {1}}") == "true");
  CHECK(value_of("${{} == {}}") == "true");
  CHECK(value_of("${{3} <= {3}?{y}:{n}}") == "y");
  CHECK(value_of("${{3} > {20}?{y}:{n}}") == "n");
  CHECK(value_of("${{3} >= {20}?{y}:{n}}") == "n");
  CHECK(value_of("${{3} != {20}}") == "true");
  CHECK(value_of("${{a}=={b}?{x}}").empty());
  CHECK(value_of("${{a}=={a}:{x}}").empty());
  CHECK(value_of("${ { a } == { a } ? { t } : { f } }") == " t ");
  CHECK(value_of("${{9223372036854775807} > {1}}") == "true");
}

TEST_CASE("expansion: compatibility level operators") {
  CHECK(value_of("${{3.6} <level {3.10}?{y}:{n}}") == "y");
  CHECK(value_of("${{2} <level {3.6}?{y}:{n}}") == "y");
  CHECK(value_of("${{3.6} ==level {3.6.0}?{y}:{n}}") == "y");
  CHECK(value_of("${{3.6.1} >level {3.6}?{y}:{n}}") == "y");
  CHECK(value_of("${{3.10} >level {3.9}}") == "true");
  CHECK(value_of("${{ 3.10} >level {+3.9}}") == "true");  // strtol() blanks and sign
  CHECK(value_of("${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}") == "md5");
  Result r = run("${{x} <level {3.x}}");
  CHECK(r.error);
  CHECK(r.warnings == std::vector<std::string>{R"(malformed compatibility level syntax: "x")"});
  r = run("${{3.} ==level {3}}");
  CHECK(r.warnings == std::vector<std::string>{R"(malformed compatibility level syntax: "3.")"});
  r = run("${{3.6.1024} >level {3.6}}");
  CHECK(r.warnings == std::vector<std::string>{R"(malformed compatibility level syntax: "3.6.1024")"});
  r = run("${{-3} >=level {3}}");
  CHECK(r.warnings == std::vector<std::string>{R"(malformed compatibility level syntax: "-3")"});
}

TEST_CASE("expansion: numeric overflow is fatal") {
  Result r = run("${{99999999999999999999} < {1}}");
  REQUIRE(r.fatal);
  CHECK(*r.fatal == "mac_exp_eval: bad conversion: 99999999999999999999");
  CHECK_FALSE(r.ok());
  r = run("${{9223372036854775808} > {1}}");
  CHECK(r.fatal == std::optional<std::string>("mac_exp_eval: bad conversion: 9223372036854775808"));
}

TEST_CASE("expansion: syntax errors carry Postfix's texts") {
  struct Case {
    const char* value;
    std::vector<std::string> warnings;
  };
  const std::vector<Case> cases{
      {"abc$", {R"(empty macro name: "abc$")"}},
      {"$", {R"(empty macro name: "$")"}},
      {"a$ b", {R"(empty macro name: "a$ b")"}},
      {"${}", {R"(empty macro name: "${}")"}},
      {"$()", {"empty macro name: \"$()\""}},
      {"${myhostname", {R"(truncated macro reference: "${myhostname")"}},
      {"$(myhostname", {R"(truncated macro reference: "$(myhostname")"}},
      {"${myhostname?{a}", {R"(truncated macro reference: "${myhostname?{a}")"}},
      {"${a==b?{x}:{y}}", {R"(attribute name syntax error at: "...a>>>==b?{x}:{y}")"}},
      {"${ my hostname }", {R"(attribute name syntax error at: "... my>>> hostname ")"}},
      {"${domain_to_ascii{x}}", {R"(attribute name syntax error at: "...domain_to_ascii>>>{x}")"}},
      {"${{a} =x {b}}", {R"("==" or "!="" or "<"" or "<="" or ">="" or ">" expected at: "...a}>>>=x {b}")"}},
      {"${{a}{b}}", {R"("==" or "!="" or "<"" or "<="" or ">="" or ">" expected at: "...a}>>>{b}")"}},
      {"${{a} <levelx {b}}", {R"(bad operator suffix at: "...<>>>levelx")"}},
      {"${{a} == b}", {R"("{expression}" expected at: "...{a} ==>>> b")"}},
      {"${{a} == {b} x}", {R"("?" or ":" expected at: "...}>>>x")"}},
      {"${myhostname?{a} x}", {R"(":" expected at: "...a}>>>x")"}},
      {"${myhostname:{a} x}", {R"(unexpected input at: "...a}>>>x")"}},
      {"x${myhostname?{a}:{b}:{c}}y", {R"(unexpected input at: "...b}>>>:{c}")"}},
      {"${myhostname?{$}junk}", {R"(empty macro name: "$")", R"(":" expected at: "...$}>>>junk")"}},
      {"${myhostname?{a}junk} ${",
       {R"(":" expected at: "...a}>>>junk")", R"(truncated macro reference: "${myhostname?{a}junk} ${")"}},
      {"${{a == {b}}", {R"(truncated macro reference: "${{a == {b}}")"}},
      {"$({a == {b})", {R"(unbalanced {} in attribute expression: "{a == {b}")"}},
      {"$({a} == {b)", {R"(unbalanced {} in attribute expression: "{b")"}},
      {"$(myhostname?{a)", {R"(unbalanced {} in attribute expression: "{a")"}},
      {"$(myhostname?{a}:{b)", {R"(unbalanced {} in attribute expression: "{b")"}},
  };
  for (const auto& c : cases) {
    const std::string value = c.value;
    CAPTURE(value);
    Result r = run(c.value);
    std::string got;
    for (const auto& w : r.warnings) {
      got += w + "\n";
    }
    CAPTURE(got);
    CHECK(r.error);
    CHECK(r.warnings == c.warnings);
  }
}

TEST_CASE("expansion: only the branch taken is expanded") {
  // The ':' branch holds a bad '$' but is never parsed when the name is set.
  CHECK(value_of("${{a}=={a}?{$myhostname}:{$}}") == "mail.example.test");
  Result r = run("${{a}=={b}?{$myhostname}:{$}}");
  CHECK(r.error);
  CHECK(r.warnings == std::vector<std::string>{R"(empty macro name: "$")"});
  // postconf's scan visits both branches and so does report it.
  ScanResult s = scan("${{a}=={a}?{$myhostname}:{$}}");
  CHECK(s.error);
  CHECK(s.warnings == std::vector<std::string>{R"(empty macro name: "$")"});
}

TEST_CASE("expansion: undefined names are reported once each") {
  Result r = run("$undefined_xyz ${undefined_xyz} ${undefined_xyz?x} ${other:y} $undefined_xyz");
  CHECK(r.ok());
  CHECK(r.undefined);
  CHECK(r.value == "   y ");
  CHECK(r.undefined_names == std::vector<std::string>{"undefined_xyz", "other"});
  CHECK(r.references.size() == 5);
  CHECK_FALSE(run("${undefined_xyz?x}").undefined);  // only a plain $name sets MAC_PARSE_UNDEF
  r = run("${ }");                                     // looks up the empty name
  CHECK(r.ok());
  CHECK(r.undefined_names == std::vector<std::string>{""});
}

TEST_CASE("expansion: non-recursive mode copies looked-up values") {
  EvalOptions o;
  o.recursive = false;
  CHECK(run("$p_dollar", base(), o).value == "$myhostname");
  CHECK(run("$p_dollar", base()).value == "mail.example.test");
}

TEST_CASE("expansion: loops hit the nesting limit") {
  Table t = base();
  t["p_a"] = "$p_b";
  t["p_b"] = "$p_a";
  t["smtpd_banner"] = "$smtpd_banner x";
  Result r = run("$p_a", t);
  CHECK(r.error);
  CHECK(r.warnings == std::vector<std::string>{R"(unreasonable macro call nesting: "p_b")"});
  r = run("$smtpd_banner x", t);
  CHECK(r.warnings == std::vector<std::string>{R"(unreasonable macro call nesting: "smtpd_banner")"});
  t["myhostname"] = "$mydomain";
  t["mydomain"] = "$myhostname";
  r = run("$myhostname", t);  // what postconf expands for "-x mydomain"
  CHECK(r.warnings == std::vector<std::string>{R"(unreasonable macro call nesting: "mydomain")"});
}

TEST_CASE("expansion: a chain of 100 references works, 101 fails") {
  for (int n : {99, 100, 101}) {
    Table t;
    for (int i = 1; i < n; ++i) {
      t["c" + std::to_string(i)] = "$c" + std::to_string(i + 1);
    }
    t["c" + std::to_string(n)] = "end";
    Result r = run("$c1", t);
    CAPTURE(n);
    if (n <= 100) {
      CHECK(r.ok());
      CHECK(r.value == "end");
    } else {
      CHECK(r.error);
      CHECK(r.warnings == std::vector<std::string>{R"(unreasonable macro call nesting: "end")"});
    }
  }
}

TEST_CASE("expansion: loops through relational operands are bounded") {
  // Real postconf 3.7.11 crashes (SIGSEGV) on this; we report nesting instead.
  Table t;
  t["a"] = "${{$b} == {x}}";
  t["b"] = "${{$a} == {x}}";
  Result r = run("$a", t);
  CHECK(r.error);
  REQUIRE_FALSE(r.warnings.empty());
  CHECK(r.warnings.front().rfind("unreasonable macro call nesting: ", 0) == 0);
}

TEST_CASE("expansion: 10,000 nested ${ do not crash") {
  std::string v;
  for (int i = 0; i < 10000; ++i) {
    v += "${myhostname?";
  }
  v += "x" + std::string(10000, '}');
  Result r = run(v);
  CHECK(r.error);
  CHECK(r.warnings.size() == 1);
  CHECK(r.warnings.front().rfind("unreasonable macro call nesting: ", 0) == 0);
  std::string open;
  for (int i = 0; i < 10000; ++i) {
    open += "${{";
  }
  r = run(open);  // unterminated as well
  CHECK(r.error);
  CHECK(r.warnings == std::vector<std::string>{"truncated macro reference: \"" + open + "\""});
  std::string rel = "x";
  for (int i = 0; i < 10000; ++i) {
    rel = "${{" + rel + "} == {x}}";
  }
  r = run(rel);
  CHECK(r.error);
  CHECK(r.warnings.front().rfind("unreasonable macro call nesting: ", 0) == 0);
  CHECK_FALSE(scan(rel).warnings.empty());
}

TEST_CASE("expansion: function calls (3.11+) only when allowed") {
  EvalOptions o;
  o.allow_functions = true;
  Result r = run("${domain_to_ascii{$myhostname}}", base(), o);
  CHECK(r.ok());
  CHECK(r.value == "mail.example.test");
  r = run("${no_such_fn{x}}", base(), o);
  CHECK(r.error);
  CHECK(r.warnings == std::vector<std::string>{R"(unknown function: "no_such_fn")"});
  o.call = [](std::string_view, std::string_view arg, std::vector<std::string>&) -> std::optional<std::string> {
    return "<" + std::string(arg) + ">";
  };
  CHECK(run("${domain_to_utf8{ab}}", base(), o).value == "<ab>");
  CHECK(run("${domain_to_utf8{ab}}").error);  // 3.7: a syntax error
}

TEST_CASE("scan: referenced names in every form and branch") {
  const std::string v = "$a ${b} $(c) ${d?$e} ${f:{$g}} ${h?{$i}:{$j}} ${{$k} == {$l} ? {$m} : {$n}} $$o";
  ScanResult s = scan(v);
  CHECK_FALSE(s.error);
  std::vector<std::string> names;
  for (const auto& n : s.names) {
    names.push_back(n.name);
  }
  CHECK(names == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"});
  CHECK(s.names[0].span == Span{0, 2});
  CHECK(v.substr(s.names[4].span.begin, s.names[4].span.end - s.names[4].span.begin) == "$e");
  CHECK(referenced_names("$x $x").size() == 2);  // once per reference
  // Like postconf, collection stops at the first error.
  CHECK(referenced_names("${a==b} $later").empty());
}

TEST_CASE("expansion: growth past pflint's bound stops with a fatal error") {
  // b0 = $b1 $b1, b1 = $b2 $b2, ... 40 levels: 2^40 words; Postfix never finishes.
  Table doubling;
  for (int i = 0; i < 40; ++i) doubling["b" + std::to_string(i)] = fmt::format("$b{0} $b{0}", i + 1);
  doubling["b40"] = "x";
  const Result r = run("$b0", doubling);
  CHECK(r.too_large);
  CHECK_FALSE(r.ok());
  REQUIRE(r.fatal);
  CHECK(r.fatal->starts_with("expansion of \"$b0\" stopped after 10001 lookups"));
  CHECK(r.value.empty());
  // The byte bound: few lookups, a huge value.
  const Table big{{"big", std::string(400000, 'x')}};
  CHECK(run("$big $big", big).ok());
  CHECK(run("$big $big $big $big", big).too_large);
  // Below both bounds nothing changes: 12 levels are 4096 words.
  const Result fine = run("$b28", doubling);
  CHECK(fine.ok());
  CHECK_FALSE(fine.too_large);
  CHECK(fine.value.size() == 4096 * 2 - 1);
}
