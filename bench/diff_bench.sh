#!/usr/bin/env bash
# diff benchmark (issue 10): `pflint diff --git HEAD~1..HEAD` over the
# 10,000-config repository (bench/gen_config_repo.py) made into a Git
# repository with two commits, the second changing the TLS level in 1% of
# the configs, against `pflint check` of the same tree once (target: diff
# <= 2 x check). Both runs pinned to one core, wall time, median of RUNS.
# Needs a release build (PFLINT, default build/release/src/cli/pflint).
set -euo pipefail
cd "$(dirname "$0")/.."
PFLINT=${PFLINT:-build/release/src/cli/pflint}
COUNT=${COUNT:-10000}
RUNS=${RUNS:-3}
OUT=bench/out/diff-repo
mkdir -p bench/out
if [[ ! -d $OUT/.git ]]; then
  rm -rf "$OUT"
  python3 bench/gen_config_repo.py "$OUT" "$COUNT"
  git -C "$OUT" init -q
  git -C "$OUT" config user.name bench
  git -C "$OUT" config user.email bench@example.invalid
  git -C "$OUT" config commit.gpgsign false
  git -C "$OUT" add -A
  git -C "$OUT" commit -qm one
  # One config in a hundred: its smtp_tls_security_level set to may.
  find "$OUT" -name main.cf | sort | awk 'NR % 100 == 0' | while read -r f; do
    if grep -q '^smtp_tls_security_level' "$f"; then
      sed -i 's/^smtp_tls_security_level = .*/smtp_tls_security_level = may/' "$f"
    else
      printf 'smtp_tls_security_level = may\n' >> "$f"
    fi
  done
  git -C "$OUT" commit -qam two
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {  # time_runs CMD... — median wall seconds of RUNS runs
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e' -o bench/out/diff.time taskset -c 0 "$@" > /dev/null 2>&1 || true
    cat bench/out/diff.time
  done | median
}
check=$(time_runs "$PFLINT" check --format json --fail-on never "$OUT")
diff=$(time_runs "$PFLINT" diff --git HEAD~1..HEAD --format json "$OUT")
"$PFLINT" diff --git HEAD~1..HEAD --format json "$OUT" > bench/out/diff.json
python3 - "$check" "$diff" bench/out/diff.json <<'PY'
import json, sys
check, diff = float(sys.argv[1]), float(sys.argv[2])
d = json.load(open(sys.argv[3]))
ratio = diff / check
print(f"diff of two revisions: {d['compared']} configs compared, {len(d['configs'])} changed, "
      f"{d['skipped_unchanged']} checked once; check {check:.2f} s, diff {diff:.2f} s = {ratio:.2f} x check "
      f"(target <= 2): {'met' if ratio <= 2 else 'MISSED'}")
PY
