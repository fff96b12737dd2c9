// PF2010 unbounded-expansion — a parameter whose $name expansion grows without bound, which Postfix
// never finishes.
#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "expand/evaluate.hpp"
#include "expand/scan.hpp"
#include "lint/context.hpp"
#include "params/params.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2010_info;
const lint::RuleInfo PF2010_info{
    .code = "PF2010",
    .name = "unbounded-expansion",
    .severity = lint::Severity::error,
    .summary = "a parameter whose $name expansion grows without bound, which Postfix never finishes",
    .doc = R"md(## What it flags
A setting whose `$name` expansion keeps growing: values that each name the
next one several times (`a = $b $b`, `b = $c $c`, …) double the text with
every level, so a few dozen levels make billions of words. pflint stops an
expansion after 10,000 lookups or 1 MiB of text and reports the setting at
the top of the chain, with the chain of names.

## Why it matters
Postfix has no such bound: `postconf -x` and every daemon that reads the
parameter keep expanding until they run out of memory or are killed, so the
service that needs the value never starts work. Nothing in Postfix warns
about it beforehand.

## Problematic config
```main.cf
smtpd_banner = $b0
b0 = $b1 $b1
b1 = $b2 $b2
b2 = $b3 $b3
b3 = $b4 $b4
b4 = $b5 $b5
b5 = $b6 $b6
b6 = $b7 $b7
b7 = $b8 $b8
b8 = $b9 $b9
b9 = $b10 $b10
b10 = $b11 $b11
b11 = $b12 $b12
b12 = $b13 $b13
b13 = $b14 $b14
b14 = $b15 $b15
b15 = $b16 $b16
b16 = $b17 $b17
b17 = x
```

## Correct config
```main.cf
smtpd_banner = $myhostname ESMTP
```

## Exceptions
A finite expansion larger than the bound (more than 10,000 lookups or 1 MiB
of text) is also reported; no real configuration needs one.

## How to fix
Break the chain: give the parameter its final text, or reference each name
once.

## Fix
No automatic fix: the final text meant is not known.
)md",
};

namespace {

// too_large - expanding `name` in `scope` passes the evaluator's bound.
bool too_large(const model::Model& model, const config::MasterEntry* scope, const std::string& name) {
  const model::Value v = model.raw(name, scope);
  return v.defined() && v.raw.find('$') != std::string::npos && model.expand(v.raw, scope).too_large;
}

// chain - from `name`, each next name whose expansion is also too large.
std::vector<std::string> chain(const model::Model& model, const config::MasterEntry* scope, std::string name,
                               bool functions) {
  std::vector<std::string> out{name};
  while (out.size() < 100) {
    const model::Value v = model.raw(name, scope);
    std::optional<std::string> next;
    for (const expand::NameRef& ref : expand::referenced_names(v.raw, functions)) {
      if (std::find(out.begin(), out.end(), ref.name) == out.end() && too_large(model, scope, ref.name)) {
        next = ref.name;
        break;
      }
    }
    if (!next) break;
    out.push_back(*next);
    name = *next;
  }
  return out;
}

std::string describe(const std::vector<std::string>& path) {
  std::string out = path.front();
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (path.size() > 8 && i == 5) {
      out += " -> …";
      i = path.size() - 2;
      continue;
    }
    out += " -> $" + path[i];
  }
  return out;
}

}  // namespace

void check_PF2010(lint::CheckContext& context) {
  const model::Model& model = context.model();
  const bool functions = context.version() >= params::Version{3, 11, 0};
  // The settings whose expansion passes the bound, per scope.
  std::vector<const model::Setting*> large;
  for (const model::Setting& s : model.settings()) {
    if (!s.effective || s.value.find('$') == std::string_view::npos) continue;
    if (const params::param_info* p = s.param; p && p->type == params::param_type::raw) continue;
    if (model.expand(s.value, s.origin.service).too_large) large.push_back(&s);
  }
  // Report the top of each chain: a setting no other large one names.
  for (const model::Setting* s : large) {
    const bool named_by_other = std::any_of(large.begin(), large.end(), [&](const model::Setting* o) {
      if (o == s || (o->origin.service != s->origin.service && o->origin.service != nullptr)) return false;
      const auto refs = expand::referenced_names(o->value, functions);
      return std::any_of(refs.begin(), refs.end(), [&](const expand::NameRef& r) { return r.name == s->name; });
    });
    if (named_by_other) continue;
    const std::vector<std::string> path = chain(model, s->origin.service, std::string(s->name), functions);
    context.report(s->origin.file, s->origin.value_span,
                   fmt::format("expanding {} grows without bound ({}): Postfix never finishes it, so postconf -x and "
                               "every program that reads {} run until they are killed; pflint stopped after {} "
                               "lookups or {} bytes",
                               s->name, describe(path), s->name, expand::k_max_expansion_lookups,
                               expand::k_max_expansion_bytes));
  }
}

}  // namespace pflint::rules
