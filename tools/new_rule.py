#!/usr/bin/env python3
# NAME
#   new_rule.py - scaffold a rule: rules/PFnnnn_<name>.cpp plus its line in
#   rules/rules.def; or check that rules/rules.def and rules/ agree
#
# DESCRIPTION
#   tools/new_rule.py PF3034 some-rule-name --severity warning --summary "..."
#     writes rules/PF3034_some_rule_name.cpp (house header comment, a
#     designated-initializer RuleInfo, a doc with every section a rule doc
#     has, an empty check_PF3034) and inserts
#     "PFLINT_RULE(PF3034, PF3034_some_rule_name)" into rules/rules.def in
#     sorted position. The doc examples are placeholders: until they are
#     filled in and the check reports, the doc-example test
#     (tests/rules/test_rule_docs.cpp) fails, which is the point. Then run
#     `pflint rules --write-docs docs/rules`.
#   tools/new_rule.py --check
#     exit 1 unless rules/rules.def is sorted by code, without duplicates,
#     every line names an existing rules/<stem>.cpp whose stem is
#     <code>_<name with '-' as '_'>, and every rules/PF*.cpp is listed.
#   --root DIR works on DIR/rules instead of the repository's own rules/.
#
# DIAGNOSTICS
#   Exits 1 with "new_rule: ..." on a malformed code or name, an unknown
#   severity, a code or name already in use, or (with --check) each problem
#   of the list; exits 2 on usage errors (argparse).
#
# SEE ALSO
#   rules/rules.def, rules/registry.cpp, src/lint/rule.hpp (RuleInfo, code
#   ranges), clang-tidy's add_new_check.py (the model). Python 3 stdlib only.

import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINE = re.compile(r"^PFLINT_RULE\((PF\d{4}), (PF\d{4}_[a-z0-9_]+)\)$")
CODE = re.compile(r"^PF[1-5]\d{3}$")
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SEVERITIES = ("error", "warning", "info")

TEMPLATE = '''\
{header}
#include "lint/context.hpp"

namespace pflint::rules {{

extern const lint::RuleInfo {code}_info;
const lint::RuleInfo {code}_info{{
    .code = "{code}",
    .name = "{name}",
    .severity = lint::Severity::{severity},
    .summary = "{summary}",
    .doc = R"md(## What it flags
TODO: the settings this rule reports, in one paragraph.

## Why it matters
TODO: what Postfix does with them, and what goes wrong.

## Problematic config
```main.cf
# TODO: a config this rule flags (the test suite runs it); list any other
# code it also sets off on a line of its own: # expect: PFnnnn
```

## Correct config
```main.cf
# TODO: the same config, fixed; it must produce no findings at all
```

## Exceptions
TODO: when the finding is not a problem, or "None".

## How to fix
TODO: what to change.

## Fix
TODO: "No automatic fix: <why>", or the fix offered, classed **safe** or
**unsafe** (then also set `.fix` below) and why.
)md",
    .fix = lint::FixClass::none,
}};

void check_{code}(lint::CheckContext& context) {{
  // TODO: find the problem and report it with context.report(...) or
  // context.report_at(origin, message) (src/lint/context.hpp).
  (void)context;
}}

}}  // namespace pflint::rules
'''


def fail(message):
    print(f"new_rule: {message}", file=sys.stderr)
    return 1


def read_list(rules):
    """(lineno, code, stem) for every PFLINT_RULE line of rules.def, and its text lines."""
    lines = (rules / "rules.def").read_text().splitlines()
    entries = []
    for n, line in enumerate(lines, 1):
        if line.startswith("PFLINT_RULE"):
            m = LINE.match(line)
            entries.append((n, m.group(1), m.group(2)) if m else (n, None, line))
    return entries, lines


def rule_name(path):
    """The .name of a rule file's RuleInfo, or None."""
    m = re.search(r'\.name = "([a-z0-9-]+)"', path.read_text())
    return m.group(1) if m else None


