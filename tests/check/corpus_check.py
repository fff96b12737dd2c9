#!/usr/bin/env python3
"""corpus_check.py — run `pflint check` over every real config in ../shared/corpus.

Each corpus main.cf is checked with Debian's stock master.cf beside it, each
master.cf with an empty main.cf, and each policy file as a texthash table of
a minimal main.cf. The test fails if pflint crashes (signal, or exit status
other than 0/1/2), and if an error-level finding appears that is not listed
in corpus_expected_errors.tsv (findings reviewed as true: each line says
why). It prints how often each rule fired, for the issue notes.

A file the real postconf rejects (fatal error) may have error findings;
for the others every error finding must be listed as reviewed.

Without SHARED_DIR/corpus it prints "skipped: ../shared not present" and
exits 77, which CTest reports as Skipped.

Usage: corpus_check.py PFLINT SHARED_DIR EXPECTED_TSV
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

STOCK_MASTER = "/usr/share/postfix/master.cf.dist"
SKIPPED = 77  # CTest SKIP_RETURN_CODE (tests/check/CMakeLists.txt): no corpus, nothing ran


def load_expected(path):
    expected = set()
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            file, code, _why = line.split("\t", 2)
            expected.add((file, code))
    return expected


def templates(shared):
    result = set()
    with open(os.path.join(shared, "corpus", "MANIFEST.tsv")) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if row.get("template") == "yes":
                result.add(row["file"])
    return result


def postconf_accepts(d, master):
    """The real postconf's verdict on the same directory (mtimes back-dated)."""
    for name in os.listdir(d):
        os.utime(os.path.join(d, name), (0, 0))
    args = ["/usr/sbin/postconf", "-c", d, "-M" if master else "-n"]
    return subprocess.run(args, capture_output=True, timeout=60).returncode == 0


def run_one(pflint, corpus_name, main_text, master_text, policy_text=None):
    """pflint's JSON report and whether the real postconf accepts the files."""
    with tempfile.TemporaryDirectory() as d:
        if main_text is not None:
            with open(os.path.join(d, "main.cf"), "wb") as f:
                f.write(main_text)
        if master_text is not None:
            with open(os.path.join(d, "master.cf"), "wb") as f:
                f.write(master_text)
        if policy_text is not None:
            with open(os.path.join(d, "tls_policy"), "wb") as f:
                f.write(policy_text)
        p = subprocess.run([pflint, "check", "--format", "json", "--fail-on", "never", "--include-templates", d],
                           capture_output=True, timeout=60)
        if p.returncode not in (0, 1, 2) or not p.stdout:
            return None, False, f"{corpus_name}: exit status {p.returncode}: {p.stderr.decode(errors='replace')[:500]}"
        return json.loads(p.stdout), postconf_accepts(d, corpus_name.startswith("master/")), None


def main():
    pflint, shared, expected_path = sys.argv[1:4]
    corpus = os.path.join(shared, "corpus")
    if not os.path.isdir(corpus):
        print("skipped: ../shared not present")
        return SKIPPED
    if not os.path.exists(STOCK_MASTER):
        print(f"FAIL: {STOCK_MASTER} missing (install Debian's postfix package)")
        return 1
    expected = load_expected(expected_path)
    stock_master = open(STOCK_MASTER, "rb").read()
    counts = collections.Counter()
    per_file_codes = collections.defaultdict(set)
    failures = []
    checked = 0
    rejected = []
    jobs = []
    for name in sorted(os.listdir(os.path.join(corpus, "main"))):
        jobs.append((f"main/{name}", open(os.path.join(corpus, "main", name), "rb").read(), stock_master, None))
    for name in sorted(os.listdir(os.path.join(corpus, "master"))):
        jobs.append((f"master/{name}", b"", open(os.path.join(corpus, "master", name), "rb").read(), None))
    for name in sorted(os.listdir(os.path.join(corpus, "policy"))):
        # A plausible main.cf around the table: CA bundle, modern compatibility level.
        main = (b"compatibility_level = 3.6\nsmtp_tls_security_level = may\n"
                b"smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n"
                b"smtp_tls_policy_maps = texthash:${config_directory}/tls_policy\n")
        jobs.append((f"policy/{name}", main, stock_master, open(os.path.join(corpus, "policy", name), "rb").read()))
    for corpus_name, main_text, master_text, policy_text in jobs:
        report, accepted, error = run_one(pflint, corpus_name, main_text, master_text, policy_text)
        checked += 1
        if error:
            failures.append(error)
            continue
        if not accepted:
            rejected.append(corpus_name)
        for finding in report["findings"]:
            counts[finding["code"]] += 1
            per_file_codes[corpus_name].add(finding["code"])
            # Files the real postconf rejects may have any error; the others
            # only the reviewed ones.
            if accepted and finding["severity"] == "error" and (corpus_name, finding["code"]) not in expected:
                where = finding.get("file") or "-"
                line = finding["span"]["start"][0] if finding.get("span") else 0
                failures.append(f"{corpus_name}: unexpected error {finding['code']} at "
                                f"{os.path.basename(where)}:{line}: {finding['message']}")
    unused = [e for e in expected if e[1] not in per_file_codes.get(e[0], set())]
    for file, code in sorted(unused):
        failures.append(f"{file}: expected {code} (listed in {os.path.basename(expected_path)}) did not fire")
    print(f"checked {checked} corpus files; the real postconf rejects {len(rejected)}: {' '.join(rejected)}")
    for code, n in sorted(counts.items()):
        files = sum(1 for codes in per_file_codes.values() if code in codes)
        print(f"  {code}: {n} findings in {files} files")
    for f in failures:
        print("FAIL: " + f)
    print(f"{checked - len(failures) if len(failures) <= checked else 0} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
