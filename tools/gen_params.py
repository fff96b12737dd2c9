#!/usr/bin/env python3
# NAME
#   gen_params.py - generate src/params/params_table.inc from data/
#
# DESCRIPTION
#   Reads the curated parameter facts (data/params.tsv), the dated
#   default-value changes after 3.7 (data/default-history.tsv) and the
#   postconf deprecation table (data/deprecations.tsv), cross-checks them,
#   and writes the C++ table that src/params/params.cpp compiles in: constexpr
#   arrays of aggregates with std::string_view fields, sorted by strcmp byte
#   order so that lookups are binary searches and nothing runs at startup.
#
#   python3 tools/gen_params.py           rewrite the .inc file
#   python3 tools/gen_params.py --check   exit 1 if the committed file is stale
#
# DIAGNOSTICS
#   Exits 1 with "gen_params: ..." on malformed data, on a history that does
#   not reproduce default_3_7 at 3.7.11 or default_latest at 3.12, or (with
#   --check) when the committed file differs from what the data produces.
#
# SEE ALSO
#   data/README.md (columns and provenance), src/params/params.hpp (the API).
#   Python 3 standard library only.

import argparse
import csv
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUT = ROOT / "src" / "params" / "params_table.inc"

TYPES = {"bool": "bool_", "int": "int_", "long": "long_", "time": "time", "str": "str",
         "raw": "raw", "nint": "nint", "nbool": "nbool"}
KINDS = {"literal", "buildtime", "version", "openssl", "computed", "readonly", "legacy"}
SEPARATORS = {"": "none", "comma/space": "comma_space", "comma/space/colon": "comma_space_colon",
              "comma": "comma", "space": "space"}
MAX_BACKPORTS = 5
LATEST = (3, 12, 0)
DEBIAN_3_7 = (3, 7, 11)


def fail(msg):
    print(f"gen_params: {msg}", file=sys.stderr)
    sys.exit(1)


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, r in enumerate(rows, start=2):
        if None in r or any(v is None for v in r.values()):
            fail(f"{path.name}:{i}: wrong number of columns")
    return rows


def parse_version(text, where):
    m = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", text)
    if not m:
        fail(f"{where}: bad version {text!r}")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


def packed(v):
    return 0 if v is None else (v[0] << 16) | (v[1] << 8) | v[2]


def version_list(text, where):
    vs = [parse_version(t, where) for t in text.split()]
    if len(vs) > MAX_BACKPORTS:
        fail(f"{where}: more than {MAX_BACKPORTS} backports")
    return vs


def applies(since, backports, v):
    """True if a fact dated `since` (with backports) holds at version v."""
    if v >= since:
        return True
    return any(b[:2] == v[:2] and v[2] >= b[2] for b in backports)


