#!/usr/bin/env python3
"""Every fix, proved against the real postconf.

Each tests/fix/cases/*.case holds a problematic config, the fixed files byte
for byte, and the difference the fix makes to what the real postconf reads
(`postconf -c DIR -n`, `-M` and `-P`, as sorted -/+ lines). For each case: copy
the config to a temp dir, run `pflint check --fix --select CODE [flags]`,
compare the files, run postconf on both sides and compare the difference;
postconf must print no warning after the fix that it did not print before
(line numbers aside). A safe fix must say `policy: same`, and then
`pflint policy` shows the same levels before and after. Every rule that
`pflint rules` lists with a fix class must have a case.

Case format: `key: value` header lines (code, flags, policy), then sections
`=== main.cf`, `=== master.cf`, `=== fixed main.cf`, `=== fixed master.cf`
(absent: the file must not change), `=== postconf`. A case without a
master.cf gets the stock `smtp unix` client entry. `<CR>` stands for a
carriage return byte.

usage: postconf_cases.py PFLINT POSTCONF CASES_DIR [--print NAME]
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile


def parse(path):
    head, sections, current = {}, {}, None
    for line in path.read_text().split("\n"):
        if line.startswith("=== "):
            current = line[4:].strip()
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
        elif line and not line.startswith("#"):
            key, _, value = line.partition(":")
            head[key.strip()] = value.strip()
    text = {}
    for name, lines in sections.items():
        while lines and lines[-1] == "":
            lines.pop()
        body = "\n".join(lines) + ("\n" if lines else "")
        text[name] = body.replace("<CR>", "\r")
    return head, text


def postconf(tool, d):
    out, warnings = [], []
    for flag in ("-n", "-M", "-P"):
        r = subprocess.run([tool, "-c", d, flag], capture_output=True, text=True, timeout=30)
        out += [f"{flag} {line}" for line in r.stdout.splitlines()]
        warnings += [re.sub(r"\d+", "N", w.replace(d, "DIR")) for w in r.stderr.splitlines()]
    return out, warnings


def levels(pflint, d, flags):
    r = subprocess.run([pflint, "policy", "-c", d, "--format", "json", *flags], capture_output=True, text=True, timeout=30)
    found = []

    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "level" and isinstance(v, str):
                    found.append(f"{path}: {v}")
                else:
                    walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")

    if r.returncode != 0:
        return [f"pflint policy failed: {r.stderr.strip()}"]
    walk(json.loads(r.stdout), "")
    return found


def run_case(pflint, tool, path):
    head, text = parse(path)
    code = head["code"]
    flags = head.get("flags", "").split()
    policy_flags = flags[flags.index("--postfix-version"):][:2] if "--postfix-version" in flags else []
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        d = str(pathlib.Path(tmp) / "etc")
        pathlib.Path(d).mkdir()
        # postconf needs a main.cf, and without a master.cf it warns and
        # sleeps; the stock smtp client entry gives `pflint policy` a service.
        text.setdefault("main.cf", "")
        text.setdefault("master.cf", "smtp      unix  -       -       y       -       -       smtp\n")
        for name in ("main.cf", "master.cf"):
            if name in text:
                (pathlib.Path(d) / name).write_bytes(text[name].encode())
        before, warned_before = postconf(tool, d)
        levels_before = levels(pflint, d, policy_flags)
        r = subprocess.run([pflint, "check", "--fix", "--select", code, *flags, d], capture_output=True, text=True, timeout=30)
        if not re.search(rf"fixed \d+ findings? \({code}: \d+", r.stderr):
            problems.append(f"no {code} fix applied: {r.stderr.strip()}")
        fixed = {}
        for name in ("main.cf", "master.cf"):
            p = pathlib.Path(d) / name
            if p.exists():
                fixed[name] = p.read_bytes().decode()
                want = text.get("fixed " + name, text.get(name))
                if fixed[name] != want:
                    problems.append(f"{name} after the fix:\n{fixed[name]!r}\nexpected:\n{want!r}")
        after, warned_after = postconf(tool, d)
        diff = sorted([f"- {l}" for l in before if l not in after] + [f"+ {l}" for l in after if l not in before])
        want = [l for l in text.get("postconf", "").splitlines() if l]
        if diff != want:
            problems.append("postconf difference:\n" + "\n".join(diff) + "\nexpected:\n" + "\n".join(want))
        new = [w for w in warned_after if w not in warned_before]
        if new:
            problems.append("new postconf warnings: " + "; ".join(new))
        levels_after = levels(pflint, d, policy_flags)
        if head.get("policy") == "same" and levels_before != levels_after:
            problems.append(f"policy levels changed: {levels_before} -> {levels_after}")
        if head.get("policy") not in ("same", "differs"):
            problems.append("header policy: must be same or differs")
        if "--unsafe-fixes" not in flags and head.get("policy") != "same":
            problems.append("a safe fix must keep the policy (policy: same)")
        if "--print" in sys.argv:
            for name, body in fixed.items():
                print(f"=== fixed {name}\n{body.replace(chr(13), '<CR>')}", end="")
            print("=== postconf\n" + "\n".join(diff))
    return problems


def main():
    pflint, tool, cases = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    if not shutil.which(tool):
        print(f"FAIL: {tool} not found (install Debian's postfix)")
        return 1
    only = sys.argv[sys.argv.index("--print") + 1] if "--print" in sys.argv else None
    failures, count, codes = 0, 0, set()
    for path in sorted(cases.glob("*.case")):
        if only and path.stem != only:
            continue
        count += 1
        codes.add(parse(path)[0]["code"])
        problems = run_case(pflint, tool, path)
        print(f"{'FAIL' if problems else 'ok'} {path.name}", flush=True)
        for p in problems:
            failures += 1
            print(f"FAIL {path.name}: {p}")
    if not only:
        catalog = json.loads(subprocess.run([pflint, "rules", "--format", "json"], capture_output=True, timeout=30,
                                            text=True).stdout)
        for rule in catalog:
            if rule["fix"] != "no fix" and rule["code"] not in codes:
                failures += 1
                print(f"FAIL: {rule['code']} offers a {rule['fix']} fix but has no case in {cases}")
    print(f"{count} cases, {len(codes)} codes, {failures} failures")
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
