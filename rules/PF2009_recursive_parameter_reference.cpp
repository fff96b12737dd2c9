// PF2009 recursive-parameter-reference — a value whose `$name` references
// lead back to a name already being expanded.
#include <fmt/core.h>

#include <algorithm>

#include "expand/scan.hpp"
#include "lint/context.hpp"
#include "params/params.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2009_info;
const lint::RuleInfo PF2009_info{
    .code = "PF2009",
    .name = "recursive-parameter-reference",
    .severity = lint::Severity::error,
    .summary = "a parameter's $name references loop back to a name being expanded",
    .doc = R"md(## What it flags
A setting of a parameter Postfix uses whose expansion never ends: its value
refers to a name whose value (directly, or through more names, including
built-in defaults) refers back, as in `myhostname = $myorigin` while
`myorigin` keeps its default `$myhostname`.

## Why it matters
Postfix expands a parameter when a program first reads it. A loop makes
the expansion give up with "unreasonable macro call nesting" and the program
stop with a fatal "macro processing error". `postconf -n` and `postfix
reload` do not notice; the failure shows up when a daemon that needs the
value starts, which may be the next delivery.

## Problematic config
```main.cf
myhostname = $myorigin
```

## Correct config
```main.cf
myhostname = mail.example.com
```

## Exceptions
Loops among names Postfix never reads itself (your own variables) harm
nothing until a parameter Postfix uses refers to them, and only that
parameter is flagged. `${name?value}` and `${name:value}` only test whether
`name` is set and do not expand it, so they cannot loop. When one setting
reaches the loop through another flagged setting, only the one nearest the
loop is reported.

## How to fix
Give one of the names in the loop a literal value. The message shows the
path of references that leads back.

## Fix
No automatic fix: which name of the loop should get a literal value, and
which value, is the admin's choice.
)md",
};

namespace {

// cycle - a path of names from `start` whose values lead back to a name on
// the path, following the values the scope sees (for the message only: the
// evaluator decides whether the expansion really loops).
bool cycle(const model::Model& model, const config::MasterEntry* scope, const std::string& name, bool functions,
           std::vector<std::string>& path) {
  if (std::find(path.begin(), path.end(), name) != path.end()) {
    path.push_back(name);
    return true;
  }
  if (path.size() > 100) return false;
  path.push_back(name);
  const model::Value v = model.raw(name, scope);
  if (v.defined()) {
    for (const expand::NameRef& ref : expand::referenced_names(v.raw, functions)) {
      if (cycle(model, scope, ref.name, functions, path)) return true;
    }
  }
  path.pop_back();
  return false;
}

// explicit_builtin - a built-in name that main.cf or the scope's -o sets.
bool explicit_builtin(const model::Model& model, const config::MasterEntry* scope, const std::string& name) {
  if (!params::is_known(name, model.version())) return false;
  const model::OriginKind kind = model.raw(name, scope).origin.kind;
  return kind == model::OriginKind::main_cf || kind == model::OriginKind::master_override;
}

// reported_elsewhere - `path` leads from its first name into a loop that
// the first name is not part of, through another setting this rule reports
// (so one mistake gives one finding, at the setting nearest the loop).
bool reported_elsewhere(const model::Model& model, const config::MasterEntry* scope,
                        const std::vector<std::string>& path) {
  if (path.back() == path.front()) return false;  // the first name is in the loop itself
  return std::any_of(path.begin() + 1, path.end() - 1,
                     [&](const std::string& name) { return explicit_builtin(model, scope, name); });
}

std::string describe(const std::vector<std::string>& path) {
  std::string out = path.front();
  for (std::size_t i = 1; i < path.size(); ++i) out += " -> $" + path[i];
  return out;
}

}  // namespace

void check_PF2009(lint::CheckContext& context) {
  const model::Model& model = context.model();
  const bool functions = context.version() >= params::Version{3, 11, 0};
  for (const model::Setting& s : model.settings()) {
    if (!s.effective || s.value.find('$') == std::string_view::npos) continue;
    if (const params::param_info* p = s.param; p && p->type == params::param_type::raw) continue;
    // Built-in names only: user variables are read only through references.
    if (!s.param || !params::is_known(*s.param, context.version())) continue;
    const expand::Result r = model.expand(s.value, s.origin.service);
    const auto nesting = std::find_if(r.warnings.begin(), r.warnings.end(), [](const std::string& w) {
      return w.starts_with("unreasonable macro call nesting");
    });
    if (nesting == r.warnings.end()) continue;
    std::vector<std::string> path;
    const bool found = cycle(model, s.origin.service, std::string(s.name), functions, path);
    if (found && reported_elsewhere(model, s.origin.service, path)) continue;
    context.report(s.origin.file, s.origin.value_span,
                   fmt::format("expanding {} never ends{}: Postfix gives up with '{}' and a program that reads "
                               "{} stops with a fatal macro processing error",
                               s.name, found ? " (" + describe(path) + ")" : std::string(), *nesting, s.name));
  }
}

}  // namespace pflint::rules
