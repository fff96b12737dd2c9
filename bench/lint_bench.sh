#!/usr/bin/env bash
# lint throughput benchmark (issue 12, "Lint throughput on big files"):
# `pflint check` on one big generated main.cf (bench/gen_main_cf.py), the
# findings written to a file as text, whole process, pinned to one core.
# Two files: about 20,000 lines (0.63 MB) and 10 MB. Prints the median wall
# and CPU time of RUNS runs (default 5) and MB/s of input (target >= 100).
# Needs a release build (PFLINT, default build/release/src/cli/pflint).
set -euo pipefail
cd "$(dirname "$0")/.."
PFLINT=${PFLINT:-build/release/src/cli/pflint}
RUNS=${RUNS:-5}
mkdir -p bench/out
for spec in "lines20k 0.63" "mb10 10"; do
  read -r name size <<< "$spec"
  dir=bench/out/lint-$name
  if [[ ! -f $dir/main.cf ]]; then
    mkdir -p "$dir"
    python3 bench/gen_main_cf.py "$dir/main.cf" "$size"
  fi
  : > "bench/out/lint-$name.times"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -a -o "bench/out/lint-$name.times" -f '%e %U %S' \
      taskset -c 0 "$PFLINT" check --fail-on never "$dir" > "bench/out/lint-$name.txt"
  done
  python3 - "$dir/main.cf" "bench/out/lint-$name.txt" "bench/out/lint-$name.times" <<'PY'
import os, statistics, sys
size = os.path.getsize(sys.argv[1]) / 1e6
lines = sum(1 for _ in open(sys.argv[1]))
out = os.path.getsize(sys.argv[2]) / 1e6
runs = [list(map(float, l.split())) for l in open(sys.argv[3]) if l.strip()]
wall = statistics.median(r[0] for r in runs)
cpu = statistics.median(r[1] + r[2] for r in runs)
rate = size / wall if wall > 0 else float("inf")
print(f"{lines} lines, {size:.2f} MB in, {out:.2f} MB of findings out: median of {len(runs)} runs "
      f"{wall * 1000:.0f} ms wall ({rate:.1f} MB/s, target >= 100: {'met' if rate >= 100 else 'MISSED'}), "
      f"{cpu * 1000:.0f} ms CPU ({size / max(cpu, 1e-9):.1f} MB/s)")
PY
done
