#!/usr/bin/env bash
# check benchmark (issue: pflint check). Two measurements, side by side:
#  1. `pflint check` over a synthetic repository of 10,000 config dirs in one
#     process, pinned to one core with -j 1: configs per second (target >= 10,000),
#     then with -j 2 on two cores (target >= 1.8 x the one-core rate);
#  2. `pflint check` on one typical config dir against the real
#     `postconf -n` on the same dir, whole-process time (target <= 0.1 x).
# Needs a release build (PFLINT, default build/release/src/cli/pflint) and
# Debian's postfix package; hyperfine if installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PFLINT=${PFLINT:-build/release/src/cli/pflint}
COUNT=${COUNT:-10000}
OUT=bench/out/check-repo
mkdir -p bench/out
if [[ ! -d $OUT || $(find "$OUT" -name main.cf | wc -l) -ne $COUNT ]]; then
  rm -rf "$OUT"
  python3 bench/gen_config_repo.py "$OUT" "$COUNT"
fi
find "$OUT" -type f -exec touch -d '1 hour ago' {} +

# RUNS whole runs (default 3), each pinned to core 0, report to a file as a
# CI job would: wall, CPU (user+sys) and peak RSS of each; medians printed.
RUNS=${RUNS:-3}
: > bench/out/check-repo.times
for _ in $(seq "$RUNS"); do
  /usr/bin/time -a -o bench/out/check-repo.times -f '%e %U %S %M' \
    taskset -c 0 "$PFLINT" check -j 1 --format json --fail-on never "$OUT" > bench/out/check-repo.json
done
# The same on the two cores with -j 2 (report identical to -j 1's).
: > bench/out/check-repo-j2.times
for _ in $(seq "$RUNS"); do
  /usr/bin/time -a -o bench/out/check-repo-j2.times -f '%e %U %S %M' \
    taskset -c 0,1 "$PFLINT" check -j 2 --format json --fail-on never "$OUT" > bench/out/check-repo-j2.json
done
cmp -s bench/out/check-repo.json bench/out/check-repo-j2.json || echo "MISMATCH: -j 2 report differs from -j 1"
python3 - "$COUNT" bench/out/check-repo.json bench/out/check-repo.times bench/out/check-repo-j2.times <<'PY'
import json, statistics, sys
count = int(sys.argv[1])
report = json.load(open(sys.argv[2]))
runs = [list(map(float, line.split())) for line in open(sys.argv[3]) if line.strip()]
wall = statistics.median(r[0] for r in runs)
cpu = statistics.median(r[1] + r[2] for r in runs)
rss = max(r[3] for r in runs) / 1024
rate = count / wall
print(f"repository: {report['summary']['configs']} configs, {len(report['findings'])} findings, "
      f"median of {len(runs)} runs on one core: {wall:.2f} s wall = {rate:.0f} configs/s "
      f"(target >= 10000): {'met' if rate >= 10000 else 'MISSED'}; CPU {cpu:.2f} s = {count / cpu:.0f} configs/s; "
      f"peak RSS {rss:.1f} MB")
runs2 = [list(map(float, line.split())) for line in open(sys.argv[4]) if line.strip()]
wall2 = statistics.median(r[0] for r in runs2)
print(f"-j 2 on two cores: {wall2:.2f} s wall = {count / wall2:.0f} configs/s, {wall / wall2:.2f} x one core "
      f"(target >= 1.8): {'met' if wall / wall2 >= 1.8 else 'MISSED'}")
PY

ONE=$OUT/host00000/postfix
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 10 --runs 100 --export-json bench/out/check-one.json \
    "$PFLINT check $ONE" "/usr/sbin/postconf -c $ONE -n" > /dev/null
  python3 - bench/out/check-one.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
pf, pc = r[0]["mean"], r[1]["mean"]
print(f"one config dir: pflint check {pf*1000:.2f} ms, postconf -n {pc*1000:.2f} ms, ratio {pf/pc:.3f} "
      f"(target <= 0.1): {'met' if pf/pc <= 0.1 else 'MISSED'}")
PY
else
  echo "hyperfine not installed: install it (apt-get install hyperfine) for the one-dir comparison"
fi
