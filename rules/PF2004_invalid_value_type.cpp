// PF2004 invalid-value-type — a boolean, integer or time parameter with a value
// the daemons reject.
#include <fmt/core.h>

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "lint/context.hpp"
#include "params/params.hpp"
#include "util/ascii.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2004_info;
const lint::RuleInfo PF2004_info{
    .code = "PF2004",
    .name = "invalid-value-type",
    .severity = lint::Severity::error,
    .summary = "a yes/no, number or time parameter has a value Postfix cannot read",
    .doc = R"md(## What it flags
A value that does not fit its parameter's type, after `$name` expansion:
- yes/no parameters take `yes` or `no` (any case) — not `true`, `1`, `on`;
- number parameters take decimal digits that fit the type (`10k` is not a
  number);
- time parameters take a number with at most one unit letter: `s`, `m`, `h`,
  `d` or `w` (`30s`, `5m`; not `30q`, not `5min`).

## Why it matters
postconf prints such values without complaint, but the daemon that reads the
parameter stops with a fatal error (`bad boolean configuration`, `bad
numerical configuration`, `bad time value or unit`) the first time it
starts — for the SMTP client, when mail is about to be delivered.

## Problematic config
```main.cf
smtp_tls_note_starttls_offer = true
smtp_connect_timeout = 30q
smtp_mx_address_limit = five
```

## Correct config
```main.cf
smtp_tls_note_starttls_offer = yes
smtp_connect_timeout = 30s
smtp_mx_address_limit = 5
```

## Exceptions
Values that use `$name` are checked after expansion; values whose expansion
fails are left to the expansion rules.

## How to fix
Write the value in the parameter's type; `postconf -d NAME` shows the
default, which has the right form.

## Fix
No automatic fix: the value meant cannot be derived from one of the wrong
type.
)md",
};

namespace {

bool valid_bool(std::string_view v) { return util::iequals(v, "yes") || util::iequals(v, "no"); }

// valid_number - what sscanf("%ld") plus the range check of the type accept.
bool valid_number(std::string_view v, long long min, long long max, std::size_t* digits_end = nullptr) {
  std::size_t i = 0;
  while (i < v.size() && util::is_space(v[i])) ++i;
  const std::size_t start = i;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  const std::size_t first_digit = i;
  while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i;
  if (i == first_digit) return false;
  errno = 0;
  const long long n = std::strtoll(std::string(v.substr(start, i - start)).c_str(), nullptr, 10);
  if (errno == ERANGE || n < min || n > max) return false;
  if (digits_end) {
    *digits_end = i;
    return true;
  }
  return i == v.size();
}

bool valid_time(std::string_view v) {
  std::size_t end = 0;
  if (!valid_number(v, LONG_MIN, LONG_MAX, &end)) return false;
  if (end == v.size()) return true;
  return end + 1 == v.size() && std::string_view("smhdw").find(v[end]) != std::string_view::npos;
}

std::string_view problem(params::param_type type, std::string_view v) {
  switch (type) {
    case params::param_type::bool_: return valid_bool(v) ? "" : "yes or no";
    case params::param_type::int_: return valid_number(v, INT_MIN, INT_MAX) ? "" : "a whole number";
    case params::param_type::long_: return valid_number(v, LONG_MIN, LONG_MAX) ? "" : "a whole number";
    case params::param_type::time: return valid_time(v) ? "" : "a time such as 30s, 5m, 2h, 1d or 1w";
    default: return "";
  }
}

}  // namespace

void check_PF2004(lint::CheckContext& context) {
  const model::Model& model = context.model();
  for (const model::Setting& s : model.settings()) {
    if (!s.effective) continue;
    const params::param_info* p = s.param;
    if (!p || !params::is_known(*p, context.version())) continue;
    const expand::Result r = model.expand(s.value, s.origin.service);
    if (!r.ok()) continue;
    std::string value = r.value;
    value.resize(util::trim_right(value).size());
    const std::string_view want = problem(p->type, value);
    if (want.empty()) continue;
    const std::string shown = value == s.value ? "\"" + value + "\"" : "\"" + std::string(s.value) + "\" (= \"" + value + "\")";
    context.report_at(s.origin, fmt::format("{} must be {}, not {}: the daemons that read it stop with a fatal error",
                                            s.name, want, shown));
  }
}

}  // namespace pflint::rules
