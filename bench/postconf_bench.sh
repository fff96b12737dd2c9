#!/usr/bin/env bash
# postconf benchmark: whole-process time of `pflint postconf -n -c DIR` against
# the real `postconf -n -c DIR`, side by side in one run, on a 60-line and a
# 20,000-line main.cf (bench/postconf_gen.py; stock master.cf; mtimes one hour
# back, so postconf's 1-second re-read of fresh files does not count).
# Target: pflint <= 0.1 x postconf (median wall time). Also reports peak RSS.
#
# Usage: bench/postconf_bench.sh            (PFLINT=path/to/pflint, RUNS=50)
# Uses hyperfine when installed (apt-get install -y hyperfine), else a loop
# timed with date +%s%N. Results go to bench/out/postconf.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PFLINT=${PFLINT:-build/release/src/cli/pflint}
POSTCONF=${POSTCONF:-/usr/sbin/postconf}
RUNS=${RUNS:-50}
OUT=bench/out/postconf
mkdir -p "$OUT"
[[ -x $POSTCONF ]] || { echo "error: $POSTCONF not found (apt-get install postfix)" >&2; exit 2; }
[[ -x $PFLINT ]] || { echo "error: $PFLINT not found (build it, or set PFLINT=...)" >&2; exit 2; }
PFLINT=$(realpath "$PFLINT")
python3 bench/postconf_gen.py "$OUT"

# ms_median CMD... — median wall time in ms over $RUNS runs (after 3 warm-ups).
ms_median() {
  local i t0 t1
  for i in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000))
  done | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f\n", m / 1000}'
}
# peak_rss CMD... — largest max-RSS (KiB) of 3 runs, or "n/a".
peak_rss() {
  if [[ ! -x /usr/bin/time ]]; then echo n/a; return; fi
  local i r best=0
  for i in 1 2 3; do
    /usr/bin/time -f '%M' -o "$OUT/rss.txt" "$@" >/dev/null 2>&1 || true
    r=$(tail -n1 "$OUT/rss.txt")
    if [[ $r =~ ^[0-9]+$ ]] && ((r > best)); then best=$r; fi
  done
  echo "$best"
}

{
  echo "postconf benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo "pflint:   $PFLINT"
  echo "postconf: $POSTCONF ($($POSTCONF -d mail_version 2>/dev/null))"
  echo "method:   $(command -v hyperfine >/dev/null && hyperfine --version || echo 'date +%s%N loop'), median of $RUNS runs"
  echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (wall times on a busy machine are not meaningful; the cpu columns are user+sys)"
  echo
  printf '%-18s %11s %10s %7s %-12s %12s %10s %12s %10s %s\n' case "postconf ms" "pflint ms" ratio "target" \
    "postconf cpu" "pflint cpu" "postconf KiB" "pflint KiB" "same stdout"
} | tee "$OUT/../postconf.txt"

for d in main60 main20k; do
  dir=$OUT/$d
  lines=$(wc -l < "$dir/main.cf")
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 3 --runs "$RUNS" --style none --export-json "$OUT/$d.json" \
      -n postconf "$POSTCONF -n -c $dir" -n pflint "$PFLINT postconf -n -c $dir" >/dev/null 2>&1 || true
    read -r real_ms pfl_ms real_cpu pfl_cpu < <(python3 - "$OUT/$d.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = [f'{r[n]["median"] * 1000:.2f}' if n in r else "nan" for n in ("postconf", "pflint")]
cpu = [f'{(r[n]["user"] + r[n]["system"]) * 1000:.2f}' if n in r else "nan" for n in ("postconf", "pflint")]
print(" ".join(med + cpu))
PY
)
  else
    real_ms=$(ms_median "$POSTCONF" -n -c "$dir")
    pfl_ms=$(ms_median "$PFLINT" postconf -n -c "$dir")
    real_cpu=n/a pfl_cpu=n/a
  fi
  real_kb=$(peak_rss "$POSTCONF" -n -c "$dir")
  pfl_kb=$(peak_rss "$PFLINT" postconf -n -c "$dir")
  "$POSTCONF" -n -c "$dir" > "$OUT/$d.postconf.out" 2>/dev/null || true
  "$PFLINT" postconf -n -c "$dir" > "$OUT/$d.pflint.out" 2>/dev/null || true
  same=$(cmp -s "$OUT/$d.postconf.out" "$OUT/$d.pflint.out" && echo yes || echo NO)
  awk -v c="-n, $lines lines" -v a="$real_ms" -v b="$pfl_ms" -v ka="$real_kb" -v kb="$pfl_kb" -v s="$same" \
      -v ca="$real_cpu" -v cb="$pfl_cpu" 'BEGIN {
    num = "^[0-9]+([.][0-9]+)?$"
    ratio = (a ~ num && b ~ num && a > 0) ? b / a : -1
    verdict = (ratio >= 0 && ratio <= 0.1) ? "met" : "MISSED"
    printf "%-18s %11s %10s %7.3f %-12s %12s %10s %12s %10s %s\n", c, a, b, ratio, "<=0.1 " verdict, ca, cb, ka, kb, s }' |
    tee -a "$OUT/../postconf.txt"
done