def cxx_string(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "?":
            out.append("\\?")  # no trigraph surprises
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            fail(f"non-printable or non-ASCII character in {s!r}")
    return '"' + "".join(out) + '"'


def sv(s):
    return cxx_string(s) + "sv"


def load():
    params = read_tsv(DATA / "params.tsv")
    history = read_tsv(DATA / "default-history.tsv")
    deprecations = read_tsv(DATA / "deprecations.tsv")
    return params, history, deprecations


def build_steps(params_by_name, history):
    steps = {}
    for i, h in enumerate(history, start=2):
        where = f"default-history.tsv:{i}"
        if h["name"] not in params_by_name:
            fail(f"{where}: unknown parameter {h['name']!r}")
        since = parse_version(h["since"], where)
        backports = version_list(h["backported_in"], where)
        if not h["evidence"]:
            fail(f"{where}: evidence column is empty")
        steps.setdefault(h["name"], []).append((since, backports, h["default"]))
    for name, lst in steps.items():
        lst.sort(key=lambda s: s[0])
    return steps


def default_at(p, steps, v):
    value = p["default_3_7"] if p["in_3_7"] == "yes" else p["default_latest"]
    for since, backports, text in steps.get(p["name"], []):
        if applies(since, backports, v):
            value = text
    return value


def cross_check(params, steps):
    for p in params:
        if p["default_kind"] not in ("literal", "openssl"):
            continue
        if p["in_3_7"] == "yes" and default_at(p, steps, DEBIAN_3_7) != p["default_3_7"]:
            fail(f"{p['name']}: history does not reproduce default_3_7 at 3.7.11")
        if not p["removed_in"] and default_at(p, steps, LATEST) != p["default_latest"]:
            fail(f"{p['name']}: history does not reproduce default_latest at 3.12 "
                 f"(add a row to data/default-history.tsv)")


def param_row(p, steps_index):
    name = p["name"]
    where = f"params.tsv:{name}"
    if p["type"] not in TYPES:
        fail(f"{where}: bad type {p['type']!r}")
    if p["default_kind"] not in KINDS:
        fail(f"{where}: bad default_kind {p['default_kind']!r}")
    if p["list_separator"] not in SEPARATORS:
        fail(f"{where}: bad list_separator {p['list_separator']!r}")
    since = None if p["since"] == "old" else parse_version(p["since"], where)
    dep = parse_version(p["deprecated_since"], where) if p["deprecated_since"] else None
    rem = parse_version(p["removed_in"], where) if p["removed_in"] else None
    backports = version_list(p["backported_in"], where)
    bp = ", ".join(str(packed(b)) for b in backports + [None] * (MAX_BACKPORTS - len(backports)))
    begin, count = steps_index.get(name, (0, 0))
    kind = p["default_kind"]
    in37 = p["in_3_7"]
    return ("    {" + f"{sv(name)}, param_type::{TYPES[p['type']]}, default_kind::{kind}, "
            f"list_separator::{SEPARATORS[p['list_separator']]},\n"
            f"     {packed(since)}u, {packed(dep)}u, {packed(rem)}u, {{{bp}}},\n"
            f"     {sv(p['replacement'])}, {sv(p['compat_default'])},\n"
            f"     {sv(p['default_3_7'])},\n"
            f"     {sv(p['default_latest'])},\n"
            f"     {'true' if in37 == 'yes' else 'false'}, {begin}, {count}}},\n")


SERVICE_RE = re.compile(r"whose command is: ([a-z ]+); ")
TYPE_RE = re.compile(r"value type (\w+)")


def service_rows(templates):
    out = []
    for t in sorted(templates, key=lambda r: r["name"].encode()):
        suffix = t["name"][len("<transport>"):]
        m = SERVICE_RE.search(t["notes"])
        tm = TYPE_RE.search(t["notes"])
        if not t["name"].startswith("<transport>_") or not m or not tm or tm.group(1) not in TYPES:
            fail(f"params.tsv: cannot parse template row {t['name']!r}")
        commands = m.group(1).split()
        mask = " | ".join(f"command_bit::{c}_" for c in commands)
        generic = t["default_latest"]
        if not generic.startswith("$"):
            fail(f"params.tsv: template {t['name']!r} default is not $generic")
        since = None if t["since"] == "old" else parse_version(t["since"], t["name"])
        out.append("    {" + f"{sv(suffix)}, {sv(generic[1:])}, param_type::{TYPES[tm.group(1)]}, "
                   f"{packed(since)}u, static_cast<std::uint8_t>({mask})}},\n")
    return out


def generate():
    params, history, deprecations = load()
    templates = [p for p in params if p["in_3_7"] == "template"]
    params = [p for p in params if p["in_3_7"] != "template"]
    by_name = {p["name"]: p for p in params}
    if len(by_name) != len(params):
        fail("params.tsv: duplicate names")
    steps = build_steps(by_name, history)
    cross_check(params, steps)

    params.sort(key=lambda p: p["name"].encode())
    step_lines, steps_index = [], {}
    for p in params:
        lst = steps.get(p["name"], [])
        if lst:
            steps_index[p["name"]] = (len(step_lines), len(lst))
        for since, backports, text in lst:
            bp = ", ".join(str(packed(b)) for b in backports + [None] * (MAX_BACKPORTS - len(backports)))
            step_lines.append(f"    {{{packed(since)}u, {{{bp}}}, {sv(text)}}},\n")

    dep_lines = []
    for i, d in enumerate(sorted(deprecations, key=lambda r: r["name"].encode()), start=2):
        v = parse_version(d["added_in"], f"deprecations.tsv:{i}")
        dep_lines.append(f"    {{{sv(d['name'])}, {packed(v)}u, {sv(d['alternative'])}}},\n")

    head = ("// GENERATED by tools/gen_params.py from data/params.tsv, data/default-history.tsv\n"
            "// and data/deprecations.tsv. Do not edit: change the data and run\n"
            "// `python3 tools/gen_params.py` (CTest runs it with --check).\n"
            f"// {len(params)} parameters, {len(step_lines)} default changes, "
            f"{len(dep_lines)} deprecations, {len(templates)} service templates.\n"
            "// Versions are packed as (major << 16) | (minor << 8) | patch; 0 = none/old.\n\n")
    body = ["inline constexpr default_step k_default_steps[] = {\n", *step_lines, "};\n\n",
            "inline constexpr param_info k_params[] = {\n",
            *(param_row(p, steps_index) for p in params), "};\n\n",
            "inline constexpr deprecation k_deprecations[] = {\n", *dep_lines, "};\n\n",
            "inline constexpr service_template k_service_templates[] = {\n",
            *service_rows(templates), "};\n"]
    return head + "".join(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1] if __doc__ else None)
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if the committed output is out of date")
    args = ap.parse_args()
    text = generate()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            fail(f"{OUT.relative_to(ROOT)} is out of date with data/; "
                 "run `python3 tools/gen_params.py` and commit the result")
        print(f"gen_params: {OUT.relative_to(ROOT)} is up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"gen_params: wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