def check(rules):
    entries, _ = read_list(rules)
    problems = []
    listed = set()
    previous = ""
    for n, code, stem in entries:
        where = f"rules.def:{n}"
        if code is None:
            problems.append(f"{where}: not of the form PFLINT_RULE(PFnnnn, PFnnnn_name): {stem}")
            continue
        if not stem.startswith(code + "_"):
            problems.append(f"{where}: file stem {stem} does not start with {code}_")
        if code <= previous:
            problems.append(f"{where}: {code} is not sorted after {previous} (or is listed twice)")
        previous = max(previous, code)
        listed.add(stem)
        path = rules / f"{stem}.cpp"
        if not path.is_file():
            problems.append(f"{where}: rules/{stem}.cpp does not exist")
            continue
        name = rule_name(path)
        if name is None or f"{code}_{name.replace('-', '_')}" != stem:
            problems.append(f"{where}: rules/{stem}.cpp has .name = {name!r}; the stem must be "
                            f"{code}_<name with '-' as '_'>")
    for path in sorted(rules.glob("PF*.cpp")):
        if path.stem not in listed:
            problems.append(f"rules/{path.name} is not listed in rules/rules.def")
    for p in problems:
        print(f"new_rule: {p}", file=sys.stderr)
    if not problems:
        print(f"rules.def: {len(entries)} rules, sorted, every file listed")
    return 1 if problems else 0


def header(code, name, summary):
    """// PFnnnn name — summary. wrapped at 100 columns."""
    words = f"{code} {name} — {summary}.".split(" ")
    lines, cur = [], "//"
    for w in words:
        if len(cur) + 1 + len(w) > 100 and cur != "//":
            lines.append(cur)
            cur = "//"
        cur += " " + w
    lines.append(cur)
    return "\n".join(lines)


def create(rules, code, name, severity, summary):
    if not CODE.match(code):
        return fail(f"malformed code {code!r}: PF, a range digit 1-5, three digits (src/lint/rule.hpp)")
    if not NAME.match(name):
        return fail(f"malformed name {name!r}: kebab-case, lower-case letters, digits and '-'")
    if severity not in SEVERITIES:
        return fail(f"unknown severity {severity!r}: one of {', '.join(SEVERITIES)}")
    if not summary or '"' in summary or "\\" in summary or "\n" in summary:
        return fail("the summary must be one non-empty line without '\"' or '\\'")
    entries, lines = read_list(rules)
    if any(c is None for _, c, _ in entries):
        return fail("rules/rules.def has a malformed line; run --check")
    if any(c == code for _, c, _ in entries):
        return fail(f"{code} is already listed in rules/rules.def")
    for path in sorted(rules.glob("PF*.cpp")):
        if path.name.startswith(code + "_"):
            return fail(f"{code} is already in use (rules/{path.name})")
        if rule_name(path) == name:
            return fail(f"the name {name} is already used by rules/{path.name}")
    stem = f"{code}_{name.replace('-', '_')}"
    target = rules / f"{stem}.cpp"
    target.write_text(TEMPLATE.format(header=header(code, name, summary), code=code, name=name,
                                      severity=severity, summary=summary))
    new_line = f"PFLINT_RULE({code}, {stem})"
    after = [n for n, c, _ in entries if c < code]
    at = after[-1] if after else (entries[0][0] - 1 if entries else len(lines))
    lines.insert(at, new_line)
    (rules / "rules.def").write_text("\n".join(lines) + "\n")
    print(f"wrote rules/{target.name} and added {new_line} to rules/rules.def\n"
          f"next: write the doc examples and the check, then "
          f"`pflint rules --write-docs docs/rules`")
    return 0


def main():
    ap = argparse.ArgumentParser(description="scaffold a pflint rule, or check rules/rules.def")
    ap.add_argument("code", nargs="?", help="PFnnnn")
    ap.add_argument("name", nargs="?", help="kebab-case name")
    ap.add_argument("--severity", help="error, warning or info")
    ap.add_argument("--summary", help="one line for `pflint rules` and SARIF")
    ap.add_argument("--check", action="store_true", help="check rules/rules.def against rules/")
    ap.add_argument("--root", type=pathlib.Path, default=ROOT, help="directory holding rules/")
    ns = ap.parse_args()
    rules = ns.root / "rules"
    if not (rules / "rules.def").is_file():
        return fail(f"{rules}/rules.def not found")
    if ns.check:
        if ns.code or ns.name:
            ap.error("--check takes no code or name")
        return check(rules)
    if not (ns.code and ns.name and ns.severity and ns.summary):
        ap.error("give CODE NAME --severity SEVERITY --summary TEXT, or --check")
    return create(rules, ns.code, ns.name, ns.severity, ns.summary)


if __name__ == "__main__":
    sys.exit(main())
