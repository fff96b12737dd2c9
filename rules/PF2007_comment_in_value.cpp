// PF2007 comment-in-value — '#' after text in a list value, meant as a comment.
#include <fmt/core.h>

#include "lint/context.hpp"
#include "params/params.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF2007_info;
const lint::RuleInfo PF2007_info{
    .code = "PF2007",
    .name = "comment-in-value",
    .severity = lint::Severity::warning,
    .summary = "'#' after a value is not a comment",
    .doc = R"md(## What it flags
A list value (such as `mynetworks` or `smtpd_recipient_restrictions`) with a
word that starts with `#` after other text — almost always an end-of-line
comment.

## Why it matters
Postfix has no end-of-line comments: the `#` and what follows are part of the
value. Address and domain lists stop at such a word and ignore the rest of
the list with a warning (`#comment after other text is not allowed` in 3.8
and later, `comment at end of line is not supported` before). TLS protocol
lists (`smtp_tls_protocols`, `smtp_tls_mandatory_protocols` and their
`lmtp_`/`smtpd_` twins) read the `#` word as a protocol name they do not
know, so Postfix rejects the whole list and every TLS session that uses it
fails. Inside a `{ }` group the word belongs to that element: in an
`inline:{ }` TLS policy table it becomes a policy attribute that Postfix
rejects, so mail to that destination is deferred (PF5003 reports the entry).
For other parameters the text is used as data.

## Problematic config
```main.cf
mynetworks = 127.0.0.0/8 # local only
    192.0.2.0/24
```

## Correct config
```main.cf
# local only, plus the office network
mynetworks = 127.0.0.0/8
    192.0.2.0/24
```

## Exceptions
Single-valued parameters are not checked (their `#` may be deliberate, e.g.
in a banner text).

## How to fix
Move the comment to a line of its own that starts with `#`.

## Fix
No automatic fix: whether the words after `#` are a comment or part of the
value (a banner, a pattern) only the admin knows; moving them out changes
the value.
)md",
};

namespace {

// A TLS protocol list: an unknown word makes Postfix reject all of it.
bool is_protocol_list(std::string_view name) {
  return name.ends_with("_tls_protocols") || name.ends_with("_tls_mandatory_protocols");
}

// A map list (…_maps): a braced inline:{ } group holds table entries.
bool is_map_list(std::string_view name) { return name.ends_with("_maps"); }

// brace_depth - how many { } groups are open at `at`.
int brace_depth(std::string_view value, std::size_t at) {
  int depth = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (value[i] == '{') ++depth;
    else if (value[i] == '}' && depth > 0) --depth;
  }
  return depth;
}

std::string consequence(std::string_view name, bool in_braces) {
  if (in_braces && name.ends_with("_tls_policy_maps")) {
    return "it is inside { }, so it becomes part of that inline table entry: Postfix reads it as a policy "
           "attribute, rejects the entry and defers the mail to its destination";
  }
  if (in_braces) {
    return is_map_list(name) ? "it is inside { }, so it becomes part of that inline table entry's value"
                             : "it is inside { }, so it becomes part of that element";
  }
  if (is_protocol_list(name)) {
    return "it is read as a protocol name, so Postfix rejects the whole protocol list and TLS sessions that use it "
           "fail";
  }
  return "Postfix ignores the rest of the list from here";
}

}  // namespace

void check_PF2007(lint::CheckContext& context) {
  for (const model::Setting& s : context.model().settings()) {
    const params::param_info* p = s.param;
    if (!p || !p->is_list()) continue;
    const std::string_view v = s.value;
    for (std::size_t i = 1; i < v.size(); ++i) {
      if (v[i] != '#') continue;
      const char before = v[i - 1];
      if (before != ' ' && before != '\t' && before != ',' && before != '\r') continue;
      const auto begin = static_cast<std::uint32_t>(i);
      context.report(s.origin.file, model::value_span(s.origin, begin, static_cast<std::uint32_t>(v.size())),
                     fmt::format("\"{}\" is part of the value of {}, not a comment; {}", v.substr(i), s.name,
                                 consequence(s.name, brace_depth(v, i) > 0)));
      break;
    }
  }
}

}  // namespace pflint::rules
