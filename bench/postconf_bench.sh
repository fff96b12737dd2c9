#!/usr/bin/env bash
# postconf benchmark: whole-process time of `pflint postconf -n -c DIR` against
# the real `postconf -n -c DIR` and a static hello-world (bench/hello.c, built
# here: the process floor), side by side in one run, on a 60-line and a
# 20,000-line main.cf (bench/postconf_gen.py; stock master.cf; mtimes one hour
# back, so postconf's 1-second re-read of fresh files does not count).
# Targets (issue 12): 20,000 lines <= 0.15 x postconf; 60 lines <= 1.5 x the
# static hello-world (median wall times). Also prints the instruction counts
# (valgrind --tool=callgrind, when installed: steady where wall times on a
# shared machine move by +-30%), CPU times and peak RSS.
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
HELLO=$OUT/hello_static
${CC:-cc} -O2 -static -o "$HELLO" bench/hello.c || { echo "error: cannot build a static hello-world (libc6-dev)" >&2; exit 2; }
HELLO=$(realpath "$HELLO")
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

# instructions CMD... - instructions executed (callgrind), or "n/a".
instructions() {
  if ! command -v valgrind >/dev/null; then echo n/a; return; fi
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected :/ {print $NF}' | tail -n1
}

{
  echo "postconf benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo "pflint:   $PFLINT"
  echo "postconf: $POSTCONF ($($POSTCONF -d mail_version 2>/dev/null))"
  echo "method:   $(command -v hyperfine >/dev/null && hyperfine --version || echo 'date +%s%N loop'), median of $RUNS runs"
  echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (wall times on a busy machine are not meaningful; the cpu columns are user+sys)"
  echo
  printf '%-18s %9s %9s %9s %8s %8s %-22s %10s %11s %10s %9s %9s %10s %s\n' case "hello ms" "postconf" "pflint" \
    "/postconf" "/hello" "target" "pflint Ir" "postconf Ir" "pflint cpu" "post cpu" "min ratio" "pflint KiB" "same stdout"
} | tee "$OUT/../postconf.txt"

hello_ms=nan
for d in main60 main20k; do
  dir=$OUT/$d
  lines=$(wc -l < "$dir/main.cf")
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 3 --runs "$RUNS" --style none --export-json "$OUT/$d.json" \
      -n hello "$HELLO" -n postconf "$POSTCONF -n -c $dir" -n pflint "$PFLINT postconf -n -c $dir" >/dev/null 2>&1 || true
    read -r hello_ms real_ms pfl_ms real_cpu pfl_cpu min_ratio < <(python3 - "$OUT/$d.json" "$d" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = [f'{r[n]["median"] * 1000:.2f}' if n in r else "nan" for n in ("hello", "postconf", "pflint")]
cpu = [f'{(r[n]["user"] + r[n]["system"]) * 1000:.2f}' if n in r else "nan" for n in ("postconf", "pflint")]
# The fastest run of each is the least disturbed by other load: its ratio too.
against = "hello" if sys.argv[2] == "main60" else "postconf"
mins = {n: min(r[n]["times"]) for n in ("pflint", against) if n in r}
ratio = f'{mins["pflint"] / mins[against]:.3f}' if len(mins) == 2 else "nan"
print(" ".join(med + cpu + [ratio]))
PY
)
  else
    hello_ms=$(ms_median "$HELLO")
    real_ms=$(ms_median "$POSTCONF" -n -c "$dir")
    pfl_ms=$(ms_median "$PFLINT" postconf -n -c "$dir")
    real_cpu=n/a pfl_cpu=n/a min_ratio=n/a
  fi
  pfl_ir=$(instructions "$PFLINT" postconf -n -c "$dir")
  real_ir=$(instructions "$POSTCONF" -n -c "$dir")
  pfl_kb=$(peak_rss "$PFLINT" postconf -n -c "$dir")
  "$POSTCONF" -n -c "$dir" > "$OUT/$d.postconf.out" 2>/dev/null || true
  "$PFLINT" postconf -n -c "$dir" > "$OUT/$d.pflint.out" 2>/dev/null || true
  same=$(cmp -s "$OUT/$d.postconf.out" "$OUT/$d.pflint.out" && echo yes || echo NO)
  # The 60-line file is measured against the process floor, the big one against postconf.
  if [[ $d == main60 ]]; then against=hello limit=1.5; else against=postconf limit=0.15; fi
  awk -v c="-n, $lines lines" -v h="$hello_ms" -v a="$real_ms" -v b="$pfl_ms" -v kb="$pfl_kb" -v s="$same" \
      -v ca="$real_cpu" -v cb="$pfl_cpu" -v ia="$real_ir" -v ib="$pfl_ir" -v against="$against" -v limit="$limit" -v mr="$min_ratio" 'BEGIN {
    num = "^[0-9]+([.][0-9]+)?$"
    rp = (a ~ num && b ~ num && a > 0) ? b / a : -1
    rh = (h ~ num && b ~ num && h > 0) ? b / h : -1
    r = against == "hello" ? rh : rp
    verdict = (r >= 0 && r <= limit) ? "met" : "MISSED"
    printf "%-18s %9s %9s %9s %8.3f %8.2f %-22s %10s %11s %10s %9s %9s %10s %s\n", c, h, a, b, rp, rh,
      "<=" limit "x " against " " verdict, ib, ia, cb, ca, mr, kb, s }' |
    tee -a "$OUT/../postconf.txt"
done
