#!/usr/bin/env python3
"""run_lit.py — run one `pflint lsp --lit-test` transcript and check its output.

A transcript (tests/lsp/transcripts/*.test) is what `--lit-test` reads:
JSON-RPC messages separated by lines `---`, with `#` lines ignored by the
server. This runner reads directives from those `#` lines:

  # FIXTURE: NAME        copy tests/lsp/fixtures/NAME/ into a fresh temp dir
  # ARGS: --inlay-hints   extra `pflint lsp` arguments
  # CHECK: TEXT          TEXT must appear in the output, after the previous CHECK
  # CHECK-NOT: TEXT      TEXT must not appear between the previous and next CHECK
  # EXIT: N              the expected exit status (default 0)

`%DIR%` in the transcript stands for the fixture copy; in the output the
copy's path is turned back into `%DIR%` before matching, in the style of
clangd's lit tests (FileCheck is not needed).
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    pflint, test = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    text = open(test, encoding="utf-8").read()
    directives = [l[1:].strip() for l in text.splitlines() if l.startswith("#")]
    fixture = next((d.split(":", 1)[1].strip() for d in directives if d.startswith("FIXTURE:")), None)
    args = []
    for d in directives:
        if d.startswith("ARGS:"):
            args += d.split(":", 1)[1].split()
    expected_exit = int(next((d.split(":", 1)[1] for d in directives if d.startswith("EXIT:")), "0"))
    with tempfile.TemporaryDirectory(prefix="pflint-lsp-") as tmp:
        work = os.path.join(tmp, "etc")
        if fixture:
            shutil.copytree(os.path.join(here, "fixtures", fixture), work)
        else:
            os.makedirs(work)
        transcript = os.path.join(tmp, "transcript.test")
        with open(transcript, "w", encoding="utf-8") as f:
            f.write(text.replace("%DIR%", work))
        run = subprocess.run([pflint, "lsp", "--lit-test", transcript] + args, capture_output=True, timeout=60)
        out = run.stdout.decode("utf-8", "replace").replace(work, "%DIR%")
        err = run.stderr.decode("utf-8", "replace")
    failures = []
    if run.returncode != expected_exit:
        failures.append(f"exit status {run.returncode}, expected {expected_exit}")
    pos = 0
    pending_not = []
    for d in directives:
        if d.startswith("CHECK-NOT:"):
            pending_not.append(d.split(":", 1)[1].strip())
        elif d.startswith("CHECK:"):
            want = d.split(":", 1)[1].strip()
            at = out.find(want, pos)
            if at < 0:
                failures.append(f"CHECK not found after offset {pos}: {want}")
                continue
            for n in pending_not:
                if n in out[pos:at]:
                    failures.append(f"CHECK-NOT found before '{want}': {n}")
            pending_not = []
            pos = at + len(want)
    for n in pending_not:
        if n in out[pos:]:
            failures.append(f"CHECK-NOT found at the end: {n}")
    if failures:
        print("\n".join(failures))
        print("---- output ----")
        print(out)
        print("---- stderr ----")
        print(err)
        return 1
    print(f"ok: {os.path.basename(test)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
